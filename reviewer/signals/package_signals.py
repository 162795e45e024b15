"""The per-package analyses the engine combines: what to fetch and which signals to run.

Private to `reviewer.signals.engine` (its public API is there)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from reviewer.audit.model import Advisory
from reviewer.errors import RegistryError, ReviewerError
from reviewer.graph.model import Package, Source
from reviewer.registry.documents import Packument, VersionManifest
from reviewer.registry.interface import AdvisoryProvider, MetadataProvider
from reviewer.signals import (
    deprecation,
    install_scripts,
    maintainers,
    manifest_confusion,
    provenance,
    release_age,
    repository,
    scan_cache,
    suspicious_code,
    typosquat,
)
from reviewer.signals.advisories import (
    advisories_from_bulk,
    advisories_unavailable,
    advisory_findings,
)
from reviewer.signals.common import (
    parse_package_json,
    scripts_of,
    shorten,
    tarball_package_json,
    unknown,
)
from reviewer.signals.finding import Finding
from reviewer.signals.install_scripts import InstallScripts
from reviewer.signals.settings import ReviewSettings
from reviewer.signals.sources import source_findings

METADATA_SIGNALS = (maintainers.CHANGED, maintainers.NEW_PUBLISHER, provenance.SIGNAL,
                    release_age.SIGNAL, deprecation.SIGNAL)


def static_findings(package: Package, settings: ReviewSettings) -> list[Finding]:
    """Signals from the lockfile alone: sources and typosquat."""
    findings = source_findings(package, settings.registry_for, settings.allowed_hosts)
    if settings.typosquat and package.source is Source.REGISTRY:
        hit = typosquat.typosquat(package.key, package.name)
        if hit is not None:
            findings.append(hit)
    return findings


def package_advisories(package: Package, settings: ReviewSettings,
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


async def fetch_registry_advisories(
    versions: Mapping[str, Sequence[str]], provider: MetadataProvider, settings: ReviewSettings
) -> list[Advisory] | None | str:
    """Advisories from the bulk endpoint; None when the registry does not offer it (or we
    were told not to ask); a string (the reason) when the request failed."""
    if not settings.query_registry_advisories or not isinstance(provider, AdvisoryProvider) \
            or not versions:
        return None if settings.advisories is None else []
    marker = settings.no_advisories_marker
    if marker is not None and _fresh(marker, NO_ADVISORIES_TTL):
        return None  # this registry said recently that it has no advisory endpoint
    try:
        answer = await provider.bulk_advisories({name: sorted(set(v)) for name, v in versions.items()})
    except ReviewerError as error:
        return f"advisories unavailable: {shorten(str(error), 80)}"
    if answer is None:
        if marker is not None:
            _touch(marker)
        return None
    return advisories_from_bulk(answer)


NO_ADVISORIES_TTL = 24 * 3600.0
"""How long a registry's "no bulk advisory endpoint" (404/405) answer is remembered."""


def _fresh(path: Path, ttl: float) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime < ttl
    except OSError:
        return False


def _touch(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    except OSError:
        pass


async def registry_findings(package: Package, provider: MetadataProvider,
                             settings: ReviewSettings) -> list[Finding]:
    try:
        packument = await provider.packument(package.name)
    except RegistryError as error:
        return metadata_unknown(package, f"registry metadata unavailable: {shorten(str(error), 80)}")
    manifest = packument.version(package.version)
    if manifest is None:
        return metadata_unknown(package, f"version {package.version} is not in the registry document")
    findings = await script_findings(package, manifest, provider, settings, previous=None)
    findings += history_findings(package, packument, settings)
    return findings


def metadata_unknown(package: Package, reason: str) -> list[Finding]:
    found = [unknown(s, package.key, reason) for s in METADATA_SIGNALS]
    if package.has_install_script is None:
        found.insert(0, unknown(install_scripts.SIGNAL, package.key, reason))
    elif package.has_install_script:
        scripts = install_scripts.install_scripts_of(package, None)
        found.insert(0, install_scripts.install_script_finding(package.key, scripts))  # type: ignore[arg-type]
        found.insert(1, unknown(suspicious_code.SIGNAL, package.key, reason))
    return found


def history_findings(package: Package, packument: Packument, settings: ReviewSettings) -> list[Finding]:
    manifest = packument.versions[package.version]
    found = [
        maintainers.maintainers_changed_since_previous(package.key, packument, package.version),
        maintainers.new_publisher(package.key, packument, package.version),
        provenance.trust_downgrade(package.key, packument, package.version),
        release_age.recent_release(package.key, packument, package.version,
                                   settings.release_age_days, settings.now),
        deprecation.deprecation(package.key, manifest),
        repository.repository_changed_since_previous(package.key, packument, package.version),
    ]
    return [f for f in found if f is not None]


async def script_findings(
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
    code: Finding | None = None
    confusion: Finding | None = None
    code_known = False
    tarball_error: str | None = None
    if settings.read_tarballs and (scripts.present is not False or settings.gyp_from_tarballs):
        # The tarball is verified against the lockfile's integrity, else the registry's.
        verified_by = package.integrity or (manifest.integrity if manifest is not None else None)
        cached = scan_cache.load(settings.scan_cache_dir, package.key, verified_by)
        if cached is not None:
            scripts, code, confusion, code_known = cached.scripts, cached.finding, cached.confusion, True
        else:
            try:
                tarball = await provider.tarball(package.name, package.version, package.integrity, tarball_url)
            except ReviewerError as error:
                tarball_error = f"tarball unavailable: {shorten(str(error), 80)}"
            else:
                scripts = install_scripts.refine_with_tarball(package, manifest, scripts, tarball)
                confusion = manifest_confusion.manifest_confusion(package.key, tarball, manifest)
                if scripts.present and scripts.scripts:
                    all_scripts = scripts_of(tarball_package_json(tarball)) or (manifest.scripts if manifest else None)
                    code, _ = suspicious_code.analyze_suspicious_code(
                        package.key, scripts.scripts, tarball, all_scripts)
                code_known = True
                scan_cache.store(settings.scan_cache_dir, package.key, verified_by,
                                 scan_cache.ScanResult(scripts, code, confusion))
    if previous is not None:
        finding = install_scripts.install_script_upgrade_finding(package.key, previous, scripts)
    else:
        finding = install_scripts.install_script_finding(package.key, scripts, unknown_reason)
    findings = [finding] if finding is not None else []
    if confusion is not None:
        findings.append(confusion)
    if scripts.present and scripts.scripts:
        if not code_known:
            reason = tarball_error or "tarball not read (--no-tarballs)"
            findings.append(unknown(suspicious_code.SIGNAL, package.key, reason))
        elif code is not None:
            findings.append(code)
    return findings


async def non_registry_findings(package: Package, provider: MetadataProvider,
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
        return await script_findings(package, manifest, provider,
                                      _without_tarballs(settings), None, unknown_reason=reason)
    if package.source is Source.TARBALL and package.resolved:
        return await script_findings(package, None, provider, settings, None,
                                      tarball_url=package.resolved,
                                      unknown_reason="scripts of a tarball-URL dependency not read")
    if package.has_install_script is None:
        return [unknown(install_scripts.SIGNAL, package.key,
                        "scripts of a git dependency (and its prepare) need the repository")]
    return await script_findings(package, None, provider, _without_tarballs(settings), None)


def _without_tarballs(settings: ReviewSettings) -> ReviewSettings:
    from dataclasses import replace

    return replace(settings, read_tarballs=False, gyp_from_tarballs=False)


def _local_scripts(package: Package, project_dir: Path | None) -> dict[str, str] | None:
    if project_dir is None or not package.resolved:
        return None
    target = package.resolved.removeprefix("file:").removeprefix("link:")
    try:
        text = (project_dir / target / "package.json").resolve().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return scripts_of(parse_package_json(text))
