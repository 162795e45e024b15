"""`Policy`: the decisions of a project, backed by a tomlkit document that keeps comments.

Read with the typed views (`pins`, `scripts`, `advisories`, `signal_acceptances`,
`settings`) and the lookups (`script_state`, `pin_for`, `advisory_decision`,
`signal_acceptance`). Change with the edit methods (`approve`, `allow_scripts`, `deny`,
`clear_scripts`, `accept_advisory`, `accept_signal`, `set_setting`): each edits the
document in place, inserting new `[[...]]` entries in sorted order so diffs stay small,
and sets `dirty`. Load and save with `reviewer.policy.store.PolicyStore`.

Script-decision rules (the same as npm's `allowScripts`):
- allowed = an `allow` entry for exactly name@version whose integrity matches the
  locked one (`entries.content_hash`: SRI integrity, or yarn berry's checksum; an entry
  without integrity, or a hash of another kind, matches any);
- denied = a name-wide `deny`, or a `deny` for name@version; deny wins on overlap;
- unreviewed = anything else (including an allow whose integrity no longer matches:
  `allowed_entry` tells the caller it was republished).
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
from reviewer.policy.entries import (
    SCHEMA_VERSION,
    SETTING_NAMES,
    AdvisoryDecision,
    AdvisoryDecisionKind,
    Pin,
    PolicyIndex,
    ScriptDecision,
    ScriptDecisionKind,
    ScriptState,
    Settings,
    SignalAcceptance,
    differs,
    version_sort_key,
)
from reviewer.policy.schema import Validator, parse_data, parse_document
from reviewer.policy.tomledit import plain as _s
from reviewer.signals.finding import Severity

NEW_POLICY_HEADER = (
    "# reviewer policy: decisions about this project's npm dependencies.\n"
    "# Written by `reviewer` (approve, deny, the TUI); safe to edit by hand.\n"
    "# Format: see the \"Policy file\" section of reviewer's README.\n"
)


class Policy:
    """A loaded (or new) policy file. Not thread-safe."""

    def __init__(self, document: TOMLDocument | None, path: Path, loaded_bytes: bytes | None,
                 source_text: str | None = None) -> None:
        """From a tomlkit `document`, or (document None) from `source_text`, which is read
        with the fast stdlib parser; the comment-keeping tomlkit document is then parsed
        only when the policy is first edited or dumped."""
        self.path = path
        self.loaded_bytes = loaded_bytes
        """The file's bytes when loaded (None: there was no file); used to detect concurrent edits."""
        self.dirty = False
        self._document = document
        self._source_text = source_text
        self._data: Any = document
        if document is None:
            self._data = parse_data(path, source_text or "")
        # Line numbers in errors refer to the text as read (or as it would be written).
        self._validator = Validator(path, source_text if source_text is not None
                                    else self.dumps)
        self._settings: Settings = Settings()
        self._pins: list[Pin] = []
        self._scripts: list[ScriptDecision] = []
        self._advisories: list[AdvisoryDecision] = []
        self._signal_acceptances: list[SignalAcceptance] = []
        self._index_cache = PolicyIndex()
        self._stale = True
        self._rows: dict[str, list[dict[str, Any]]] = {}
        """Plain copies of each section's entries, in document order (built on first edit)."""
        self._reload_entries()

    @classmethod
    def empty(cls, path: Path) -> Policy:
        document = tomlkit.document()
        for line in NEW_POLICY_HEADER.splitlines():
            document.add(tomlkit.comment(line[2:]))
        document.add("version", SCHEMA_VERSION)
        return cls(document, path, None)

    @property
    def exists_on_disk(self) -> bool:
        return self.loaded_bytes is not None

    @property
    def document(self) -> TOMLDocument:
        """The tomlkit document (comments, order and formatting kept): what edits change."""
        if self._document is None:
            self._document = parse_document(self.path, self._source_text or "")
            self._data = self._document
        return self._document

    def dumps(self) -> str:
        if self._document is None and self._source_text is not None:
            return self._source_text
        return tomlkit.dumps(self.document)

    # -- reading --------------------------------------------------------------------------

    # The typed views are rebuilt from the document lazily, after the edits that touched it.

    @property
    def settings(self) -> Settings:
        self._ensure_fresh()
        return self._settings

    @property
    def pins(self) -> list[Pin]:
        self._ensure_fresh()
        return self._pins

    @property
    def scripts(self) -> list[ScriptDecision]:
        self._ensure_fresh()
        return self._scripts

    @property
    def advisories(self) -> list[AdvisoryDecision]:
        self._ensure_fresh()
        return self._advisories

    @property
    def signal_acceptances(self) -> list[SignalAcceptance]:
        self._ensure_fresh()
        return self._signal_acceptances

    @property
    def _index(self) -> PolicyIndex:
        self._ensure_fresh()
        return self._index_cache

    def _ensure_fresh(self) -> None:
        if self._stale:
            self._reload_entries()

    def _reload_entries(self) -> None:
        validator = self._validator
        data = self._data
        validator.top_level(data)
        self._settings = validator.settings(data)
        self._pins = validator.pins(data)
        self._scripts = validator.scripts(data)
        self._advisories = validator.advisories(data)
        self._signal_acceptances = validator.signals(data)
        validator.unique("pins", [(p.name, p.version) for p in self._pins])
        validator.unique("scripts", [(e.name, e.version) for e in self._scripts])
        validator.unique("advisories", [(a.id, a.package) for a in self._advisories])
        validator.unique("signals", [(a.id, a.package) for a in self._signal_acceptances])
        self._stale = False
        index = PolicyIndex()
        for pin in self._pins:
            index.pins[(pin.name, pin.version)] = pin
            index.pinned_versions.setdefault(pin.name, []).append(pin.version)
        for entry in self._scripts:
            if entry.decision is ScriptDecisionKind.ALLOW and entry.version is not None:
                index.allowed[(entry.name, entry.version)] = entry
            elif entry.version is None:
                index.denied_names[entry.name] = entry
            else:
                index.denied_versions[(entry.name, entry.version)] = entry
        for advisory in self._advisories:
            index.advisories[(advisory.id, advisory.package)] = advisory
        for signal in self._signal_acceptances:
            index.signals[(signal.id, signal.package)] = signal
        self._index_cache = index

    def script_state(self, name: str, version: str, integrity: str | None = None) -> ScriptState:
        """allowed / denied / unreviewed for the locked package name@version (see module doc)."""
        index = self._index
        if name in index.denied_names or (name, version) in index.denied_versions:
            return ScriptState.DENIED
        allowed = index.allowed.get((name, version))
        if allowed is None:
            return ScriptState.UNREVIEWED
        if differs(allowed.integrity, integrity):
            return ScriptState.UNREVIEWED
        return ScriptState.ALLOWED

    def allowed_entry(self, name: str, version: str) -> ScriptDecision | None:
        """The `allow` entry for exactly name@version, whatever its integrity."""
        return self._index.allowed.get((name, version))

    def deny_entry(self, name: str, version: str | None = None) -> ScriptDecision | None:
        """The deny that applies to name (name-wide first), or to name@version."""
        index = self._index
        if name in index.denied_names:
            return index.denied_names[name]
        return index.denied_versions.get((name, version)) if version is not None else None

    def pin_for(self, name: str, version: str | None = None) -> Pin | None:
        """The pin of name@version; without a version, the pin of `name` if there is exactly one."""
        if version is not None:
            return self._index.pins.get((name, version))
        versions = self._index.pinned_versions.get(name, [])
        return self._index.pins[(name, versions[0])] if len(versions) == 1 else None

    def pinned_versions(self, name: str) -> list[str]:
        return sorted(self._index.pinned_versions.get(name, []), key=version_sort_key)

    def advisory_decision(self, advisory_id: str, name: str,
                          version: str | None = None) -> AdvisoryDecision | None:
        """The decision about `advisory_id` for name@version (exact entry first, then name-wide)."""
        index = self._index
        if version is not None and (advisory_id, f"{name}@{version}") in index.advisories:
            return index.advisories[(advisory_id, f"{name}@{version}")]
        return index.advisories.get((advisory_id, name))

    def signal_acceptance(self, signal_id: str, name: str,
                          version: str | None = None) -> SignalAcceptance | None:
        index = self._index
        if version is not None and (signal_id, f"{name}@{version}") in index.signals:
            return index.signals[(signal_id, f"{name}@{version}")]
        return index.signals.get((signal_id, name))

    # -- editing --------------------------------------------------------------------------

    def approve(self, name: str, version: str, integrity: str | None, by: str,
                note: str | None = None, date: dt.date | None = None) -> None:
        """Pin name@version (exact version and integrity). Replaces an existing pin of it."""
        fields: dict[str, Any] = {"name": name, "version": version}
        if integrity:
            fields["integrity"] = integrity
        fields["approved_by"] = by
        fields["date"] = date or dt.date.today()
        if note:
            fields["note"] = note
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
        fields: dict[str, Any] = {"name": name, "version": version, "decision": "allow"}
        if integrity:
            fields["integrity"] = integrity
        fields["by"] = by
        fields["date"] = date or dt.date.today()
        if note:
            fields["note"] = note
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
        table[key] = value  # type: ignore[index]
        self._changed()

    # -- document plumbing ----------------------------------------------------------------

    def _changed(self) -> None:
        self.dirty = True
        self._validator = Validator(self.path, self.dumps)
        self._stale = True

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
        removed = tomledit.remove(self._aot(section), self._section_rows(section), match)
        if removed:
            self._changed()
        return removed


def _target(row: dict[str, Any]) -> str:
    version = row.get("version")
    return f"{row.get('name')}@{version}" if version else str(row.get("name"))


def _script_key(name: str, version: str | None) -> tuple[Any, ...]:
    return (name, version_sort_key(version))


def _entry_script_key(entry: Any) -> tuple[Any, ...]:
    return _script_key(_s(entry, "name"), _s(entry, "version"))
