"""package-lock.json / npm-shrinkwrap.json: lockfileVersion 1, 2 and 3.

Versions 2 and 3 are read from the `packages` map, keyed by install location
(`node_modules/a/node_modules/b`, `packages/api`). Every key outside `node_modules` is a
project folder: the root (`""`) or a workspace / linked folder, and becomes an `Importer`.
A `link: true` entry (`node_modules/@mono/a -> packages/a`) makes edges that reach it
point at the importer of its target. A declared dependency of an entry is found the way
Node finds it: `<entry>/node_modules/<dep>`, then in each folder above.

Decisions where npm's format leaves room:
- `devOptional` packages are neither dev nor optional (some path avoids each flag).
- `hasInstallScript` absent in v2/v3 means False (npm always writes it when true);
  v1 does not record it, so v1 packages have None.
- A declared dependency with no entry (an optional or peer dependency that was not
  installed, a platform package) is skipped.
Version 1 (nested `dependencies` with `requires`) lives in `_npm_v1`.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from reviewer.errors import LockfileError
from reviewer.graph.model import (
    Graph,
    Importer,
    LockfileInfo,
    Package,
    importer_node,
)
from reviewer.lockfiles._json import checked_version, load_json, member_lines
from reviewer.lockfiles.manifest import (
    check_root_in_sync,
    declared_edges,
    declared_names,
    printable,
)
from reviewer.lockfiles.sources import source_of

SUPPORTED_VERSIONS = (1, 2, 3)
NODE_MODULES = "node_modules/"


def parse(path: Path, text: str) -> Graph:
    """Parse a package-lock.json or npm-shrinkwrap.json. Raises LockfileError."""
    data = load_json(path, text)
    if not isinstance(data, dict):
        raise LockfileError(path, "not a JSON object")
    version = checked_version(
        path, text, data, SUPPORTED_VERSIONS, "package-lock.json written by npm"
    )
    graph = Graph(LockfileInfo(path=path, format="npm", version=str(version)))
    if version == 1:
        from reviewer.lockfiles._npm_v1 import build_v1

        build_v1(graph, path, text, data)
    else:
        _build_from_packages(graph, path, text, data)
    return graph


def is_project_folder(location: str) -> bool:
    """True for the root and workspace / linked folders, False for installed packages."""
    return not location.startswith(NODE_MODULES) and "/" + NODE_MODULES not in location


def name_from_location(location: str) -> str:
    """`node_modules/a/node_modules/@s/b` -> `@s/b`."""
    at = location.rfind(NODE_MODULES)
    return location[at + len(NODE_MODULES) :] if at >= 0 else location


def parent_folder(location: str) -> str:
    """The folder whose node_modules Node searches after `location`'s own ("" at the top)."""
    at = location.rfind("/" + NODE_MODULES)
    if at >= 0:
        return location[:at]
    if location.startswith(NODE_MODULES):
        return ""
    slash = location.rfind("/")
    return location[:slash] if slash >= 0 else ""


def resolve_location(entries: dict[str, Any], location: str, name: str) -> str | None:
    """Where Node finds `name` required from the package or project folder at `location`."""
    folder = location
    while True:
        candidate = f"{folder}/{NODE_MODULES}{name}" if folder else NODE_MODULES + name
        if candidate in entries:
            return candidate
        if not folder:
            return None
        folder = parent_folder(folder)


def _build_from_packages(graph: Graph, path: Path, text: str, data: dict[str, Any]) -> None:
    entries = data.get("packages")
    if not isinstance(entries, dict):
        raise LockfileError(path, '"packages" is missing or not an object')
    lines = member_lines(text, "packages")
    for location, entry in entries.items():
        if not isinstance(entry, dict):
            raise LockfileError(
                path,
                f'packages entry "{printable(location)}" is not an object',
                lines.get(location),
            )
    node_of = _add_nodes(graph, path, entries, lines)
    workspaces = _workspace_folders(entries)
    for location, entry in entries.items():
        source = node_of.get(location)
        if source is None or entry.get("link") is True:
            continue
        for name, spec, kind in declared_edges(entry, include_dev=location in workspaces):
            found = resolve_location(entries, location, name)
            target = node_of.get(found) if found is not None else None
            if target is not None:
                graph.connect(source, target, name, spec, kind)
    root = entries.get("")
    check_root_in_sync(path, declared_names(root) if isinstance(root, dict) else None)


def _add_nodes(
    graph: Graph, path: Path, entries: dict[str, Any], lines: dict[str, int]
) -> dict[str, str]:
    """Add importers and packages; return location -> node id (links point at their target)."""
    node_of: dict[str, str] = {}
    root = entries.get("", {})
    graph.add_importer(_importer(".", root))
    node_of[""] = importer_node(".")
    links: dict[str, str] = {}
    for location, entry in entries.items():
        if not location:
            continue
        if entry.get("link") is True:
            links[location] = nonempty_str(entry.get("resolved")) or ""
        elif not is_project_folder(location):
            package = _package(path, location, entry, lines.get(location))
            node_of[location] = graph.add_package(package).key
        else:
            graph.add_importer(_importer(location, entry))
            node_of[location] = importer_node(location)
    for location, target in links.items():
        for _hop in range(len(links)):  # a link to a link: follow it to a real folder
            if target not in links:
                break
            target = links[target]
        if not target:
            fault = f'link "{printable(location)}" has no resolved target'
            raise LockfileError(path, fault, lines.get(location))
        if target not in node_of:
            graph.add_importer(Importer(target, name_from_location(location)))
            node_of[target] = importer_node(target)
        node_of[location] = node_of[target]
    return node_of


def _importer(location: str, entry: dict[str, Any]) -> Importer:
    name, version = entry.get("name"), entry.get("version")
    return Importer(location, nonempty_str(name), nonempty_str(version))


def _package(path: Path, location: str, entry: dict[str, Any], line: int | None) -> Package:
    get = entry.get  # about 11,000 calls on a large lockfile: the lookups add up
    version = get("version")
    if not isinstance(version, str) or not version:
        raise LockfileError(path, f'packages entry "{printable(location)}" has no version', line)
    installed_as = name_from_location(location)
    name = nonempty_str(get("name")) or installed_as
    resolved = nonempty_str(get("resolved"))
    return Package(
        name,
        version,
        nonempty_str(get("integrity")),
        resolved,
        source_of(resolved),
        dev=get("dev") is True,
        optional=get("optional") is True,
        peer=get("peer") is True,
        bundled=get("inBundle") is True,
        os=string_tuple(get("os")),
        cpu=string_tuple(get("cpu")),
        has_install_script=get("hasInstallScript") is True,
        license=license_text(get("license")),
        aliases=(installed_as,) if installed_as != name else (),
        line=line,
    )


def _workspace_folders(entries: dict[str, Any]) -> set[str]:
    """The root and the folders its `workspaces` globs match: the ones whose devDependencies
    npm installs (a linked `file:` folder's devDependencies are not installed)."""
    root = entries.get("", {})
    patterns = root.get("workspaces")
    if isinstance(patterns, dict):
        patterns = patterns.get("packages")
    if not isinstance(patterns, list):
        patterns = []
    globs = [p.removeprefix("./").rstrip("/") for p in patterns if isinstance(p, str)]
    folders = {""}
    for location in entries:
        if location and is_project_folder(location):
            if any(fnmatchcase(location, glob) for glob in globs):
                folders.add(location)
    return folders


def nonempty_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def string_tuple(value: object) -> tuple[str, ...]:
    """`os`/`cpu`: a list of strings or a single string, as a tuple."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def license_text(value: object) -> str | None:
    """A license string, or the `type` of an old-style `{"type": ...}` object."""
    if isinstance(value, dict):
        value = value.get("type")
    return value if isinstance(value, str) and value else None
