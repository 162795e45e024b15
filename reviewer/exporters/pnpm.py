"""pnpm: `pnpm-workspace.yaml`.

- pnpm >= 10.26: `allowBuilds` (`"name@1.2.3 || 1.2.4": true`, `name: false`).
- older pnpm (or `--pnpm-legacy`): `onlyBuiltDependencies` (allowed names) and
  `ignoredBuiltDependencies` (denied names); in `package.json#pnpm` before pnpm 10.5,
  which did not read settings from pnpm-workspace.yaml.
- `--pins`: `overrides` (pnpm-workspace.yaml, or `package.json#pnpm.overrides` before 10.5).

Which pnpm: `package.json#packageManager` (`pnpm@X.Y.Z`); otherwise pnpm-lock.yaml's
`lockfileVersion` 6.x means pnpm 8 (legacy, package.json); otherwise current pnpm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.npm import allow_scripts_map, ban_messages
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan
from reviewer.exporters.yamlfile import YamlFile

ALLOW_BUILDS_SINCE = (10, 26)
WORKSPACE_SETTINGS_SINCE = (10, 5)
LEGACY_KEYS = ("onlyBuiltDependencies", "ignoredBuiltDependencies")
PNPM_CANNOT_REMOVE = ("overrides drop a package only as the dependency of a named parent "
                      "(`\"parent>name\": \"-\"`, which breaks a parent that uses it; not "
                      "written for you)")


def detect_pnpm_version(project: Path, manifest: JsonFile) -> tuple[int, int] | None:
    """(major, minor) of the pnpm this project uses, when it says."""
    declared = str(manifest.data.get("packageManager") or "")
    match = re.match(r"pnpm@(\d+)\.(\d+)", declared)
    if match:
        return int(match.group(1)), int(match.group(2))
    try:
        head = (project / "pnpm-lock.yaml").read_text(encoding="utf-8")[:200]
    except OSError:
        return None
    lock = re.search(r"lockfileVersion:\s*['\"]?(\d+)", head)
    if lock and int(lock.group(1)) <= 6:
        return (8, 0)
    return None


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("pnpm")
    manifest = JsonFile.load(project / "package.json")
    version = detect_pnpm_version(project, manifest)
    legacy = options.pnpm_legacy
    if legacy is None:
        legacy = version is not None and version < ALLOW_BUILDS_SINCE
    in_manifest = legacy and version is not None and version < WORKSPACE_SETTINGS_SINCE
    workspace = YamlFile.load(project / "pnpm-workspace.yaml")
    if legacy:
        _legacy(workspace, manifest, decisions, in_manifest, plan)
    else:
        mapping = allow_scripts_map(decisions)
        old: Mapping[str, Any] = workspace.get_map("allowBuilds") or {}
        dropped = [str(k) for k in old if k not in mapping]
        if dropped:
            plan.messages.append("removed from allowBuilds (not in the policy): " + ", ".join(dropped))
        existing = workspace.get_map("allowBuilds")
        if existing is None:
            workspace.set("allowBuilds", CommentedMap(mapping))
        else:
            sync_map(existing, mapping)
        for key in LEGACY_KEYS:
            if workspace.delete(key):
                plan.messages.append(f"removed {key} (superseded by allowBuilds)")
        plan.messages.append(f"pnpm-workspace.yaml allowBuilds: {sum(mapping.values())} allowed, "
                             f"{len(mapping) - sum(mapping.values())} denied")
    if options.pins:
        if in_manifest:
            manifest.section("pnpm", "overrides").update(decisions.pins)
        else:
            overrides = workspace.get_map("overrides")
            if overrides is None:
                overrides = CommentedMap()
                workspace.set("overrides", overrides)
            overrides.update({name: SingleQuotedScalarString(version)
                              for name, version in decisions.pins.items()})
        plan.messages.append(f"pinned {len(decisions.pins)} transitive package(s) in overrides")
    if workspace.data or workspace.original is not None:
        plan.add(workspace.path, workspace.original, workspace.render())
    plan.messages.extend(ban_messages(decisions, "pnpm", PNPM_CANNOT_REMOVE))
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan


def sync_map(existing: CommentedMap, wanted: dict[str, bool]) -> None:
    """Make `existing` hold exactly `wanted`, keeping its comments: stale keys go, values are
    updated in place, new keys are inserted in sorted position."""
    keys = list(existing)
    trailing = existing.ca.items.pop(keys[-1], None) if keys else None
    for key in [k for k in existing if k not in wanted]:
        del existing[key]
    for key, value in wanted.items():
        if key in existing:
            if existing[key] != value:
                existing[key] = value
            continue
        position = next((i for i, k in enumerate(existing) if str(k) > key), len(existing))
        existing.insert(position, key, value)
    if trailing is not None and existing:
        # The blank line / comment after the old last entry belongs after the new last one.
        existing.ca.items[list(existing)[-1]] = trailing


def _legacy(workspace: YamlFile, manifest: JsonFile, decisions: ExportDecisions,
            in_manifest: bool, plan: ExportPlan) -> None:
    allowed = decisions.allowed_names
    denied = decisions.denied_names
    if in_manifest:
        section = manifest.section("pnpm")
        section["onlyBuiltDependencies"] = allowed
        section["ignoredBuiltDependencies"] = denied
        where = "package.json#pnpm"
    else:
        workspace.set("onlyBuiltDependencies", CommentedSeq(allowed))
        workspace.set("ignoredBuiltDependencies", CommentedSeq(denied))
        if workspace.delete("allowBuilds"):
            plan.messages.append("removed allowBuilds (this pnpm predates it)")
        where = "pnpm-workspace.yaml"
    plan.messages.append(f"{where} onlyBuiltDependencies: {len(allowed)}, "
                         f"ignoredBuiltDependencies: {len(denied)} (names only: this pnpm "
                         "cannot pin versions of build approvals)")
    if decisions.denied_versions:
        plan.messages.append("cannot deny single versions here; left unreviewed: "
                             + ", ".join(decisions.denied_versions))
