"""reviewer.jsonvalues: untrusted JSON values into typed values, the one set of converters
the registry parser, the compact cache form, package.json and manifest confusion share."""

from __future__ import annotations

from reviewer.jsonvalues import boolean, count, string, string_map, strings


def test_string_is_a_nonempty_json_string_only() -> None:
    assert string("lodash") == "lodash"
    assert string("") is None
    assert string(3) is None  # a number is not a name
    assert string(None) is None
    assert string(["a"]) is None


def test_boolean_and_count_refuse_other_types() -> None:
    assert boolean(True) is True
    assert boolean(False) is False
    assert boolean(1) is None
    assert boolean("true") is None
    assert count(12) == 12
    assert count(0) == 0
    assert count(-1) is None  # a size is never negative
    assert count(True) is None  # booleans are not numbers
    assert count(1.5) is None
    assert count("3") is None


def test_string_map_drops_other_members_and_says_when_not_an_object() -> None:
    clean = {"a": "1", "b": "2"}
    assert string_map(clean) is clean  # no copy of an all-string object
    assert string_map({"a": "1", "b": 2, "c": None, "d": {"x": "y"}}) == {"a": "1"}
    assert string_map({}) == {}
    assert string_map(["a"]) is None  # unknown, not empty
    assert string_map("a") is None
    assert string_map(None) is None


def test_strings_takes_a_lone_string_and_drops_other_items() -> None:
    assert strings("linux") == ["linux"]
    assert strings(["linux", 3, None, "", "darwin"]) == ["linux", "", "darwin"]
    assert strings({"linux": True}) == []
    assert strings(None) == []
