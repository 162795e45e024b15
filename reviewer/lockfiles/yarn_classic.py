"""yarn.lock written by yarn classic ("# yarn lockfile v1").

The format is yarn's own, not YAML: an entry is a header line of comma-separated
descriptors (`"a@^1", a@~1.2:`), then `key value` lines indented by two spaces, and
`dependencies:` / `optionalDependencies:` blocks whose `name "range"` lines are indented
by four. Strings are JSON-quoted when they need to be. A small line parser reads it.

The lockfile records no importers: the root importer and the workspaces come from the
project's package.json files, and their declared dependencies are matched against the
lockfile's descriptors (`name@range`). A declared dependency with no descriptor means the
lockfile is out of sync with package.json (peer dependencies excepted: yarn classic does
not install them). Without a package.json next to the lockfile, every package that no
other package depends on is taken as a dependency of the root.

Decisions: dev/optional/peer are derived from the edges; `resolved` URLs ending in
`#<sha1>` give a `sha1-` integrity when there is no `integrity` field (the fragment is
dropped from the stored tarball URL); `npm:` alias descriptors resolve to the real name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.errors import LockfileError
from reviewer.graph.model import DepKind, Edge, Graph, LockfileInfo, Package, Source, importer_node
from reviewer.graph.queries import derive_flags
from reviewer.lockfiles._edges import add_edge, link_unreached_to_root
from reviewer.lockfiles._yaml import read_double_quoted
from reviewer.lockfiles._yarn_common import (
    add_importer,
    read_workspaces,
    sha1_from_url,
    strip_hash_fragment,
)
from reviewer.lockfiles.manifest import MANIFEST_NAME, Manifest, printable
from reviewer.lockfiles.sources import GIT_PREFIXES, npm_alias, source_of, split_name_spec

MARKER = "# yarn lockfile v1"
_PROTOCOL_RANGES = (
    *GIT_PREFIXES,
    "ssh://",
    "http://",
    "https://",
    "file:",
    "link:",
    "./",
    "../",
    "/",
)
"""Ranges that name a source rather than a semver range (`~1.2` is a range, `~/x` is not used)."""
ENTRY_SECTIONS: tuple[tuple[str, DepKind], ...] = (
    ("dependencies", DepKind.PROD),
    ("optionalDependencies", DepKind.OPTIONAL),
)


@dataclass(slots=True)
class _Entry:
    descriptors: list[str]
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    sections: dict[str, dict[str, str]] = field(default_factory=dict)


def parse(path: Path, text: str) -> Graph:
    """Parse a yarn classic lockfile. Raises LockfileError."""
    entries = _read_entries(path, text)
    graph = Graph(LockfileInfo(path=path, format="yarn-classic", version="v1"))
    by_descriptor: dict[str, str] = {}
    for entry in entries:
        package = graph.add_package(_package(path, entry))
        for descriptor in entry.descriptors:
            by_descriptor[descriptor] = package.key
    for entry in entries:
        source = by_descriptor[entry.descriptors[0]]
        for section, kind in ENTRY_SECTIONS:
            for name, range_ in entry.sections.get(section, {}).items():
                target = by_descriptor.get(f"{name}@{range_}")
                if target is None:
                    raise LockfileError(
                        path,
                        f"{printable(source)} depends on {printable(name)}@{printable(range_)}, "
                        "which has no entry (truncated or edited file?)",
                        entry.line,
                    )
                add_edge(graph, Edge(source, target, name, range_, kind))
    _add_importers(path, graph, by_descriptor)
    derive_flags(graph)
    return graph


# -- reading the text --------------------------------------------------------------------------


def _read_entries(path: Path, text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    section: dict[str, str] | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r ")
        stripped = line.lstrip(" ")
        if not stripped or stripped[0] == "#":
            continue
        indent = len(line) - len(stripped)
        try:
            if indent == 0:
                if stripped[-1] != ":":
                    raise ValueError("expected an entry header ending in ':'")
                current = _Entry(_descriptors(stripped[:-1]), number)
                entries.append(current)
                section = None
            elif indent == 2 and current is not None:
                key, value = _pair(stripped)
                if value is None:
                    section = current.sections.setdefault(key, {})
                else:
                    current.fields[key] = value
                    section = None
            elif indent == 4 and section is not None:
                key, value = _pair(stripped)
                if value is None:
                    raise ValueError(f"unexpected nested block {printable(key)}")
                section[key] = value
            else:
                raise ValueError("unexpected indentation")
        except ValueError as error:
            raise LockfileError(path, f"malformed yarn.lock: {error}", number) from None
    for entry in entries:
        if "version" not in entry.fields:
            raise LockfileError(
                path,
                f"entry {printable(entry.descriptors[0])} has no version (truncated file?)",
                entry.line,
            )
    return entries


def _descriptors(header: str) -> list[str]:
    """The comma-separated descriptors of an entry header (without the final colon)."""
    found: list[str] = []
    pos = 0
    size = len(header)
    while pos < size:
        if header[pos] == '"':
            value, pos = _quoted(header, pos)
        else:
            end = header.find(",", pos)
            end = size if end < 0 else end
            value, pos = header[pos:end].strip(" "), end
        if not value:
            raise ValueError("empty descriptor in entry header")
        found.append(value)
        while pos < size and header[pos] == " ":
            pos += 1
        if pos < size:
            if header[pos] != ",":
                raise ValueError("expected ',' between descriptors")
            pos += 1
            while pos < size and header[pos] == " ":
                pos += 1
    if not found:
        raise ValueError("entry header without descriptors")
    return found


def _pair(text: str) -> tuple[str, str | None]:
    """`key value` or `"key" "value"` -> (key, value); `key:` -> (key, None).

    Keys never hold spaces (they are field names and package names), so the first space
    ends the key.
    """
    key, space, value = text.partition(" ")
    if not space:
        if key[-1:] != ":" or len(key) < 2:
            raise ValueError("expected `key value` or `key:`")
        return _string(key[:-1]), None
    value = value.strip(" ")
    if not value:
        raise ValueError(f"expected a value after {printable(key)}")
    return _string(key), _string(value)


def _string(token: str) -> str:
    """A token as written: JSON-quoted or bare."""
    if token[0] != '"':
        if '"' in token:
            raise ValueError("unexpected quote")
        return token
    if len(token) < 2 or token[-1] != '"':
        raise ValueError("unterminated string")
    body = token[1:-1]
    if "\\" in body or '"' in body:
        try:
            return str(json.loads(token))
        except ValueError:
            raise ValueError("malformed string") from None
    return body


def _quoted(text: str, start: int) -> tuple[str, int]:
    found = read_double_quoted(text, start)
    if found is None:
        raise ValueError("unterminated or malformed string")
    return found


# -- building the graph ------------------------------------------------------------------------


def _package(path: Path, entry: _Entry) -> Package:
    descriptor = entry.descriptors[0]
    name, range_ = split_name_spec(descriptor)
    alias = npm_alias(range_)
    if alias is not None:
        name, range_ = alias
    if not name:
        raise LockfileError(path, f"entry {printable(descriptor)} is not name@range", entry.line)
    resolved = entry.fields.get("resolved")
    integrity = entry.fields.get("integrity") or sha1_from_url(resolved)
    source = source_of(range_) if range_.startswith(_PROTOCOL_RANGES) else Source.REGISTRY
    if source is Source.REGISTRY:
        source = source_of(resolved)
    if resolved is not None:
        resolved = strip_hash_fragment(resolved)
    elif source in (Source.FILE, Source.LINK):
        resolved = range_.split(":", 1)[1]
    return Package(
        name=name,
        version=entry.fields["version"],
        integrity=integrity,
        resolved=resolved,
        source=source,
        line=entry.line,
    )


def _add_importers(path: Path, graph: Graph, by_descriptor: dict[str, str]) -> None:
    workspaces = read_workspaces(path)
    root = add_importer(graph, ".", workspaces.root)
    if workspaces.root is None:
        link_unreached_to_root(graph, root)
        return
    names = workspaces.by_name
    for workspace_path, manifest in workspaces.by_path.items():
        add_importer(graph, workspace_path, manifest)
    _add_manifest_edges(path, graph, root, workspaces.root, MANIFEST_NAME, by_descriptor, names)
    for workspace_path, manifest in workspaces.by_path.items():
        _add_manifest_edges(
            path,
            graph,
            importer_node(workspace_path),
            manifest,
            f"{workspace_path}/{MANIFEST_NAME}",
            by_descriptor,
            names,
        )


def _add_manifest_edges(
    path: Path,
    graph: Graph,
    source: str,
    manifest: Manifest,
    label: str,
    by_descriptor: dict[str, str],
    workspace_names: dict[str, str],
) -> None:
    for name, spec, kind in manifest.edges():
        target = by_descriptor.get(f"{name}@{spec}")
        if target is None and name in workspace_names:
            target = importer_node(workspace_names[name])
        if target is None:
            if kind is DepKind.PEER:
                continue
            raise LockfileError(
                path,
                f"lockfile out of sync with package.json: {label} requires "
                f"{printable(name)}@{printable(spec)}, which yarn.lock does not have",
            )
        add_edge(graph, Edge(source, target, name, spec, kind))


def is_classic(text: str) -> bool:
    """Whether `text` starts like a yarn classic lockfile."""
    return MARKER in text[:1024]
