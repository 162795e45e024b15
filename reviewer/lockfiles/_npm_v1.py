"""package-lock.json lockfileVersion 1: a nested `dependencies` tree with `requires`.

Each entry's `requires` names are resolved as Node would from that entry's place in the
tree: its own nested `dependencies`, then its siblings, then each enclosing level up to
the top. v1 does not say which requires are optional: an edge is optional when its target
is optional and its source is not. The root's own dependencies are not in a v1 lockfile;
they come from the package.json next to it, or, without one, are taken to be the top-level
entries that nothing else requires.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reviewer.errors import LockfileError
from reviewer.graph.model import DepKind, Edge, Graph, Importer, Package, Source, importer_node
from reviewer.lockfiles._json import line_of_offsets, opening_keys
from reviewer.lockfiles.manifest import MANIFEST_NAME, check_root_in_sync, printable, read_manifest
from reviewer.lockfiles.npm import license_text, nonempty_str, string_tuple
from reviewer.lockfiles.sources import TARBALL_SUFFIXES, npm_alias, source_of

Scopes = tuple[dict[str, Any], ...]


class _KeyLines:
    """Lines of `"name": {` keys, consumed in document order as the tree is walked."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._keys, self._offsets = opening_keys(text)
        self._lines = line_of_offsets(text, self._offsets)
        self._next = 0

    def take(self, name: str) -> int | None:
        for index in range(self._next, len(self._keys)):
            if self._keys[index] == name:
                self._next = index + 1
                return self._lines[index]
        return None

    def of_value(self, name: str, depth: int) -> int | None:
        """Line of the entry `"name":` at nesting `depth` (1 = top level) after the last key
        taken, found by npm's indentation; for an entry that is not an object."""
        first_key = re.search(r'^([ \t]+)"', self._text, re.MULTILINE)
        if first_key is None:
            return None
        indent = first_key.group(1) * (2 * depth)
        start = self._offsets[self._next - 1] if self._next else 0
        pattern = re.compile(rf'^{indent}"{re.escape(name)}"[ \t]*:', re.MULTILINE)
        found = pattern.search(self._text, start)
        return None if found is None else self._text.count("\n", 0, found.start()) + 1


def build_v1(graph: Graph, path: Path, text: str, data: dict[str, Any]) -> None:
    top = data.get("dependencies", {})
    if not isinstance(top, dict):
        raise LockfileError(path, '"dependencies" is not an object')
    graph.add_importer(
        Importer(".", nonempty_str(data.get("name")), nonempty_str(data.get("version")))
    )
    key_lines = _KeyLines(text)
    node_by_entry: dict[int, str] = {}
    placed: list[tuple[str, dict[str, Any], Scopes]] = []
    stack: list[tuple[str, Any, Scopes]] = [(n, e, (top,)) for n, e in reversed(top.items())]
    while stack:
        name, entry, scopes = stack.pop()
        if not isinstance(entry, dict):
            line = key_lines.of_value(name, len(scopes))
            raise LockfileError(
                path, f'dependencies entry "{printable(name)}" is not an object', line
            )
        line = key_lines.take(name)
        package = graph.add_package(_package(path, name, entry, line))
        node_by_entry[id(entry)] = package.key
        children = entry.get("dependencies")
        inner = scopes
        if isinstance(children, dict) and children:
            inner = (*scopes, children)
            stack.extend((n, e, inner) for n, e in reversed(children.items()))
        elif children is not None and not isinstance(children, dict):
            raise LockfileError(
                path, f'"dependencies" of "{printable(name)}" is not an object', line
            )
        placed.append((package.key, entry, inner))
    required = _add_requires_edges(graph, placed, node_by_entry)
    _add_root_edges(graph, path, top, node_by_entry, required)


def _package(path: Path, name: str, entry: dict[str, Any], line: int | None) -> Package:
    version = entry.get("version")
    if not isinstance(version, str) or not version:
        raise LockfileError(path, f'dependencies entry "{printable(name)}" has no version', line)
    real_name, aliases = name, tuple[str, ...]()
    alias = npm_alias(version)
    if alias is not None:
        real_name, version = alias
        aliases = (name,)
    resolved = nonempty_str(entry.get("resolved"))
    source = source_of(resolved)
    if source_of(version, default=Source.REGISTRY) is not Source.REGISTRY:
        source = source_of(version)
        resolved = resolved or version
        if source is Source.FILE and not version.endswith(TARBALL_SUFFIXES):
            source = Source.LINK
    return Package(
        name=real_name,
        version=version,
        integrity=nonempty_str(entry.get("integrity")),
        resolved=resolved,
        source=source,
        dev=entry.get("dev") is True,
        optional=entry.get("optional") is True,
        bundled=entry.get("bundled") is True,
        os=string_tuple(entry.get("os")),
        cpu=string_tuple(entry.get("cpu")),
        license=license_text(entry.get("license")),
        aliases=aliases,
        line=line,
    )


def _add_requires_edges(
    graph: Graph, placed: list[tuple[str, dict[str, Any], Scopes]], node_by_entry: dict[int, str]
) -> set[int]:
    """Add every entry's `requires` edges; return the ids of the entries required."""
    required: set[int] = set()
    for key, entry, scopes in placed:
        requires = entry.get("requires")
        if not isinstance(requires, dict):
            continue
        source_optional = entry.get("optional") is True
        for name, spec in requires.items():
            target = _find(scopes, name)
            if target is None:
                continue
            required.add(id(target))
            optional = target.get("optional") is True and not source_optional
            kind = DepKind.OPTIONAL if optional else DepKind.PROD
            text_spec = spec if isinstance(spec, str) else ""
            graph.add_edge(Edge(key, node_by_entry[id(target)], name, text_spec, kind))
    return required


def _find(scopes: Scopes, name: str) -> dict[str, Any] | None:
    for scope in reversed(scopes):
        found = scope.get(name)
        if isinstance(found, dict):
            return found
    return None


def _add_root_edges(
    graph: Graph,
    path: Path,
    top: dict[str, Any],
    node_by_entry: dict[int, str],
    required: set[int],
) -> None:
    root = importer_node(".")
    manifest = read_manifest(path.parent / MANIFEST_NAME)
    if manifest is None:
        for name, entry in top.items():
            if id(entry) not in required:
                kind = _kind_of_flags(entry)
                graph.add_edge(Edge(root, node_by_entry[id(entry)], name, entry["version"], kind))
        return
    for name, spec, kind in manifest.edges():
        entry = top.get(name)
        if isinstance(entry, dict):
            graph.add_edge(Edge(root, node_by_entry[id(entry)], name, spec, kind))
    # npm 6 did not install peer dependencies: only the other sections must be locked.
    peers = manifest.sections.get("peerDependencies", {})
    locked = {n: s for n, s in manifest.declared().items() if n in top or n in peers}
    check_root_in_sync(path, locked)


def _kind_of_flags(entry: dict[str, Any]) -> DepKind:
    if entry.get("dev") is True:
        return DepKind.DEV
    if entry.get("optional") is True:
        return DepKind.OPTIONAL
    return DepKind.PROD
