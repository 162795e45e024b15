"""Parsed lockfiles kept on disk: the graph of a lockfile already parsed is rebuilt from
plain data (`graph.serial`) instead of parsed again, several times faster on a large
lockfile (a 10,000-entry package-lock.json: about 60 ms against 300 ms).

A cached graph is used only when all of these are what they were when it was parsed:
- the lockfile's bytes (its SHA-256 is part of the entry's name), its path as given, and
  the parser chosen for it;
- the parser's code (a digest of `reviewer/lockfiles`, `reviewer/graph` and the modules
  they use) and the Python version;
- every other thing the parse read (`reads`): each package.json's bytes, each workspace
  glob's matches, each folder test.
Anything else (an entry of another shape, a checksum that does not match, a file that
cannot be read) means "not cached": the lockfile is parsed, as it would be without a cache.

Entries are JSON (orjson), never pickle, so a cache file cannot run code; each starts with
the SHA-256 of the rest. They are written atomically, after a parse, into
`<cache root>/graphs-v1/`; the `KEEP` most recently used are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from reviewer.fileio import FileWriteError, atomic_write_bytes
from reviewer.graph.model import Graph
from reviewer.graph.serial import graph_from_data, graph_to_data
from reviewer.lockfiles import reads

FOLDER = "graphs-v1"
KEEP = 32
"""Entries kept (each lockfile version parsed is one; a 10,000-entry one takes 2 MB)."""
_SUFFIX = ".json"


def folder(cache_root: Path) -> Path:
    return cache_root / FOLDER


@cache
def parser_version() -> str:
    """The code that turns a lockfile into a Graph, and the Python that ran it."""
    from reviewer.source_digest import source_digest

    code = source_digest("lockfiles", "graph", "__init__.py", "errors.py", "jsontext.py",
                         "jsonvalues.py", "text_safety.py", "semver.py")
    return f"{code}-{sys.version_info[0]}.{sys.version_info[1]}"


def entry_path(cache_root: Path, lockfile: Path, parser: str, data: bytes) -> Path:
    key = hashlib.sha256()
    for part in (parser_version(), parser, str(lockfile)):
        key.update(part.encode("utf-8", "surrogateescape") + b"\0")
    key.update(hashlib.sha256(data).digest())
    return folder(cache_root) / (key.hexdigest()[:40] + _SUFFIX)


def cached_graph(entry: Path) -> Graph | None:
    """The graph kept in `entry`, if it is whole and everything else the parse read is
    unchanged; None otherwise."""
    try:
        raw = entry.read_bytes()
    except OSError:
        return None
    checksum, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != checksum:
        return None
    try:
        noted, data = orjson.loads(body)
        if not reads.still_answered(noted):
            return None
        graph = graph_from_data(data)
    except (orjson.JSONDecodeError, ValueError, KeyError, TypeError, IndexError):
        return None
    with contextlib.suppress(OSError):  # most recently used: kept longest
        os.utime(entry)
    return graph


_later: list[Callable[[], None]] | None = None
"""Entries to write when `write_now()` is called (`write_later()`); None: at once."""


def write_later() -> None:
    """Keep the entries of graphs parsed from now on until `write_now()`: the terminal UI
    writes them once its first screen is drawn (35 ms for a 10,000-entry lockfile)."""
    global _later
    if _later is None:
        _later = []


def write_now() -> None:
    """Write the entries kept by `write_later()`, and write at once from now on."""
    global _later
    pending, _later = _later or [], None
    for write in pending:
        write()


def parse_and_keep(entry: Path, parse: Callable[[], Graph]) -> Graph:
    """`parse()`, noting what it reads, and the result kept in `entry` (a cache: a write
    that fails is given up silently)."""
    with reads.recording() as noted:
        graph = parse()
    notes = list(graph.notes)  # as parsed: the caller adds its own (the lockfiles ignored)

    def write() -> None:
        _write(entry, reads.as_list(noted), graph, notes)

    if _later is not None:
        _later.append(write)
    else:
        write()
    return graph


def _write(entry: Path, noted: list[list[Any]], graph: Graph, notes: list[str]) -> None:
    try:
        body = orjson.dumps([noted, graph_to_data(graph, notes=notes)])
    except orjson.JSONEncodeError:  # e.g. a path that is not UTF-8: not kept
        return
    checksum = hashlib.sha256(body).hexdigest().encode()
    with contextlib.suppress(OSError, FileWriteError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, checksum + b"\n" + body, durable=False)
        _prune(entry.parent)


def _prune(where: Path) -> None:
    by_use = sorted(((os.stat(p).st_mtime, p) for p, _ in _entries(where)), reverse=True)
    for _, path in by_use[KEEP:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _entries(where: Path) -> list[tuple[Path, int]]:
    """Each kept graph with its size (those that vanish meanwhile left out)."""
    found = []
    for path in where.glob("*" + _SUFFIX):
        with contextlib.suppress(OSError):
            found.append((path, path.stat().st_size))
    return found


def info(cache_root: Path) -> tuple[int, int]:
    """(how many graphs are kept, their bytes)."""
    entries = _entries(folder(cache_root))
    return len(entries), sum(size for _, size in entries)


def clear(cache_root: Path) -> tuple[int, int]:
    """Delete every kept graph: (how many there were, their bytes)."""
    count = size = 0
    for path, bytes_ in _entries(folder(cache_root)):
        with contextlib.suppress(OSError):
            path.unlink()
            count, size = count + 1, size + bytes_
    return count, size
