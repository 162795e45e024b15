"""npm (>= 11.16): `package.json#allowScripts`, and pins as `overrides` with --pins.

Keys follow npm's RFC 0054: `"name@1.2.3 || 1.2.4": true` for allowed exact versions,
`"name": false` for a name-wide deny, `"name@1.2.3": false` for a version deny. The whole
`allowScripts` object is rewritten from the policy (entries not in the policy are reported).

npm trusts a version only from the lockfile's `resolved` URL (arborist's
`script-allowed.js`): where package-lock.json has no `resolved` for an allowed package, or
the project's `.npmrc` sets `omit-lockfile-registry-resolved` (so the next install drops
them), a pinned key is never matched and the package stays "unreviewed". There the export
writes the name alone (`"esbuild": true`), as `npm install-scripts approve` does; the
exact version stays pinned in the policy and `reviewer check` fails on any other version.
Banned packages: npm `overrides` cannot remove a package, so a ban is exported as a
name-wide deny of its scripts and the output says the package itself is still installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.exporters.decisions import ExportDecisions
from reviewer.exporters.jsonfile import JsonFile
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan


def allow_scripts_map(decisions: ExportDecisions,
                      name_only: frozenset[str] | set[str] = frozenset()) -> dict[str, bool]:
    """The npm/pnpm matcher map: allowed versions true (by name alone for `name_only`),
    denies false, sorted by name."""
    entries: list[tuple[str, str, bool]] = [
        (name, name if name in name_only else decisions.matcher(name, versions), True)
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


OMIT_RESOLVED = "omit-lockfile-registry-resolved"


def omits_resolved(project: Path) -> bool:
    """The project's `.npmrc` makes npm write lockfiles without `resolved` URLs."""
    from reviewer.registry.npmrc import default_env, parse_npmrc

    try:
        text = (project / ".npmrc").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    value = parse_npmrc(text, default_env()).get(OMIT_RESOLVED, "false")
    return value.strip().lower() not in ("false", "0", "")


def name_only_names(project: Path, decisions: ExportDecisions) -> tuple[set[str], str]:
    """Allowed names npm cannot verify by version here, and why ("" when none)."""
    if omits_resolved(project) and decisions.allowed:
        return set(decisions.allowed), f".npmrc sets {OMIT_RESOLVED}"
    if decisions.unresolved:
        return set(decisions.unresolved), "package-lock.json has no `resolved` URL for them"
    return set(), ""


def ban_messages(decisions: ExportDecisions, tool: str, how: str) -> list[str]:
    """What a package manager cannot do about banned packages that are locked."""
    if not decisions.banned:
        return []
    return [f"banned and still locked: {', '.join(decisions.banned)}; {tool} {how}, so the "
            "export only denies their scripts: remove the dependency that brings each in "
            "(reviewer why --all NAME); `reviewer check` fails until then"]


def export(project: Path, decisions: ExportDecisions, options: ExportOptions) -> ExportPlan:
    plan = ExportPlan("npm")
    manifest = JsonFile.load(project / "package.json")
    name_only, why = name_only_names(project, decisions)
    mapping = allow_scripts_map(decisions, name_only)
    replace_section(manifest, ("allowScripts",), mapping, plan)
    plan.messages.append(f"package.json#allowScripts: {sum(mapping.values())} allowed, "
                         f"{len(mapping) - sum(mapping.values())} denied")
    if name_only:
        plan.messages.append(
            f"npm cannot verify versions here ({why}): allowed by name only: "
            f"{', '.join(sorted(name_only))}; the exact versions stay pinned in the policy "
            "and `reviewer check` fails on any other version")
    plan.messages.extend(ban_messages(decisions, "npm", "overrides cannot remove a package"))
    if options.pins:
        merge_pins(manifest, "overrides", decisions.pins, plan)
    plan.add(manifest.path, manifest.original, manifest.render())
    return plan
