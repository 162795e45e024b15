"""trust-downgrade, with pnpm `trustPolicy: no-downgrade` semantics.

Trust rank per version (pnpm `failIfTrustDowngraded`): trusted publisher
(`_npmUser.trustedPublisher`) 2 > provenance attestation (`dist.attestations`) 1 > none 0.
A version is downgraded when any earlier release (by publish time; prereleases ignored
when judging a stable version) had a higher rank. A metadata-shape check, not crypto.
"""

from __future__ import annotations

from reviewer.registry.documents import Packument, Publisher, VersionManifest
from reviewer.signals.common import NOT_PROVIDED, unknown, version_or_unknown
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.history import earlier_versions, trust_facts

SIGNAL = "trust-downgrade"
RANK_NAMES = {0: "no provenance", 1: "provenance", 2: "trusted publisher"}
MAX_RANK = 2


def trust_rank(manifest: VersionManifest) -> int | None:
    """2 trusted publisher, 1 provenance, 0 neither; None when the registry cannot say."""
    return rank_of(manifest.publisher, manifest.has_provenance)


def rank_of(publisher: Publisher | None, has_provenance: bool | None) -> int | None:
    if publisher is not None and publisher.trusted_publisher:
        return 2
    if has_provenance:
        return 1
    if has_provenance is None and publisher is None:
        return None
    return 0


def trust_downgrade(package: str, packument: Packument, version: str) -> Finding | None:
    manifest = version_or_unknown(SIGNAL, package, packument, version)
    if isinstance(manifest, Finding):
        return manifest
    rank = trust_rank(manifest)
    if rank is None:
        return unknown(SIGNAL, package, f"provenance and publisher {NOT_PROVIDED}")
    if rank == MAX_RANK:
        return None  # nothing outranks a trusted publisher
    earlier, order = earlier_versions(packument, version, skip_prereleases=True)
    best: tuple[int, str] | None = None
    for v in reversed(earlier):  # newest first; stop at the highest possible rank
        r = rank_of(*trust_facts(packument, v))
        if r is not None and r > rank and (best is None or r > best[0]):
            best = (r, v)
            if r == MAX_RANK:
                break
    if best is None:
        return None
    return trust_finding(package, best[1], best[0], version, rank, order)


def trust_finding(package: str, old_version: str, old_rank: int, new_version: str, new_rank: int, order: str) -> Finding:
    return Finding(
        id=SIGNAL,
        severity=Severity.HIGH,
        summary=f"{new_version} has {RANK_NAMES[new_rank]}; {old_version} had {RANK_NAMES[old_rank]}",
        package=package,
        evidence=(Evidence(text=f"{old_version}: {RANK_NAMES[old_rank]}"),),
        details={"from": old_version, "from_trust": RANK_NAMES[old_rank],
                 "trust": RANK_NAMES[new_rank], "ordered_by": order},
    )


def trust_downgrade_between(package: str, old: VersionManifest, new: VersionManifest) -> Finding | None:
    """A->B: B is less trusted than A."""
    old_rank, new_rank = trust_rank(old), trust_rank(new)
    if new_rank is None or old_rank is None:
        return unknown(SIGNAL, package, f"provenance and publisher {NOT_PROVIDED}")
    if new_rank >= old_rank:
        return None
    return trust_finding(package, old.version, old_rank, new.version, new_rank, "upgrade")
