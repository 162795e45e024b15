"""typosquat: a name shaped like a much more downloaded package's name.

The shapes real squats use, each with the least download ratio it needs (`RATIO`: the
target's monthly downloads over the candidate's; a name missing from the shipped list
counts as having the list's smallest figure, an upper bound):

- `separator`: equal once `-`, `_`, `.` are dropped (`crossenv`, `cross_env` -> `cross-env`);
  `joined-scope`: a popular scoped name written without its scope (`types-node`), a weaker
  sign (projects kept their pre-scope names), so a larger ratio.
- `affix`: the target plus `.js`, `-js`, `js-`, `node-`, `-node`, `-npm` and the like
  (`jquery.js`, `nodesass`, `mssql-node`, `noderequest`). `-cli` is not one: a library's
  command-line companion is named that way; `babelcli` is caught as a separator game.
- `scope`: a lookalike scope: `@types-node/x` (`@types/node`), or a scope one edit (two
  from `LONG_SCOPE` characters) from a popular scope, copying one of its package names
  (`@acitons/artifact`) or long enough to tell by itself (`@typescript_eslinter/eslint`).
- `homoglyph`: equal once one lookalike character is folded (`l0dash`, `rnoment`).
- one edit (optimal string alignment), by kind: `transposition` (`electorn`),
  `doubled-letter` (`mongose`, `expresss`), `plural` (`-s` added or dropped), `omission`,
  `insertion`, `substitution` (a neighbouring key) and `replacement` (any other letter,
  never the first: `watcher`/`matcher` are two words). Each kind has a least name length
  (`MIN_LENGTH`): a short word one letter from a popular one (`nonce`/`once`) is usually a
  word of its own.

Never flagged: a popular name itself (`POPULAR` monthly downloads or more); a listed name
unless the ratio also reaches `LISTED_RATIO` (it has users of its own); a name in a scope
with listed packages (an owner with a record, and the target's own scope); `@types/x` for
`x`; a sibling whose changed part starts a family of its own (`tslint-plugin-prettier`
beside `eslint-plugin-prettier`); `x-name` for `@x/name` in an ecosystem with
`ECOSYSTEM_SIZE` listed `x-*` names (`electron-rebuild`); a popular name plus a version
number (`pngjs2`).

The download figures are in `data/popular-packages.tsv` (its header says how it was
derived). Only names below `POPULAR` are compared, against targets bucketed by length and
first letter, so a 2,000-package tree takes a few milliseconds once the list is loaded.
Measured with tests/bench/eval_typosquat.py; timed with tests/bench/bench_typosquat.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from reviewer.signals.finding import Evidence, Finding, Severity

SIGNAL = "typosquat"
DATA_FILE = "data/popular-packages.tsv"
POPULAR = 500_000
"""Monthly downloads from which a name is popular itself: never flagged (about the top 20,000)."""
MIN_TARGET = 500_000
"""A target has at least this many monthly downloads."""

RATIO: dict[str, float] = {
    "separator": 10,
    "affix": 10,
    "scope": 10,
    "joined-scope": 100,
    "homoglyph": 10,
    "transposition": 20,
    "doubled-letter": 20,
    "plural": 100,
    "omission": 30,
    "insertion": 30,
    "substitution": 50,
    "replacement": 200,
}
"""The least target/candidate download ratio per kind of lookalike."""
LISTED_RATIO = 2000
"""The least ratio for a listed name (one with a user base of its own: a squat is removed
long before it reaches the list's figures)."""
EDIT_KINDS = frozenset({"transposition", "doubled-letter", "plural", "omission", "insertion",
                        "substitution", "replacement", "homoglyph"})
FIRST_LETTER_KEPT = frozenset({"replacement"})
"""Kinds that never change the first letter (a different first letter makes another word)."""
MIN_LENGTH: dict[str, int] = {
    "transposition": 4, "doubled-letter": 4, "homoglyph": 4, "plural": 6,
    "omission": 6, "insertion": 6, "substitution": 6, "replacement": 6,
}
"""The shortest target (without scope) compared for each edit kind."""

PREFIXES = ("node-", "node", "nodejs-", "nodejs", "node.", "js-")
SUFFIXES = (".js", "-js", "js", "-node", "node", "-nodejs", "-npm")
LONG_SCOPE = 10
"""A scope this long (without separators) may be two edits from the popular one it imitates."""
FAMILY_SIZE = 5
"""Listed names sharing a prefix (up to a separator) that make it a family of siblings."""
ECOSYSTEM_SIZE = 10
"""Listed `x-*` names that make `x-name` the older spelling of `@x/name` (`electron-rebuild`)."""

_NUMBER_SUFFIX = re.compile(r"[-_.]?v?\d+$")
_SEPARATORS = re.compile(r"[-_.]")
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYBOARD_NEIGHBOURS = {
    ch: "".join(r[j] for dr in (-1, 0, 1) if 0 <= i + dr < len(_ROWS)
                for r in [_ROWS[i + dr]] for j in (k - 1, k, k + 1)
                if 0 <= j < len(r) and (dr, j) != (0, k))
    for i, row in enumerate(_ROWS) for k, ch in enumerate(row)
}
"""Keys next to each key (same row and the rows above and below): the typos fingers make."""
_HOMOGLYPHS = (("0", "o"), ("1", "l"), ("1", "i"), ("l", "i"), ("i", "l"), ("rn", "m"),
               ("m", "rn"), ("vv", "w"), ("5", "s"), ("3", "e"))
"""(what a squat writes, what the target has): characters that look alike."""
_SQUASH = str.maketrans("", "", "-_./@")
_COMMENT = re.compile(r"^#.*$", re.MULTILINE)


def _squash(name: str) -> str:
    """`cross-env`, `cross_env`, `crossenv` and `@cross/env` are all `crossenv`."""
    return name.lower().translate(_SQUASH)


def _split(name: str) -> tuple[str | None, str]:
    if name.startswith("@") and "/" in name:
        scope, _, rest = name[1:].partition("/")
        return scope, rest
    return None, name


@dataclass(slots=True)
class PopularNames:
    downloads: dict[str, int]
    """Monthly downloads of every listed name."""
    floor: int
    """The smallest listed figure: a name not listed has fewer downloads than this."""
    targets_by_start: dict[tuple[int, str], list[str]] = field(default_factory=dict)
    """Unscoped targets by length and first letter."""
    by_tail: dict[str, list[str]] = field(default_factory=dict)
    """Unscoped targets by their name without its first letter."""
    target_set: set[str] = field(default_factory=set)
    """Unscoped targets."""
    by_squashed: dict[str, str] = field(default_factory=dict)
    """Separator-free form -> the most downloaded target with that form."""
    scope_packages: dict[str, int] = field(default_factory=dict)
    """Scope -> how many listed names it holds."""
    scope_top: dict[str, str] = field(default_factory=dict)
    """Scope -> its most downloaded listed name."""
    popular_scopes: dict[int, list[str]] = field(default_factory=dict)
    scope_rests: dict[str, list[str]] = field(default_factory=dict)
    """Scope -> the names (without the scope) of its listed packages, most downloaded first."""
    """Scopes whose top name is a target, by length of their squashed form."""
    sorted_names: list[str] = field(default_factory=list)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.downloads)

    def family_size(self, prefix: str) -> int:
        """How many listed names start with `prefix`."""
        if not self.sorted_names:
            self.sorted_names = sorted(self.downloads)
        names = self.sorted_names
        return bisect_left(names, prefix + "\uffff") - bisect_left(names, prefix)


def build_popular(lines: Iterable[str] | str) -> PopularNames:
    """Index `name<TAB>downloads` lines (a list, or the whole text), most downloaded first
    (`#` lines are comments; a name's first line wins)."""
    text = lines if isinstance(lines, str) else "\n".join(lines)
    tokens = _COMMENT.sub("", text).split()  # names and figures hold no white space
    try:
        downloads = dict(zip(tokens[::2], map(int, tokens[1::2]), strict=True))
    except ValueError:
        downloads = {}
    if 2 * len(downloads) != len(tokens):  # a malformed or repeated line: one by one
        downloads = {}
        for name, count in zip(tokens[::2], tokens[1::2], strict=False):
            if name not in downloads and count.isdigit():
                downloads[name] = int(count)
    counts = list(downloads.values())
    if counts != sorted(counts, reverse=True):
        downloads = dict(sorted(downloads.items(), key=lambda item: -item[1]))
        counts = list(downloads.values())
    popular = PopularNames(downloads, counts[-1] if counts else 0)
    names = list(downloads)
    targets = names[:sum(1 for c in counts if c >= MIN_TARGET)]
    squashed = [name.lower().translate(_SQUASH) for name in targets]
    popular.by_squashed = dict(zip(reversed(squashed), reversed(targets), strict=True))
    by_start: dict[tuple[int, str], list[str]] = defaultdict(list)
    by_tail: dict[str, list[str]] = defaultdict(list)
    unscoped = [name for name in targets if name[0] != "@"]
    for name in unscoped:
        by_start[len(name), name[0]].append(name)
        by_tail[name[1:]].append(name)
    popular.targets_by_start = dict(by_start)
    popular.by_tail = dict(by_tail)
    popular.target_set = set(unscoped)
    rests: dict[str, list[str]] = defaultdict(list)
    for name in [name for name in names if name[0] == "@"]:
        scope, _, rest = name[1:].partition("/")
        rests[scope].append(rest)
    popular.scope_rests = dict(rests)
    popular.scope_packages = {scope: len(held) for scope, held in rests.items()}
    popular.scope_top = {scope: f"@{scope}/{held[0]}" for scope, held in rests.items()}
    by_scope_length: dict[int, list[str]] = defaultdict(list)
    for scope, top in popular.scope_top.items():
        if downloads[top] >= MIN_TARGET:
            by_scope_length[len(_squash(scope))].append(scope)
    popular.popular_scopes = dict(by_scope_length)
    return popular


@lru_cache(maxsize=1)
def popular_names() -> PopularNames:
    """The shipped list (loaded once)."""
    return build_popular(resources.files("reviewer.signals").joinpath(DATA_FILE).read_text("utf-8"))


@dataclass(frozen=True, slots=True)
class Lookalike:
    target: str
    kind: str
    """One of the keys of `RATIO`."""
    distance: int
    target_downloads: int = 0
    downloads: int | None = None
    """The candidate's monthly downloads; None when not listed (fewer than `floor`)."""
    floor: int = 0


def find_lookalike(name: str, popular: PopularNames | None = None, *,
                   as_unlisted: bool = False) -> Lookalike | None:
    """The popular name `name` imitates, or None.

    `as_unlisted` judges `name` as if the list did not have it (how a name that is not
    among the listed ones is judged): for measuring the rules on listed names."""
    popular = popular or popular_names()
    known = None if as_unlisted else popular.downloads.get(name)
    if known is not None and known >= POPULAR:
        return None
    mine = known if known is not None else popular.floor
    best: Lookalike | None = None
    for target, kind, distance in _shapes(name, popular, as_unlisted):
        if target == name or _companions(name, target, kind, popular):
            continue
        target_downloads = popular.downloads.get(target, 0)
        needed = RATIO[kind] if known is None else max(RATIO[kind], LISTED_RATIO)
        if target_downloads < needed * max(mine, 1):
            continue
        if best is None or target_downloads > best.target_downloads:
            best = Lookalike(target, kind, distance, target_downloads, known, popular.floor)
    return best


def _shapes(name: str, popular: PopularNames, as_unlisted: bool = False) -> Iterable[tuple[str, str, int]]:
    """Every (target, kind, distance) `name` resembles, the most telling kinds first."""
    scope, rest = _split(name)
    if scope is not None:
        own = 1 if as_unlisted and name in popular.downloads else 0
        if popular.scope_packages.get(scope, 0) - own > 0:
            return  # a scope with listed packages of its own is somebody's established scope
    squashed = _squash(name)
    target = popular.by_squashed.get(squashed)
    if target is not None:
        # `types-node` for `@types/node`: a joined scope is a weaker sign than a separator
        # game (many projects kept their pre-scope name: `electron-rebuild`)
        yield target, "joined-scope" if scope is None and target[0] == "@" else "separator", 0
    if scope is None:
        yield from _affixes(name, popular)
    else:
        yield from _scope_lookalikes(scope, rest, popular)
    for fake, real in _HOMOGLYPHS:
        start = squashed.find(fake)
        while start >= 0:
            target = popular.by_squashed.get(squashed[:start] + real + squashed[start + len(fake):])
            if target is not None:
                yield target, "homoglyph", 0
            start = squashed.find(fake, start + 1)
    if scope is None:
        yield from _edits(name, popular)


def _affixes(name: str, popular: PopularNames) -> Iterable[tuple[str, str, int]]:
    lower = name.lower()
    cores = {lower[len(p):] for p in PREFIXES if lower.startswith(p)}
    cores |= {lower[:-len(s)] for s in SUFFIXES if lower.endswith(s)}
    for core in cores:
        target = popular.by_squashed.get(_squash(core)) if len(_squash(core)) >= 2 else None
        if target is not None:
            yield target, "affix", 0


def _near(name: str, popular: PopularNames) -> list[str]:
    """The unscoped targets one edit (OSA) from `name`: an edit past the first letter keeps
    it (targets bucketed by length and first letter); one at the first letter keeps the
    rest of the name (looked up in `by_tail`)."""
    found: set[str] = set()
    head = name[:1]
    for length in (len(name) - 1, len(name), len(name) + 1):
        bucket = popular.targets_by_start.get((length, head))
        if bucket:
            found.update(hit[0] for hit in process.extract(
                name, bucket, scorer=OSA.distance, score_cutoff=1, limit=None) if hit[1] > 0)
    # at the first letter: replaced (`xodash`), added (`llodash`), dropped (`odash`), swapped
    found.update(popular.by_tail.get(name[1:], ()))
    found.update(t for t in (name[1:], name[1:2] + name[:1] + name[2:]) if t in popular.target_set)
    found.update(popular.by_tail.get(name, ()))
    found.discard(name)
    return sorted(found)


def _edits(name: str, popular: PopularNames) -> Iterable[tuple[str, str, int]]:
    if len(name) < min(MIN_LENGTH.values()):
        return
    for target in _near(name, popular):
        kind = edit_kind(name, target)
        if kind in FIRST_LETTER_KEPT and name[0] != target[0]:
            continue  # `jslint`/`eslint`, `watcher`/`matcher`: another word, not a slip
        if len(target) >= MIN_LENGTH[kind] and not _is_numbered_fork(name, target):
            yield target, kind, 1


def edit_kind(name: str, target: str) -> str:
    """How `name` differs from `target`, one edit apart (optimal string alignment)."""
    if len(name) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(name, target, strict=True)) if a != b]
        if len(diff) == 2 and name[diff[0]] == target[diff[1]] and name[diff[1]] == target[diff[0]]:
            return "transposition"
        a, b = name[diff[0]], target[diff[0]]
        return "substitution" if b in _KEYBOARD_NEIGHBOURS.get(a, "") else "replacement"
    longer, shorter = (name, target) if len(name) > len(target) else (target, name)
    i = next((k for k in range(len(shorter)) if longer[k] != shorter[k]), len(shorter))
    extra = longer[i]
    if (i > 0 and longer[i - 1] == extra) or (i + 1 < len(longer) and longer[i + 1] == extra):
        return "doubled-letter"
    if i == len(shorter) and extra == "s":
        return "plural"
    return "insertion" if longer is name else "omission"


def _is_numbered_fork(name: str, target: str) -> bool:
    """`pngjs2`, `bootstrap-4`: a version number appended to the popular name."""
    return _NUMBER_SUFFIX.sub("", name) == _NUMBER_SUFFIX.sub("", target)


def _scope_lookalikes(scope: str, rest: str, popular: PopularNames) -> Iterable[tuple[str, str, int]]:
    # `@types-node/x`: the scope hides a popular scoped name (`@types/node`).
    for i, ch in enumerate(scope):
        if ch in "-_." and popular.downloads.get(f"@{scope[:i]}/{scope[i + 1:]}", 0) >= MIN_TARGET:
            yield f"@{scope[:i]}/{scope[i + 1:]}", "scope", 0
    joined = popular.by_squashed.get(_squash(scope))
    if joined is not None and joined.startswith("@"):
        yield joined, "scope", 0
    squashed = _squash(scope)
    if len(squashed) < 4:
        return
    limit = 2 if len(squashed) >= LONG_SCOPE else 1
    for length in range(len(squashed) - limit, len(squashed) + limit + 1):
        for other in popular.popular_scopes.get(length, ()):
            if other == scope or OSA.distance(squashed, _squash(other), score_cutoff=limit) > limit:
                continue
            target = _scope_sibling(other, rest, popular)
            if target is None and len(squashed) >= LONG_SCOPE:
                target = popular.scope_top[other]  # a long lookalike scope tells by itself
            if target is not None:
                yield target, "scope", int(OSA.distance(squashed, _squash(other)))


def _scope_sibling(scope: str, rest: str, popular: PopularNames) -> str | None:
    """The listed `@scope/x` whose `x` is `rest` or one edit from it (`@acitons/artifact`
    copies `@actions/artifact`): a short scope one edit from a popular one is a squat only
    when it imitates one of its packages (`@best/runner` is not `@jest/*`)."""
    if f"@{scope}/{rest}" in popular.downloads:
        return f"@{scope}/{rest}"
    near = [r for r in popular.scope_rests.get(scope, ())
            if abs(len(r) - len(rest)) <= 1 and OSA.distance(r, rest, score_cutoff=1) <= 1]
    return f"@{scope}/{near[0]}" if near else None


def _companions(name: str, target: str, kind: str, popular: PopularNames) -> bool:
    """Same scope, `@types/x` for `x`, or siblings of one family (`eslint-plugin-*`)."""
    scope, rest = _split(name)
    target_scope, target_rest = _split(target)
    if scope is not None and scope == target_scope:
        return True
    if (scope == "types" and target_scope is None and rest.replace("__", "/") == target) or (
            target_scope == "types" and scope is None and target_rest.replace("__", "/") == name):
        return True
    if target_scope is not None and scope is None and popular.family_size(f"{target_scope}-") >= ECOSYSTEM_SIZE:
        return True  # `electron-rebuild` / `@electron/rebuild`: the ecosystem's older naming
    return kind in EDIT_KINDS and _parallel_family(name, target, popular)


def _parallel_family(name: str, target: str, popular: PopularNames) -> bool:
    """The segment holding the change starts an established family of its own: `tslint-`
    in `tslint-plugin-prettier` (vs `eslint-plugin-prettier`), `http2-` in `http2-proxy`."""
    first = next((i for i, (a, b) in enumerate(zip(name, target, strict=False)) if a != b),
                 min(len(name), len(target)))
    match = _SEPARATORS.search(name, first)
    return match is not None and popular.family_size(name[:match.end()]) >= FAMILY_SIZE


def typosquat(package: str, name: str, popular: PopularNames | None = None) -> Finding | None:
    """The finding: the target, the kind of lookalike and both monthly download figures."""
    hit = find_lookalike(name, popular)
    if hit is None:
        return None
    return Finding(
        id=SIGNAL,
        severity=Severity.HIGH,
        summary=f"{name} looks like {hit.target} ({KINDS[hit.kind]}; {downloads_text(hit)})",
        package=package,
        evidence=(Evidence(text=hit.target),),
        details={"target": hit.target, "kind": hit.kind, "distance": hit.distance,
                 "target_downloads": hit.target_downloads, "downloads": hit.downloads,
                 "downloads_below": None if hit.downloads is not None else hit.floor},
    )


KINDS = {
    "separator": "separators",
    "affix": "affix",
    "scope": "lookalike scope",
    "joined-scope": "scope joined",
    "homoglyph": "lookalike letter",
    "transposition": "letters swapped",
    "doubled-letter": "doubled letter",
    "plural": "plural",
    "omission": "letter dropped",
    "insertion": "letter added",
    "substitution": "neighbouring key",
    "replacement": "letter replaced",
}
"""Each kind of lookalike in a few words."""


def downloads_text(hit: Lookalike) -> str:
    """`299.5M vs under 53.2K downloads a month`."""
    mine = compact(hit.downloads) if hit.downloads is not None else f"under {compact(hit.floor)}"
    return f"{compact(hit.target_downloads)} vs {mine} downloads a month"


def compact(count: int) -> str:
    """`299476266` -> `299.5M`, `53212` -> `53.2K`, `950` -> `950`."""
    for size, unit in ((1_000_000_000, "G"), (1_000_000, "M"), (1_000, "K")):
        if count >= size:
            return f"{count / size:.1f}{unit}"
    return str(count)
