"""Fast YAML loading for pnpm-lock.yaml and yarn berry lockfiles, with one-line errors.

Both lockfiles are written by machines in a small subset of YAML: block mappings indented
by two spaces, plain / single-quoted / double-quoted scalars, one-line flow collections of
scalars (`{integrity: sha512-…}`, `[x64]`) and block sequences of scalars. `_fast_load`
reads exactly that subset line by line (several times faster than libyaml, whose Python
object construction dominates on 500 KB files). Anything outside the subset (anchors,
block scalars, multi-line strings, tags, explicit keys, inconsistent indentation, errors)
makes it give up, and the document is read again by libyaml (PyYAML's C parser, in
`_yaml_libyaml`, imported only then), which also gives the message and line for malformed input.

Both paths produce the same shapes: dicts with string keys, lists, and scalars as
strings (YAML's type resolution is not applied: `true` is `"true"`, `10` is `"10"`),
except that an empty plain value, `~` and `null` give None.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TRUE = frozenset({"true", "True", "TRUE"})


@dataclass(slots=True)
class YamlDocument:
    """A loaded document and the 1-based line of each key at depth one and two."""

    data: Any
    lines: dict[tuple[str, ...], int] = field(default_factory=dict)
    """(top key,) and (top key, second key) -> line of that key."""

    def line(self, *keys: str) -> int | None:
        return self.lines.get(keys)


def is_true(value: object) -> bool:
    return isinstance(value, str) and value in TRUE


def load_yaml(path: Path, text: str) -> YamlDocument:
    """Load a lockfile's YAML. Raises LockfileError naming `path`, the fault and the line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _fast_load(text)
    except _Unsupported:
        pass
    return _libyaml_load(path, text)


# -- the fast path ---------------------------------------------------------------------------


class _Unsupported(Exception):
    """The text uses YAML outside the subset `_fast_load` reads."""


def _fast_load(text: str) -> YamlDocument:
    root: dict[str, Any] = {}
    lines: dict[tuple[str, ...], int] = {}
    # (indent of the entries, container, depth)
    stack: list[tuple[int, Any, int]] = [(0, root, 0)]
    pending: tuple[dict[str, Any], str, int, int] | None = None  # dict, key, indent, depth
    top_key = ""
    for number, raw in enumerate(text.split("\n"), 1):
        if raw[-1:] == "\r":
            raw = raw[:-1]
        stripped = raw.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        if stripped[0] == "\t":
            if stripped.strip():
                raise _Unsupported
            continue
        indent = len(raw) - len(stripped)
        is_item = stripped[0] == "-" and (len(stripped) == 1 or stripped[1] == " ")
        if pending is not None:
            parent, key, key_indent, depth = pending
            pending = None
            if indent > key_indent:
                child: Any = [] if is_item else {}
                parent[key] = child
                stack.append((indent, child, depth + 1))
            else:
                parent[key] = None
        while indent < stack[-1][0]:
            stack.pop()
        entry_indent, container, depth = stack[-1]
        if indent != entry_indent:
            raise _Unsupported
        if is_item:
            if container.__class__ is not list:
                raise _Unsupported
            item = stripped[1:].strip(" ")
            if not item or item[0] == "-" and (len(item) == 1 or item[1] == " "):
                raise _Unsupported
            value, _rest = _scalar_or_flow(item, key_context=False)
            container.append(value)
            continue
        if container.__class__ is not dict:
            raise _Unsupported
        key, rest = _key(stripped)
        if depth == 0:
            top_key = key
            lines[(key,)] = number
        elif depth == 1:
            lines[(top_key, key)] = number
        if rest:
            container[key] = _scalar_or_flow(rest, key_context=False)[0]
        else:
            container[key] = None
            pending = (container, key, indent, depth)
    if not root:
        if text.strip():
            raise _Unsupported
        return YamlDocument(None)
    return YamlDocument(root, lines)


def _key(line: str) -> tuple[str, str]:
    """Split `key: rest` into the key and the rest (stripped, comment removed)."""
    first = line[0]
    if first == "'" or first == '"':
        key, end = _quoted(line, 0)
        if end >= len(line) or line[end] != ":":
            raise _Unsupported
        rest = line[end + 1 :]
    else:
        if first in "?&*!|>%@`{[]},":
            raise _Unsupported
        colon = line.find(": ")
        if colon < 0:
            if line[-1] != ":":
                raise _Unsupported
            colon = len(line) - 1
        key = line[:colon].rstrip(" ")
        if " #" in key:
            raise _Unsupported
        rest = line[colon + 1 :]
    if rest and rest[0] != " ":
        raise _Unsupported
    rest = rest.strip(" ")
    if rest[:1] == "#":
        rest = ""
    return key, rest


def _scalar_or_flow(text: str, key_context: bool) -> tuple[Any, str]:
    """A block value: a scalar or a one-line flow collection; returns (value, leftover)."""
    first = text[0]
    if first == "{" or first == "[":
        value, end = _flow(text, 0)
        _only_comment(text[end:])
        return value, ""
    if first == "'" or first == '"':
        value, end = _quoted(text, 0)
        _only_comment(text[end:])
        return value, ""
    if first in "&*!|>%@`]},":
        raise _Unsupported
    comment = text.find(" #")
    if comment >= 0:
        text = text[:comment].rstrip(" ")
    if ": " in text or text[-1] == ":":
        raise _Unsupported
    return (None if text in NULLS else text), ""


def _only_comment(rest: str) -> None:
    rest = rest.strip(" ")
    if rest and rest[0] != "#":
        raise _Unsupported


def _quoted(text: str, start: int) -> tuple[str, int]:
    """A quoted scalar starting at `start`; returns (value, index after the closing quote)."""
    quote = text[start]
    if quote == "'":
        end = start + 1
        while True:
            end = text.find("'", end)
            if end < 0:
                raise _Unsupported
            if text[end + 1 : end + 2] == "'":
                end += 2
                continue
            return text[start + 1 : end].replace("''", "'"), end + 1
    found = read_double_quoted(text, start)
    if found is None:
        raise _Unsupported
    return found


def read_double_quoted(text: str, start: int) -> tuple[str, int] | None:
    """The JSON-style double-quoted string at `start`: (value, index after it), or None when
    it is unterminated or has an escape JSON does not know (yarn writes JSON strings)."""
    end = start + 1
    while True:
        end = text.find('"', end)
        if end < 0:
            return None
        backslashes = 0
        while text[end - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            break
        end += 1
    body = text[start + 1 : end]
    if "\\" in body:
        try:
            body = json.loads(text[start : end + 1])
        except ValueError:
            return None
    return body, end + 1


def _flow(text: str, start: int) -> tuple[Any, int]:
    """A one-line flow mapping or sequence of scalars starting at `start`."""
    closing = "}" if text[start] == "{" else "]"
    is_map = closing == "}"
    result: Any = {} if is_map else []
    pos = start + 1
    size = len(text)
    while True:
        while pos < size and text[pos] == " ":
            pos += 1
        if pos >= size:
            raise _Unsupported
        if text[pos] == closing:
            return result, pos + 1
        item, pos = _flow_scalar(text, pos, ":" if is_map else "")
        if is_map:
            if pos >= size or text[pos] != ":":
                raise _Unsupported
            pos += 1
            while pos < size and text[pos] == " ":
                pos += 1
            value, pos = _flow_scalar(text, pos, "")
            result[item] = value
        else:
            result.append(item)
        while pos < size and text[pos] == " ":
            pos += 1
        if pos < size and text[pos] == ",":
            pos += 1
        elif pos >= size or text[pos] != closing:
            raise _Unsupported


def _flow_scalar(text: str, pos: int, stop_colon: str) -> tuple[str | None, int]:
    if pos >= len(text):
        raise _Unsupported
    first = text[pos]
    if first == "'" or first == '"':
        return _quoted(text, pos)
    if first in "{[&*!|>%@`#,]}":
        raise _Unsupported
    match = (_FLOW_KEY_END if stop_colon else _FLOW_VALUE_END).search(text, pos)
    end = len(text) if match is None else match.start()
    if match is not None and match.group() == " #":
        raise _Unsupported
    value = text[pos:end].rstrip(" ")
    return (None if value in NULLS else value), end


_FLOW_KEY_END = re.compile(r"[,\]}]|:(?=[ ,}]|$)| #")
_FLOW_VALUE_END = re.compile(r"[,\]}]| #")


# -- the libyaml path --------------------------------------------------------------------------


def _libyaml_load(path: Path, text: str) -> YamlDocument:
    """Read `text` with libyaml; imported only when needed (importing PyYAML costs ~20 ms)."""
    from reviewer.lockfiles._yaml_libyaml import libyaml_load

    return libyaml_load(path, text)
