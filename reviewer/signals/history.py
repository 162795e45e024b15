"""Release order within a packument: by publish time when the registry gives real times,
else by semver (and the findings say which). The order is computed once per packument."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from reviewer.registry.compact import CompactVersions
from reviewer.registry.documents import Packument, Publisher
from reviewer.semver import parse_version

BY_TIME = "publish-time"
BY_SEMVER = "semver"
_ORDER_CACHE_SIZE = 256
_orders: OrderedDict[int, tuple[Packument, list[str], dict[str, int], set[str], str]] = OrderedDict()


def release_order(packument: Packument) -> tuple[list[str], dict[str, int], set[str], str]:
    """(versions oldest first, index of each, the prerelease versions, how they were ordered)."""
    held = _orders.get(id(packument))
    if held is not None and held[0] is packument:
        _orders.move_to_end(id(packument))
        return held[1], held[2], held[3], held[4]
    parsed = {v: parse_version(v) for v in packument.versions}
    prereleases = {v for v, p in parsed.items() if p is not None and p.is_prerelease}
    if packument.times is not None and all(v in packument.times for v in packument.versions):
        times = packument.times
        ordered = sorted(packument.versions, key=lambda v: times[v])
        how = BY_TIME
    else:
        valid = [(p.sort_key(), v) for v, p in parsed.items() if p is not None]
        ordered = [v for _, v in sorted(valid)]
        how = BY_SEMVER
    index = {v: i for i, v in enumerate(ordered)}
    _orders[id(packument)] = (packument, ordered, index, prereleases, how)
    if len(_orders) > _ORDER_CACHE_SIZE:
        _orders.popitem(last=False)
    return ordered, index, prereleases, how


def earlier_versions(packument: Packument, version: str, skip_prereleases: bool = False) -> tuple[list[str], str]:
    """Versions released before `version`, oldest first, and how they were ordered.

    With `skip_prereleases`, prereleases are left out when `version` is itself stable
    (pnpm trustPolicy since 10.24)."""
    ordered, index, prereleases, how = release_order(packument)
    position = index.get(version)
    if position is None:
        return [], how
    earlier = ordered[:position]
    if skip_prereleases and version not in prereleases:
        earlier = [v for v in earlier if v not in prereleases]
    return earlier, how


def previous_release(packument: Packument, version: str) -> tuple[str | None, str]:
    """The release just before `version` (prereleases skipped when it is stable)."""
    earlier, order = earlier_versions(packument, version, skip_prereleases=True)
    return (earlier[-1] if earlier else None), order


def version_field(packument: Packument, version: str, name: str) -> Any:
    """One plain field (`compact.PLAIN_FIELDS`: maintainers, repository...) of a version's
    manifest; cheap on the compact cache form (no manifest is built), else from the built
    manifest. KeyError for a version not listed."""
    if isinstance(packument.versions, CompactVersions):
        return packument.versions.field(version, name)
    return getattr(packument.versions[version], name)


def trust_facts(packument: Packument, version: str) -> tuple[Publisher | None, bool | None]:
    """(publisher, has_provenance) of a version; cheap when the packument's version map
    offers `trust_facts` (the compact cache form), else from the built manifest."""
    if isinstance(packument.versions, CompactVersions):
        return packument.versions.trust_facts(version)
    manifest = packument.versions[version]
    return manifest.publisher, manifest.has_provenance
