"""pnpm-lock.yaml: lockfileVersion 6.x and 9.0.

Version 6 keys `packages` by dependency path, `/name@version` plus a peer suffix
(`/a@1.0.0(b@2.0.0)`), and each entry holds both the package's metadata and its resolved
dependencies. Version 9 splits them: `packages` holds metadata keyed `name@version`,
`snapshots` holds the dependencies keyed with the peer suffix. Either way one installed
variant per peer set exists in the file; the graph holds one Package per real
name@version, with the edges of all its variants.

Decisions where the format leaves room:
- Edges between packages carry the resolved version as their spec (pnpm does not keep the
  requested range), except peer edges, which carry the declared peer range.
- `requiresBuild` gives `has_install_script`; version 6 writes it whenever it is true, so
  its absence there means False; version 9 no longer writes it, so there it is None.
- dev/optional are version 6's recorded flags; version 9 omits them, so they are derived
  from the edges (`graph.queries.derive_flags`). The peer flag is always derived.
- A dependency whose entry is missing, or an entry without `resolution` (pnpm always
  writes one), means a truncated or hand-edited file: an error.
- Importer names come from each importer's package.json when it is readable.
- The root sync check leaves out the root's peerDependencies, which pnpm records only
  when it installs them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reviewer.errors import LockfileError
from reviewer.graph.model import (
    DepKind,
    Edge,
    Graph,
    Importer,
    LockfileInfo,
    Package,
    Source,
    importer_node,
)
from reviewer.graph.queries import derive_flags
from reviewer.lockfiles._edges import add_edge
from reviewer.lockfiles._pnpm_paths import base_path, dep_path_of, edge_spec, origin, strings
from reviewer.lockfiles._yaml import YamlDocument, is_true, load_yaml
from reviewer.lockfiles.manifest import MANIFEST_NAME, check_root_in_sync, printable, read_manifest
from reviewer.lockfiles.sources import split_name_spec

IMPORTER_SECTIONS: tuple[tuple[str, DepKind], ...] = (
    ("dependencies", DepKind.PROD),
    ("devDependencies", DepKind.DEV),
    ("optionalDependencies", DepKind.OPTIONAL),
)
PACKAGE_SECTIONS: tuple[tuple[str, DepKind], ...] = (
    ("dependencies", DepKind.PROD),
    ("optionalDependencies", DepKind.OPTIONAL),
)
SUPPORTED = "6.x and 9.0"


def parse(path: Path, text: str) -> Graph:
    """Parse a pnpm-lock.yaml. Raises LockfileError."""
    doc = load_yaml(path, text)
    data = doc.data
    if data is None:
        raise LockfileError(path, "empty file")
    if not isinstance(data, dict):
        raise LockfileError(path, "not a YAML mapping: not a pnpm-lock.yaml")
    version = data.get("lockfileVersion")
    if version is None:
        raise LockfileError(path, "no lockfileVersion: not a pnpm-lock.yaml written by pnpm")
    if not isinstance(version, str) or not (version.startswith("6.") or version == "9.0"):
        shown = printable(str(version))[:40]
        raise LockfileError(
            path,
            f"unknown lockfileVersion {shown} (reviewer reads {SUPPORTED})",
            doc.line("lockfileVersion"),
        )
    builder = _Builder(path, doc, v6=version.startswith("6."))
    graph = builder.build(Graph(LockfileInfo(path=path, format="pnpm", version=version)))
    return graph


class _Builder:
    """Builds a Graph from the loaded document (both versions; `v6` selects the key rules)."""

    def __init__(self, path: Path, doc: YamlDocument, v6: bool) -> None:
        self.path = path
        self.doc = doc
        self.data: dict[str, Any] = doc.data
        self.v6 = v6
        self.keys: dict[str, str] = {}
        """Dependency path without peer suffix (and without v6's leading `/`) -> package key."""
        self.graph: Graph
        self.root_peers: dict[str, str] = {}
        """The root package.json's peerDependencies (not compared by the sync check)."""

    def build(self, graph: Graph) -> Graph:
        self.graph = graph
        packages = self._mapping(self.data, "packages", ())
        for dep_path, entry in packages.items():
            self._add_package(dep_path, entry)
        if self.v6:
            for dep_path, entry in packages.items():
                self._add_package_edges("packages", dep_path, entry or {}, entry or {})
        else:
            self._add_snapshot_edges(packages)
        root_declared = self._add_importers()
        derive_flags(graph)
        if self.v6:
            self._apply_recorded_flags(packages)
        if root_declared is not None:
            # pnpm records the root's peerDependencies only when it installs them
            for name, spec in self.root_peers.items():
                root_declared.setdefault(name, spec)
            check_root_in_sync(self.path, root_declared)
        return graph

    # -- packages ---------------------------------------------------------------------------

    def _add_package(self, dep_path: str, entry: Any) -> None:
        line = self.doc.line("packages", dep_path)
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            raise self._error(f"packages entry {printable(dep_path)} is not a mapping", line)
        name, version = self._identity(dep_path, entry, line)
        resolution = entry.get("resolution")
        if resolution is None:
            raise self._error(
                f"packages entry {printable(dep_path)} has no resolution (truncated or edited file?)",
                line,
            )
        if not isinstance(resolution, dict):
            raise self._error(
                f"packages entry {printable(dep_path)}: resolution is not a mapping", line
            )
        integrity, resolved, source = origin(resolution)
        requires_build = entry.get("requiresBuild")
        has_install_script = True if is_true(requires_build) else (False if self.v6 else None)
        package = self.graph.add_package(
            Package(
                name=name,
                version=version,
                integrity=integrity,
                resolved=resolved,
                source=source,
                os=strings(entry.get("os")),
                cpu=strings(entry.get("cpu")),
                has_install_script=has_install_script,
                line=line,
            )
        )
        self.keys[base_path(dep_path, self.v6)] = package.key

    def _identity(self, dep_path: str, entry: dict[str, Any], line: int | None) -> tuple[str, str]:
        """(name, version) of a packages key; entries of non-registry packages name themselves."""
        base = base_path(dep_path, self.v6)
        name, ref = split_name_spec(base)
        named = entry.get("name")
        versioned = entry.get("version")
        if isinstance(named, str) and named:
            name = named
        if isinstance(versioned, str) and versioned:
            ref = versioned
        elif ref.startswith("npm:"):
            name, ref = split_name_spec(ref[4:])
        if self.v6 and not dep_path.startswith("/") and not (isinstance(named, str) and named):
            raise self._error(f"packages entry {printable(dep_path)} has no name", line)
        if not name or not ref:
            raise self._error(f"packages key {printable(dep_path)} is not name@version", line)
        return name, ref

    def _apply_recorded_flags(self, packages: dict[str, Any]) -> None:
        """Version 6's `dev` / `optional`: a package is dev only if every peer variant is."""
        recorded: dict[str, tuple[bool, bool]] = {}
        for dep_path, entry in packages.items():
            key = self.keys[base_path(dep_path, self.v6)]
            dev, optional = (
                is_true((entry or {}).get("dev")),
                is_true((entry or {}).get("optional")),
            )
            held_dev, held_optional = recorded.get(key, (True, True))
            recorded[key] = (held_dev and dev, held_optional and optional)
        for key, (dev, optional) in recorded.items():
            self.graph.packages[key].dev = dev
            self.graph.packages[key].optional = optional

    # -- edges between packages ---------------------------------------------------------------

    def _add_snapshot_edges(self, packages: dict[str, Any]) -> None:
        snapshots = self._mapping(self.data, "snapshots", ())
        seen: set[str] = set()
        for snapshot_key, snapshot in snapshots.items():
            base = base_path(snapshot_key, v6=False)
            if base not in self.keys:
                raise self._error(
                    f"snapshot {printable(snapshot_key)} has no entry in packages (truncated or edited file?)",
                    self.doc.line("snapshots", snapshot_key),
                )
            seen.add(base)
            metadata = packages.get(base) or {}
            self._add_package_edges("snapshots", snapshot_key, snapshot or {}, metadata)
        for dep_path in packages:
            if base_path(dep_path, v6=False) not in seen:
                raise self._error(
                    f"packages entry {printable(dep_path)} has no snapshot (truncated or edited file?)",
                    self.doc.line("packages", dep_path),
                )

    def _add_package_edges(
        self, section: str, key: str, entry: Any, metadata: dict[str, Any]
    ) -> None:
        line = self.doc.line(section, key)
        if not isinstance(entry, dict):
            raise self._error(f"{section} entry {printable(key)} is not a mapping", line)
        source = self.keys[base_path(key, self.v6)]
        peers = metadata.get("peerDependencies")
        peers = peers if isinstance(peers, dict) else {}
        for dep_section, kind in PACKAGE_SECTIONS:
            for name, ref in self._dependency_refs(entry, dep_section, key, line):
                peer_range = peers.get(name)
                target = self._target(".", name, ref, f"{printable(key)}", line)
                edge_kind = DepKind.PEER if isinstance(peer_range, str) else kind
                spec = (
                    peer_range
                    if isinstance(peer_range, str)
                    else edge_spec(name, target, self.graph)
                )
                self._add_edge(source, target, name, spec, edge_kind)

    def _dependency_refs(
        self, entry: dict[str, Any], section: str, owner: str, line: int | None
    ) -> Iterator[tuple[str, str]]:
        deps = entry.get(section)
        if deps is None:
            return
        if not isinstance(deps, dict):
            raise self._error(f"{printable(owner)}: {section} is not a mapping", line)
        for name, ref in deps.items():
            if not isinstance(ref, str):
                raise self._error(
                    f"{printable(owner)}: {section} {printable(name)} is not a string", line
                )
            yield name, ref

    def _target(self, importer: str, name: str, ref: str, owner: str, line: int | None) -> str:
        """The node a dependency reference points at; `importer` resolves `link:` paths."""
        if ref.startswith("link:"):
            target_path = posixpath.normpath(posixpath.join(importer, ref[5:]))
            if target_path in self.graph.importers or target_path in self._importer_paths():
                return importer_node(target_path)
            package = self.graph.add_package(
                Package(name=name, version=ref, resolved=target_path, source=Source.LINK)
            )
            return package.key
        base = base_path(dep_path_of(ref, name, self.v6), self.v6)
        key = self.keys.get(base)
        if key is None:
            raise self._error(
                f"{owner} depends on {printable(name)} {printable(ref)}, "
                "which has no entry in packages (truncated or edited file?)",
                line,
            )
        return key

    def _add_edge(self, source: str, target: str, name: str, spec: str, kind: DepKind) -> None:
        add_edge(self.graph, Edge(source=source, target=target, name=name, spec=spec, kind=kind))

    # -- importers ----------------------------------------------------------------------------

    def _importer_paths(self) -> dict[str, Any]:
        importers = self.data.get("importers")
        if isinstance(importers, dict):
            return importers
        return {".": self.data}

    def _add_importers(self) -> dict[str, str] | None:
        """Add importers and their edges; returns the root importer's declared names -> specs."""
        if "importers" in self.data:
            importers = self._mapping(self.data, "importers", ())
        else:
            importers = {".": self.data}
        for importer_path in importers:
            self.graph.add_importer(self._importer(importer_path))
        root_declared: dict[str, str] | None = None
        for importer_path, entry in importers.items():
            line = self.doc.line("importers", importer_path)
            if entry is None:
                entry = {}
            if not isinstance(entry, dict):
                raise self._error(f"importer {printable(importer_path)} is not a mapping", line)
            declared = self._add_importer_edges(importer_path, entry, line)
            if importer_path == ".":
                root_declared = declared
        return root_declared

    def _importer(self, importer_path: str) -> Importer:
        manifest_path = self.path.parent / importer_path / MANIFEST_NAME
        try:
            manifest = read_manifest(manifest_path)
        except LockfileError:
            manifest = None
        if manifest is None:
            return Importer(path=importer_path)
        if importer_path == ".":
            self.root_peers = manifest.sections.get("peerDependencies", {})
        return Importer(path=importer_path, name=manifest.name, version=manifest.version)

    def _add_importer_edges(
        self, importer_path: str, entry: dict[str, Any], line: int | None
    ) -> dict[str, str]:
        declared: dict[str, str] = {}
        source = importer_node(importer_path)
        owner = f"importer {printable(importer_path)}"
        for section, kind in IMPORTER_SECTIONS:
            deps = entry.get(section)
            if deps is None:
                continue
            section_line = line if line is not None else self.doc.line(section)
            if not isinstance(deps, dict):
                raise self._error(f"{owner}: {section} is not a mapping", section_line)
            for name, dep in deps.items():
                if not isinstance(dep, dict):
                    raise self._error(
                        f"{owner}: {section} {printable(name)} is not a mapping", section_line
                    )
                specifier, ref = dep.get("specifier"), dep.get("version")
                if not isinstance(ref, str) or not isinstance(specifier, str):
                    raise self._error(
                        f"{owner}: {section} {printable(name)} needs string specifier and version",
                        section_line,
                    )
                target = self._target(importer_path, name, ref, owner, section_line)
                self._add_edge(source, target, name, specifier, kind)
                declared[name] = specifier
        return declared

    # -- helpers ------------------------------------------------------------------------------

    def _mapping(self, data: dict[str, Any], key: str, keys: tuple[str, ...]) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self._error(f"{key} is not a mapping", self.doc.line(*keys, key))
        return value

    def _error(self, fault: str, line: int | None) -> LockfileError:
        return LockfileError(self.path, fault, line)
