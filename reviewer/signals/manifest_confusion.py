"""manifest-confusion: the tarball's package.json differs from the registry's manifest.

npm installs (and runs the scripts of) the package.json inside the tarball, while the
registry's manifest of that version is what most tools read: a publish that sends a
manifest different from the tarball (the 2023 "manifest confusion" disclosure) hides a
`postinstall` or a dependency from them. Compared, after the normalisation `npm publish`
itself applies (a string `bin` becomes a map, `./` prefixes go, `binding.gyp` adds
`gypfile` and `install: node-gyp rebuild`, `optionalDependencies` are merged into
`dependencies`):

- `scripts`, `dependencies` (with `optionalDependencies`), `peerDependencies`: high;
- `name`, `version`, `bin`, `gypfile`, `os`, `cpu`: moderate.

An abbreviated manifest carries no `scripts`, only `hasInstallScript`: a tarball with an
install hook against `hasInstallScript: false` is the same confusion (high). The finding
is one per version, naming every field that differs with both sides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reviewer.jsonvalues import string_map, strings
from reviewer.registry.documents import VersionManifest
from reviewer.registry.interface import TarballContents
from reviewer.signals.common import shorten, tarball_package_json
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.install_scripts import GYP_COMMAND, HOOKS

SIGNAL = "manifest-confusion"
HIGH_FIELDS = ("scripts", "dependencies", "peerDependencies")
"""npm installs the tarball's: a difference here changes what runs or what is installed."""


def manifest_confusion(package: str, tarball: TarballContents,
                       manifest: VersionManifest | None) -> Finding | None:
    """Compare the tarball's package.json with the registry manifest of the same version."""
    if manifest is None:
        return None
    inner = tarball_package_json(tarball)
    if inner is None:
        return None
    has_gyp = any(e.path == "binding.gyp" and e.kind == "file" for e in tarball.entries)
    return compare(package, inner, manifest, has_binding_gyp=has_gyp)


def compare(package: str, inner: Mapping[str, Any], manifest: VersionManifest, *,
            has_binding_gyp: bool = False) -> Finding | None:
    """The finding for a tarball package.json `inner` against `manifest` (None when equal)."""
    differences: list[tuple[str, str, str]] = []  # (field, tarball side, manifest side)
    scripts = _str_map(inner.get("scripts"))
    implicit_gyp = (has_binding_gyp and inner.get("gypfile") is not False
                    and not scripts.get("install") and not scripts.get("preinstall"))
    if manifest.scripts is not None:
        registry_scripts = dict(manifest.scripts)
        if implicit_gyp and registry_scripts.get("install") == GYP_COMMAND:
            del registry_scripts["install"]  # added by npm publish for binding.gyp
        differences += _map_differences("scripts", scripts, registry_scripts)
    elif manifest.has_install_script is False:
        hooks = {h: scripts[h] for h in HOOKS if scripts.get(h)}
        if hooks:
            differences.append(("scripts", _flat(hooks), "hasInstallScript: false"))
    inner_deps = {**_str_map(inner.get("dependencies")), **_str_map(inner.get("optionalDependencies"))}
    registry_deps = {**manifest.dependencies, **manifest.optional_dependencies}
    differences += _map_differences("dependencies", inner_deps, registry_deps, ranges=True)
    differences += _map_differences("peerDependencies", _str_map(inner.get("peerDependencies")),
                                    dict(manifest.peer_dependencies), ranges=True)
    name = inner.get("name")
    if isinstance(name, str) and name.strip() != manifest.name:
        differences.append(("name", name, manifest.name))
    version = inner.get("version")
    if isinstance(version, str) and _clean_version(version) != _clean_version(manifest.version):
        differences.append(("version", version, manifest.version))
    if manifest.name and ("bin" in inner or manifest.bin) and not _has_bin_directory(inner):
        differences += _map_differences("bin", _bin(inner.get("bin"), manifest.name),
                                        {k: _path(v) for k, v in manifest.bin.items()})
    if manifest.gypfile is not None:
        inner_gyp = inner.get("gypfile")
        effective = inner_gyp if isinstance(inner_gyp, bool) else (True if implicit_gyp else None)
        if effective is not None and effective != manifest.gypfile:
            differences.append(("gypfile", str(effective).lower(), str(manifest.gypfile).lower()))
    for field in ("os", "cpu"):
        mine = sorted(strings(inner.get(field)))
        theirs = sorted(getattr(manifest, field))
        if mine != theirs:
            differences.append((field, ", ".join(mine) or "(none)", ", ".join(theirs) or "(none)"))
    if not differences:
        return None
    fields = list(dict.fromkeys(f for f, _, _ in differences))
    severity = Severity.HIGH if any(f in HIGH_FIELDS for f in fields) else Severity.MODERATE
    return Finding(
        id=SIGNAL,
        severity=severity,
        summary=shorten(f"the tarball's package.json differs from the registry manifest in "
                        f"{', '.join(fields)} (npm installs the tarball's)", 120),
        package=package,
        evidence=tuple(Evidence(file="package.json", text=f"{f}: tarball {a} / registry {b}")
                       for f, a, b in differences),
        details={"fields": fields,
                 "differences": [{"field": f, "tarball": a, "registry": b} for f, a, b in differences]},
    )


def _map_differences(field: str, tarball: Mapping[str, str], registry: Mapping[str, str],
                     ranges: bool = False) -> list[tuple[str, str, str]]:
    """One (field, tarball side, registry side) per key whose values differ."""
    out = []
    for key in sorted(tarball.keys() | registry.keys()):
        a, b = tarball.get(key), registry.get(key)
        if a is not None and b is not None:
            a, b = a.strip(), b.strip()
            if a == b or (ranges and (a or "*") == (b or "*")):  # npm writes `*` for ""
                continue
        out.append((field, f"{key}: {'(absent)' if a is None else a}",
                    f"{key}: {'(absent)' if b is None else b}"))
    return out


def _str_map(value: object) -> dict[str, str]:
    return string_map(value) or {}


def _path(value: str) -> str:
    value = value.strip().replace("\\", "/")
    while value.startswith("./"):
        value = value[2:]
    return value


def _bin(value: object, name: str) -> dict[str, str]:
    if isinstance(value, str):
        return {name.rsplit("/", 1)[-1]: _path(value)}
    return {k: _path(v) for k, v in _str_map(value).items()}


def _has_bin_directory(inner: Mapping[str, Any]) -> bool:
    """`directories.bin` without `bin`: npm publish expands it from the file list."""
    directories = inner.get("directories")
    return "bin" not in inner and isinstance(directories, dict) and "bin" in directories


def _clean_version(version: str) -> str:
    return version.strip().lstrip("=v").strip()


def _flat(values: Mapping[str, str]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in values.items())
