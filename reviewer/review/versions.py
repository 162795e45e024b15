"""Ordering locked versions for the change set, on top of `reviewer.semver`.

Lockfiles record exact versions, so only "which is newer" and "how far apart" (to pair the
old and new instances of a name) are needed. Versions that are not semver (a git commit
version, junk) still compare deterministically: after every semver version, then by text.
"""

from __future__ import annotations

from reviewer.semver import parse_version


def compare_versions(left: str, right: str) -> int:
    """-1, 0 or 1 as `left` has lower, equal or higher precedence than `right` (SemVer §11).

    Build metadata does not count. Non-semver versions sort after every semver version
    and among themselves by text, so this never raises.
    """
    parsed_left, parsed_right = parse_version(left), parse_version(right)
    if parsed_left is not None and parsed_right is not None:
        return (parsed_left > parsed_right) - (parsed_left < parsed_right)
    if parsed_left is not None:
        return -1
    if parsed_right is not None:
        return 1
    return (left > right) - (left < right)


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
