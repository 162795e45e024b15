"""Graph-building steps shared by the YAML and yarn lockfile parsers."""

from __future__ import annotations

from reviewer.graph.model import DepKind, Edge, Graph


def add_edge(graph: Graph, edge: Edge) -> None:
    """Add `edge`; when it requires a package under another name, record that alias."""
    graph.add_edge(edge)
    package = graph.packages.get(edge.target)
    if package is not None and package.name != edge.name and edge.name not in package.aliases:
        package.aliases = (*package.aliases, edge.name)


def link_unreached_to_root(graph: Graph, root: str) -> None:
    """Without a root manifest, every package that nothing depends on is a root dependency."""
    for key, package in list(graph.packages.items()):
        if not graph.dependents(key):
            graph.add_edge(Edge(root, key, package.name, package.version, DepKind.PROD))
