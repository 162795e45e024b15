"""bun: `package.json#trustedDependencies` (names only), pins as `overrides` with --pins."""

from __future__ import annotations

from pathlib import Path

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.npm import ban_messages, merge_pins
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("bun")
    manifest = JsonFile.load(project / "package.json")
    names = decisions.allowed_names
    old = manifest.data.get("trustedDependencies")
    if isinstance(old, list):
        dropped = [str(n) for n in old if n not in names]
        if dropped:
            plan.messages.append("removed from trustedDependencies (not in the policy): "
                                 + ", ".join(dropped))
    manifest.data["trustedDependencies"] = names
    plan.messages.append(f"package.json#trustedDependencies: {len(names)} package(s)")
    plan.messages.append("bun cannot pin versions in trustedDependencies: every version of a "
                         "listed package may run its scripts; denies are implicit (unlisted)")
    if options.pins:
        merge_pins(manifest, "overrides", decisions.pins, plan)
    plan.messages.extend(ban_messages(decisions, "bun", "overrides cannot remove a package"))
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan
