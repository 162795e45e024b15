"""The review engine: every signal for one package, for one upgrade A->B, or for a graph.

Public API (stable; the review, report and TUI code call these):

    await review_package(package, graph, provider, settings) -> list[Finding]
    await review_upgrade(old, new, graph, provider, settings) -> list[Finding]
    await review_all(graph, provider, settings, concurrency=16, progress=None) -> list[PackageReview]

`provider` is any `MetadataProvider` (RegistryService, the demo's bundled data, a test
double). Only what an analysis needs is fetched: the full packument for registry packages,
the tarball only when there is an install script (or `settings.gyp_from_tarballs`), the
bulk advisory endpoint once per `review_all`. A RegistryError while fetching becomes
unknown findings for the signals that needed the data, never an exception.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from reviewer.audit.model import Advisory
from reviewer.errors import RegistryError, ReviewerError
from reviewer.graph.model import Graph, Package, Source
from reviewer.registry.documents import Packument, VersionManifest
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.semver import max_satisfying
from reviewer.signals import (
    deprecation,
    install_scripts,
    maintainers,
    provenance,
    release_age,
    suspicious_code,
    typosquat,
)
from reviewer.signals.advisories import (
    advisories_from_bulk,
    advisories_unavailable,
    advisory_findings,
)
from reviewer.signals.common import shorten, unknown
from reviewer.signals.finding import Finding, Severity
from reviewer.signals.install_scripts import InstallScripts
from reviewer.signals.new_dependencies import new_dependencies
from reviewer.signals.results import PackageReview
from reviewer.signals.settings import ReviewSettings
from reviewer.signals.sources import source_findings

Progress = Callable[[int, int], None]
METADATA_SIGNALS = (maintainers.CHANGED, maintainers.NEW_PUBLISHER, provenance.SIGNAL,
                    release_age.SIGNAL, deprecation.SIGNAL)
_NOT_CHECKED = object()


# -- one package ---------------------------------------------------------------------------

async def review_package(
    package: Package,
    graph: Graph,
    provider: MetadataProvider,
    settings: ReviewSettings | None = None,
    *,
    registry_advisories: Sequence[Advisory] | None | object = _NOT_CHECKED,
) -> list[Finding]:
    """Every signal for one locked package version.

    `registry_advisories`: advisories already fetched from the registry for the whole
    graph (`review_all` passes them), or None when the registry does not offer them; when
    not given, the registry is asked for this package alone."""
    settings = settings or ReviewSettings()
    if package.source is Source.WORKSPACE:
        return []
    findings = _static_findings(package, settings)
    if registry_advisories is _NOT_CHECKED:
        registry_advisories = await _fetch_registry_advisories({package.name: [package.version]}, provider, settings)
    findings += _advisory_findings(package, settings, registry_advisories)  # type: ignore[arg-type]
    if package.source is Source.REGISTRY:
        findings += await _registry_findings(package, provider, settings)
    else:
        findings += await _non_registry_findings(package, provider, settings)
    return findings


def _static_findings(package: Package, settings: ReviewSettings) -> list[Finding]:
    """Signals from the lockfile alone: sources and typosquat."""
    findings = source_findings(package, settings.registry_for, settings.allowed_hosts)
    if settings.typosquat and package.source is Source.REGISTRY:
        hit = typosquat.typosquat(package.key, package.name)
        if hit is not None:
            findings.append(hit)
    return findings


def _advisory_findings(package: Package, settings: ReviewSettings,
                       registry_advisories: Sequence[Advisory] | None | str) -> list[Finding]:
    if package.source is not Source.REGISTRY:
        return []
    known = list(settings.advisories or ())
    if isinstance(registry_advisories, str):  # the registry failed: the reason
        if settings.advisories is None:
            return [unknown("advisory", package.key, registry_advisories)]
    elif registry_advisories is None:
        if settings.advisories is None:
            return [advisories_unavailable(package.key)]
    else:
        known += registry_advisories
    return advisory_findings(package.key, package.name, package.version, known)


async def _fetch_registry_advisories(
    versions: Mapping[str, Sequence[str]], provider: MetadataProvider, settings: ReviewSettings
) -> list[Advisory] | None | str:
    """Advisories from the bulk endpoint; None when the registry does not offer it (or we
    were told not to ask); a string (the reason) when the request failed."""
    bulk = getattr(provider, "bulk_advisories", None)
    if not settings.query_registry_advisories or bulk is None or not versions:
        return None if settings.advisories is None else []
    try:
        answer = await bulk({name: sorted(set(v)) for name, v in versions.items()})
    except ReviewerError as error:
        return f"advisories unavailable: {shorten(str(error), 80)}"
    if answer is None:
        return None
    return advisories_from_bulk(answer)


async def _registry_findings(package: Package, provider: MetadataProvider,
                             settings: ReviewSettings) -> list[Finding]:
    try:
        packument = await provider.packument(package.name)
    except RegistryError as error:
        return _metadata_unknown(package, f"registry metadata unavailable: {shorten(str(error), 80)}")
    manifest = packument.version(package.version)
    if manifest is None:
        return _metadata_unknown(package, f"version {package.version} is not in the registry document")
    findings = await _script_findings(package, manifest, provider, settings, previous=None)
    findings += _history_findings(package, packument, settings)
    return findings


def _metadata_unknown(package: Package, reason: str) -> list[Finding]:
    found = [unknown(s, package.key, reason) for s in METADATA_SIGNALS]
    if package.has_install_script is None:
        found.insert(0, unknown(install_scripts.SIGNAL, package.key, reason))
    elif package.has_install_script:
        scripts = install_scripts.install_scripts_of(package, None)
        found.insert(0, install_scripts.install_script_finding(package.key, scripts))  # type: ignore[arg-type]
        found.insert(1, unknown(suspicious_code.SIGNAL, package.key, reason))
    return found


def _history_findings(package: Package, packument: Packument, settings: ReviewSettings) -> list[Finding]:
    manifest = packument.versions[package.version]
    found = [
        maintainers.maintainers_changed_since_previous(package.key, packument, package.version),
        maintainers.new_publisher(package.key, packument, package.version),
        provenance.trust_downgrade(package.key, packument, package.version),
        release_age.recent_release(package.key, packument, package.version,
                                   settings.release_age_days, settings.now),
        deprecation.deprecation(package.key, manifest),
    ]
    return [f for f in found if f is not None]


async def _script_findings(
    package: Package,
    manifest: VersionManifest | None,
    provider: MetadataProvider,
    settings: ReviewSettings,
    previous: InstallScripts | None,
    tarball_url: str | None = None,
    unknown_reason: str | None = None,
) -> list[Finding]:
    """install-script (A->B aware when `previous` is given) and suspicious-code."""
    scripts = install_scripts.install_scripts_of(package, manifest)
    tarball: TarballContents | None = None
    tarball_error: str | None = None
    if settings.read_tarballs and (scripts.present is not False or settings.gyp_from_tarballs):
        try:
            tarball = await provider.tarball(package.name, package.version, package.integrity, tarball_url)
        except ReviewerError as error:
            tarball_error = f"tarball unavailable: {shorten(str(error), 80)}"
    if tarball is not None:
        scripts = _refine_with_tarball(package, manifest, scripts, tarball)
    if previous is not None:
        finding = install_scripts.install_script_upgrade_finding(package.key, previous, scripts)
    else:
        finding = install_scripts.install_script_finding(package.key, scripts, unknown_reason)
    findings = [finding] if finding is not None else []
    if scripts.present and scripts.scripts:
        if tarball is None:
            reason = tarball_error or "tarball not read (--no-tarballs)"
            findings.append(unknown(suspicious_code.SIGNAL, package.key, reason))
        else:
            all_scripts = _tarball_scripts(tarball) or (manifest.scripts if manifest else None)
            code, _ = suspicious_code.analyze_suspicious_code(package.key, scripts.scripts, tarball, all_scripts)
            if code is not None:
                findings.append(code)
    return findings


def _tarball_scripts(tarball: TarballContents) -> dict[str, str] | None:
    """`scripts` of the package.json inside the tarball (what npm actually runs)."""
    try:
        data = json.loads(tarball.read_text("package.json"))
    except (KeyError, ValueError):
        return None
    scripts = data.get("scripts") if isinstance(data, dict) else None
    if not isinstance(scripts, dict):
        return {}
    return {str(k): str(v) for k, v in scripts.items() if isinstance(v, str)}


def _refine_with_tarball(package: Package, manifest: VersionManifest | None,
                         scripts: InstallScripts, tarball: TarballContents) -> InstallScripts:
    """The tarball's own package.json and `binding.gyp` decide what runs."""
    has_gyp = any(e.path == "binding.gyp" and e.kind == "file" for e in tarball.entries)
    inner = _tarball_scripts(tarball)
    gypfile = manifest.gypfile if manifest is not None else None
    if inner is None:
        if has_gyp and manifest is not None:
            return install_scripts.install_scripts_of(package, manifest, has_binding_gyp=True)
        return scripts
    hooks, implicit = install_scripts.lifecycle_scripts(inner, gypfile, has_gyp, package.source)
    if not hooks:
        return scripts if scripts.present else InstallScripts({}, False, False, "tarball")
    note = scripts.note if scripts.origin == "manifest" else None
    return InstallScripts(hooks, True, implicit, "tarball", note)


async def _non_registry_findings(package: Package, provider: MetadataProvider,
                                 settings: ReviewSettings) -> list[Finding]:
    """git, tarball-URL, file and link sources: scripts (with `prepare`) from what we can read."""
    if package.source in (Source.FILE, Source.LINK):
        scripts = _local_scripts(package, settings.project_dir)
        if scripts is None:
            reason = "scripts of a local dependency not readable (no package.json found)"
            manifest = None
        else:
            reason = None
            manifest = VersionManifest(package.name, package.version, scripts=scripts)
        return await _script_findings(package, manifest, provider,
                                      _without_tarballs(settings), None, unknown_reason=reason)
    if package.source is Source.TARBALL and package.resolved:
        return await _script_findings(package, None, provider, settings, None,
                                      tarball_url=package.resolved,
                                      unknown_reason="scripts of a tarball-URL dependency not read")
    if package.has_install_script is None:
        return [unknown(install_scripts.SIGNAL, package.key,
                        "scripts of a git dependency (and its prepare) need the repository")]
    return await _script_findings(package, None, provider, _without_tarballs(settings), None)


def _without_tarballs(settings: ReviewSettings) -> ReviewSettings:
    from dataclasses import replace

    return replace(settings, read_tarballs=False, gyp_from_tarballs=False)


def _local_scripts(package: Package, project_dir: Path | None) -> dict[str, str] | None:
    if project_dir is None or not package.resolved:
        return None
    target = package.resolved.removeprefix("file:").removeprefix("link:")
    path = (project_dir / target / "package.json").resolve()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    scripts = data.get("scripts") if isinstance(data, dict) else None
    if not isinstance(scripts, dict):
        return {}
    return {str(k): str(v) for k, v in scripts.items() if isinstance(v, str)}


# -- an upgrade A -> B ---------------------------------------------------------------------

async def review_upgrade(
    old: Package | None,
    new: Package,
    graph: Graph,
    provider: MetadataProvider,
    settings: ReviewSettings | None = None,
) -> list[Finding]:
    """Signals for moving from `old` (None: newly added) to `new`.

    Compared with `review_package(new)`: install-script is HIGH when B adds or changes a
    hook; maintainers and trust are compared with A rather than the previous release;
    new-dependency lists what B adds, each with its own typosquat and install-script
    signals (which raise the finding's severity)."""
    settings = settings or ReviewSettings()
    if old is None or old.name != new.name or new.source is not Source.REGISTRY \
            or old.source is not Source.REGISTRY:
        return await review_package(new, graph, provider, settings)
    findings = _static_findings(new, settings)
    registry_advisories = await _fetch_registry_advisories({new.name: [new.version]}, provider, settings)
    findings += _advisory_findings(new, settings, registry_advisories)
    try:
        packument = await provider.packument(new.name)
    except RegistryError as error:
        return findings + _metadata_unknown(new, f"registry metadata unavailable: {shorten(str(error), 80)}")
    manifest = packument.version(new.version)
    if manifest is None:
        return findings + _metadata_unknown(new, f"version {new.version} is not in the registry document")
    old_manifest = packument.version(old.version)
    old_scripts = install_scripts.install_scripts_of(old, old_manifest)
    findings += await _script_findings(new, manifest, provider, settings, previous=old_scripts)
    if old_manifest is None:
        findings += _history_findings(new, packument, settings)
        return findings
    history = [
        maintainers.maintainers_changed(new.key, old_manifest, manifest),
        maintainers.new_publisher(new.key, packument, new.version),
        provenance.trust_downgrade_between(new.key, old_manifest, manifest)
        or provenance.trust_downgrade(new.key, packument, new.version),
        release_age.recent_release(new.key, packument, new.version,
                                   settings.release_age_days, settings.now),
        deprecation.deprecation(new.key, manifest),
    ]
    findings += [f for f in history if f is not None]
    added = new_dependencies(new.key, old_manifest, manifest)
    if settings.new_dependency_signals and added:
        added = list(await asyncio.gather(*(_with_dependency_signals(f, provider, settings) for f in added)))
    return findings + added


async def _with_dependency_signals(finding: Finding, provider: MetadataProvider,
                                   settings: ReviewSettings) -> Finding:
    """Attach the new dependency's own cheap signals: typosquat, install script."""
    name, spec = str(finding.details["dependency"]), str(finding.details["range"])
    extra: list[Finding] = []
    squat = typosquat.typosquat(name, name) if settings.typosquat else None
    if squat is not None:
        extra.append(squat)
    try:
        packument = await provider.packument(name)
        version = max_satisfying(packument.versions, spec)
        if version is not None:
            dep = Package(name, version)
            scripts = install_scripts.install_scripts_of(dep, packument.versions[version])
            script_finding = install_scripts.install_script_finding(dep.key, scripts)
            if script_finding is not None:
                extra.append(script_finding)
    except RegistryError as error:
        extra.append(unknown(install_scripts.SIGNAL, name, f"registry metadata unavailable: {shorten(str(error), 60)}"))
    if not extra:
        return finding
    decided = [f for f in extra if not f.unknown]
    severity = max([finding.severity, *(f.severity for f in decided)])
    ids = ", ".join(dict.fromkeys(f.id for f in decided))
    summary = finding.summary + (f" [{ids}]" if ids else "")
    return Finding(finding.id, severity, shorten(summary, 120), finding.package, False, finding.evidence,
                   {**finding.details, "signals": [f.to_json() for f in extra]})


# -- the whole graph -----------------------------------------------------------------------

async def review_all(
    graph: Graph,
    provider: MetadataProvider,
    settings: ReviewSettings | None = None,
    concurrency: int = 16,
    progress: Progress | None = None,
) -> list[PackageReview]:
    """`review_package` for every locked package, `concurrency` at a time, sorted by name
    and version. `progress(done, total)` is called after each package."""
    settings = settings or ReviewSettings()
    packages = graph.sorted_packages()
    versions: dict[str, list[str]] = {}
    for package in packages:
        if package.source is Source.REGISTRY:
            versions.setdefault(package.name, []).append(package.version)
    registry_advisories = await _fetch_registry_advisories(versions, provider, settings)
    gate = asyncio.Semaphore(max(1, concurrency))
    done = 0
    total = len(packages)

    async def one(package: Package) -> PackageReview:
        nonlocal done
        async with gate:
            findings = await review_package(package, graph, provider, settings,
                                            registry_advisories=registry_advisories)
        done += 1
        if progress is not None:
            progress(done, total)
        return PackageReview(package, sorted(findings, key=_finding_order))

    return list(await asyncio.gather(*(one(p) for p in packages)))


def _finding_order(finding: Finding) -> tuple[int, int, str]:
    return (int(finding.unknown), -int(finding.severity), finding.id)


__all__ = ["review_package", "review_upgrade", "review_all", "ReviewSettings", "PackageReview", "Severity"]


def cached_findings(graph: Graph, cache_dir: str | Path | None = None,
                    registry: str | None = None) -> list[Finding] | None:
    """Findings from cached metadata only, for `reviewer check` (see `runner.cached_findings`)."""
    from reviewer.signals.runner import cached_findings as run_cached

    return run_cached(graph, cache_dir=cache_dir, registry=registry)
