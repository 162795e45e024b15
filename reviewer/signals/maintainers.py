"""maintainers-changed and new-publisher.

- maintainers-changed: the maintainer set of B differs from A's (added/removed names). For
  a single version, A is the previous release (by publish time, else semver).
- new-publisher: the publisher (`_npmUser`) of B never published an earlier version.
A registry that strips `maintainers` or `_npmUser` gives unknown findings, never a pass.
"""

from __future__ import annotations

from dataclasses import replace

from reviewer.registry.documents import Packument, VersionManifest
from reviewer.signals.common import NOT_PROVIDED, labelled_lists, unknown, version_or_unknown
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.history import earlier_versions, previous_release, trust_facts

CHANGED = "maintainers-changed"
NEW_PUBLISHER = "new-publisher"


def _names(manifest: VersionManifest) -> set[str] | None:
    if manifest.maintainers is None:
        return None
    return {p.name for p in manifest.maintainers}


def maintainers_changed(package: str, old: VersionManifest, new: VersionManifest) -> Finding | None:
    """Compare the maintainer sets of two versions (None when unchanged)."""
    before, after = _names(old), _names(new)
    if before is None or after is None:
        missing = new.version if after is None else old.version
        return unknown(CHANGED, package, f"maintainers {NOT_PROVIDED}",
                       compared_with=old.version, missing_for=missing)
    added, removed = sorted(after - before), sorted(before - after)
    if not added and not removed:
        return None
    severity = Severity.HIGH if added and removed and not (after & before) else Severity.MODERATE
    return Finding(
        id=CHANGED,
        severity=severity,
        summary=f"maintainers since {old.version}: {labelled_lists(('added', added), ('removed', removed))}",
        package=package,
        evidence=tuple(Evidence(text=f"+{n}") for n in added) + tuple(Evidence(text=f"-{n}") for n in removed),
        details={"from": old.version, "to": new.version, "added": added, "removed": removed},
    )


def maintainers_changed_since_previous(package: str, packument: Packument, version: str) -> Finding | None:
    """maintainers-changed for one version, against the release before it."""
    manifest = version_or_unknown(CHANGED, package, packument, version)
    if isinstance(manifest, Finding):
        return manifest
    if manifest.maintainers is None:
        return unknown(CHANGED, package, f"maintainers {NOT_PROVIDED}")
    previous, order = previous_release(packument, version)
    if previous is None:
        return None
    finding = maintainers_changed(package, packument.versions[previous], manifest)
    if finding is not None and not finding.unknown:
        return replace(finding, details={**finding.details, "ordered_by": order})
    return finding


def new_publisher(package: str, packument: Packument, version: str) -> Finding | None:
    """The publisher of `version` never published an earlier version of this package."""
    manifest = version_or_unknown(NEW_PUBLISHER, package, packument, version)
    if isinstance(manifest, Finding):
        return manifest
    if manifest.publisher is None:
        return unknown(NEW_PUBLISHER, package, f"publisher (_npmUser) {NOT_PROVIDED}")
    earlier, order = earlier_versions(packument, version)
    if not earlier:
        return None
    name = manifest.publisher.name
    # Newest first: the usual case (the same person published the release before) stops
    # after one manifest instead of building every earlier one.
    known = []
    for v in reversed(earlier):
        publisher = trust_facts(packument, v)[0]
        if publisher is not None and publisher.name == name:
            return None
        known.append(publisher)
    publishers = {p.name for p in known if p is not None}
    if not publishers:
        return unknown(NEW_PUBLISHER, package, f"publishers of earlier versions {NOT_PROVIDED}")
    missing = sum(1 for p in known if p is None)
    summary = f"published by {name}, who published none of the {len(earlier)} earlier versions"
    return Finding(
        id=NEW_PUBLISHER,
        severity=Severity.HIGH,
        summary=summary,
        package=package,
        evidence=(Evidence(text=name),),
        details={"publisher": name, "earlier_publishers": sorted(publishers),
                 "earlier_versions": len(earlier), "earlier_without_publisher": missing,
                 "ordered_by": order},
    )
