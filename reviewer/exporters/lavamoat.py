"""LavaMoat allow-scripts: `package.json#lavamoat.allowScripts` (`"name": true|false`).

LavaMoat keys are package names: an allowed version is exported as the name (`true`);
version-only denies cannot be expressed and are reported.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.npm import replace_section
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("lavamoat")
    manifest = JsonFile.load(project / "package.json")
    mapping = dict.fromkeys(decisions.allowed_names, True)
    mapping.update(dict.fromkeys(decisions.denied_names, False))
    mapping = dict(sorted(mapping.items()))
    replace_section(manifest, ("lavamoat", "allowScripts"), mapping, plan)
    plan.messages.append(f"package.json#lavamoat.allowScripts: {sum(mapping.values())} allowed, "
                         f"{len(mapping) - sum(mapping.values())} denied (names only: LavaMoat "
                         "does not pin versions)")
    only_versions = [n for n in decisions.denied_versions if n not in mapping]
    if only_versions:
        plan.messages.append("LavaMoat cannot deny single versions; left unconfigured: "
                             + ", ".join(only_versions))
    if options.pins:
        plan.messages.append("--pins: LavaMoat has no pins; use --to npm --pins for overrides")
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan
