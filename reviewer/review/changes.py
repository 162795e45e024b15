"""The change set between a base and a head lockfile: what an upgrade brings in.

API (used by `reviewer review` and the TUI's review mode):

    from reviewer.review.changes import ChangeKind, Change, ChangeSet, compute_changes

    changes: ChangeSet = compute_changes(base_graph, head_graph)
    for change in changes:                 # sorted by name, then versions
        change.name                        # real package name (aliases resolved)
        change.from_version                # str | None (None when added)
        change.to_version                  # str | None (None when removed)
        change.kind                        # ChangeKind (a StrEnum: "added", "upgraded", ...)
        change.base, change.head           # the Package objects (None on the missing side)
        change.reason                      # one line for republished/source-changed, else ""
        change.dependents                  # who requires the instance (head side, or base
                                           # side for a removal): importer labels, names
        change.arrow                       # "1.0.0 -> 1.1.0", "(new) -> 1.0.0", ...
        change.id                          # stable "name@from->to" for selection/pinning
    changes.base_lockfile.path             # where the base came from: `REV:path` or a file
    changes.head_keys()                    # head package keys touched (filter the TUI table)
    changes.counts()                       # {ChangeKind: n}
    changes.by_head_key(key)               # the Change whose head instance is `key`, or None

    # per change, lazily (both async, never raise for registry failures):
    await reviewer.app.ReviewService(provider, settings).review_changes(changes, head_graph)
    await reviewer.review.diffs.diff_change(change, provider)   # PackageDiff | None
    # base and head graphs from the command line: reviewer.review.base.load_review_graphs

Kinds: `added`, `removed`, `upgraded`, `downgraded` (semver precedence), `republished`
(same name@version, different integrity: always loud), `source-changed` (registry -> git or
tarball, a different registry host or git repository, or the same version resolved to a
different commit/URL). When a pair changes both source and version, `source-changed` wins.

Instances: a name locked at several versions is compared instance by instance. Versions in
both lockfiles are compared in place (republish / source change). The remaining old and new
versions are paired: first by who requires them (importer path or dependent package name,
so a bump inside one workspace pairs with that workspace's old version), then by nearest
version. A new version left over pairs with a kept old version its dependents used to
require (one workspace moves from foo@1 to foo@2 while another keeps foo@1: `upgraded`);
otherwise it is `added`. An old version left over is `removed`.

Integrity is compared only where both sides use the same hash algorithm (SRI `sha512-…`,
`sha1-…`), so a base lockfile of another format compares by package identity without
false republishes; lockfile checksums that are not SRI (`Package.checksum`, yarn berry's
`10c0/<hex>`) only between lockfiles of the same format, under the same cache-key prefix.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from reviewer.graph.model import (
    IMPORTER_PREFIX,
    Graph,
    LockfileInfo,
    Package,
    is_importer_node,
)
from reviewer.review.compare import integrity_differs, source_change
from reviewer.review.versions import compare_versions, version_distance


class ChangeKind(StrEnum):
    """What happened to one instance of a package between base and head (SPEC §7 `kind`)."""

    ADDED = "added"
    REMOVED = "removed"
    UPGRADED = "upgraded"
    DOWNGRADED = "downgraded"
    REPUBLISHED = "republished"
    SOURCE_CHANGED = "source-changed"


@dataclass(frozen=True, slots=True)
class Change:
    """One changed package instance, from the base lockfile to the head lockfile."""

    name: str
    """The real package name."""
    from_version: str | None
    """The base version; None when the package was added."""
    to_version: str | None
    """The head version; None when the package was removed."""
    kind: ChangeKind
    base: Package | None
    """The base lockfile's package; None when added."""
    head: Package | None
    """The head lockfile's package; None when removed."""
    reason: str = ""
    """One line saying what changed, for republished and source-changed; "" otherwise."""
    dependents: tuple[str, ...] = ()
    """Who requires this instance (head side; base side for a removal): importer labels and
    dependent package names, sorted."""

    @property
    def id(self) -> str:
        """A stable identifier: `name@from->to` (an empty side for added/removed)."""
        return f"{self.name}@{self.from_version or ''}->{self.to_version or ''}"

    @property
    def arrow(self) -> str:
        """`A -> B` for display."""
        return f"{self.from_version or '(new)'} -> {self.to_version or '(removed)'}"

    @property
    def package(self) -> Package:
        """The instance the change is about: head, or base for a removal."""
        held = self.head or self.base
        assert held is not None  # a Change always has at least one side
        return held


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Every change between two lockfiles, sorted by name then versions."""

    changes: tuple[Change, ...]
    base_lockfile: LockfileInfo
    head_lockfile: LockfileInfo

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[ChangeKind, int]:
        """How many changes of each kind (kinds with none omitted), in ChangeKind order."""
        counted = Counter(change.kind for change in self.changes)
        return {kind: counted[kind] for kind in ChangeKind if counted[kind]}

    def head_keys(self) -> set[str]:
        """Keys (`name@version`) of head packages that some change touches."""
        return {change.head.key for change in self.changes if change.head is not None}

    def by_head_key(self, key: str) -> Change | None:
        for change in self.changes:
            if change.head is not None and change.head.key == key:
                return change
        return None

    @property
    def mixed_formats(self) -> bool:
        """True when base and head lockfiles are of different formats (compared by identity)."""
        return self.base_lockfile.format != self.head_lockfile.format


def compute_changes(base: Graph, head: Graph) -> ChangeSet:
    """The change set from `base` to `head` (see the module docstring for the rules)."""
    comparer = _Comparer(base, head)
    base_by_name = _versions_by_name(base)
    head_by_name = _versions_by_name(head)
    changes: list[Change] = []
    for name in sorted(base_by_name.keys() | head_by_name.keys()):
        changes.extend(
            comparer.changes_for_name(name, base_by_name.get(name, {}), head_by_name.get(name, {}))
        )
    changes.sort(key=_change_sort_key)
    return ChangeSet(tuple(changes), base.lockfile, head.lockfile)


def _versions_by_name(graph: Graph) -> dict[str, dict[str, Package]]:
    by_name: dict[str, dict[str, Package]] = defaultdict(dict)
    for package in graph:
        by_name[package.name][package.version] = package
    return by_name


_version_key = functools.cmp_to_key(compare_versions)


def _change_sort_key(change: Change) -> tuple[object, ...]:
    return (
        change.name,
        _version_key(change.from_version or change.to_version or ""),
        _version_key(change.to_version or ""),
    )


class _Comparer:
    """Pairs and classifies the instances of one name, with both graphs at hand."""

    def __init__(self, base: Graph, head: Graph) -> None:
        self.base = base
        self.head = head
        self.same_format = base.lockfile.format == head.lockfile.format

    def changes_for_name(
        self, name: str, base_versions: dict[str, Package], head_versions: dict[str, Package]
    ) -> list[Change]:
        changes: list[Change] = []
        kept_set = base_versions.keys() & head_versions.keys()
        for version in kept_set:
            change = self._classify(base_versions[version], head_versions[version])
            if change is not None:
                changes.append(change)
        if len(kept_set) == len(base_versions) == len(head_versions):
            return changes  # no version came or went (the common case)
        kept = sorted(kept_set, key=_version_key)
        old = sorted(base_versions.keys() - head_versions.keys(), key=_version_key)
        new = sorted(head_versions.keys() - base_versions.keys(), key=_version_key)
        old_deps = {v: _dependents(self.base, base_versions[v]) for v in base_versions}
        new_deps = {v: _dependents(self.head, head_versions[v]) for v in new}

        pairs = _pair_greedily(old, new, old_deps, new_deps, require_overlap=True)
        pairs += _pair_greedily(
            [v for v in old if v not in {b for b, _ in pairs}],
            [v for v in new if v not in {h for _, h in pairs}],
            old_deps,
            new_deps,
            require_overlap=False,
        )
        paired_new = {h for _, h in pairs}
        paired_old = {b for b, _ in pairs}
        for version in new:
            if version in paired_new:
                continue
            kept_match = _best_kept(version, kept, old_deps, new_deps[version])
            if kept_match is not None:
                pairs.append((kept_match, version))
        for old_version, new_version in pairs:
            change = self._classify(base_versions[old_version], head_versions[new_version])
            if change is not None:
                changes.append(change)
        paired_new = {h for _, h in pairs}
        for version in new:
            if version not in paired_new:
                package = head_versions[version]
                changes.append(
                    Change(name, None, version, ChangeKind.ADDED, None, package,
                           dependents=self._labels(self.head, package))
                )
        for version in old:
            if version not in paired_old:
                package = base_versions[version]
                changes.append(
                    Change(name, version, None, ChangeKind.REMOVED, package, None,
                           dependents=self._labels(self.base, package))
                )
        return changes

    def _classify(self, old: Package, new: Package) -> Change | None:
        """The change from `old` to `new` (same name), or None when nothing changed."""
        same_version = old.version == new.version
        if (same_version and old.source == new.source and old.resolved == new.resolved
                and old.integrity == new.integrity and old.checksum == new.checksum):
            return None  # the common case, decided without parsing anything
        reason = source_change(old, new, same_version)
        if reason is not None:
            kind = ChangeKind.SOURCE_CHANGED
        elif same_version:
            if integrity_differs(old.integrity, new.integrity):
                reason = f"same version, integrity {_short(old.integrity)} -> {_short(new.integrity)}"
            elif self.same_format and integrity_differs(old.checksum, new.checksum):
                reason = f"same version, checksum {_short(old.checksum)} -> {_short(new.checksum)}"
            else:
                return None
            kind = ChangeKind.REPUBLISHED
        else:
            order = compare_versions(new.version, old.version) or (
                (new.version > old.version) - (new.version < old.version)
            )
            kind = ChangeKind.UPGRADED if order > 0 else ChangeKind.DOWNGRADED
            reason = ""
        return Change(
            new.name, old.version, new.version, kind, old, new, reason,
            dependents=self._labels(self.head, new),
        )

    def _labels(self, graph: Graph, package: Package) -> tuple[str, ...]:
        """Display names of who requires `package` in `graph`. Importers are labelled from the
        head graph when it has them (a base read from git may lack workspace manifests)."""
        labels = set()
        for identity in _dependents(graph, package):
            if not identity.startswith(IMPORTER_PREFIX):
                labels.add(identity)
            elif identity[len(IMPORTER_PREFIX):] in self.head.importers:
                labels.add(self.head.label(identity))
            else:
                labels.add(graph.label(identity))
        return tuple(sorted(labels))


def _pair_greedily(
    old: list[str],
    new: list[str],
    old_deps: dict[str, frozenset[str]],
    new_deps: dict[str, frozenset[str]],
    *,
    require_overlap: bool,
) -> list[tuple[str, str]]:
    """Pair old and new versions one to one: most shared dependents first, then nearest."""
    candidates: list[tuple[int, tuple[int, int, int, int], object, object, str, str]] = []
    for b in old:
        for h in new:
            overlap = len(old_deps[b] & new_deps[h])
            if require_overlap and not overlap:
                continue
            candidates.append(
                (-overlap, version_distance(b, h), _version_key(b), _version_key(h), b, h)
            )
    candidates.sort()
    pairs: list[tuple[str, str]] = []
    used_old: set[str] = set()
    used_new: set[str] = set()
    for *_, b, h in candidates:
        if b in used_old or h in used_new:
            continue
        used_old.add(b)
        used_new.add(h)
        pairs.append((b, h))
    return pairs


def _best_kept(
    version: str, kept: list[str], old_deps: dict[str, frozenset[str]], deps: frozenset[str]
) -> str | None:
    """The kept old version whose former dependents now require `version`, if any."""
    scored = [
        (-len(old_deps[k] & deps), version_distance(k, version), _version_key(k), k)
        for k in kept
        if old_deps[k] & deps
    ]
    return min(scored)[-1] if scored else None


def _dependents(graph: Graph, package: Package) -> frozenset[str]:
    """Who requires `package`, as identities stable across versions and lockfile formats."""
    found: set[str] = set()
    for edge in graph.dependents(package.key):
        if is_importer_node(edge.source):
            found.add(edge.source)
        else:
            dependent = graph.packages.get(edge.source)
            found.add(dependent.name if dependent is not None else edge.source)
    return frozenset(found)


def _short(integrity: str | None, length: int = 16) -> str:
    if not integrity:
        return "(none)"
    return integrity if len(integrity) <= length else integrity[:length] + "…"
