"""npm (>= 11.16): `package.json#allowScripts`, and pins as `overrides` with --pins.

Keys follow npm's RFC 0054: `"name@1.2.3 || 1.2.4": true` for allowed exact versions,
`"name": false` for a name-wide deny, `"name@1.2.3": false` for a version deny. The whole
`allowScripts` object is rewritten from the policy (entries not in the policy are reported).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan


def allow_scripts_map(decisions: ExportDecisions) -> dict[str, bool]:
    """The npm/pnpm matcher map: allowed versions true, denies false, sorted by name."""
    entries: list[tuple[str, str, bool]] = [
        (name, decisions.matcher(name, versions), True)
        for name, versions in decisions.allowed.items()
    ]
    entries += [(name, name, False) for name in decisions.denied_names]
    entries += [(name, decisions.matcher(name, versions), False)
                for name, versions in decisions.denied_versions.items()]
    entries.sort(key=lambda e: (e[0], e[1] != e[0], e[1]))
    return {key: value for _, key, value in entries}


def replace_section(manifest: JsonFile, keys: tuple[str, ...], new: dict[str, Any],
                    plan: ExportPlan) -> None:
    """Set manifest[keys...] = new, keeping its place; report entries that were dropped."""
    *parents, last = keys
    parent = manifest.section(*parents) if parents else manifest.data
    old = parent.get(last)
    if isinstance(old, dict):
        dropped = [k for k in old if k not in new]
        if dropped:
            plan.messages.append(f"removed from {'.'.join(keys)} (not in the policy): "
                                 + ", ".join(dropped))
    parent[last] = new


def merge_pins(manifest: JsonFile, key: str, pins: dict[str, str], plan: ExportPlan) -> None:
    """Set manifest[key][name] = version for each pin, keeping the other entries."""
    section = manifest.section(key)
    for name, version in pins.items():
        section[name] = version
    plan.messages.append(f"pinned {len(pins)} transitive package(s) in package.json#{key}")


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("npm")
    manifest = JsonFile.load(project / "package.json")
    mapping = allow_scripts_map(decisions)
    replace_section(manifest, ("allowScripts",), mapping, plan)
    plan.messages.append(f"package.json#allowScripts: {sum(mapping.values())} allowed, "
                         f"{len(mapping) - sum(mapping.values())} denied")
    if options.pins:
        merge_pins(manifest, "overrides", decisions.pins, plan)
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan
