"""Edit a YAML file (pnpm-workspace.yaml, .yarnrc.yml) keeping comments and order (ruamel.yaml)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from reviewer.exporters.jsonfile import ExportError


def _yaml(original: str | None = None) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    sequence, offset = _sequence_style(original)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    return yaml


def _sequence_style(original: str | None) -> tuple[int, int]:
    """(sequence indent, dash offset) as the file writes block sequences; pnpm's own style
    (`  - item` under a key) when the file has none."""
    lines = (original or "").splitlines()
    for before, line in zip(lines, lines[1:], strict=False):
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and before.rstrip().endswith(":"):
            parent = len(before) - len(before.lstrip(" "))
            offset = len(line) - len(stripped) - parent
            return offset + 2, offset
    return 4, 2


@dataclass
class YamlFile:
    path: Path
    original: str | None
    data: CommentedMap

    @classmethod
    def load(cls, path: Path) -> YamlFile:
        try:
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            return cls(path, None, CommentedMap())
        except (OSError, UnicodeDecodeError) as error:
            raise ExportError(f"{path}: cannot be read ({error})") from None
        try:
            data = _yaml().load(text)
        except YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise ExportError(f"{path}{line}: invalid YAML: "
                              f"{getattr(error, 'problem', None) or error}") from None
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            raise ExportError(f"{path}: expected a mapping at the top level")
        return cls(path, text, data)

    def get_map(self, key: str) -> CommentedMap | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, CommentedMap):
            raise ExportError(f"{self.path}: `{key}` is not a mapping")
        return value

    def set(self, key: str, value: Any) -> None:
        """Set a top-level key: in place when present, else at the end."""
        self.data[key] = value

    def delete(self, key: str) -> bool:
        if key in self.data:
            del self.data[key]
            return True
        return False

    def render(self) -> str:
        if not self.data:
            return "{}\n" if self.original is not None else ""
        buffer = io.StringIO()
        _yaml(self.original).dump(self.data, buffer)
        return buffer.getvalue()
