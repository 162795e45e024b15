"""`Policy`: the decisions of a project, backed by a tomlkit document that keeps comments.

Read with the typed views (`pins`, `scripts`, `advisories`, `signal_acceptances`,
`settings`) and the lookups (`script_state`, `pin_for`, `advisory_decision`,
`signal_acceptance`). Change with the edit methods (`approve`, `allow_scripts`, `deny`,
`clear_scripts`, `accept_advisory`, `accept_signal`, `set_setting`, in
`reviewer.policy.edits`): each edits the document in place, inserting new `[[...]]`
entries in sorted order so diffs stay small, and sets `dirty`. Load and save with
`reviewer.policy.store.PolicyStore`.

Which entry decides (this file first, then the files it `extends`; the script-decision
rules) is `reviewer.policy.lookups`, mixed in as well. The typed views (`pins`, `scripts`,
...) and the edits concern this file only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.toml_document import TOMLDocument

from reviewer.policy.edits import PolicyEdits
from reviewer.policy.entries import (
    SCHEMA_VERSION,
    AdvisoryDecision,
    Ban,
    Note,
    Pin,
    PolicyIndex,
    ScriptDecision,
    ScriptDecisionKind,
    Settings,
    SignalAcceptance,
)
from reviewer.policy.lookups import PolicyLookups
from reviewer.policy.schema import Validator
from reviewer.policy.toml_syntax import parse_data, parse_document

NEW_POLICY_HEADER = (
    "# reviewer policy: decisions about this project's npm dependencies.\n"
    "# Written by `reviewer` (approve, deny, the TUI); safe to edit by hand.\n"
    "# Format: see the \"Policy file\" section of reviewer's README.\n"
)


class Policy(PolicyLookups, PolicyEdits):
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
        self._notes: list[Note] = []
        self._bans: list[Ban] = []
        self._extends: list[str] = []
        self._own_settings: dict[str, Any] = {}
        self._merged_settings: Settings | None = None
        self.parents: list[Policy] = []
        """The policies named by `extends`, loaded by `PolicyStore.load` (in order)."""
        self._layers: list[Policy] | None = None
        self._layers_parents: list[Policy] = []
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
    def extends(self) -> list[str]:
        """The paths in this file's `extends`, as written."""
        self._ensure_fresh()
        return self._extends

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
    def notes(self) -> list[Note]:
        self._ensure_fresh()
        return self._notes

    def note_entry(self, name: str, version: str) -> Note | None:
        """The `[[notes]]` entry of name@version (see `reviewer.policy.notes`)."""
        return self._index.notes.get((name, version))

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
        self._notes = validator.notes(data)
        self._bans = validator.bans(data)
        self._extends = validator.extends(data)
        self._own_settings = validator.setting_values(data)
        self._merged_settings = None
        validator.unique("pins", [(p.name, p.version) for p in self._pins])
        validator.unique("scripts", [(e.name, e.version) for e in self._scripts])
        validator.unique("advisories", [(a.id, a.package) for a in self._advisories])
        validator.unique("signals", [(a.id, a.package) for a in self._signal_acceptances])
        validator.unique("notes", [(n.name, n.version) for n in self._notes])
        validator.unique("bans", [(b.package, None) for b in self._bans])
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
        for note in self._notes:
            index.notes[(note.name, note.version)] = note
        self._index_cache = index

    # -- document plumbing ----------------------------------------------------------------

    def _changed(self) -> None:
        self.dirty = True
        self._merged_settings = None
        self._validator = Validator(self.path, self.dumps)
        self._stale = True
