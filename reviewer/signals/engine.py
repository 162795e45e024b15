"""The review engine: every signal for one package, for one upgrade A->B, or for a graph.

Public API (stable; the review, report and TUI code call these):

    await review_package(package, graph, provider, settings) -> list[Finding]
    await review_upgrade(old, new, graph, provider, settings) -> list[Finding]

`provider` is any `MetadataProvider` (RegistryService, the demo's bundled data, a test
double). Only what an analysis needs is fetched: the full packument for registry packages,
the tarball only when there is an install script (or `settings.gyp_from_tarballs`), the
bulk advisory endpoint once per review (`reviewer.app.review.ReviewService`). A RegistryError while fetching becomes
unknown findings for the signals that needed the data, never an exception.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from enum import Enum

from reviewer.audit.model import Advisory
from reviewer.errors import RegistryError
from reviewer.graph.model import Graph, Package, Source
from reviewer.registry.interface import MetadataProvider
from reviewer.semver import max_satisfying
from reviewer.signals import (
    deprecation,
    findings_cache,
    install_scripts,
    maintainers,
    provenance,
    release_age,
    repository,
    typosquat,
)
from reviewer.signals.common import shorten, unknown
from reviewer.signals.finding import Finding, Severity
from reviewer.signals.new_dependencies import new_dependencies
from reviewer.signals.package_signals import (
    fetch_registry_advisories,
    history_findings,
    metadata_unknown,
    non_registry_findings,
    package_advisories,
    registry_findings,
    script_findings,
    static_findings,
)
from reviewer.signals.settings import ReviewSettings

RegistryAdvisories = Sequence[Advisory] | None | str
"""What the bulk endpoint said: advisories, None (not offered), or why it failed."""


class Unchecked(Enum):
    """The registry has not been asked yet: the engine asks about the package itself."""

    TOKEN = 0


NOT_CHECKED = Unchecked.TOKEN


# -- one package ---------------------------------------------------------------------------

async def review_package(
    package: Package,
    graph: Graph,
    provider: MetadataProvider,
    settings: ReviewSettings | None = None,
    *,
    registry_advisories: RegistryAdvisories | Unchecked = NOT_CHECKED,
) -> list[Finding]:
    """Every signal for one locked package version.

    `registry_advisories`: advisories already fetched from the registry for the whole
    graph (the review service passes them), or None when the registry does not offer them; when
    not given, the registry is asked for this package alone."""
    settings = settings or ReviewSettings()
    if package.source is Source.WORKSPACE:
        return []
    findings = static_findings(package, settings)
    if isinstance(registry_advisories, Unchecked):
        registry_advisories = await fetch_registry_advisories({package.name: [package.version]}, provider, settings)
    findings += package_advisories(package, settings, registry_advisories)
    if package.source is Source.REGISTRY:
        findings += await findings_cache.cached(package, provider, settings, registry_findings)
    else:
        findings += await non_registry_findings(package, provider, settings)
    return findings


# -- an upgrade A -> B ---------------------------------------------------------------------

async def review_upgrade(
    old: Package | None,
    new: Package,
    graph: Graph,
    provider: MetadataProvider,
    settings: ReviewSettings | None = None,
    *,
    registry_advisories: RegistryAdvisories | Unchecked = NOT_CHECKED,
) -> list[Finding]:
    """Signals for moving from `old` (None: newly added) to `new`.

    Compared with `review_package(new)`: install-script is HIGH when B adds or changes a
    hook; maintainers and trust are compared with A rather than the previous release;
    new-dependency lists what B adds, each with its own typosquat and install-script
    signals (which raise the finding's severity). `registry_advisories`: as for
    `review_package`."""
    settings = settings or ReviewSettings()
    if old is None or old.name != new.name or new.source is not Source.REGISTRY \
            or old.source is not Source.REGISTRY:
        return await review_package(new, graph, provider, settings,
                                    registry_advisories=registry_advisories)
    findings = static_findings(new, settings)
    if isinstance(registry_advisories, Unchecked):
        registry_advisories = await fetch_registry_advisories({new.name: [new.version]}, provider, settings)
    findings += package_advisories(new, settings, registry_advisories)
    try:
        packument = await provider.packument(new.name)
    except RegistryError as error:
        return findings + metadata_unknown(new, f"registry metadata unavailable: {shorten(str(error), 80)}")
    manifest = packument.version(new.version)
    if manifest is None:
        return findings + metadata_unknown(new, f"version {new.version} is not in the registry document")
    old_manifest = packument.version(old.version)
    old_scripts = install_scripts.install_scripts_of(old, old_manifest)
    old_integrity = old.integrity or (old_manifest.integrity if old_manifest is not None else None)
    findings += await script_findings(new, manifest, provider, settings, previous=old_scripts,
                                      previous_code=(old.version, old_integrity))
    if old_manifest is None:
        findings += history_findings(new, packument, settings)
        return findings
    history = [
        maintainers.maintainers_changed(new.key, old_manifest, manifest),
        maintainers.new_publisher(new.key, packument, new.version),
        provenance.trust_downgrade_between(new.key, old_manifest, manifest)
        or provenance.trust_downgrade(new.key, packument, new.version),
        release_age.recent_release(new.key, packument, new.version,
                                   settings.release_age_days, settings.now),
        deprecation.deprecation(new.key, manifest),
        repository.repository_changed(new.key, old_manifest, manifest),
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


__all__ = ["review_package", "review_upgrade", "ReviewSettings", "Severity"]

