"""Release order within a packument: by publish time when the registry gives real times,
else by semver (and the findings say which)."""

from __future__ import annotations

from reviewer.registry.documents import Packument
from reviewer.semver import parse_version

BY_TIME = "publish-time"
BY_SEMVER = "semver"


def earlier_versions(packument: Packument, version: str, skip_prereleases: bool = False) -> tuple[list[str], str]:
    """Versions released before `version`, oldest first, and how they were ordered.

    With `skip_prereleases`, prereleases are left out when `version` is itself stable
    (pnpm trustPolicy since 10.24)."""
    current = parse_version(version)
    candidates = [v for v in packument.versions if v != version]
    if skip_prereleases and current is not None and not current.is_prerelease:
        candidates = [v for v in candidates if (p := parse_version(v)) is not None and not p.is_prerelease]
    published = packument.published(version)
    if published is not None and packument.times is not None:
        dated = [(packument.times[v], v) for v in candidates if v in packument.times]
        return [v for t, v in sorted(dated) if t < published], BY_TIME
    if current is None:
        return [], BY_SEMVER
    parsed = [(p, v) for v in candidates if (p := parse_version(v)) is not None and p < current]
    return [v for p, v in sorted(parsed, key=lambda x: x[0].sort_key())], BY_SEMVER


def previous_release(packument: Packument, version: str) -> tuple[str | None, str]:
    """The release just before `version` (same prerelease-ness rules as npm's history)."""
    earlier, order = earlier_versions(packument, version, skip_prereleases=True)
    return (earlier[-1] if earlier else None), order
