"""`reviewer why NAME[@VERSION] [PATH]`: every shortest path from an importer to a package."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.common import load_project_graph
from reviewer.errors import UsageError
from reviewer.graph.queries import why
from reviewer.text_safety import one_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", metavar="NAME[@VERSION]", help="the package to explain")
    parser.add_argument("path", nargs="?", default=".", metavar="PATH",
                        help="project directory (default: the current one)")
    parser.add_argument("--json", action="store_true", help="print the paths as JSON")


def split_spec(spec: str) -> tuple[str, str | None]:
    """`name`, `name@1.2.3`, `@scope/name`, `@scope/name@1.2.3`."""
    at = spec.rfind("@")
    if at > 0:
        return spec[:at], spec[at + 1 :] or None
    return spec, None


def run(args: argparse.Namespace) -> int:
    graph = load_project_graph(args)
    name, version = split_spec(args.spec)
    packages = graph.find(name, version)
    if not packages:
        raise UsageError(f"{args.spec} is not in {graph.lockfile.path}")
    result = {p.key: why(graph, p.key) for p in packages}
    if args.json:
        import json

        labelled = {k: [[graph.label(n) for n in path] for path in v] for k, v in result.items()}
        json.dump(labelled, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    for key, paths in result.items():
        sys.stdout.write(f"{one_line(key)}\n")
        if not paths:
            sys.stdout.write("  (not reachable from any importer)\n")
        for path in paths:
            sys.stdout.write("  " + " > ".join(one_line(graph.label(n)) for n in path) + "\n")
    return 0
