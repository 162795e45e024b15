"""`reviewer tree [PATH]`: the dependency tree as text, like `npm ls --all`."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.common import add_path_argument, load_project_graph
from reviewer.graph import Graph
from reviewer.graph.model import Edge, is_importer_node
from reviewer.text_safety import one_line

MAX_DRAWN_LEVELS = 100
"""Deeper levels keep the indentation of this one and say their level: a chain 100,000
deep would otherwise print gigabytes of tree lines."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path_argument(parser)
    parser.add_argument("--depth", type=int, default=None, metavar="N",
                        help="stop after N levels below each importer")


def run(args: argparse.Namespace) -> int:
    graph = load_project_graph(args)
    out = sys.stdout
    for line in render_tree(graph, args.depth):
        out.write(line + "\n")
    return 0


def render_tree(graph: Graph, depth: int | None = None) -> list[str]:
    """Importers, then their dependencies; a subtree already printed is shown once and
    marked `(deduped)` afterwards, as npm ls does."""
    lines: list[str] = []
    printed: set[str] = set()
    for importer in sorted(graph.importers.values(), key=lambda i: i.path):
        lines.append(one_line(importer.label))
        _children(graph, importer.node, "", 1, depth, printed, lines)
    return lines


def _children(
    graph: Graph, node: str, prefix: str, level: int, depth: int | None,
    printed: set[str], lines: list[str],
) -> None:
    """The lines under `node`, depth first, with an explicit stack: a dependency chain
    100,000 deep must not hit Python's recursion limit."""
    stack = [(_sorted_edges(graph, node), prefix, level)]
    while stack:
        edges, prefix, level = stack[-1]
        if not edges:
            stack.pop()
            continue
        edge = edges.pop()
        last = not edges
        branch = "└── " if last else "├── "
        label = graph.label(edge.target)
        if is_importer_node(edge.target):
            label = f"{edge.name} -> {label} (workspace)"
        elif edge.name != label.rsplit("@", 1)[0]:
            label = f"{edge.name} -> {label}"
        tags = [str(edge.kind)] if edge.kind != "prod" else []
        seen = edge.target in printed or is_importer_node(edge.target)
        if seen and not is_importer_node(edge.target) and graph.dependencies(edge.target):
            tags.append("deduped")
        suffix = f" ({', '.join(tags)})" if tags else ""
        drawn = prefix if level <= MAX_DRAWN_LEVELS else f"{prefix}[level {level}] "
        lines.append(one_line(f"{drawn}{branch}{label}{suffix}"))
        if seen or (depth is not None and level >= depth):
            continue
        printed.add(edge.target)
        if level < MAX_DRAWN_LEVELS:
            prefix += "    " if last else "│   "
        stack.append((_sorted_edges(graph, edge.target), prefix, level + 1))


def _sorted_edges(graph: Graph, node: str) -> list[Edge]:
    """The edges of `node` in print order, reversed: the next to print is popped last."""
    return sorted(graph.dependencies(node), key=lambda e: (e.name, e.target), reverse=True)
