"""The dependency-graph model: packages, importers and the edges between them.

Every lockfile parser produces a `Graph`; nothing after the parsers knows which
package manager wrote the lockfile. Node ids are strings: a package's `key`
(`name@version`) or an importer's `importer_node(path)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Source(StrEnum):
    """Where a locked package comes from."""

    REGISTRY = "registry"
    GIT = "git"
    TARBALL = "tarball"
    FILE = "file"
    LINK = "link"
    WORKSPACE = "workspace"


class DepKind(StrEnum):
    """The section of a manifest an edge was declared in."""

    PROD = "prod"
    DEV = "dev"
    OPTIONAL = "optional"
    PEER = "peer"


IMPORTER_PREFIX = "importer:"


def importer_node(path: str) -> str:
    """The node id of the importer at `path` ("." for the root)."""
    return IMPORTER_PREFIX + path


def is_importer_node(node: str) -> bool:
    return node.startswith(IMPORTER_PREFIX)


def package_key(name: str, version: str) -> str:
    return f"{name}@{version}"


@dataclass(slots=True)
class Package:
    """One locked package: a real name and version, however many times it is installed."""

    name: str
    """The real package name (aliases resolved: `npm:real@1` gives `real`)."""
    version: str
    """The locked version (for git/tarball sources, the version the lockfile records)."""
    integrity: str | None = None
    """SRI string (`sha512-…`, `sha1-…`) or None when the lockfile has none."""
    resolved: str | None = None
    """Where the package was fetched from: tarball URL, git URL, relative path."""
    source: Source = Source.REGISTRY
    dev: bool = False
    """Only reachable through devDependencies."""
    optional: bool = False
    """Only reachable through optionalDependencies."""
    peer: bool = False
    """Only reachable through peerDependencies."""
    bundled: bool = False
    """Shipped inside another package's tarball (bundleDependencies)."""
    os: tuple[str, ...] = ()
    cpu: tuple[str, ...] = ()
    has_install_script: bool | None = None
    """What the lockfile records (`hasInstallScript`, `requiresBuild`); None when it does not say."""
    license: str | None = None
    aliases: tuple[str, ...] = ()
    """Names this package is installed under besides its real one (`npm:` aliases)."""
    line: int | None = None
    """1-based line of the package's entry in the lockfile, where the parser knows it."""
    checksum: str | None = None
    """The lockfile's own content hash when it is not an SRI integrity (yarn berry's
    `10c0/<hex>`, a hash of yarn's zip); comparable only within one lockfile format."""

    @property
    def key(self) -> str:
        return package_key(self.name, self.version)

    @property
    def kind(self) -> DepKind:
        """One word for the table: peer, optional, dev or prod."""
        if self.peer:
            return DepKind.PEER
        if self.optional:
            return DepKind.OPTIONAL
        if self.dev:
            return DepKind.DEV
        return DepKind.PROD


@dataclass(slots=True)
class Importer:
    """The root project or one workspace package: something whose manifest declares dependencies."""

    path: str
    """Path relative to the project directory, "." for the root."""
    name: str | None = None
    version: str | None = None

    @property
    def node(self) -> str:
        return importer_node(self.path)

    @property
    def label(self) -> str:
        if self.name and self.path != ".":
            return f"{self.name} ({self.path})"
        return self.name or self.path


@dataclass(frozen=True, slots=True)
class Edge:
    """A declared dependency: `source` requires `target` as `name@spec`."""

    source: str
    """Node id of the dependent (package key or importer node)."""
    target: str
    """Node id of the dependency (package key, or importer node for a workspace link)."""
    name: str
    """The name it is required under (an alias name when aliased)."""
    spec: str
    """The requested range or specifier, as written (`^1.2.0`, `workspace:*`, `npm:x@1`)."""
    kind: DepKind = DepKind.PROD


@dataclass(frozen=True, slots=True)
class LockfileInfo:
    """Which lockfile the graph was read from."""

    path: Path
    format: str
    """`npm`, `pnpm`, `yarn-classic`, `yarn-berry` or `bun`."""
    version: str
    """The lockfile's own version marker (`3`, `9.0`, `v1`, `10`, `1`)."""


@dataclass
class Graph:
    """Packages, importers and edges, with indexes for the queries in `graph.queries`."""

    lockfile: LockfileInfo
    packages: dict[str, Package] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    """Remarks on how the lockfile was chosen or read (other lockfiles ignored), to show."""
    importers: dict[str, Importer] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    _out: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _in: dict[str, list[Edge]] = field(default_factory=lambda: defaultdict(list), repr=False)
    _edge_set: set[tuple[str, str, str, DepKind]] = field(default_factory=set, repr=False)

    # -- building -------------------------------------------------------------------------

    def add_importer(self, importer: Importer) -> Importer:
        return self.importers.setdefault(importer.path, importer)

    def add_package(self, package: Package) -> Package:
        """Add a package, or merge it into the one already held under the same key."""
        held = self.packages.get(package.key)
        if held is None:
            self.packages[package.key] = package
            return package
        held.integrity = held.integrity or package.integrity
        held.resolved = held.resolved or package.resolved
        held.has_install_script = _either(held.has_install_script, package.has_install_script)
        held.os = held.os or package.os
        held.cpu = held.cpu or package.cpu
        held.license = held.license or package.license
        held.aliases = tuple(dict.fromkeys(held.aliases + package.aliases))
        held.line = held.line if held.line is not None else package.line
        held.checksum = held.checksum or package.checksum
        # A package is dev/optional/peer only if every instance of it is.
        held.dev = held.dev and package.dev
        held.optional = held.optional and package.optional
        held.peer = held.peer and package.peer
        held.bundled = held.bundled and package.bundled
        return held

    def add_edge(self, edge: Edge) -> None:
        """Add `edge` unless an edge with its source, target, name and kind is held, or it
        points at its own source."""
        if self._is_new(edge.source, edge.target, edge.name, edge.kind):
            self._hold(edge)

    def connect(self, source: str, target: str, name: str, spec: str,
                kind: DepKind = DepKind.PROD) -> None:
        """`add_edge(Edge(source, target, name, spec, kind))`, without making the Edge when
        it is not new (a package installed at several places declares its edges again)."""
        if self._is_new(source, target, name, kind):
            self._hold(Edge(source, target, name, spec, kind))

    def _is_new(self, source: str, target: str, name: str, kind: DepKind) -> bool:
        ident = (source, target, name, kind)
        if ident in self._edge_set or source == target:
            return False
        self._edge_set.add(ident)
        return True

    def _hold(self, edge: Edge) -> None:
        self.edges.append(edge)
        self._out[edge.source].append(edge)
        self._in[edge.target].append(edge)

    def hold_distinct(self, edges: Iterable[Edge]) -> None:
        """Add edges known to be distinct and not yet held (those of a graph that held
        them, rebuilt by `graph.serial`), in their order, without checking."""
        held, out, into, seen = self.edges, self._out, self._in, self._edge_set
        for edge in edges:
            held.append(edge)
            out[edge.source].append(edge)
            into[edge.target].append(edge)
            seen.add((edge.source, edge.target, edge.name, edge.kind))

    # -- reading --------------------------------------------------------------------------

    def dependencies(self, node: str) -> list[Edge]:
        """Edges out of `node`: what it requires."""
        return self._out.get(node, [])

    def dependents(self, node: str) -> list[Edge]:
        """Edges into `node`: who requires it."""
        return self._in.get(node, [])

    def label(self, node: str) -> str:
        """A display name for a node id."""
        if is_importer_node(node):
            importer = self.importers.get(node[len(IMPORTER_PREFIX) :])
            return importer.label if importer else node
        return node

    def find(self, name: str, version: str | None = None) -> list[Package]:
        """Packages called `name` (real name or alias), at `version` if given."""
        found = [
            p
            for p in self.packages.values()
            if (p.name == name or name in p.aliases) and (version is None or p.version == version)
        ]
        return sorted(found, key=lambda p: p.version)

    def __iter__(self) -> Iterator[Package]:
        return iter(self.packages.values())

    def __len__(self) -> int:
        return len(self.packages)

    def sorted_packages(self) -> list[Package]:
        return sorted(self.packages.values(), key=lambda p: (p.name, p.version))

    def edges_of_kind(self, kinds: Iterable[DepKind]) -> Iterator[Edge]:
        wanted = set(kinds)
        return (e for e in self.edges if e.kind in wanted)


def _either(a: bool | None, b: bool | None) -> bool | None:
    if a is None:
        return b
    if b is None:
        return a
    return a or b
