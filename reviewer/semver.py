"""npm-compatible versions and ranges (node-semver semantics, not Python's version rules).

- `Version.parse("1.2.3-beta.1+build")`: strict SemVer 2.0 with the leading `v`/`=` that
  node-semver accepts; build metadata is kept but ignored for ordering.
- `Range.parse("^1.2.3 || >=2.0.0-rc.1 <3")`: caret, tilde, x-ranges (`1.x`, `1.2.*`, `*`,
  ``""``), hyphen ranges (`1.2 - 2.3.4`), primitive comparators and `||`, desugared exactly
  as node-semver 7 does (upper bounds carry `-0`, e.g. `^1.2.3` is `>=1.2.3 <2.0.0-0`).
- Prerelease rule: a version with a prerelease tag satisfies a comparator set only if some
  comparator in that set has a prerelease on the same `[major, minor, patch]` tuple
  (`1.2.3-alpha.7` satisfies `>1.2.3-alpha.3` but `3.4.5-alpha.9` does not), unless
  `include_prerelease=True`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache


class SemverError(ValueError):
    """A version or range that node-semver would reject."""


_NUM = r"0|[1-9]\d*"
_PRE_ID = r"(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)"
_PRE = rf"{_PRE_ID}(?:\.{_PRE_ID})*"
_BUILD = r"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*"
_VERSION_RE = re.compile(
    rf"^\s*[v=]*\s*({_NUM})\.({_NUM})\.({_NUM})(?:-({_PRE}))?(?:\+({_BUILD}))?\s*$"
)
_XR = r"[xX*]|0|[1-9]\d*"
_PARTIAL = rf"[v=]*\s*({_XR})(?:\.({_XR})(?:\.({_XR})(?:-?({_PRE}))?(?:\+{_BUILD})?)?)?"
_COMPARATOR_RE = re.compile(rf"^(<=|>=|<|>|=|~>|~|\^)?\s*{_PARTIAL}$")
_HYPHEN_RE = re.compile(rf"^\s*{_PARTIAL}\s+-\s+{_PARTIAL}\s*$")
_OP_SPACE_RE = re.compile(r"(<=|>=|<|>|=|~>|~|\^)\s+")


def _pre_key(pre: tuple[str, ...]) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in pre)


@dataclass(frozen=True, slots=True, order=False)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()
    build: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, text: str) -> Version:
        return _parse_version(text)

    @property
    def core(self) -> tuple[int, int, int]:
        return (self.major, self.minor, self.patch)

    @property
    def is_prerelease(self) -> bool:
        return bool(self.prerelease)

    def sort_key(self) -> tuple[object, ...]:
        # A release sorts after its prereleases; prerelease ids compare numerically when
        # numeric, numeric ids sort before alphanumeric ones, a longer list wins on a tie.
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, _pre_key(self.prerelease))

    def __lt__(self, other: Version) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: Version) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: Version) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: Version) -> bool:
        return self.sort_key() >= other.sort_key()

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += "-" + ".".join(self.prerelease)
        return text


@lru_cache(maxsize=8192)
def _parse_version(text: str) -> Version:
    match = _VERSION_RE.match(text)
    if not match:
        raise SemverError(f"invalid version: {text!r}")
    major, minor, patch, pre, build = match.groups()
    return Version(
        int(major), int(minor), int(patch),
        tuple(pre.split(".")) if pre else (),
        tuple(build.split(".")) if build else (),
    )


def parse_version(text: str) -> Version | None:
    """The version, or None when `text` is not a valid npm version."""
    try:
        return _parse_version(text)
    except SemverError:
        return None


def compare(a: str, b: str) -> int:
    """-1, 0 or 1, like node-semver `compare` (raises SemverError on invalid input)."""
    va, vb = _parse_version(a), _parse_version(b)
    return (va > vb) - (va < vb)


def sort_versions(versions: Iterable[str]) -> list[str]:
    """Valid versions in ascending npm order; invalid strings are dropped."""
    parsed = [(v, parse_version(v)) for v in versions]
    return [v for v, p in sorted((x for x in parsed if x[1] is not None), key=lambda x: x[1].sort_key())]  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Comparator:
    op: str
    """One of `<`, `<=`, `>`, `>=`, `=`."""
    version: Version

    def test(self, version: Version) -> bool:
        a, b = version.sort_key(), self.version.sort_key()
        if self.op == "<":
            return a < b
        if self.op == "<=":
            return a <= b
        if self.op == ">":
            return a > b
        if self.op == ">=":
            return a >= b
        return a == b

    def __str__(self) -> str:
        return f"{'' if self.op == '=' else self.op}{self.version}"


_ANY = Comparator(">=", Version(0, 0, 0))
_NONE = Comparator("<", Version(0, 0, 0, ("0",)))


@dataclass(frozen=True, slots=True)
class Range:
    """A union (`||`) of comparator sets (space-separated, all must hold)."""

    sets: tuple[tuple[Comparator, ...], ...]
    raw: str = ""

    @classmethod
    def parse(cls, text: str) -> Range:
        return _parse_range(text)

    def satisfied_by(self, version: Version | str, include_prerelease: bool = False) -> bool:
        if isinstance(version, str):
            parsed = parse_version(version)
            if parsed is None:
                return False
            version = parsed
        return any(_test_set(s, version, include_prerelease) for s in self.sets)

    def __str__(self) -> str:
        return " || ".join(" ".join(str(c) for c in s) for s in self.sets)


def _test_set(comparators: tuple[Comparator, ...], version: Version, include_prerelease: bool) -> bool:
    if not all(c.test(version) for c in comparators):
        return False
    if version.prerelease and not include_prerelease:
        return any(
            c.version.prerelease and c.version.core == version.core
            for c in comparators
            if c is not _ANY
        )
    return True


@lru_cache(maxsize=4096)
def _parse_range(text: str) -> Range:
    sets = tuple(tuple(_parse_set(part.strip(), text)) for part in text.split("||"))
    return Range(sets, text)


def parse_range(text: str) -> Range | None:
    """The range, or None when `text` is not a valid npm range (a tag, a URL, ...)."""
    try:
        return _parse_range(text)
    except SemverError:
        return None


def satisfies(version: str, range_text: str, include_prerelease: bool = False) -> bool:
    """node-semver `satisfies`: False (not an error) for an invalid version or range."""
    parsed = parse_range(range_text)
    return parsed is not None and parsed.satisfied_by(version, include_prerelease)


def max_satisfying(versions: Iterable[str], range_text: str) -> str | None:
    """The highest version in `versions` that satisfies the range."""
    parsed = parse_range(range_text)
    if parsed is None:
        return None
    best: tuple[Version, str] | None = None
    for text in versions:
        version = parse_version(text)
        if version is not None and parsed.satisfied_by(version):
            if best is None or version > best[0]:
                best = (version, text)
    return best[1] if best else None


# -- desugaring ---------------------------------------------------------------------------

def _is_x(part: str | None) -> bool:
    return part is None or part in ("x", "X", "*")


def _v(major: int, minor: int, patch: int, pre: tuple[str, ...] = ()) -> Version:
    return Version(major, minor, patch, pre)


_ZERO = ("0",)


def _parse_set(text: str, whole: str) -> list[Comparator]:
    if text == "":
        return [_ANY]
    hyphen = _HYPHEN_RE.match(text)
    if hyphen:
        return _hyphen(hyphen.groups())
    tokens = _OP_SPACE_RE.sub(r"\1", text).split()
    comparators: list[Comparator] = []
    for token in tokens:
        match = _COMPARATOR_RE.match(token)
        if not match:
            raise SemverError(f"invalid range: {whole!r}")
        comparators.extend(_desugar(match.group(1) or "", *match.groups()[1:]))
    if any(c is _NONE for c in comparators):
        return [_NONE]
    kept = [c for c in comparators if c is not _ANY]
    return kept or [_ANY]


def _pre(pre: str | None) -> tuple[str, ...]:
    return tuple(pre.split(".")) if pre else ()


def _desugar(op: str, M: str | None, m: str | None, p: str | None, pre: str | None) -> list[Comparator]:
    if op in ("~", "~>"):
        return _tilde(M, m, p, pre)
    if op == "^":
        return _caret(M, m, p, pre)
    return _xrange(op, M, m, p, pre)


def _tilde(M: str | None, m: str | None, p: str | None, pre: str | None) -> list[Comparator]:
    return _tilde_or_caret(False, M, m, p, pre)


def _caret(M: str | None, m: str | None, p: str | None, pre: str | None) -> list[Comparator]:
    return _tilde_or_caret(True, M, m, p, pre)


def _tilde_or_caret(caret: bool, M: str | None, m: str | None, p: str | None,
                    pre: str | None) -> list[Comparator]:
    """`~`: same minor (same major when no minor). `^`: same leftmost non-zero part
    (`^0.0.x` and `^0.0` allow the same minor)."""
    if _is_x(M):
        return [_ANY]
    major = int(M)  # type: ignore[arg-type]
    if _is_x(m):
        return [Comparator(">=", _v(major, 0, 0)), Comparator("<", _v(major + 1, 0, 0, _ZERO))]
    minor = int(m)  # type: ignore[arg-type]
    patch = 0 if _is_x(p) else int(p)  # type: ignore[arg-type]
    low = _v(major, minor, patch, () if _is_x(p) else _pre(pre))
    if caret and major != 0:
        high = _v(major + 1, 0, 0, _ZERO)
    elif caret and minor == 0 and not _is_x(p):
        high = _v(0, 0, patch + 1, _ZERO)
    else:
        high = _v(major, minor + 1, 0, _ZERO)
    return [Comparator(">=", low), Comparator("<", high)]


def _xrange(op: str, M: str | None, m: str | None, p: str | None, pre: str | None) -> list[Comparator]:
    any_x = _is_x(M) or _is_x(m) or _is_x(p)
    if op == "=" and any_x:
        op = ""
    if _is_x(M):
        return [_NONE] if op in ("<", ">") else [_ANY]
    major = int(M)  # type: ignore[arg-type]
    if op and any_x:
        minor = 0 if _is_x(m) else int(m)  # type: ignore[arg-type]
        if op == ">":
            if _is_x(m):
                return [Comparator(">=", _v(major + 1, 0, 0))]
            return [Comparator(">=", _v(major, minor + 1, 0))]
        if op == "<=":
            if _is_x(m):
                return [Comparator("<", _v(major + 1, 0, 0, _ZERO))]
            return [Comparator("<", _v(major, minor + 1, 0, _ZERO))]
        if op == "<":
            return [Comparator("<", _v(major, minor, 0, _ZERO))]
        return [Comparator(">=", _v(major, minor, 0))]
    if _is_x(m):
        return [Comparator(">=", _v(major, 0, 0)), Comparator("<", _v(major + 1, 0, 0, _ZERO))]
    minor = int(m)  # type: ignore[arg-type]
    if _is_x(p):
        return [Comparator(">=", _v(major, minor, 0)), Comparator("<", _v(major, minor + 1, 0, _ZERO))]
    return [Comparator(op or "=", _v(major, minor, int(p), _pre(pre)))]  # type: ignore[arg-type]


def _hyphen(groups: tuple[str | None, ...]) -> list[Comparator]:
    fM, fm, fp, fpre, tM, tm, tp, tpre = groups
    out: list[Comparator] = []
    if not _is_x(fM):
        major = int(fM)  # type: ignore[arg-type]
        if _is_x(fm):
            out.append(Comparator(">=", _v(major, 0, 0)))
        elif _is_x(fp):
            out.append(Comparator(">=", _v(major, int(fm), 0)))  # type: ignore[arg-type]
        else:
            out.append(Comparator(">=", _v(major, int(fm), int(fp), _pre(fpre))))  # type: ignore[arg-type]
    if not _is_x(tM):
        major = int(tM)  # type: ignore[arg-type]
        if _is_x(tm):
            out.append(Comparator("<", _v(major + 1, 0, 0, _ZERO)))
        elif _is_x(tp):
            out.append(Comparator("<", _v(major, int(tm) + 1, 0, _ZERO)))  # type: ignore[arg-type]
        else:
            out.append(Comparator("<=", _v(major, int(tm), int(tp), _pre(tpre))))  # type: ignore[arg-type]
    return out or [_ANY]
