"""A Graph as plain data (lists, strings, numbers, booleans, None) and back, for the cache
of parsed lockfiles (`reviewer.lockfiles.graph_cache`): rebuilding a Graph from this data
takes a fraction of parsing the lockfile again.

`graph_from_data(graph_to_data(g))` holds the same packages, importers, edges (in the same
order), notes and lockfile as `g`, and answers every query the same way.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from reviewer.graph.model import DepKind, Edge, Graph, Importer, LockfileInfo, Package, Source

FORMAT = 1
"""Bumped when the shape below changes."""

_PACKAGE_FIELDS = tuple(f.name for f in fields(Package))
_SOURCE_AT = _PACKAGE_FIELDS.index("source")
_TUPLE_FIELDS = tuple(i for i, name in enumerate(_PACKAGE_FIELDS) if name in ("os", "cpu", "aliases"))
_SOURCES = {source.value: source for source in Source}
_KINDS = {kind.value: kind for kind in DepKind}


def graph_to_data(graph: Graph, *, notes: list[str] | None = None) -> list[Any]:
    """`notes`: instead of the graph's own."""
    info = graph.lockfile
    packages = []
    for package in graph.packages.values():
        row = [getattr(package, name) for name in _PACKAGE_FIELDS]
        row[_SOURCE_AT] = package.source.value
        packages.append(row)
    return [
        FORMAT,
        [str(info.path), info.format, info.version],
        packages,
        [[i.path, i.name, i.version] for i in graph.importers.values()],
        [[e.source, e.target, e.name, e.spec, e.kind.value] for e in graph.edges],
        list(graph.notes if notes is None else notes),
    ]


def graph_from_data(data: Any) -> Graph:
    """Raises ValueError, KeyError, TypeError or IndexError on data of another shape."""
    version, info, packages, importers, edges, notes = data
    if version != FORMAT:
        raise ValueError(f"graph data format {version!r}, not {FORMAT}")
    path, format_, lockfile_version = info
    graph = Graph(LockfileInfo(Path(path), format_, lockfile_version), notes=list(notes))
    if len(_PACKAGE_FIELDS) != len(packages[0] if packages else _PACKAGE_FIELDS):
        raise ValueError("package rows of another shape")
    held = graph.packages
    for row in packages:
        row[_SOURCE_AT] = _SOURCES[row[_SOURCE_AT]]
        for at in _TUPLE_FIELDS:
            row[at] = tuple(row[at])
        package = Package(*row)
        held[package.key] = package
    for path, name, version in importers:
        graph.importers[path] = Importer(path, name, version)
    kinds = _KINDS
    graph.hold_distinct([Edge(source, target, name, spec, kinds[kind])
                         for source, target, name, spec, kind in edges])
    return graph
