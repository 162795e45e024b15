"""npm range semantics, checked against node-semver's own documented examples (README)."""

from __future__ import annotations

import pytest

from reviewer.semver import (
    Range,
    SemverError,
    Version,
    compare,
    max_satisfying,
    parse_range,
    satisfies,
    sort_versions,
)

# Desugarings from the node-semver README ("Advanced Range Syntax").
DESUGAR = [
    ("1.2.3 - 2.3.4", ">=1.2.3 <=2.3.4"),
    ("1.2 - 2.3.4", ">=1.2.0 <=2.3.4"),
    ("1.2.3 - 2.3", ">=1.2.3 <2.4.0-0"),
    ("1.2.3 - 2", ">=1.2.3 <3.0.0-0"),
    ("*", ">=0.0.0"),
    ("", ">=0.0.0"),
    ("1.x", ">=1.0.0 <2.0.0-0"),
    ("1", ">=1.0.0 <2.0.0-0"),
    ("1.2.x", ">=1.2.0 <1.3.0-0"),
    ("1.2", ">=1.2.0 <1.3.0-0"),
    ("~1.2.3", ">=1.2.3 <1.3.0-0"),
    ("~1.2", ">=1.2.0 <1.3.0-0"),
    ("~1", ">=1.0.0 <2.0.0-0"),
    ("~0.2.3", ">=0.2.3 <0.3.0-0"),
    ("~0.2", ">=0.2.0 <0.3.0-0"),
    ("~0", ">=0.0.0 <1.0.0-0"),
    ("~1.2.3-beta.2", ">=1.2.3-beta.2 <1.3.0-0"),
    ("^1.2.3", ">=1.2.3 <2.0.0-0"),
    ("^0.2.3", ">=0.2.3 <0.3.0-0"),
    ("^0.0.3", ">=0.0.3 <0.0.4-0"),
    ("^1.2.3-beta.2", ">=1.2.3-beta.2 <2.0.0-0"),
    ("^0.0.3-beta", ">=0.0.3-beta <0.0.4-0"),
    ("^1.2.x", ">=1.2.0 <2.0.0-0"),
    ("^0.0.x", ">=0.0.0 <0.1.0-0"),
    ("^0.0", ">=0.0.0 <0.1.0-0"),
    ("^1.x", ">=1.0.0 <2.0.0-0"),
    ("^0.x", ">=0.0.0 <1.0.0-0"),
    (">1", ">=2.0.0"),
    (">1.2", ">=1.3.0"),
    ("<=1.2", "<1.3.0-0"),
    ("<1.2", "<1.2.0-0"),
    (">= 1.2.3 < 2", ">=1.2.3 <2.0.0-0"),
    ("1.2.7 || >=1.2.9 <2.0.0", "1.2.7 || >=1.2.9 <2.0.0"),
    ("=1.2.3", "1.2.3"),
    ("v1.2.3", "1.2.3"),
    ("~>1.2.3", ">=1.2.3 <1.3.0-0"),
]


@pytest.mark.parametrize(("text", "expected"), DESUGAR)
def test_desugar_matches_node_semver(text: str, expected: str) -> None:
    assert str(Range.parse(text)) == expected


SATISFIES = [
    # README: "1.2.7 || >=1.2.9 <2.0.0" matches 1.2.7, 1.2.9, 1.4.6 but not 1.2.8 or 2.0.0.
    ("1.2.7", "1.2.7 || >=1.2.9 <2.0.0", True),
    ("1.2.9", "1.2.7 || >=1.2.9 <2.0.0", True),
    ("1.4.6", "1.2.7 || >=1.2.9 <2.0.0", True),
    ("1.2.8", "1.2.7 || >=1.2.9 <2.0.0", False),
    ("2.0.0", "1.2.7 || >=1.2.9 <2.0.0", False),
    # README prerelease rule: same [major, minor, patch] tuple with a prerelease.
    ("1.2.3-alpha.7", ">1.2.3-alpha.3", True),
    ("3.4.5-alpha.9", ">1.2.3-alpha.3", False),
    ("3.4.5", ">1.2.3-alpha.3", True),
    ("1.2.4-beta.1", "^1.2.3", False),
    ("1.2.3-beta.4", "^1.2.3-beta.2", True),
    ("1.2.4-beta.2", "^1.2.3-beta.2", False),
    ("1.2.3-pr.2", "~1.2.3-beta.2", True),
    ("1.0.0-beta", "*", False),
    ("2.0.0-alpha", "^1.2.3", False),
    ("1.9.9", "^1.2.3", True),
    ("0.3.0", "^0.2.3", False),
    ("0.0.4", "^0.0.3", False),
    ("1.2.3+build.5", "1.2.3", True),
    ("4.17.20", "<4.17.21", True),
    ("4.17.21", "<4.17.21", False),
    ("2.3.4", "1.2.3 - 2.3.4", True),
    ("2.3.5", "1.2.3 - 2.3.4", False),
    ("2.3.9", "1.2.3 - 2.3", True),
    ("0.0.1", ">*", False),
    ("not-a-version", "*", False),
]


@pytest.mark.parametrize(("version", "range_text", "expected"), SATISFIES)
def test_satisfies(version: str, range_text: str, expected: bool) -> None:
    assert satisfies(version, range_text) is expected


def test_include_prerelease_option() -> None:
    assert Range.parse("^1.2.3").satisfied_by("1.3.0-beta.1", include_prerelease=True)
    assert not Range.parse("^1.2.3").satisfied_by("1.3.0-beta.1")


def test_ordering_follows_semver_precedence() -> None:
    # SemVer 2.0 spec example order.
    chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
             "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]
    assert sort_versions(reversed(chain)) == chain
    assert compare("1.10.0", "1.9.0") == 1
    assert compare("1.0.0+a", "1.0.0+b") == 0


def test_invalid_inputs() -> None:
    assert parse_range("latest") is None
    assert parse_range("git+https://x/y.git") is None
    with pytest.raises(SemverError):
        Version.parse("1.2")
    assert not satisfies("1.0.0", "not a range")


def test_max_satisfying() -> None:
    versions = ["1.2.3", "1.2.4", "1.3.0", "2.0.0", "1.4.0-beta"]
    assert max_satisfying(versions, "~1.2.0") == "1.2.4"
    assert max_satisfying(versions, "^1.0.0") == "1.3.0"
    assert max_satisfying(versions, ">=3") is None
