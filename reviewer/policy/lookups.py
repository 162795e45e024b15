"""The lookups of `Policy` (`reviewer.policy.model`), mixed into it: which entry decides,
across this file and the files it extends.

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
are merged key by key (local first), bans are added up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from reviewer.policy.entries import (
    AdvisoryDecision,
    Ban,
    Pin,
    PolicyIndex,
    ScriptDecision,
    ScriptState,
    Settings,
    SignalAcceptance,
    differs,
    version_sort_key,
)

if TYPE_CHECKING:
    from reviewer.policy.model import Policy

T = TypeVar("T")


class PolicyLookups:
    """What `Policy` provides to these methods: its path, the extended policies, this
    file's own settings and bans, and its index of entries (kept fresh)."""

    path: Path
    parents: list[Policy]
    _layers: list[Policy] | None
    _layers_parents: list[Policy]
    _settings: Settings
    _own_settings: dict[str, Any]
    _merged_settings: Settings | None
    _bans: list[Ban]

    @property
    def _index(self) -> PolicyIndex:  # Policy's
        raise NotImplementedError

    def _ensure_fresh(self) -> None:  # Policy's
        raise NotImplementedError

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

    def layers(self) -> list[Policy]:
        """This policy, then every extended one, depth first, each once."""
        me = cast("Policy", self)  # the mixin is only ever a Policy
        if not self.parents:
            return [me]
        if self._layers is not None and self._layers_parents == self.parents:
            return self._layers
        out: list[Policy] = [me]
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
        return self._by_id_and_target(lambda index: index.advisories, advisory_id, name, version)

    def signal_acceptance(self, signal_id: str, name: str,
                          version: str | None = None) -> SignalAcceptance | None:
        return self._by_id_and_target(lambda index: index.signals, signal_id, name, version)

    def _by_id_and_target(self, table: Callable[[PolicyIndex], Mapping[tuple[str, str], T]],
                          entry_id: str,
                          name: str, version: str | None) -> T | None:
        """The entry of `table` for (`entry_id`, name@version), else (`entry_id`, name), in the
        first layer (this policy, then what it extends) that has either."""
        for layer in self.layers():
            entries = table(layer._index)
            if version is not None and (entry_id, f"{name}@{version}") in entries:
                return entries[(entry_id, f"{name}@{version}")]
            if (entry_id, name) in entries:
                return entries[(entry_id, name)]
        return None
