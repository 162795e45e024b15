"""`Policy`: the decisions of a project, backed by a tomlkit document that keeps comments.

Read with the typed views (`pins`, `scripts`, `advisories`, `signal_acceptances`,
`settings`) and the lookups (`script_state`, `pin_for`, `advisory_decision`,
`signal_acceptance`). Change with the edit methods (`approve`, `allow_scripts`, `deny`,
`clear_scripts`, `accept_advisory`, `accept_signal`, `set_setting`): each edits the
document in place, inserting new `[[...]]` entries in sorted order so diffs stay small,
and sets `dirty`. Load and save with `reviewer.policy.store.PolicyStore`.

Script-decision rules (the same as npm's `allowScripts`):
- allowed = an `allow` entry for exactly name@version whose integrity matches the
  locked integrity (an entry without integrity matches any);
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
from tomlkit.items import AoT, Table, Whitespace
from tomlkit.toml_document import TOMLDocument

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
    version_sort_key,
)
from reviewer.policy.schema import Validator
from reviewer.signals.finding import Severity

NEW_POLICY_HEADER = (
    "# reviewer policy: decisions about this project's npm dependencies.\n"
    "# Written by `reviewer` (approve, deny, the TUI); safe to edit by hand.\n"
    "# Format: see the \"Policy file\" section of reviewer's README.\n"
)


class Policy:
    """A loaded (or new) policy file. Not thread-safe."""

    def __init__(self, document: TOMLDocument, path: Path, loaded_bytes: bytes | None,
                 source_text: str | None = None) -> None:
        self.document = document
        self.path = path
        self.loaded_bytes = loaded_bytes
        """The file's bytes when loaded (None: there was no file); used to detect concurrent edits."""
        self.dirty = False
        # Line numbers in errors refer to the text as read (or as it would be written).
        self._validator = Validator(path, source_text if source_text is not None
                                    else tomlkit.dumps(document))
        self.settings: Settings = Settings()
        self.pins: list[Pin] = []
        self.scripts: list[ScriptDecision] = []
        self.advisories: list[AdvisoryDecision] = []
        self.signal_acceptances: list[SignalAcceptance] = []
        self._index = PolicyIndex()
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

    def dumps(self) -> str:
        return tomlkit.dumps(self.document)

    # -- reading --------------------------------------------------------------------------

    def _reload_entries(self) -> None:
        validator = self._validator
        validator.top_level(self.document)
        self.settings = validator.settings(self.document)
        self.pins = validator.pins(self.document)
        self.scripts = validator.scripts(self.document)
        self.advisories = validator.advisories(self.document)
        self.signal_acceptances = validator.signals(self.document)
        validator.unique("pins", [(p.name, p.version) for p in self.pins])
        validator.unique("scripts", [(e.name, e.version) for e in self.scripts])
        validator.unique("advisories", [(a.id, a.package) for a in self.advisories])
        validator.unique("signals", [(a.id, a.package) for a in self.signal_acceptances])
        index = PolicyIndex()
        for pin in self.pins:
            index.pins[(pin.name, pin.version)] = pin
            index.pinned_versions.setdefault(pin.name, []).append(pin.version)
        for entry in self.scripts:
            if entry.decision is ScriptDecisionKind.ALLOW and entry.version is not None:
                index.allowed[(entry.name, entry.version)] = entry
            elif entry.version is None:
                index.denied_names[entry.name] = entry
            else:
                index.denied_versions[(entry.name, entry.version)] = entry
        for advisory in self.advisories:
            index.advisories[(advisory.id, advisory.package)] = advisory
        for signal in self.signal_acceptances:
            index.signals[(signal.id, signal.package)] = signal
        self._index = index

    def script_state(self, name: str, version: str, integrity: str | None = None) -> ScriptState:
        """allowed / denied / unreviewed for the locked package name@version (see module doc)."""
        index = self._index
        if name in index.denied_names or (name, version) in index.denied_versions:
            return ScriptState.DENIED
        allowed = index.allowed.get((name, version))
        if allowed is None:
            return ScriptState.UNREVIEWED
        if allowed.integrity and integrity and allowed.integrity != integrity:
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
        removed = [f"removed the deny of {entry.target}" for entry in self.scripts
                   if entry.name == name and entry.decision is ScriptDecisionKind.DENY
                   and entry.version in (None, version)]
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

        removed = [f"removed the {e.decision.value} of {e.target}" for e in self.scripts
                   if e.name == name and (version is None or e.version == version)
                   and not (e.decision is ScriptDecisionKind.DENY and e.version == version)]
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
            _separate_last_item(self.document)
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
        self._validator = Validator(self.path, tomlkit.dumps(self.document))
        self._reload_entries()

    def _aot(self, section: str) -> AoT:
        if section not in self.document:
            _separate_last_item(self.document)
            self.document.add(section, tomlkit.aot())
        value = self.document[section]
        assert isinstance(value, AoT)
        return value

    def _upsert(self, section: str, fields: dict[str, Any], same: Callable[[Any], bool],
                sort_key: Any, entry_key: Callable[[Any], Any]) -> None:
        aot = self._aot(section)
        for entry in aot:
            if same(entry):
                for stale in [k for k in entry if k not in fields]:
                    del entry[stale]
                for key, value in fields.items():
                    if entry.get(key) != value:
                        entry[key] = value
                self._changed()
                return
        table = tomlkit.table()
        for key, value in fields.items():
            table[key] = value
        position = len(aot)
        for i, entry in enumerate(aot):
            if entry_key(entry) > sort_key:
                position = i
                break
        last_section = list(self.document.keys())[-1] == section
        _insert_entry(aot, position, table, at_end_of_file=last_section)
        self._changed()

    def _remove(self, section: str, match: Callable[[Any], bool]) -> int:
        if section not in self.document:
            return 0
        aot = self._aot(section)
        doomed = [i for i, entry in enumerate(aot) if match(entry)]
        for i in reversed(doomed):
            del aot[i]
        if doomed:
            self._changed()
        return len(doomed)


def _s(entry: Any, key: str) -> Any:
    value = entry.get(key)
    return value.unwrap() if hasattr(value, "unwrap") else value


def _script_key(name: str, version: str | None) -> tuple[Any, ...]:
    return (name, version_sort_key(version))


def _entry_script_key(entry: Any) -> tuple[Any, ...]:
    return _script_key(_s(entry, "name"), _s(entry, "version"))


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
        # tomlkit adds newlines to header indents of arrays it did not parse; we separate
        # entries with trailing blank lines instead, so drop those.
        for entry in aot:
            entry.trivia.indent = entry.trivia.indent.replace("\n", "")


def _separate_last_item(document: TOMLDocument) -> None:
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
