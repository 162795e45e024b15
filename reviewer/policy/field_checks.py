"""Typed reads of a policy table's fields (text, date, choice, arrays of tables), every fault
one line with the file and line number; `reviewer.policy.schema` applies them to the sections."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from tomlkit.toml_document import TOMLDocument

from reviewer.errors import PolicyError

T = TypeVar("T")


class Locator:
    """Finds the line of a key in the text of a policy file (best effort, 1-based)."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_\-]+)["']?\s*=""")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, section: str | None, index: int | None = None, key: str | None = None) -> int | None:
        """Line of `key` in the `index`-th `[[section]]` (or `[section]`, or top level)."""
        seen = -1
        current: str | None = None
        header_line: int | None = None
        for number, raw in enumerate(self.lines, start=1):
            header = self._HEADER.match(raw)
            if header:
                current = header.group(1)
                if current == section:
                    seen += 1
                    if index is None or seen == index:
                        header_line = number
                        if key is None:
                            return number
                continue
            in_target = current == section and (index is None or seen == index)
            if in_target and key is not None:
                match = self._KEY.match(raw)
                if match and match.group(1) == key:
                    return number
            if section is not None and current is None and key is None:
                match = self._KEY.match(raw)
                if match and match.group(1) == section:
                    return number
        if header_line is None and section is not None:
            return self.line(None, None, section) if key is not None or index is not None else None
        return header_line


class FieldChecks:
    """Reads the fields of a parsed TOML document, raising PolicyError on the first fault."""

    def __init__(self, path: Path, text: str | Callable[[], str]) -> None:
        """`text`: the file's text for line numbers, or a function giving it (called only
        when there is a fault to report)."""
        self.path = path
        self._text = text
        self._locator: Locator | None = None

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self._text if isinstance(self._text, str) else self._text())
        return self._locator

    def fail(self, fault: str, section: str | None = None, index: int | None = None,
             key: str | None = None) -> PolicyError:
        line = self.locator.line(section, index, key) if section or key else None
        where = f"{self.path}:{line}" if line else f"{self.path}"
        return PolicyError(f"{where}: {fault}")

    # -- fields ---------------------------------------------------------------------------

    def _get(self, table: Mapping[str, Any], key: str, kind: type[T] | tuple[type, ...],
             section: str, index: int | None, required: bool, what: str) -> Any:
        if key not in table:
            if required:
                raise self.fail(f"{section}: missing `{key}`", section, index)
            return None
        value = plain(table[key])
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{section}.{key}: expected {what}", section, index, key)
        return value

    def text(self, table: Mapping[str, Any], key: str, section: str, index: int | None,
             required: bool = True) -> str | None:
        value = self._get(table, key, str, section, index, required, "a string")
        if value is not None and required and not value.strip():
            raise self.fail(f"{section}.{key}: must not be empty", section, index, key)
        return value

    def date(self, table: Mapping[str, Any], key: str, section: str, index: int | None,
             required: bool = False) -> dt.date | None:
        value = self._get(table, key, (dt.date, str), section, index, required,
                          "a date like 2026-12-31")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise self.fail(f"{section}.{key}: expected a date like 2026-12-31",
                                section, index, key) from None
        return value

    def choice(self, table: Mapping[str, Any], key: str, choices: Callable[[str], T],
               allowed: str, section: str, index: int | None) -> T:
        value = self.text(table, key, section, index)
        try:
            return choices(str(value))
        except ValueError:
            raise self.fail(f"{section}.{key}: {value!r} is not one of {allowed}",
                            section, index, key) from None

    def no_unknown_keys(self, table: Mapping[str, Any], known: tuple[str, ...], section: str | None,
                        index: int | None) -> None:
        for key in table:
            if key not in known:
                where = f"{section}: " if section else ""
                raise self.fail(f"{where}unknown key `{key}` (expected one of {', '.join(known)})",
                                section, index, key)

    # -- tables ---------------------------------------------------------------------------

    def entries(self, document: TOMLDocument, section: str) -> list[Mapping[str, Any]]:
        if section not in document:
            return []
        value = document[section]
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(f"`{section}` must be an array of tables ([[{section}]])", None, None,
                            section)
        return list(value)

    def unique(self, section: str, keys: list[tuple[str, str | None]]) -> None:
        """Each (name, version) or (id, package) at most once per section."""
        first: dict[tuple[str, str | None], int] = {}
        for index, key in enumerate(keys):
            if key in first:
                shown = "@".join(part for part in key if part)
                earlier = self.locator.line(section, first[key])
                also = f" (first at line {earlier})" if earlier else ""
                raise self.fail(f"{section}: duplicate entry for {shown}{also}", section, index)
            first[key] = index


def plain(value: Any) -> Any:
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if callable(unwrap) else value
