"""Ordering locked versions: semver precedence, with a safe fallback for anything else.

Lockfiles record exact versions, so no ranges are needed here, only "which is newer" and
"how far apart" (to pair the old and new instances of a name). Versions that are not
semver (a git commit version, `0.0.0-use.local`, junk) still compare deterministically:
after every semver version, then by text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEMVER = re.compile(
    r"^\s*[v=]?\s*(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    r"(?:-(?P<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
    r"(?:\+(?P<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$"
)


@dataclass(frozen=True, slots=True)
class ParsedVersion:
    """A semver version broken into the parts precedence depends on (build metadata ignored)."""

    major: int
    minor: int
    patch: int
    prerelease: tuple[int | str, ...]
    """Dot-separated prerelease identifiers; numeric ones as ints. Empty for a release."""


def parse_version(text: str) -> ParsedVersion | None:
    """The semver parts of `text`, or None when it is not a semver version."""
    match = _SEMVER.match(text)
    if match is None:
        return None
    pre = match.group("pre")
    identifiers: tuple[int | str, ...] = ()
    if pre:
        identifiers = tuple(int(part) if part.isdigit() else part for part in pre.split("."))
    return ParsedVersion(
        int(match.group("major")), int(match.group("minor")), int(match.group("patch")), identifiers
    )


def compare_versions(left: str, right: str) -> int:
    """-1, 0 or 1 as `left` has lower, equal or higher precedence than `right` (SemVer 2.0 §11).

    Build metadata does not count, so `1.0.0+a` and `1.0.0+b` compare equal. Non-semver
    versions sort after every semver version and among themselves by text.
    """
    parsed_left, parsed_right = parse_version(left), parse_version(right)
    if parsed_left is None or parsed_right is None:
        if parsed_left is not None:
            return -1
        if parsed_right is not None:
            return 1
        return _sign((left > right) - (left < right))
    core_left = (parsed_left.major, parsed_left.minor, parsed_left.patch)
    core_right = (parsed_right.major, parsed_right.minor, parsed_right.patch)
    if core_left != core_right:
        return -1 if core_left < core_right else 1
    return _compare_prerelease(parsed_left.prerelease, parsed_right.prerelease)


def _compare_prerelease(left: tuple[int | str, ...], right: tuple[int | str, ...]) -> int:
    if left == right:
        return 0
    # A release has higher precedence than any of its prereleases.
    if not left:
        return 1
    if not right:
        return -1
    for a, b in zip(left, right, strict=False):
        if a == b:
            continue
        if isinstance(a, int) and isinstance(b, int):
            return -1 if a < b else 1
        if isinstance(a, int):
            return -1  # numeric identifiers sort before alphanumeric ones
        if isinstance(b, int):
            return 1
        return -1 if a < b else 1
    return -1 if len(left) < len(right) else 1


def _sign(value: int) -> int:
    return (value > 0) - (value < 0)


def version_distance(left: str, right: str) -> tuple[int, int, int, int]:
    """How far apart two versions are, for pairing: (major, minor, patch, prerelease) gaps.

    Compared as a tuple, so one major apart is farther than any number of minors. A
    non-semver version is as far from anything as can be (but equal text is distance 0).
    """
    if left == right:
        return (0, 0, 0, 0)
    a, b = parse_version(left), parse_version(right)
    if a is None or b is None:
        return (1 << 30, 0, 0, 1)
    if a.major != b.major:
        return (abs(a.major - b.major), 0, 0, 0)
    if a.minor != b.minor:
        return (0, abs(a.minor - b.minor), 0, 0)
    return (0, 0, abs(a.patch - b.patch), int(a.prerelease != b.prerelease))
