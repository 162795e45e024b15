"""`Policy`: the decisions of a project, backed by a tomlkit document that keeps comments.

Read with the typed views (`pins`, `scripts`, `advisories`, `signal_acceptances`,
`settings`) and the lookups (`script_state`, `pin_for`, `advisory_decision`,
`signal_acceptance`). Change with the edit methods (`approve`, `allow_scripts`, `deny`,
`clear_scripts`, `accept_advisory`, `accept_signal`, `set_setting`, in
`reviewer.policy.edits`): each edits the document in place, inserting new `[[...]]`
entries in sorted order so diffs stay small, and sets `dirty`. Load and save with
`reviewer.policy.store.PolicyStore`.

Script-decision rules (the same as npm's `allowScripts`):
- allowed = an `allow` entry for exactly name@version whose integrity matches the
  locked one (`entries.content_hash`: SRI integrity, or yarn berry's checksum; an entry
  without integrity, or a hash of another kind, matches any);
- denied = a name-wide `deny`, or a `deny` for name@version; deny wins on overlap;
- unreviewed = anything else (including an allow whose integrity no longer matches:
  `allowed_entry` tells the caller it was republished).

Shared policies (`extends = ["../org/reviewer-org.toml"]`, paths relative to the file):
`PolicyStore.load` loads them into `parents`. Every lookup asks this file first, then the
extended files in order (depth first): the first file with a decision that applies decides
(local entries override). When no local entry decides and two extended files disagree
about a package's scripts, the deny wins and `script_conflict` names both entries. Settings
are merged key by key (local first), bans are added up. The typed views (`pins`,
`scripts`, ...) and the edits concern this file only.
"""

from __future__ import annotations

import os
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
    ScriptState,
    Settings,
    SignalAcceptance,
    differs,
    version_sort_key,
)
from reviewer.policy.schema import Validator
from reviewer.policy.toml_syntax import parse_data, parse_document

NEW_POLICY_HEADER = (
    "# reviewer policy: decisions about this project's npm dependencies.\n"
    "# Written by `reviewer` (approve, deny, the TUI); safe to edit by hand.\n"
    "# Format: see the \"Policy file\" section of reviewer's README.\n"
)


class Policy(PolicyEdits):
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
    def settings(self) -> Settings:
        """The effective settings: this file's, then each extended file's, then defaults."""
        self._ensure_fresh()
        if not self.parents:
            return self._settings
        if self._merged_settings is None:
            self._merged_settings = Settings(**self.setting_values())
        return self._merged_settings

    def setting_values(self) -> dict[str, Any]:
        """The settings set explicitly here or in an extended file (local first)."""
        self._ensure_fresh()
        merged: dict[str, Any] = {}
        for parent in reversed(self.parents):
            merged.update(parent.setting_values())
        merged.update(self._own_settings)
        return merged

    @property
    def extends(self) -> list[str]:
        """The paths in this file's `extends`, as written."""
        self._ensure_fresh()
        return self._extends

    def layers(self) -> list[Policy]:
        """This policy, then every extended one, depth first, each once."""
        if not self.parents:
            return [self]
        if self._layers is not None and self._layers_parents == self.parents:
            return self._layers
        out: list[Policy] = [self]
        seen = {self.path.resolve()}
        for parent in self.parents:
            for layer in parent.layers():
                if layer.path.resolve() not in seen:
                    seen.add(layer.path.resolve())
                    out.append(layer)
        self._layers, self._layers_parents = out, list(self.parents)
        return out

    def origin_label(self, origin: Path | None) -> str:
        """How to name the file a decision came from: relative to this policy's folder."""
        if origin is None:
            return "defaults"
        try:
            if origin.resolve() == self.path.resolve():
                return self.path.name
            return os.path.relpath(origin.resolve(), self.path.resolve().parent)
        except (OSError, ValueError):
            return str(origin)

    @property
    def bans(self) -> list[Ban]:
        """Every ban: this file's, then the extended files'."""
        self._ensure_fresh()
        out = list(self._bans)
        for layer in self.layers()[1:]:
            out.extend(layer._bans)
        return out

    def ban_for(self, name: str, version: str) -> Ban | None:
        """The first ban that matches name@version."""
        return next((ban for ban in self.bans if ban.matches(name, version)), None)

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

    def _own_script_decision(self, name: str, version: str, integrity: str | None
                             ) -> tuple[ScriptState, ScriptDecision] | None:
        """This file's decision about name@version's scripts, if it has one."""
        index = self._index
        deny = index.denied_names.get(name) or index.denied_versions.get((name, version))
        if deny is not None:
            return ScriptState.DENIED, deny
        allowed = index.allowed.get((name, version))
        if allowed is None:
            return None
        if differs(allowed.integrity, integrity):
            return ScriptState.UNREVIEWED, allowed
        return ScriptState.ALLOWED, allowed

    def _parent_script_decisions(self, name: str, version: str, integrity: str | None
                                 ) -> list[tuple[ScriptState, ScriptDecision]]:
        hits = (layer._own_script_decision(name, version, integrity)
                for layer in self.layers()[1:])
        return [hit for hit in hits if hit is not None]

    def script_decision(self, name: str, version: str, integrity: str | None = None
                        ) -> tuple[ScriptState, ScriptDecision | None]:
        """The state of name@version's scripts and the entry that decides it (its `origin`
        says which file): this file first, then the extended files (a deny wins there)."""
        own = self._own_script_decision(name, version, integrity)
        if own is not None:
            return own
        hits = self._parent_script_decisions(name, version, integrity)
        if not hits:
            return ScriptState.UNREVIEWED, None
        denied = [hit for hit in hits if hit[0] is ScriptState.DENIED]
        state, entry = denied[0] if denied else hits[0]
        return state, entry

    def script_conflict(self, name: str, version: str, integrity: str | None = None
                        ) -> list[ScriptDecision]:
        """The disagreeing entries of extended files about name@version, when this file
        does not decide it (empty: no conflict)."""
        if not self.parents or self._own_script_decision(name, version, integrity) is not None:
            return []
        hits = self._parent_script_decisions(name, version, integrity)
        if len({state for state, _ in hits}) < 2:
            return []
        return [entry for _, entry in hits]

    def script_state(self, name: str, version: str, integrity: str | None = None) -> ScriptState:
        """allowed / denied / unreviewed for the locked package name@version (see module doc)."""
        return self.script_decision(name, version, integrity)[0]

    def allowed_entry(self, name: str, version: str) -> ScriptDecision | None:
        """The `allow` entry for exactly name@version, whatever its integrity."""
        for layer in self.layers():
            found = layer._index.allowed.get((name, version))
            if found is not None:
                return found
        return None

    def deny_entry(self, name: str, version: str | None = None) -> ScriptDecision | None:
        """The deny that applies to name (name-wide first), or to name@version."""
        for layer in self.layers():
            index = layer._index
            if name in index.denied_names:
                return index.denied_names[name]
            if version is not None and (name, version) in index.denied_versions:
                return index.denied_versions[(name, version)]
        return None

    def pin_for(self, name: str, version: str | None = None) -> Pin | None:
        """The pin of name@version; without a version, the pin of `name` if there is exactly one."""
        if version is None:
            versions = self.pinned_versions(name)
            return self.pin_for(name, versions[0]) if len(versions) == 1 else None
        for layer in self.layers():
            found = layer._index.pins.get((name, version))
            if found is not None:
                return found
        return None

    def pinned_versions(self, name: str) -> list[str]:
        versions = {v for layer in self.layers() for v in layer._index.pinned_versions.get(name, [])}
        return sorted(versions, key=version_sort_key)

    def advisory_decision(self, advisory_id: str, name: str,
                          version: str | None = None) -> AdvisoryDecision | None:
        """The decision about `advisory_id` for name@version (exact entry first, then name-wide)."""
        for layer in self.layers():
            index = layer._index
            if version is not None and (advisory_id, f"{name}@{version}") in index.advisories:
                return index.advisories[(advisory_id, f"{name}@{version}")]
            if (advisory_id, name) in index.advisories:
                return index.advisories[(advisory_id, name)]
        return None

    def signal_acceptance(self, signal_id: str, name: str,
                          version: str | None = None) -> SignalAcceptance | None:
        for layer in self.layers():
            index = layer._index
            if version is not None and (signal_id, f"{name}@{version}") in index.signals:
                return index.signals[(signal_id, f"{name}@{version}")]
            if (signal_id, name) in index.signals:
                return index.signals[(signal_id, name)]
        return None

    # -- document plumbing ----------------------------------------------------------------

    def _changed(self) -> None:
        self.dirty = True
        self._merged_settings = None
        self._validator = Validator(self.path, self.dumps)
        self._stale = True
