"""The edit methods of `Policy` (`reviewer.policy.model`), mixed into it.

Each edits the tomlkit document in place (comments, order and formatting kept), inserts
new `[[...]]` entries in sorted order so that diffs stay small, and calls `_changed`, which
marks the policy dirty and its typed views stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT
from tomlkit.toml_document import TOMLDocument

from reviewer.policy import tomledit
from reviewer.policy.entries import SETTING_NAMES, AdvisoryDecisionKind, version_sort_key
from reviewer.policy.tomledit import plain as _s
from reviewer.signals.finding import Severity


class PolicyEdits:
    """What `Policy` provides to these methods: its path, the document, plain rows of the
    data as loaded, and `_changed`."""

    path: Path
    _rows: dict[str, list[dict[str, Any]]]
    _data: Any

    @property
    def document(self) -> TOMLDocument:  # Policy's
        raise NotImplementedError

    def _changed(self) -> None:  # Policy's
        raise NotImplementedError

    def approve(self, name: str, version: str, integrity: str | None, by: str,
                note: str | None = None, date: dt.date | None = None) -> None:
        """Pin name@version (exact version and integrity). Replaces an existing pin of it."""
        fields = _signed({"name": name, "version": version}, integrity, "approved_by", by,
                         date, note)
        self._upsert("pins", fields, lambda e: _s(e, "name") == name and _s(e, "version") == version,
                     (name, version_sort_key(version)),
                     lambda e: (_s(e, "name"), version_sort_key(_s(e, "version"))))

    def allow_scripts(self, name: str, version: str, integrity: str | None, by: str,
                      note: str | None = None, date: dt.date | None = None) -> list[str]:
        """Allow the install scripts of exactly name@version.

        Removes a deny of name@version and a name-wide deny of `name` (otherwise the deny
        would win). Returns what was removed, as messages for the user.
        """
        removed = [f"removed the deny of {_target(row)}" for row in self._section_rows("scripts")
                   if row.get("name") == name and row.get("decision") == "deny"
                   and row.get("version") in (None, version)]
        self._remove("scripts", lambda e: _s(e, "name") == name and _s(e, "decision") == "deny"
                     and _s(e, "version") in (None, version))
        fields = _signed({"name": name, "version": version, "decision": "allow"}, integrity,
                         "by", by, date, note)
        self._upsert("scripts", fields,
                     lambda e: _s(e, "name") == name and _s(e, "version") == version,
                     _script_key(name, version), _entry_script_key)
        return removed

    def deny(self, name: str, version: str | None = None, by: str | None = None,
             note: str | None = None, date: dt.date | None = None) -> list[str]:
        """Deny install scripts of `name` (every version) or of name@version.

        A name-wide deny replaces every script entry of `name`; a version deny replaces
        the allow of that version. Returns what was removed, as messages.
        """
        def replaced(e: Any) -> bool:
            return _s(e, "name") == name and (version is None or _s(e, "version") == version)

        removed = [f"removed the {row.get('decision')} of {_target(row)}"
                   for row in self._section_rows("scripts")
                   if row.get("name") == name and (version is None or row.get("version") == version)
                   and not (row.get("decision") == "deny" and row.get("version") == version)]
        self._remove("scripts", replaced)
        fields: dict[str, Any] = {"name": name}
        if version is not None:
            fields["version"] = version
        fields["decision"] = "deny"
        if by:
            fields["by"] = by
        fields["date"] = date or dt.date.today()
        if note:
            fields["note"] = note
        self._upsert("scripts", fields, replaced, _script_key(name, version), _entry_script_key)
        return removed

    def clear_scripts(self, name: str, version: str | None = None) -> int:
        """Back to unreviewed: drop script entries of name@version (or every entry of `name`)."""
        return self._remove("scripts", lambda e: _s(e, "name") == name
                            and (version is None or _s(e, "version") == version))

    def unpin(self, name: str, version: str) -> int:
        return self._remove("pins", lambda e: _s(e, "name") == name and _s(e, "version") == version)

    def accept_advisory(self, advisory_id: str, package: str, reason: str,
                        expires: dt.date | None, by: str | None = None,
                        decision: AdvisoryDecisionKind | str = AdvisoryDecisionKind.ACCEPT,
                        date: dt.date | None = None) -> None:
        """Record `accept` (or `fix`) for advisory `advisory_id` on `package` (name or name@version)."""
        kind = AdvisoryDecisionKind(decision)
        self._upsert_by_id("advisories", advisory_id, package,
                           {"decision": kind.value, "reason": reason}, expires, by, date)

    def accept_signal(self, signal_id: str, package: str, reason: str, expires: dt.date | None,
                      by: str | None = None, date: dt.date | None = None) -> None:
        """Accept review signal `signal_id` for `package` (name or name@version)."""
        self._upsert_by_id("signals", signal_id, package, {"reason": reason}, expires, by, date)

    def _upsert_by_id(self, section: str, entry_id: str, package: str, fields: dict[str, Any],
                      expires: dt.date | None, by: str | None, date: dt.date | None) -> None:
        """Insert or replace the (id, package) entry of `section` (advisories, signals)."""
        full: dict[str, Any] = {"id": entry_id, "package": package, **fields}
        if expires is not None:
            full["expires"] = expires
        if by:
            full["by"] = by
        full["date"] = date or dt.date.today()
        self._upsert(section, full,
                     lambda e: _s(e, "id") == entry_id and _s(e, "package") == package,
                     (entry_id, package), lambda e: (_s(e, "id"), _s(e, "package")))

    def set_note(self, name: str, version: str, note: str, by: str | None,
                 date: dt.date | None = None) -> None:
        """Record a note on name@version in `[[notes]]` (replacing its earlier note), in
        name and version order, with who wrote it and when."""
        fields: dict[str, Any] = {"name": name, "version": version, "note": note}
        if by:
            fields["by"] = by
        fields["date"] = date or dt.date.today()
        self._upsert("notes", fields,
                     lambda e: _s(e, "name") == name and _s(e, "version") == version,
                     (name, version_sort_key(version)),
                     lambda e: (_s(e, "name"), version_sort_key(_s(e, "version"))))

    def drop_note(self, name: str, version: str) -> int:
        return self._remove("notes", lambda e: _s(e, "name") == name and _s(e, "version") == version)

    def ban(self, package: str, reason: str, by: str | None = None,
            date: dt.date | None = None) -> None:
        """Ban `package` (a name: every version; or name@range) from the lockfile."""
        fields: dict[str, Any] = {"package": package, "reason": reason}
        if by:
            fields["by"] = by
        fields["date"] = date or dt.date.today()
        self._upsert("bans", fields, lambda e: _s(e, "package") == package, (package,),
                     lambda e: (_s(e, "package"),))

    def unban(self, package: str) -> int:
        """Remove the ban of `package` (as written, surrounding spaces aside); returns how
        many entries went."""
        package = package.strip()
        return self._remove("bans", lambda e: str(_s(e, "package")).strip() == package)

    def set_setting(self, key: str, value: bool | int | str | Sequence[str] | Severity) -> None:
        """Set one `[settings]` key (validated; raises PolicyError on a bad value)."""
        if key not in SETTING_NAMES:
            raise ValueError(f"unknown setting {key!r}")
        if "settings" not in self.document:
            tomledit.separate_last_item(self.document)
            self.document.add("settings", tomlkit.table())
        table = self.document["settings"]
        if isinstance(value, Severity):
            value = str(value)
        elif isinstance(value, (list, tuple)):
            value = list(value)
        table[key] = value
        self._changed()

    # -- plumbing -------------------------------------------------------------------------

    def _aot(self, section: str) -> AoT:
        return tomledit.array_of_tables(self.document, section, self.path)

    def _section_rows(self, section: str) -> list[dict[str, Any]]:
        rows = self._rows.get(section)
        if rows is None:
            rows = self._rows[section] = tomledit.plain_rows(self._data.get(section) or [])
        return rows

    def _upsert(self, section: str, fields: dict[str, Any], same: Callable[[Any], bool],
                sort_key: Any, entry_key: Callable[[Any], Any]) -> None:
        """Replace the entry that is `same`, or insert a new one in sorted position.
        `same` and `entry_key` read plain dicts of an entry's values."""
        tomledit.upsert(self.document, section, self._aot(section), self._section_rows(section),
                        fields, same, sort_key, entry_key)
        self._changed()

    def _remove(self, section: str, match: Callable[[Any], bool]) -> int:
        if section not in self.document:
            return 0
        last_section = list(self.document.keys())[-1] == section
        aot = self._aot(section)
        removed = tomledit.remove(aot, self._section_rows(section), match,
                                  at_end_of_file=last_section)
        if removed and not len(aot):
            # the last entry went: drop the section (tomlkit would write `bans = []` at the top)
            del self.document[section]
            if last_section:
                tomledit.end_with_last_entry(self.document)
        if removed:
            self._changed()
        return removed


def _signed(fields: dict[str, Any], integrity: str | None, by_key: str, by: str,
            date: dt.date | None, note: str | None) -> dict[str, Any]:
    """An approval's `fields`, then its integrity (if known), who, when, and the note (if
    any), in the order the file shows them."""
    if integrity:
        fields["integrity"] = integrity
    fields[by_key] = by
    fields["date"] = date or dt.date.today()
    if note:
        fields["note"] = note
    return fields


def _target(row: dict[str, Any]) -> str:
    version = row.get("version")
    return f"{row.get('name')}@{version}" if version else str(row.get("name"))


def _script_key(name: str, version: str | None) -> tuple[Any, ...]:
    return (name, version_sort_key(version))


def _entry_script_key(entry: Any) -> tuple[Any, ...]:
    return _script_key(_s(entry, "name"), _s(entry, "version"))
