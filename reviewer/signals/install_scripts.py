"""install-script: which lifecycle scripts run when the package is installed.

npm semantics (arborist `install-scripts.js`, `@npmcli/package-json` gypfile step):
`preinstall`, `install`, `postinstall`; an implicit `install: node-gyp rebuild` when the
package has `binding.gyp`, no `install`/`preinstall`, and `gypfile` is not false; `prepare`
only for git, file and link sources. Where the facts come from, in order: the lockfile's
own `hasInstallScript`, the manifest's `scripts`, the registry's `hasInstallScript`, else
unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reviewer.graph.model import Package, Source
from reviewer.registry.documents import VersionManifest
from reviewer.registry.interface import TarballContents
from reviewer.signals.common import (
    labelled_lists,
    scripts_of,
    shorten,
    tarball_package_json,
    unknown,
)
from reviewer.signals.finding import Evidence, Finding, Severity

SIGNAL = "install-script"
HOOKS = ("preinstall", "install", "postinstall")
PREPARE_SOURCES = (Source.GIT, Source.FILE, Source.LINK)
GYP_COMMAND = "node-gyp rebuild"


@dataclass(frozen=True, slots=True)
class InstallScripts:
    """What runs at install time, as far as known."""

    scripts: Mapping[str, str] = field(default_factory=dict)
    """hook -> command, in run order; empty when none (or commands unknown)."""
    present: bool | None = False
    """True/False when known; None when it cannot be decided."""
    implicit_gyp: bool = False
    origin: str = "manifest"
    """"lockfile", "manifest", "registry-flag" or "none": where `present` came from."""
    note: str | None = None


def lifecycle_scripts(
    scripts: Mapping[str, str],
    gypfile: bool | None,
    has_binding_gyp: bool | None,
    source: Source = Source.REGISTRY,
) -> tuple[dict[str, str], bool]:
    """The install-time hooks of a manifest's `scripts`; (hooks, implicit gyp added)."""
    hooks = {h: scripts[h] for h in HOOKS if scripts.get(h)}
    implicit = False
    if (
        "install" not in hooks
        and "preinstall" not in hooks
        and gypfile is not False
        and (has_binding_gyp or gypfile is True)
    ):
        hooks = {**{k: v for k, v in hooks.items() if k == "preinstall"}, "install": GYP_COMMAND,
                 **{k: v for k, v in hooks.items() if k == "postinstall"}}
        implicit = True
    if source in PREPARE_SOURCES and scripts.get("prepare"):
        hooks["prepare"] = scripts["prepare"]
    return hooks, implicit


def install_scripts_of(
    package: Package,
    manifest: VersionManifest | None,
    has_binding_gyp: bool | None = None,
) -> InstallScripts:
    """Decide what runs at install time from the lockfile flag, manifest and tarball facts."""
    hooks: dict[str, str] | None = None
    implicit = False
    if manifest is not None and manifest.scripts is not None:
        hooks, implicit = lifecycle_scripts(manifest.scripts, manifest.gypfile, has_binding_gyp, package.source)
    flag = package.has_install_script
    if flag is True:
        note = None if hooks else "the lockfile records an install script; its commands are not known"
        return InstallScripts(hooks or {}, True, implicit, "lockfile", note)
    if flag is False:
        if hooks:
            return InstallScripts(hooks, True, implicit, "manifest",
                                  "the lockfile records no install script but the manifest has one")
        return InstallScripts({}, False, False, "lockfile")
    if hooks is not None:
        return InstallScripts(hooks, bool(hooks), implicit, "manifest")
    if manifest is not None and manifest.has_install_script is not None:
        note = "the registry flags an install script; its commands are not known" if manifest.has_install_script else None
        return InstallScripts({}, manifest.has_install_script, False, "registry-flag", note)
    return InstallScripts({}, None, False, "none")


def hooks_disagree(inner_scripts: Mapping[str, str] | None, manifest: VersionManifest | None) -> bool:
    """The tarball's install hooks differ from the manifest's (npm runs the tarball's)."""
    if inner_scripts is None or manifest is None:
        return False
    if manifest.scripts is None:
        return any(inner_scripts.get(h) for h in HOOKS)
    return {h: inner_scripts.get(h) for h in HOOKS} != {h: manifest.scripts.get(h) for h in HOOKS}


def refine_with_tarball(package: Package, manifest: VersionManifest | None,
                        scripts: InstallScripts, tarball: TarballContents) -> InstallScripts:
    """The tarball's own package.json and `binding.gyp` decide what runs (npm installs the
    tarball's package.json, whatever the registry manifest says)."""
    has_gyp = any(e.path == "binding.gyp" and e.kind == "file" for e in tarball.entries)
    inner = scripts_of(tarball_package_json(tarball))
    gypfile = manifest.gypfile if manifest is not None else None
    if inner is None:
        if has_gyp and manifest is not None:
            return install_scripts_of(package, manifest, has_binding_gyp=True)
        return scripts
    hooks, implicit = lifecycle_scripts(inner, gypfile, has_gyp, package.source)
    if not hooks:
        if scripts.present and not hooks_disagree(inner, manifest):
            return scripts
        return InstallScripts({}, False, False, "tarball")
    note = scripts.note if scripts.origin == "manifest" else None
    return InstallScripts(hooks, True, implicit, "tarball", note)


def _describe(hooks: Mapping[str, str]) -> str:
    return "; ".join(f"{hook}: {command}" for hook, command in hooks.items())


def install_script_finding(package: str, scripts: InstallScripts, reason_unknown: str | None = None) -> Finding | None:
    """The finding for one version (None when it has no install script)."""
    if scripts.present is None:
        return unknown(SIGNAL, package, reason_unknown or "install scripts not provided by this registry")
    if not scripts.present:
        return None
    text = _describe(scripts.scripts) if scripts.scripts else (scripts.note or "has an install script")
    details: dict[str, object] = {"scripts": dict(scripts.scripts), "origin": scripts.origin}
    if scripts.implicit_gyp:
        details["implicit_gyp"] = True
    if scripts.note:
        details["note"] = scripts.note
    return Finding(
        id=SIGNAL,
        severity=Severity.MODERATE,
        summary=shorten(text, 110),
        package=package,
        evidence=tuple(Evidence(file="package.json", text=f"{h}: {c}") for h, c in scripts.scripts.items()),
        details=details,
    )


def install_script_upgrade_finding(package: str, old: InstallScripts | None, new: InstallScripts) -> Finding | None:
    """The finding for an upgrade A->B: high when B adds or changes a hook, else as for B."""
    base = install_script_finding(package, new)
    if base is None or base.unknown or old is None or old.present is None:
        return base
    added = [h for h in new.scripts if h not in old.scripts]
    changed = [h for h in new.scripts if h in old.scripts and old.scripts[h] != new.scripts[h]]
    if not old.present and new.present and not added:
        added = ["(install script)"]
    if not added and not changed:
        return base
    what = labelled_lists(("new", added), ("changed", changed), sep=" and ")
    summary = shorten(f"{what}: {_describe({h: new.scripts[h] for h in added + changed if h in new.scripts}) or base.summary}", 110)
    return Finding(
        id=SIGNAL,
        severity=Severity.HIGH,
        summary=summary,
        package=package,
        evidence=base.evidence,
        details={**base.details, "added": added, "changed": changed,
                 "previous": dict(old.scripts)},
    )
