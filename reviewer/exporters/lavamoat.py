"""LavaMoat allow-scripts: `package.json#lavamoat.allowScripts`.

allow-scripts 5 and later match allowed packages by `name#version` (a name-only `true`
counts as unconfigured there): each allowed locked version is written as
`"name#1.2.3": true`. Denies are `"name": false` (every version) or
`"name#1.2.3": false`. `--lavamoat-skip-versions` writes the older names-only shape, for
projects that run `allow-scripts --skip-versions` (or allow-scripts 4 and earlier).
"""

from __future__ import annotations

from pathlib import Path

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.npm import ban_messages, replace_section
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan


def allow_scripts_config(decisions: ExportDecisions, skip_versions: bool) -> dict[str, bool]:
    mapping: dict[str, bool] = {}
    for name, versions in decisions.allowed.items():
        if skip_versions:
            mapping[name] = True
        else:
            mapping.update({f"{name}#{version}": True for version in versions})
    mapping.update(dict.fromkeys(decisions.denied_names, False))
    if not skip_versions:
        for name, versions in decisions.denied_versions.items():
            mapping.update({f"{name}#{version}": False for version in versions})
    return dict(sorted(mapping.items()))


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("lavamoat")
    manifest = JsonFile.load(project / "package.json")
    skip = options.lavamoat_skip_versions
    mapping = allow_scripts_config(decisions, skip)
    replace_section(manifest, ("lavamoat", "allowScripts"), mapping, plan)
    shape = ("names only, for `allow-scripts --skip-versions`"
             if skip else "allowed as name#version, for allow-scripts 5 and later")
    plan.messages.append(f"package.json#lavamoat.allowScripts: {sum(mapping.values())} allowed, "
                         f"{len(mapping) - sum(mapping.values())} denied ({shape})")
    only_versions = [n for n in decisions.denied_versions if n not in mapping]
    if skip and only_versions:
        plan.messages.append("names only: cannot deny single versions; left unconfigured: "
                             + ", ".join(only_versions))
    plan.messages.extend(ban_messages(decisions, "LavaMoat", "cannot remove a package"))
    if options.pins:
        plan.messages.append("--pins: LavaMoat has no pins; use --to npm --pins for overrides")
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan
