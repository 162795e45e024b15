"""JSON and JSONC (bun.lock) loading with one-line errors that name the file and line.

bun.lock is JSON with trailing commas, at the ends of lines and inside one-line arrays
(`[ "linux", "darwin", ]`). A regex finds each comma followed by a closing bracket; one
is removed only when it is outside a string, which is decided from its own line (a JSON
string cannot span lines), so strings are never touched and the work is proportional to
the few candidates, not to every string in the file. Comments (`//`, `/* */`), which
bun does not write, are handled by a slower fallback pass. Both keep every newline, so
the line numbers in decode errors are the file's own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reviewer.errors import LockfileError
from reviewer.jsontext import JsonTextError, decode

_KEY_OPENING = re.compile(r'^[ \t]*"((?:[^"\\\n]|\\.)*)"[ \t]*:[ \t]*[\[{]', re.MULTILINE)
_TRAILING_COMMA = re.compile(r",(?=\s*[\]}])")
_ESCAPE = re.compile(r"\\.")
_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|/\*[\s\S]*?(?:\*/|\Z)')
"""An unterminated `/*` runs to the end (one linear match, not one rescan per `/*`)."""
_STRING_OR_TRAILING_COMMA = re.compile(r'"(?:[^"\\\n]|\\.)*"|,(?=\s*[\]}])')


def load_json(path: Path, text: str) -> Any:
    """Decode strict JSON (a leading byte-order mark is ignored). Raises LockfileError
    naming `path`, the fault and the line."""
    try:
        return decode(text)
    except JsonTextError as error:
        raise LockfileError(path, error.fault, error.line) from None


def load_jsonc(path: Path, text: str) -> Any:
    """Decode JSON that may have trailing commas and comments (bun.lock)."""
    text = text.removeprefix("\ufeff")
    try:
        return json.loads(strip_trailing_commas(text))
    except json.JSONDecodeError:
        pass
    except RecursionError:
        raise LockfileError(path, "malformed JSON: nested too deeply") from None
    return load_json(path, strip_jsonc(text))


def checked_version(
    path: Path, text: str, data: dict[str, Any], supported: tuple[int, ...], written_by: str
) -> int:
    """`data["lockfileVersion"]`, or LockfileError when missing or not one of `supported`.

    `written_by` completes "not a ..." for a missing version (`package-lock.json written by
    npm`). The error for an unknown version carries the line of the `lockfileVersion` key.
    """
    version = data.get("lockfileVersion")
    if version is None:
        raise LockfileError(path, f"no lockfileVersion: not a {written_by}")
    if isinstance(version, bool) or version not in supported:
        shown = json.dumps(version)[:40]  # ASCII-only: control characters come out escaped
        line = text.count("\n", 0, max(text.find('"lockfileVersion"'), 0)) + 1
        readable = ", ".join(str(v) for v in supported[:-1]) + f" and {supported[-1]}"
        raise LockfileError(
            path, f"unknown lockfileVersion {shown} (reviewer reads {readable})", line
        )
    return int(version)


def strip_trailing_commas(text: str) -> str:
    """`text` without the commas that directly precede `]` or `}` outside strings.

    Whether a candidate comma is inside a string is the parity of the unescaped quotes
    before it on its line, counted incrementally from the previous candidate, so the
    whole pass is linear even when the file is one long line.
    """
    pieces: list[str] = []
    kept_from = 0
    scanned_to = 0
    quotes = 0
    for match in _TRAILING_COMMA.finditer(text):
        comma = match.start()
        newline = text.rfind("\n", scanned_to, comma)
        if newline >= 0:
            scanned_to, quotes = newline + 1, 0
        segment = text[scanned_to:comma]
        if "\\" in segment:
            segment = _ESCAPE.sub("", segment)
        quotes += segment.count('"')
        scanned_to = comma
        if quotes % 2 == 0:
            pieces.append(text[kept_from:comma])
            kept_from = comma + 1
    pieces.append(text[kept_from:])
    return "".join(pieces)


def strip_jsonc(text: str) -> str:
    """`text` without comments and trailing commas; strings and newlines are kept."""
    without_comments = _STRING_OR_COMMENT.sub(_keep_strings_blank_comments, text)
    return _STRING_OR_TRAILING_COMMA.sub(_keep_strings, without_comments)


def _keep_strings_blank_comments(match: re.Match[str]) -> str:
    found = match.group()
    if found.startswith('"'):
        return found
    return "\n" * found.count("\n") if found.startswith("/*") else ""


def _keep_strings(match: re.Match[str]) -> str:
    found = match.group()
    return found if found.startswith('"') else ""


def opening_keys(text: str, start: int = 0) -> tuple[list[str], list[int]]:
    """Every `"key": {` or `"key": [` that starts a line, from `start`: keys and offsets.

    One regex pass over the text; escaped keys are decoded.
    """
    keys: list[str] = []
    offsets: list[int] = []
    for match in _KEY_OPENING.finditer(text, start):
        key = match.group(1)
        keys.append(_unescape(key) if "\\" in key else key)
        offsets.append(match.start(1))
    return keys, offsets


def member_lines(text: str, container: str) -> dict[str, int]:
    """Line of each member key of the pretty-printed top-level object `"container": {`.

    Finds the members by their indentation with `str.find`, which is much faster than a
    regex over the whole text. Returns {} when the text is not laid out one member per
    line (minified JSON): lines are then unknown, never wrong.
    """
    top_indent = _indent_after(text, text.find("{") + 1)
    if top_indent is None:
        return {}
    key = f'\n{top_indent}"{container}":'
    at = text.find(key)
    opening = text.find("\n", at + 1) if at >= 0 else -1
    value_start = text[at + len(key) : opening].lstrip()[:1]
    if opening < 0 or value_start not in ("{", "["):
        return {}
    member_indent = _indent_after(text, opening)
    if member_indent is None or len(member_indent) <= len(top_indent):
        return {}
    needle = f'\n{member_indent}"'
    closing = "}" if value_start == "{" else "]"
    end = text.find(f"\n{top_indent}{closing}", opening)
    end = len(text) if end < 0 else end
    keys: list[str] = []
    offsets: list[int] = []
    position = text.find(needle, opening, end)
    while position >= 0:
        start = position + len(needle)
        close = text.find('"', start)
        if close < 0:
            break
        key = text[start:close]
        if "\\" in key:
            match = _KEY_OPENING.match(text, position + 1)
            key = _unescape(match.group(1)) if match else key
        keys.append(key)
        offsets.append(start)
        position = text.find(needle, close, end)
    return dict(zip(keys, line_of_offsets(text, offsets), strict=True))


def _indent_after(text: str, position: int) -> str | None:
    """The indentation of the line after the first newline at or after `position`, when
    that line starts with a key (`"`); None otherwise (minified or empty)."""
    newline = text.find("\n", position)
    if newline < 0:
        return None
    end = newline + 1
    while end < len(text) and text[end] in " \t":
        end += 1
    return text[newline + 1 : end] if text[end : end + 1] == '"' else None


def _unescape(raw: str) -> str:
    try:
        decoded = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return decoded if isinstance(decoded, str) else raw


def line_of_offsets(text: str, offsets: list[int]) -> list[int]:
    """1-based line numbers of ascending character `offsets` in `text`, in one pass."""
    lines: list[int] = []
    line, previous = 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        lines.append(line)
    return lines
