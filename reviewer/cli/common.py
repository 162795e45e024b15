"""Helpers shared by command modules: the PATH argument and loading the project graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewer.graph import Graph


def add_path_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", metavar="PATH",
                        help="project directory (default: the current one)")


def project_dir(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "path", ".") or ".")


def load_project_graph(args: argparse.Namespace, *, print_notes: bool = True) -> Graph:
    """The graph of the project named on the command line, its notes printed as warnings
    (the terminal UI shows them itself). Raises LockfileError."""
    from reviewer.lockfiles import load_graph

    lockfile = Path(args.lockfile) if getattr(args, "lockfile", None) else None
    graph = load_graph(project_dir(args), lockfile)
    if print_notes:
        print_graph_notes(graph)
    return graph


def print_graph_notes(graph: Graph) -> None:
    for note in graph.notes:
        print(f"reviewer: warning: {note}", file=sys.stderr)
