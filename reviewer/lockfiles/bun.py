"""bun.lock, bun's text lockfile (JSON with trailing commas), lockfileVersion 0, 1 and 2.

`workspaces` maps a folder ("" for the root) to its declared dependencies: those are the
importers. `packages` maps an install key to an array whose first element is the
resolution `name@ref`:

    npm        ["name@1.2.3", "<registry or tarball URL, or ''>", {info}, "sha512-..."]
    workspace  ["name@workspace:packages/a"]
    git        ["name@git+https://...#sha" | "name@github:o/r#sha", {info}, "<tag>", "sha512?"]
    tarball    ["name@https://host/x.tgz" | "name@./x.tgz", {info}, "sha512?"]
    folder     ["name@file:../x", {info}]      symlink  ["name@link:x", {info}]

Keys are install paths: `a` is hoisted, `a/b` is the copy of `b` nested under `a`
(scoped names keep their slash: `@s/a/b`), and a workspace's own copies sit under its
package name (`@mono/api/zod`). A dependency `d` of key `a/b` is found like bun does:
`a/b/d`, then `a/d`, then `d`.

bun.lock does not record dev/optional/peer per package: the edges carry the manifest
section they come from and `derive_flags` sets the flags. bun 1.4 writes
`hasInstallScript: true` in a package's info; since no bun documentation promises that
every version does, its absence is not taken as False: `has_install_script` is True or
None (unknown, so the registry is asked). `bun.lockb` is refused in `detect.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.errors import LockfileError
from reviewer.graph.model import Edge, Graph, Importer, LockfileInfo, Package, Source, importer_node
from reviewer.graph.queries import derive_flags
from reviewer.lockfiles._json import checked_version, load_jsonc, member_lines
from reviewer.lockfiles.manifest import (
    check_root_in_sync,
    declared_edges,
    declared_names,
    printable,
)
from reviewer.lockfiles.npm import string_tuple
from reviewer.lockfiles.sources import source_of, split_name_spec

SUPPORTED_VERSIONS = (0, 1, 2)
_SRI_PREFIXES = ("sha512-", "sha384-", "sha256-", "sha1-")


def parse(path: Path, text: str) -> Graph:
    """Parse a bun.lock. Raises LockfileError."""
    data = load_jsonc(path, text)
    if not isinstance(data, dict):
        raise LockfileError(path, "not a JSON object")
    version = checked_version(path, text, data, SUPPORTED_VERSIONS, "bun.lock written by bun")
    workspaces = data.get("workspaces")
    if not isinstance(workspaces, dict):
        raise LockfileError(path, '"workspaces" is missing or not an object')
    packages = data.get("packages", {})
    if not isinstance(packages, dict):
        raise LockfileError(path, '"packages" is not an object')
    graph = Graph(LockfileInfo(path=path, format="bun", version=str(version)))
    lines = member_lines(text, "packages")
    prefixes = _add_importers(graph, path, text, workspaces)
    infos, node_of = _add_packages(graph, path, packages, lines)
    for folder, declaring in workspaces.items():
        source = importer_node(folder or ".")
        prefix = prefixes.get(folder)
        for name, spec, kind in declared_edges(declaring):
            found = _resolve(node_of, prefix, name) if prefix else None
            target = found or node_of.get(name)
            if target is not None:
                graph.add_edge(Edge(source, target, name, spec, kind))
    for key, info in infos.items():
        source = node_of[key]
        for name, spec, kind in declared_edges(info, include_dev=False):
            target = _resolve(node_of, key, name)
            if target is not None:
                graph.add_edge(Edge(source, target, name, spec, kind))
    derive_flags(graph)
    root = workspaces.get("")
    check_root_in_sync(path, declared_names(root) if isinstance(root, dict) else None)
    return graph


def _add_importers(
    graph: Graph, path: Path, text: str, workspaces: dict[str, Any]
) -> dict[str, str]:
    """Add an importer per workspace; return folder -> package name (its key prefix)."""
    lines = member_lines(text, "workspaces")
    prefixes: dict[str, str] = {}
    for folder, declaring in workspaces.items():
        if not isinstance(declaring, dict):
            raise LockfileError(
                path, f'workspaces entry "{printable(folder)}" is not an object', lines.get(folder)
            )
        name = declaring.get("name")
        version = declaring.get("version")
        graph.add_importer(
            Importer(
                folder or ".",
                name if isinstance(name, str) else None,
                version if isinstance(version, str) else None,
            )
        )
        if folder and isinstance(name, str):
            prefixes[folder] = name
    return prefixes


def _add_packages(
    graph: Graph, path: Path, packages: dict[str, Any], lines: dict[str, int]
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Add every package; return key -> info (for edges) and key -> node id."""
    infos: dict[str, dict[str, Any]] = {}
    node_of: dict[str, str] = {}
    for key, value in packages.items():
        line = lines.get(key)
        if not isinstance(value, list) or not value or not isinstance(value[0], str):
            raise LockfileError(
                path, f'packages entry "{printable(key)}" is not a [resolution, ...] array', line
            )
        name, ref = split_name_spec(value[0])
        if not name or not ref:
            raise LockfileError(
                path, f'packages entry "{printable(key)}" has no name@version resolution', line
            )
        if ref.startswith("workspace:"):
            folder = ref[len("workspace:") :] or "."
            graph.add_importer(Importer(folder, name))
            node_of[key] = importer_node(folder)
            continue
        if ref.startswith("root:"):
            node_of[key] = importer_node(".")
            continue
        if len(value) == 4 and isinstance(value[2], dict):  # the npm shape, by far the commonest
            info = value[2]
        else:
            info = next((v for v in value[1:] if isinstance(v, dict)), {})
        package = graph.add_package(_package(key, name, ref, value, info, line))
        node_of[key] = package.key
        infos[key] = info
    return infos, node_of


def _package(
    key: str, name: str, ref: str, value: list[Any], info: dict[str, Any], line: int | None
) -> Package:
    installed_as = _last_name(key)
    last = value[-1]
    integrity = last if isinstance(last, str) and last.startswith(_SRI_PREFIXES) else None
    source = source_of(ref, default=Source.REGISTRY)
    if source is Source.REGISTRY and not ref.startswith(("http://", "https://")):
        registry = value[1] if len(value) > 1 and isinstance(value[1], str) else ""
        resolved = registry or None
    else:
        resolved = ref
    return Package(
        name=name,
        version=ref,
        integrity=integrity,
        resolved=resolved,
        source=source,
        bundled=info.get("bundled") is True,
        has_install_script=True if info.get("hasInstallScript") is True else None,
        os=_platforms(info.get("os")),
        cpu=_platforms(info.get("cpu")),
        aliases=(installed_as,) if installed_as != name else (),
        line=line,
    )


def _platforms(value: object) -> tuple[str, ...]:
    found = string_tuple(value)
    return () if found == ("none",) else found


def _segments(key: str) -> list[str]:
    """`a/@s/b/c` -> ["a", "@s/b", "c"]."""
    parts = key.split("/")
    segments: list[str] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.startswith("@") and index + 1 < len(parts):
            segments.append(f"{part}/{parts[index + 1]}")
            index += 2
        else:
            segments.append(part)
            index += 1
    return segments


def _last_name(key: str) -> str:
    return _segments(key)[-1] if "/" in key else key


def _resolve(node_of: dict[str, str], key: str, name: str) -> str | None:
    """The node `name` resolves to from the package at `key`: `key/name`, then up, then top."""
    if "/" not in key:
        return node_of.get(f"{key}/{name}") or node_of.get(name)
    segments = _segments(key)
    for depth in range(len(segments), 0, -1):
        found = node_of.get("/".join(segments[:depth]) + "/" + name)
        if found is not None:
            return found
    return node_of.get(name)
