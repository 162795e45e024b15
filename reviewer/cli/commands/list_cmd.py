"""`reviewer list [PATH] [--json]`: every locked package."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.cli.common import add_path_argument, load_project_graph
from reviewer.graph import Graph, Package


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path_argument(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def run(args: argparse.Namespace) -> int:
    graph = load_project_graph(args)
    rows = package_rows(graph)
    if args.json:
        sys.stdout.write(json.dumps(rows, indent=1) + "\n")
    else:
        sys.stdout.write(format_table(graph, rows))
    return 0


def package_rows(graph: Graph) -> list[dict[str, object]]:
    """The JSON objects of SPEC §7 `list --json`, sorted by name then version."""
    from reviewer.graph.queries import direct_keys, importers_reaching

    direct = direct_keys(graph)
    reach = importers_reaching(graph)
    return [_row(p, p.key in direct, reach.get(p.key, [])) for p in graph.sorted_packages()]


def _row(package: Package, direct: bool, importers: list[str]) -> dict[str, object]:
    return {
        "name": package.name,
        "version": package.version,
        "integrity": package.integrity,
        "source": str(package.source),
        "resolved": package.resolved,
        "dev": package.dev,
        "optional": package.optional,
        "peer": package.peer,
        "bundled": package.bundled,
        "direct": direct,
        "importers": importers,
        "hasInstallScript": package.has_install_script,
        "license": package.license,
        "aliases": list(package.aliases),
        "os": list(package.os),
        "cpu": list(package.cpu),
    }


def format_table(graph: Graph, rows: list[dict[str, object]]) -> str:
    """Plain columns: name@version, kind, source, direct marker."""
    from reviewer.text_safety import one_line

    idents = [one_line(f"{r['name']}@{r['version']}") for r in rows]
    width = max((len(ident) for ident in idents), default=10)
    lines = []
    for row, package, ident in zip(rows, graph.sorted_packages(), idents, strict=True):
        marker = "direct" if row["direct"] else ""
        lines.append(f"{ident:<{width}}  {package.kind:<8}  {row['source']:<9}  {marker}".rstrip())
    lines.append(f"{len(rows)} packages from {one_line(graph.lockfile.path.name)}")
    return "\n".join(lines) + "\n"
