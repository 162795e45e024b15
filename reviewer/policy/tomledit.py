"""Editing `[[section]]` arrays of tables in a tomlkit document without disturbing the rest.

Each section is edited alongside `rows`, plain-dict copies of its entries in document
order, so that lookups and sorted inserts never walk tomlkit items. Entries are kept
separated by exactly one blank line; comments inside and around entries are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

from reviewer.errors import PolicyError

_SORT_KEY = "\0sort"


def plain(entry: Any, key: str) -> Any:
    """A plain value from a tomlkit table or a plain dict."""
    value = entry.get(key)
    return value.unwrap() if hasattr(value, "unwrap") else value


def plain_rows(entries: Iterable[Any]) -> list[dict[str, Any]]:
    return [{k: plain(e, k) for k in e} for e in entries]


def array_of_tables(document: TOMLDocument, section: str, path: Path) -> AoT:
    """The `[[section]]` array, created at the end of the document when absent."""
    if section not in document:
        separate_last_item(document)
        document.add(section, tomlkit.aot())
    value = document[section]
    if not isinstance(value, AoT):
        raise PolicyError(f"{path}: `{section}` is written as an inline array; "
                          f"reviewer edits only [[{section}]] tables (rewrite it that way)")
    return value


def upsert(document: TOMLDocument, section: str, aot: AoT, rows: list[dict[str, Any]],
           fields: dict[str, Any], same: Callable[[Any], bool], sort_key: Any,
           entry_key: Callable[[Any], Any]) -> None:
    """Replace the entry that is `same` (in place, keeping its comments), or insert a new
    one before the first entry whose `entry_key` sorts after `sort_key`."""
    primary = fields.get("name", fields.get("id"))
    found = next((i for i, row in enumerate(rows)
                  if row.get("name", row.get("id")) == primary and same(row)), None)
    if found is not None:
        entry = aot[found]
        for stale in [k for k in entry if k not in fields]:
            del entry[stale]
        for key, value in fields.items():
            if entry.get(key) != value:
                entry[key] = value
        rows[found] = dict(fields)
        return
    table = tomlkit.table()
    for key, value in fields.items():
        table[key] = value
    position = _sorted_position(rows, sort_key, entry_key)
    last_section = list(document.keys())[-1] == section
    _insert_entry(aot, position, table, at_end_of_file=last_section)
    rows.insert(position, dict(fields))


def remove(aot: AoT, rows: list[dict[str, Any]], match: Callable[[Any], bool],
           at_end_of_file: bool = False) -> int:
    """Remove the entries that `match`; when the last one goes and the section ends the file,
    the new last entry loses its separating blank line (the file ends with the entry)."""
    doomed = [i for i, row in enumerate(rows) if match(row)]
    last_removed = bool(doomed) and doomed[-1] == len(rows) - 1
    for i in reversed(doomed):
        del aot[i]
        del rows[i]
    if last_removed and at_end_of_file and len(aot):
        _set_trailing_blank_line(aot[-1], False)
    return len(doomed)


def end_with_last_entry(document: Any) -> None:
    """After a whole section at the end of the file went: the file ends with the entry
    before it, without the blank line that separated the two."""
    if not document:
        return
    last = document[list(document.keys())[-1]]
    if isinstance(last, AoT) and len(last):
        _set_trailing_blank_line(last[-1], False)
    elif isinstance(last, Table):
        _set_trailing_blank_line(last, False)


def _sorted_position(rows: list[dict[str, Any]], sort_key: Any,
                     entry_key: Callable[[Any], Any]) -> int:
    """Index of the first row that sorts after `sort_key` (the end when none does); row keys
    are computed once and kept in the row."""
    def key_of(row: dict[str, Any]) -> Any:
        if _SORT_KEY not in row:
            row[_SORT_KEY] = entry_key(row)
        return row[_SORT_KEY]

    if not rows or key_of(rows[-1]) <= sort_key:
        return len(rows)
    return next(i for i, row in enumerate(rows) if key_of(row) > sort_key)


def _set_trailing_blank_line(table: Table, blank: bool) -> None:
    """Make `table` end with exactly one blank line (or none), keeping its comments."""
    body = table.value.body
    while body and isinstance(body[-1][1], Whitespace):
        body.pop()
    if blank:
        table.add(tomlkit.nl())


def _insert_entry(aot: AoT, position: int, table: Table, at_end_of_file: bool) -> None:
    """Insert `table` so that entries are separated by one blank line."""
    is_last = position >= len(aot)
    if position > 0:
        _set_trailing_blank_line(aot[position - 1], True)
    _set_trailing_blank_line(table, not (is_last and at_end_of_file))
    aot.insert(position, table)
    if not getattr(aot, "_parsed", True):
        # tomlkit adds newlines to the header indents of the new entry and its neighbours in
        # arrays it did not parse; we separate entries with trailing blank lines instead.
        for entry in aot[max(position - 1, 0): position + 3]:
            entry.trivia.indent = entry.trivia.indent.replace("\n", "")


def separate_last_item(document: TOMLDocument) -> None:
    """Before appending a new section: end the document's last item with a blank line."""
    if not document:
        return
    last = document[list(document.keys())[-1]]
    if isinstance(last, AoT) and len(last):
        _set_trailing_blank_line(last[-1], True)
    elif isinstance(last, Table):
        _set_trailing_blank_line(last, True)
    else:
        document.add(tomlkit.nl())
