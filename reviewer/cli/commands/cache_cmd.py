"""`reviewer cache info|clear`: where the metadata cache is, how big, and emptying it (with
the parsed lockfiles kept beside it)."""

from __future__ import annotations

import argparse
import json
import sys

from reviewer.cli.exit_codes import ExitCode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("info", "clear"), help="show or empty the cache")
    parser.add_argument("--json", action="store_true", help="print a JSON object")


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def run(args: argparse.Namespace) -> int:
    from reviewer.lockfiles import graph_cache
    from reviewer.paths import cache_dir
    from reviewer.registry.cache import MetadataCache

    def warn(message: str) -> None:
        print(f"reviewer: warning: {message}", file=sys.stderr)

    root = cache_dir(args.cache_dir)
    cache = MetadataCache(root, warn=warn)
    try:
        info = cache.clear() if args.action == "clear" else cache.info()
    finally:
        cache.close()
    graphs, graph_bytes = (graph_cache.clear if args.action == "clear" else graph_cache.info)(root)
    if args.json:
        json.dump({"location": str(info.location), "documents": info.documents,
                   "size_bytes": info.size_bytes, "cleared": args.action == "clear",
                   "graphs_location": str(graph_cache.folder(root)), "graphs": graphs,
                   "graphs_size_bytes": graph_bytes},
                  sys.stdout)
        sys.stdout.write("\n")
    elif args.action == "clear":
        print(f"removed {info.documents} documents ({human_size(info.size_bytes)}) "
              f"from {info.location}")
        print(f"removed {graphs} parsed lockfiles ({human_size(graph_bytes)}) "
              f"from {graph_cache.folder(root)}")
    else:
        print(f"location: {info.location}\ndocuments: {info.documents}\n"
              f"size: {human_size(info.size_bytes)}\n"
              f"parsed lockfiles: {graphs} ({human_size(graph_bytes)}) in "
              f"{graph_cache.folder(root)}")
    return ExitCode.OK
