"""Is it the same package? Integrity and source comparisons for the change set.

- `integrity_differs`: two integrities provably name different bytes (a republish).
  Compared only where both sides use the same SRI algorithm, so a base lockfile of another
  format (sha1 vs sha512) never looks republished; opaque checksums (yarn berry's
  `10c0/<hex>`) only under the same cache-key prefix.
- `source_change`: where a package comes from changed (registry -> git, another registry
  host, another git repository, the same version at another commit or URL).
"""

from __future__ import annotations

from collections import defaultdict

from reviewer.graph.model import Package, Source
from reviewer.urls import split

_SRI_ALGORITHMS = ("sha1", "sha256", "sha384", "sha512")


def _sri_digests(integrity: str) -> dict[str, set[str]]:
    """Algorithm -> digests of an SRI string (`sha512-… sha1-…`, options after `?` dropped)."""
    digests: dict[str, set[str]] = defaultdict(set)
    for token in integrity.split():
        algorithm, sep, digest = token.partition("-")
        if sep and algorithm.lower() in _SRI_ALGORITHMS and digest:
            digests[algorithm.lower()].add(digest.split("?", 1)[0])
    return digests


def integrity_differs(old: str | None, new: str | None) -> bool:
    """True only when both integrities are known and provably name different bytes."""
    if not old or not new or old == new:
        return False
    old_digests, new_digests = _sri_digests(old), _sri_digests(new)
    shared = old_digests.keys() & new_digests.keys()
    if shared:
        return any(not (old_digests[a] & new_digests[a]) for a in shared)
    if old_digests or new_digests:
        return False  # different algorithms: cannot compare
    # Opaque checksums (yarn berry `10c0/<hex>`): comparable only under the same cache key.
    old_prefix, _, _ = old.rpartition("/")
    new_prefix, _, _ = new.rpartition("/")
    return old_prefix == new_prefix


_REGISTRY_HOST_ALIASES = {"registry.yarnpkg.com": "registry.npmjs.org"}


def _origin(url: str) -> str | None:
    """`scheme://host[:port]` of an http(s) URL, with registry aliases folded; else None."""
    if not url.startswith(("http://", "https://")):
        return None
    parts = split(url)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    host = _REGISTRY_HOST_ALIASES.get(host, host)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def _without_fragment(location: str) -> str:
    return location.split("#", 1)[0]


def source_change(old: Package, new: Package, same_version: bool) -> str | None:
    """What changed about where the package comes from, or None when nothing did."""
    if old.source != new.source:
        where = f" ({new.resolved})" if new.resolved else ""
        return f"{old.source} -> {new.source}{where}"
    if not old.resolved or not new.resolved:
        return None  # a lockfile that does not record locations: nothing to compare
    old_origin, new_origin = _origin(old.resolved), _origin(new.resolved)
    if old_origin is not None and new_origin is not None and old_origin != new_origin:
        return f"{old.source} host {old_origin} -> {new_origin}"
    if old.source is Source.REGISTRY:
        return None
    if old.source is Source.GIT:
        if _without_fragment(old.resolved) != _without_fragment(new.resolved):
            return f"git repository {_without_fragment(new.resolved)}"
        if same_version and old.resolved != new.resolved:
            return f"same version, git commit {_fragment(old.resolved)} -> {_fragment(new.resolved)}"
        return None
    if same_version and _without_fragment(old.resolved) != _without_fragment(new.resolved):
        return f"same version, {old.source} {old.resolved} -> {new.resolved}"
    return None


def _fragment(location: str) -> str:
    return location.partition("#")[2] or "(none)"
