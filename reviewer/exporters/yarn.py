"""Yarn Berry: `.yarnrc.yml` `enableScripts: false` plus root
`package.json#dependenciesMeta["name@version"].built: true` (denies: `built: false`, by name or
name@version); pins as `resolutions` with --pins. Other `dependenciesMeta` fields are kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.npm import ban_messages, merge_pins
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan
from reviewer.exporters.yamlfile import YamlFile


def built_flags(decisions: ExportDecisions) -> dict[str, bool]:
    flags: dict[str, bool] = {}
    for name, versions in decisions.allowed.items():
        flags.update({f"{name}@{v}": True for v in versions})
    flags.update(dict.fromkeys(decisions.denied_names, False))
    for name, versions in decisions.denied_versions.items():
        flags.update({f"{name}@{v}": False for v in versions})
    return dict(sorted(flags.items()))


def _apply_built(meta: dict[str, Any], flags: dict[str, bool], plan: ExportPlan) -> None:
    dropped = []
    for key in list(meta):
        entry = meta[key]
        if isinstance(entry, dict) and "built" in entry and key not in flags:
            del entry["built"]
            dropped.append(key)
            if not entry:
                del meta[key]
    for key, built in flags.items():
        entry = meta.get(key)
        if not isinstance(entry, dict):
            entry = meta[key] = {}
        entry["built"] = built
    if dropped:
        plan.messages.append("removed `built` from dependenciesMeta (not in the policy): "
                             + ", ".join(dropped))


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("yarn")
    rc = YamlFile.load(project / ".yarnrc.yml")
    if rc.data.get("enableScripts") is not False:
        rc.set("enableScripts", False)
    plan.add(rc.path, rc.original, rc.render())
    manifest = JsonFile.load(project / "package.json")
    flags = built_flags(decisions)
    meta = manifest.section("dependenciesMeta")
    _apply_built(meta, flags, plan)
    if not meta:
        del manifest.data["dependenciesMeta"]
    plan.messages.append(f".yarnrc.yml enableScripts: false; package.json#dependenciesMeta: "
                         f"{sum(flags.values())} built, {len(flags) - sum(flags.values())} not built")
    if options.pins:
        merge_pins(manifest, "resolutions", decisions.pins, plan)
    plan.messages.extend(ban_messages(decisions, "yarn", "resolutions cannot remove a package"))
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan
