"""typosquat: a name close to a popular package name while not popular itself.

Checks, in order (the first hit wins):
- separator confusion: equal once `-`, `_`, `.` are removed (`crossenv` vs `cross-env`);
- scope confusion: a scoped name whose scope and name, joined differently, give a popular
  name (`@types-node/x` -> `@types/node`, `@typesnode/x`), or an unscoped name that is a
  popular scoped one without its `@`/`/` (`types-node` -> `@types/node`);
- - scope typo: `@bable/core` when `@babel/core` is popular;
- edit distance for unscoped names (rapidfuzz optimal string alignment, so a swap of two
  neighbours counts as one edit): at most 1 below 12 characters, at most 2 from 12 on;
  names under 5 characters are not compared (too many legitimate neighbours), nor are a
  popular name plus a version number (`pngjs2`). Scoped names are only checked for scope
  confusion: inside a scope only its owner can publish.
Targets are the first `TARGETS` names of `data/popular-packages.txt`; no name in that file
is ever flagged. Comparisons are bucketed by length, so a 2,000-package tree takes
milliseconds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reviewer.signals.finding import Evidence, Finding, Severity

SIGNAL = "typosquat"
TARGETS = 5000
MIN_LENGTH = 5
LONG_NAME = 12
_NUMBER_SUFFIX = re.compile(r"[-_.]?\d+$")
_SEPARATORS = re.compile(r"[-_.]")


@dataclass(frozen=True, slots=True)
class PopularNames:
    names: frozenset[str]
    """Every name in the list: never flagged."""
    targets_by_length: dict[int, list[str]]
    by_squashed: dict[str, str]
    """Separator-free form -> the most popular target with that form."""
    scoped_by_joined: dict[str, str]
    """`@a/b` written as `a-b`, `ab`, `a_b` -> `@a/b` (popular scoped targets)."""
    scopes: dict[str, tuple[str, ...]]
    """Unscoped part -> the popular scopes publishing it (`core` -> `babel`, `angular`...)."""


def _squash(name: str) -> str:
    return _SEPARATORS.sub("", name.lower())


def build_popular(lines: list[str], targets: int = TARGETS) -> PopularNames:
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    by_length: dict[int, list[str]] = defaultdict(list)
    by_squashed: dict[str, str] = {}
    scoped: dict[str, str] = {}
    scopes: dict[str, list[str]] = defaultdict(list)
    for name in names[:targets]:
        by_squashed.setdefault(_squash(name), name)
        if name.startswith("@") and "/" in name:
            scope, _, rest = name[1:].partition("/")
            scopes[rest].append(scope)
            for sep in ("-", "", "_", "."):
                scoped.setdefault(f"{scope}{sep}{rest}", name)
        else:
            by_length[len(name)].append(name)
    return PopularNames(frozenset(names), dict(by_length), by_squashed, scoped,
                        {k: tuple(v) for k, v in scopes.items()})


@lru_cache(maxsize=1)
def popular_names() -> PopularNames:
    """The shipped list (loaded once)."""
    text = resources.files("reviewer.signals").joinpath("data/popular-packages.txt").read_text("utf-8")
    return build_popular(text.splitlines())


@dataclass(frozen=True, slots=True)
class Lookalike:
    target: str
    kind: str
    """"separator", "scope" or "edit-distance"."""
    distance: int


def find_lookalike(name: str, popular: PopularNames | None = None) -> Lookalike | None:
    """The popular name `name` imitates, or None."""
    popular = popular or popular_names()
    if name in popular.names:
        return None
    target = popular.by_squashed.get(_squash(name))
    if target and target != name:
        return Lookalike(target, "separator", 0)
    scope_hit = _scope_confusion(name, popular)
    if scope_hit:
        return Lookalike(scope_hit, "scope", 0)
    if len(name) < MIN_LENGTH or name.startswith("@"):
        return None  # a scoped name can only be published by the scope's owner
    limit = 1 if len(name) < LONG_NAME else 2
    best: tuple[int, str] | None = None
    for length in range(len(name) - limit, len(name) + limit + 1):
        bucket = popular.targets_by_length.get(length)
        if not bucket:
            continue
        hit = process.extractOne(name, bucket, scorer=OSA.distance, score_cutoff=limit)
        if hit is not None and (best is None or hit[1] < best[0]):
            best = (int(hit[1]), hit[0])
    if best is None or best[0] == 0 or _is_numbered_fork(name, best[1]):
        return None
    return Lookalike(best[1], "edit-distance", best[0])


def _is_numbered_fork(name: str, target: str) -> bool:
    """`pngjs2`, `bootstrap-4`: a version number appended to the popular name."""
    return _NUMBER_SUFFIX.sub("", name) == _NUMBER_SUFFIX.sub("", target)


def _scope_confusion(name: str, popular: PopularNames) -> str | None:
    if not (name.startswith("@") and "/" in name):
        return popular.scoped_by_joined.get(name)
    scope, _, rest = name[1:].partition("/")
    # `@types-node/x`: the scope hides a popular scoped name (`@types/node`).
    for i, ch in enumerate(scope):
        if ch in "-_." and f"@{scope[:i]}/{scope[i + 1:]}" in popular.names:
            return f"@{scope[:i]}/{scope[i + 1:]}"
    joined = popular.scoped_by_joined.get(scope)
    if joined:
        return joined
    # `@bable/core`: a scope one edit from a popular scope that publishes the same name.
    if len(scope) >= 4:
        for other in popular.scopes.get(rest, ()):
            if other != scope and OSA.distance(scope, other, score_cutoff=1) <= 1:
                return f"@{other}/{rest}"
    return None


def typosquat(package: str, name: str, popular: PopularNames | None = None) -> Finding | None:
    hit = find_lookalike(name, popular)
    if hit is None:
        return None
    how = {
        "separator": "differs only in separators from",
        "scope": "imitates the scoped package",
        "edit-distance": f"is {hit.distance} edit{'s' if hit.distance > 1 else ''} away from",
    }[hit.kind]
    return Finding(
        id=SIGNAL,
        severity=Severity.HIGH,
        summary=f"{name} {how} popular {hit.target}",
        package=package,
        evidence=(Evidence(text=hit.target),),
        details={"target": hit.target, "kind": hit.kind, "distance": hit.distance},
    )
