"""Edit a JSON file (package.json) keeping its key order, indentation and trailing newline.

`JsonFile.load(path)` reads the file (a missing file is an empty object); edit `.data`
(insertion-ordered dicts: existing keys keep their place, new keys go last); `render()`
gives the new text. Top-level members whose value did not change are kept byte for byte
(so `"workspaces": ["a"]` stays on one line); changed members are re-serialised in the
file's own indentation (detected from the first indented line: 2 or 4 spaces, a tab, any
width), new members are appended before the closing brace, deleted ones are cut out with
their comma. CRLF line endings, a UTF-8 byte order mark and the presence of a trailing
newline are kept; a file written on one line stays on one line, with its own separators
(`", "` and `": "`, or none).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.errors import ReviewerError
from reviewer.jsontext import JsonTextError, decode

_INDENT = re.compile(r"^([ \t]+)\S", re.MULTILINE)


class ExportError(ReviewerError):
    """A file that export must edit cannot be read or has an unexpected shape."""


@dataclass
class JsonFile:
    path: Path
    original: str | None
    """The text as read (with its byte order mark, if any); None when the file does not
    exist."""
    data: dict[str, Any] = field(default_factory=dict)
    bom: bool = False
    """The file starts with a UTF-8 byte order mark (kept on render)."""

    @classmethod
    def load(cls, path: Path) -> JsonFile:
        try:
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            return cls(path, None, {})
        except (OSError, UnicodeDecodeError) as error:
            raise ExportError(f"{path}: cannot be read ({error})") from None
        bom = text.startswith("\ufeff")
        try:
            data = decode(text)
        except JsonTextError as error:
            where = f"{path}:{error.line}" if error.line else f"{path}"
            raise ExportError(f"{where}: {error.fault}") from None
        if not isinstance(data, dict):
            raise ExportError(f"{path}: expected a JSON object at the top level")
        return cls(path, text, data, bom)

    def section(self, *keys: str) -> dict[str, Any]:
        """The object at data[k1][k2]..., created (at the end) when missing."""
        node = self.data
        trail = []
        for key in keys:
            trail.append(key)
            child = node.get(key)
            if child is None:
                child = node[key] = {}
            if not isinstance(child, dict):
                raise ExportError(f"{self.path}: `{'.'.join(trail)}` is not an object")
            node = child
        return node

    def indent(self) -> str | int:
        if self.original is None:
            return 2
        match = _INDENT.search(self.original)
        if not match:
            return 2
        unit = match.group(1)
        return "\t" if unit.startswith("\t") else len(unit)

    def render(self) -> str:
        original = self.original
        if original is None:
            return json.dumps(self.data, indent=2, ensure_ascii=False) + "\n"
        bom = "\ufeff" if self.bom else ""
        original = original.removeprefix("\ufeff")
        if "\n" not in original.strip():
            return bom + _splice(original, self.data, _one_line_style(original))
        newline = "\r\n" if "\r\n" in original else "\n"
        text = _splice(original.replace("\r\n", "\n"), self.data, self.indent())
        return bom + text.replace("\n", newline)


@dataclass(frozen=True, slots=True)
class _Member:
    key: str
    start: int
    """Offset of the key's opening quote."""
    value_start: int
    value_end: int


def _members(text: str) -> tuple[list[_Member], int, int]:
    """Top-level members of the object in `text`, with the offsets of its braces."""
    decoder = json.JSONDecoder()
    ws = re.compile(r"\s*")
    pos = ws.match(text, 0).end()  # type: ignore[union-attr]
    if text[pos:pos + 1] != "{":
        raise ValueError("not an object")
    open_brace = pos
    pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
    members: list[_Member] = []
    while text[pos] != "}":
        key, key_end = decoder.raw_decode(text, pos)
        colon = ws.match(text, key_end).end()  # type: ignore[union-attr]
        value_start = ws.match(text, colon + 1).end()  # type: ignore[union-attr]
        _, value_end = decoder.raw_decode(text, value_start)
        members.append(_Member(key, pos, value_start, value_end))
        pos = ws.match(text, value_end).end()  # type: ignore[union-attr]
        if text[pos] == ",":
            pos = ws.match(text, pos + 1).end()  # type: ignore[union-attr]
    return members, open_brace, pos


@dataclass(frozen=True, slots=True)
class _OneLine:
    """The separators of a file written on one line."""

    item: str
    key: str


def _one_line_style(text: str) -> _OneLine:
    key = ": " if re.search(r"\"\s*:\s", text) else ":"
    if "," in text:
        return _OneLine(", " if re.search(r",\s", text) else ",", key)
    return _OneLine(", " if key == ": " else ",", key)


def _value_text(value: Any, indent: str | int | _OneLine) -> str:
    if isinstance(indent, _OneLine):
        return json.dumps(value, separators=(indent.item, indent.key), ensure_ascii=False)
    unit = indent if isinstance(indent, str) else " " * indent
    dumped = json.dumps(value, indent=indent, ensure_ascii=False)
    return dumped.replace("\n", "\n" + unit)


def _splice(text: str, data: dict[str, Any], indent: str | int | _OneLine) -> str:
    """`text` with its top-level members updated to `data` (see the module doc)."""
    members, _, close = _members(text)
    old = json.loads(text)
    one_line = indent if isinstance(indent, _OneLine) else None
    unit = indent if isinstance(indent, str) else " " * indent if isinstance(indent, int) else ""
    pieces: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    kept = [m for m in members if m.key in data]
    for i, member in enumerate(members):
        if member.key not in data:
            # Cut from the end of the previous member (or the start of this one when it is
            # the first) so that exactly one comma disappears.
            previous = members[i - 1] if i > 0 else None
            if previous is not None and previous.key in data:
                pieces.append((previous.value_end, member.value_end, ""))
            else:
                following = members[i + 1].start if i + 1 < len(members) else member.value_end
                pieces.append((member.start, following, ""))
        elif data[member.key] != old[member.key]:
            pieces.append((member.value_start, member.value_end,
                           _value_text(data[member.key], indent)))
    new_keys = [k for k in data if k not in old]
    if new_keys and one_line is not None:
        added = "".join(
            f"{one_line.item}{json.dumps(k, ensure_ascii=False)}{one_line.key}"
            f"{_value_text(data[k], indent)}" for k in new_keys
        )
        if kept:
            anchor = kept[-1].value_end
            pieces.append((anchor, anchor, added))
        else:
            pieces.append((close, close, added[len(one_line.item):]))
    elif new_keys:
        added = "".join(
            f",\n{unit}{json.dumps(k, ensure_ascii=False)}: {_value_text(data[k], indent)}"
            for k in new_keys
        )
        if kept:
            anchor = kept[-1].value_end
            pieces.append((anchor, anchor, added))
        else:
            pieces.append((close, close, added[1:] + "\n"))
    out = []
    cursor = 0
    for start, end, replacement in sorted(pieces, key=lambda p: (p[0], p[1])):
        out.append(text[cursor:start])
        out.append(replacement)
        cursor = max(cursor, end)
    out.append(text[cursor:])
    return "".join(out)
