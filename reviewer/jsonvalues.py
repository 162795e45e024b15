"""Untrusted JSON values (registry documents, lockfiles, stored files) into typed values.

Every reader of parsed JSON uses these instead of `str(x)` / `x or ()` guesses: a value of
the wrong type becomes the empty value of the wanted type (or None, where "absent or
unusable" must differ from "empty"), never an exception and never a surprising string such
as "None" or "{'a': 1}".
"""

from __future__ import annotations

from typing import Any


def mapping(value: object) -> dict[str, Any]:
    """A JSON object (with string keys), else {}."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str)}


def array(value: object) -> list[Any]:
    """A JSON array, else []."""
    return list(value) if isinstance(value, list | tuple) else []


def objects(value: object) -> list[dict[str, Any]]:
    """The objects of a JSON array (other items dropped)."""
    return [mapping(item) for item in array(value) if isinstance(item, dict)]


def text(value: object, default: str = "") -> str:
    """A JSON string (numbers are written out), else `default`."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return default


def optional_text(value: object) -> str | None:
    """A non-empty JSON string (or number), else None."""
    return text(value) or None


def texts(value: object) -> tuple[str, ...]:
    """The strings of a JSON array (a lone string is one)."""
    if isinstance(value, str):
        return (value,)
    return tuple(t for t in (text(item) for item in array(value)) if t)


def integer(value: object) -> int | None:
    """A JSON integer, else None (booleans are not numbers)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def string(value: object) -> str | None:
    """A non-empty JSON string, else None (numbers are not strings here)."""
    return value if isinstance(value, str) and value else None


def boolean(value: object) -> bool | None:
    """A JSON boolean, else None."""
    return value if isinstance(value, bool) else None


def count(value: object) -> int | None:
    """A non-negative JSON integer (a size, a number of files), else None."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def string_map(value: object) -> dict[str, str] | None:
    """The string members of a JSON object (others dropped); None when not an object.

    An object whose members are all strings is returned as it is (no copy): the registry's
    documents hold thousands of them.
    """
    if not isinstance(value, dict):
        return None
    for item in value.values():
        if type(item) is not str:
            return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
    return value


def strings(value: object) -> list[str]:
    """The strings of a JSON array (a lone string is one; empty strings are kept)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
