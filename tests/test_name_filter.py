"""The as-you-type package filter: substring matches first, then fuzzy ones."""

from __future__ import annotations

from reviewer.name_filter import filter_by_name

NAMES = ["react-dom", "preact", "react", "@types/react", "reakt", "lodash", "@babel/core"]
KEYS = [f"{n}@1.0.0" for n in NAMES]


def _names(query: str) -> list[str]:
    return [k.rsplit("@", 1)[0] for k in filter_by_name(KEYS, NAMES, query)]


def test_empty_query_keeps_everything_in_order() -> None:
    assert filter_by_name(KEYS, NAMES, "  ") == KEYS


def test_prefix_then_substring_then_fuzzy() -> None:
    # prefix (incl. the part after a scope), then containing, then fuzzy ("reakt")
    assert _names("react") == ["react-dom", "react", "@types/react", "preact", "reakt"]


def test_short_queries_are_not_fuzzy() -> None:
    assert _names("re") == ["react-dom", "react", "@types/react", "reakt", "preact", "@babel/core"]
    assert _names("zz") == []


def test_case_insensitive_and_scoped() -> None:
    assert _names("CORE") == ["@babel/core"]
