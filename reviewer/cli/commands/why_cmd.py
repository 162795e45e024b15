"""`reviewer why NAME[@VERSION] [PATH] [--all]`: every shortest path from an importer to a
package; with `--all`, every dependent chain (like `npm explain`)."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.common import load_project_graph
from reviewer.errors import UsageError
from reviewer.graph.queries import why, why_all

ALL_LIMIT = 1000
"""`--all` stops after this many chains (a popular package can have millions)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", metavar="NAME[@VERSION]", help="the package to explain")
    parser.add_argument("path", nargs="?", default=".", metavar="PATH",
                        help="project directory (default: the current one)")
    parser.add_argument("--json", action="store_true", help="print the paths as JSON")
    parser.add_argument("--all", action="store_true", dest="all_paths",
                        help="every dependent chain, not only the shortest ones (like npm explain)")


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
    if args.all_paths:
        result = {p.key: why_all(graph, p.key, ALL_LIMIT) for p in packages}
    else:
        result = {p.key: why(graph, p.key) for p in packages}
    if args.json:
        import json

        labelled = {k: [[graph.label(n) for n in path] for path in v] for k, v in result.items()}
        json.dump(labelled, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    from reviewer.lockfiles.manifest import printable

    for key, paths in result.items():
        count = ""
        if args.all_paths:
            count = (f" (more than {ALL_LIMIT} chains; the first {ALL_LIMIT} found)"
                     if len(paths) >= ALL_LIMIT else
                     f" ({len(paths)} chain{'s' if len(paths) != 1 else ''})")
        sys.stdout.write(f"{printable(key)}{count}\n")
        if not paths:
            sys.stdout.write("  (not reachable from any importer)\n")
        for path in paths:
            sys.stdout.write("  " + printable(" > ".join(graph.label(n) for n in path)) + "\n")
    return 0
