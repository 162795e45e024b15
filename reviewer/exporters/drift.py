"""Drift: do the package managers' own settings still say what the policy says?

For every package-manager setting present in the project, the export is computed in
memory (the same code as `reviewer export`, nothing is written) and the setting's entries
before and after are compared. Each difference is a `settings-drift` violation that names
the fix (`reviewer export --to npm`). Looked at:

| target | present when | compared |
|---|---|---|
| npm | `package.json#allowScripts` | its keys and values |
| pnpm | `pnpm-workspace.yaml` (or `package.json#pnpm`) `allowBuilds`, `onlyBuiltDependencies`, `ignoredBuiltDependencies` | those entries |
| yarn | `.yarnrc.yml` `enableScripts`, or `dependenciesMeta.*.built` | both |
| bun | `package.json#trustedDependencies` | the names |
| lavamoat | `package.json#lavamoat.allowScripts` | its keys and values |

The ordering of entries, formatting and every other setting are not compared. Pins
(`overrides`, `resolutions`) are not compared either: `check` guards versions itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from reviewer.exporters import build_export
from reviewer.exporters.options import ExportOptions
from reviewer.findings import Severity
from reviewer.graph.model import Graph
from reviewer.jsontext import json_object
from reviewer.policy.model import Policy
from reviewer.policy.violation import Violation

PNPM_KEYS = ("allowBuilds", "onlyBuiltDependencies", "ignoredBuiltDependencies")

View = dict[str, object]
"""`file#setting[entry]` -> value (True/False; lists become entry -> True)."""


def drift_violations(project: Path, policy: Policy, graph: Graph) -> list[Violation]:
    """Every difference between the present package-manager settings and the export."""
    manifest = _json(project / "package.json")
    workspace = _yaml(project / "pnpm-workspace.yaml")
    yarnrc = _yaml(project / ".yarnrc.yml")
    out: list[Violation] = []
    for target, options, fix in _present_targets(manifest, workspace, yarnrc):
        plan = build_export(target, project, policy, graph, options)
        for edit in plan.edits:
            view = VIEWS[target]
            before = view(edit.path.name, _parse(edit.path.name, edit.original))
            after = view(edit.path.name, _parse(edit.path.name, edit.new))
            out.extend(
                Violation("settings-drift", key, "",
                          f"{key} is {_shown(before.get(key))} here; exported from the policy "
                          f"it is {_shown(after.get(key))}: run `{fix}`", Severity.HIGH)
                for key in sorted(before.keys() | after.keys())
                if before.get(key) != after.get(key))
    return out


def _present_targets(manifest: dict[str, Any], workspace: dict[str, Any],
                     yarnrc: dict[str, Any]) -> list[tuple[str, ExportOptions, str]]:
    found: list[tuple[str, ExportOptions, str]] = []
    if "allowScripts" in manifest:
        found.append(("npm", ExportOptions(), "reviewer export --to npm"))
    pnpm_section = _section(manifest, "pnpm")
    pnpm_keys = {k for k in PNPM_KEYS if k in workspace or k in pnpm_section}
    if pnpm_keys:
        legacy = "allowBuilds" not in pnpm_keys
        fix = "reviewer export --to pnpm" + (" --pnpm-legacy" if legacy else " --pnpm-modern")
        found.append(("pnpm", ExportOptions(pnpm_legacy=legacy), fix))
    meta = manifest.get("dependenciesMeta")
    built = isinstance(meta, dict) and any(isinstance(v, dict) and "built" in v
                                           for v in meta.values())
    if "enableScripts" in yarnrc or built:
        found.append(("yarn", ExportOptions(), "reviewer export --to yarn"))
    if "trustedDependencies" in manifest:
        found.append(("bun", ExportOptions(), "reviewer export --to bun"))
    lavamoat = manifest.get("lavamoat")
    if isinstance(lavamoat, dict) and "allowScripts" in lavamoat:
        keys = lavamoat["allowScripts"] if isinstance(lavamoat["allowScripts"], dict) else {}
        allowed = [k for k, v in keys.items() if v is True]
        skip = bool(allowed) and not any("#" in k for k in allowed)
        fix = "reviewer export --to lavamoat" + (" --lavamoat-skip-versions" if skip else "")
        found.append(("lavamoat", ExportOptions(lavamoat_skip_versions=skip), fix))
    return found


# -- views: the compared entries of each target's files --------------------------------


def _map(prefix: str, value: object) -> View:
    if isinstance(value, dict):
        return {f"{prefix}[{k}]": v for k, v in value.items()}
    if isinstance(value, list):
        return {f"{prefix}[{k}]": True for k in value}
    return {} if value is None else {prefix: value}


def _npm_view(file: str, data: dict[str, Any]) -> View:
    return _map("package.json#allowScripts", data.get("allowScripts")) if file == "package.json" else {}


def _pnpm_view(file: str, data: dict[str, Any]) -> View:
    view: View = {}
    if file == "package.json":
        section = _section(data, "pnpm")
        for key in PNPM_KEYS[1:]:
            view.update(_map(f"package.json#pnpm.{key}", section.get(key)))
    elif file == "pnpm-workspace.yaml":
        for key in PNPM_KEYS:
            view.update(_map(f"pnpm-workspace.yaml {key}", data.get(key)))
    return view


def _yarn_view(file: str, data: dict[str, Any]) -> View:
    if file == ".yarnrc.yml":
        return _map(".yarnrc.yml enableScripts", data.get("enableScripts"))
    if file != "package.json":
        return {}
    meta = data.get("dependenciesMeta")
    if not isinstance(meta, dict):
        return {}
    return {f"package.json#dependenciesMeta[{k}].built": v["built"] for k, v in meta.items()
            if isinstance(v, dict) and "built" in v}


def _bun_view(file: str, data: dict[str, Any]) -> View:
    return _map("package.json#trustedDependencies", data.get("trustedDependencies")) \
        if file == "package.json" else {}


def _lavamoat_view(file: str, data: dict[str, Any]) -> View:
    if file != "package.json" or not isinstance(data.get("lavamoat"), dict):
        return {}
    return _map("package.json#lavamoat.allowScripts", data["lavamoat"].get("allowScripts"))


VIEWS: dict[str, Callable[[str, dict[str, Any]], View]] = {
    "npm": _npm_view, "pnpm": _pnpm_view, "yarn": _yarn_view, "bun": _bun_view,
    "lavamoat": _lavamoat_view,
}


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _shown(value: object) -> str:
    if value is None:
        return "absent"
    return json.dumps(value) if isinstance(value, (bool, int, str)) else str(value)


def _parse(file: str, text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json_object(text) if file.endswith(".json") else YAML(typ="safe").load(text)
    except (ValueError, YAMLError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _json(path: Path) -> dict[str, Any]:
    try:
        return _parse(path.name, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def _yaml(path: Path) -> dict[str, Any]:
    try:
        return _parse(path.name, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
