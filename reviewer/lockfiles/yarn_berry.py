"""yarn.lock written by yarn berry (2+): YAML with `__metadata.version` 6 to 10.

Each entry is keyed by the descriptors it satisfies (`"lodash@npm:^4.17.0, lodash@npm:^4.17.21"`)
and names its `resolution` locator (`lodash@npm:4.17.21`). Workspaces are entries resolved
as `name@workspace:path`; a descriptor resolved to a workspace (`@mono/shared@npm:*`) links
to that workspace's importer. `patch:` locators resolve to the underlying package.

Decisions where the format leaves room:
- `checksum` is yarn's own hash of its zip archive (`10c0/<hex>`), not the tarball's SRI
  integrity, so `integrity` stays None unless the checksum is an SRI string.
- `resolved` holds what is not the default registry: the archive URL (`__archiveUrl`),
  the git / tarball URL or path, and for patched packages the `patch:` locator (so the
  patch is visible); plain `npm:` packages have None.
- Importer edges take their kind from each workspace's package.json (the lockfile merges
  dependencies and devDependencies); dependencies marked `dependenciesMeta.optional` are
  optional edges. Peer dependencies are not resolved in the lockfile: no edges.
- dev/optional/peer flags are derived from the edges.
- `has_install_script` is True when yarn injected `node-gyp: "npm:latest"` into the entry's
  dependencies (it does so for packages that build with node-gyp: a `binding.gyp` or a
  script calling node-gyp); otherwise the lockfile does not say (None).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from reviewer.errors import LockfileError
from reviewer.graph.model import (
    IMPORTER_PREFIX,
    DepKind,
    Edge,
    Graph,
    LockfileInfo,
    Package,
    Source,
    importer_node,
    is_importer_node,
)
from reviewer.graph.queries import derive_flags
from reviewer.lockfiles._edges import add_edge, link_unreached_to_root
from reviewer.lockfiles._yaml import YamlDocument, is_true, load_yaml
from reviewer.lockfiles._yarn_common import add_importer
from reviewer.lockfiles.manifest import (
    MANIFEST_NAME,
    Manifest,
    check_root_in_sync,
    printable,
    read_manifest,
)
from reviewer.lockfiles.sources import source_of, split_name_spec

SUPPORTED_VERSIONS = range(6, 11)
METADATA = "__metadata"
NODE_GYP = "npm:latest"
"""The range yarn gives the node-gyp dependency it injects into packages that build with it."""
LOCATOR_SAFE = "!'()*"
"""Characters encodeURIComponent leaves alone (yarn encodes locators with it)."""


def parse(path: Path, text: str) -> Graph:
    """Parse a yarn berry lockfile. Raises LockfileError."""
    doc = load_yaml(path, text)
    if not isinstance(doc.data, dict):
        raise LockfileError(path, "not a YAML mapping: not a yarn.lock")
    version = _metadata_version(path, doc)
    return _Builder(path, doc).build(
        Graph(LockfileInfo(path=path, format="yarn-berry", version=version))
    )


def _metadata_version(path: Path, doc: YamlDocument) -> str:
    metadata = doc.data.get(METADATA)
    if not isinstance(metadata, dict):
        raise LockfileError(path, "__metadata is not a mapping", doc.line(METADATA))
    version = metadata.get("version")
    line = doc.line(METADATA, "version") or doc.line(METADATA)
    if (
        not isinstance(version, str)
        or not version.isdigit()
        or int(version) not in SUPPORTED_VERSIONS
    ):
        shown = printable(str(version))[:40]
        raise LockfileError(
            path, f"unknown __metadata version {shown} (reviewer reads 6 to 10)", line
        )
    return version


class _Builder:
    def __init__(self, path: Path, doc: YamlDocument) -> None:
        self.path = path
        self.doc = doc
        self.targets: dict[str, str] = {}
        """Descriptor (`name@range`) -> node id (package key or workspace importer node)."""
        self.unbound: dict[str, str] = {}
        """The same without `::` parameters: entries for `file:x` are keyed `file:x::locator=…`."""
        self.workspaces: dict[str, tuple[str, dict[str, Any]]] = {}
        """Workspace path -> (entry key, entry)."""
        self.manifests: dict[str, Manifest | None] = {}
        self.graph: Graph

    def build(self, graph: Graph) -> Graph:
        self.graph = graph
        entries: list[tuple[str, dict[str, Any], str]] = []
        for key, entry in self.doc.data.items():
            if key == METADATA:
                continue
            line = self.doc.line(key)
            if not isinstance(entry, dict):
                raise self._error(f"entry {printable(key)} is not a mapping", line)
            node = self._add_entry(key, entry, line)
            entries.append((key, entry, node))
            for descriptor in key.split(","):
                descriptor = descriptor.strip(" ")
                self.targets[descriptor] = node
                self.unbound.setdefault(descriptor.split("::", 1)[0], node)
        for key, entry, node in entries:
            self._add_dependencies(key, entry, node, self._kinds(node))
        root = importer_node(".")
        if "." not in graph.importers:
            add_importer(graph, ".", None)
            link_unreached_to_root(graph, root)
        # the root first, then the workspaces by path (the lockfile sorts them by name)
        graph.importers = {p: graph.importers[p] for p in sorted(graph.importers, key=_root_first)}
        derive_flags(graph)
        if "." in self.workspaces:
            check_root_in_sync(self.path, self._declared(self.workspaces["."][1]))
        return graph

    def _add_entry(self, key: str, entry: dict[str, Any], line: int | None) -> str:
        resolution = entry.get("resolution")
        version = entry.get("version")
        if not isinstance(resolution, str) or not isinstance(version, str):
            raise self._error(
                f"entry {printable(key)} needs string resolution and version (truncated file?)",
                line,
            )
        name, reference = split_name_spec(resolution)
        if not name or not reference:
            raise self._error(f"entry {printable(key)}: resolution is not name@reference", line)
        if reference.startswith("workspace:"):
            workspace_path = reference[len("workspace:") :] or "."
            self.workspaces[workspace_path] = (key, entry)
            manifest = self._manifest(workspace_path)
            return add_importer(self.graph, workspace_path, manifest, name)
        integrity, resolved, source = _origin(reference)
        checksum = entry.get("checksum")
        if (
            integrity is None
            and isinstance(checksum, str)
            and checksum.startswith(("sha512-", "sha1-"))
        ):
            integrity = checksum
        if source is Source.REGISTRY and entry.get("linkType") == "soft":
            source = Source.LINK
        os_names, cpus = _conditions(entry.get("conditions"))
        dependencies = entry.get("dependencies")
        builds_with_gyp = (
            isinstance(dependencies, dict) and dependencies.get("node-gyp") == NODE_GYP
        )
        package = self.graph.add_package(
            Package(
                name=name,
                version=version,
                integrity=integrity,
                resolved=resolved,
                source=source,
                os=os_names,
                cpu=cpus,
                has_install_script=True if builds_with_gyp else None,
                line=line,
                checksum=checksum if integrity is None and isinstance(checksum, str) else None,
            )
        )
        return package.key

    def _add_dependencies(
        self, key: str, entry: dict[str, Any], node: str, kinds: dict[str, DepKind]
    ) -> None:
        dependencies = entry.get("dependencies")
        if dependencies is None:
            return
        line = self.doc.line(key)
        if not isinstance(dependencies, dict):
            raise self._error(f"entry {printable(key)}: dependencies is not a mapping", line)
        meta = entry.get("dependenciesMeta")
        meta = meta if isinstance(meta, dict) else {}
        for name, range_ in dependencies.items():
            if not isinstance(range_, str):
                raise self._error(
                    f"entry {printable(key)}: dependency {printable(name)} is not a string", line
                )
            target = self._lookup(f"{name}@{range_}", entry.get("resolution"))
            if target is None:
                raise self._error(
                    f"{printable(key)} depends on {printable(name)}@{printable(range_)}, "
                    "which has no entry (truncated or edited file?)",
                    line,
                )
            name_meta = meta.get(name)
            if isinstance(name_meta, dict) and is_true(name_meta.get("optional")):
                kind = DepKind.OPTIONAL
            else:
                kind = kinds.get(name, DepKind.PROD)
            add_edge(self.graph, Edge(node, target, name, _as_written(range_), kind))

    def _lookup(self, descriptor: str, requester: object) -> str | None:
        """The node a dependency descriptor resolves to, binding it to its requester if needed."""
        target = self.targets.get(descriptor)
        if target is None and isinstance(requester, str):
            target = self.targets.get(
                f"{descriptor}::locator={quote(requester, safe=LOCATOR_SAFE)}"
            )
        return target if target is not None else self.unbound.get(descriptor)

    # -- workspaces ---------------------------------------------------------------------------

    def _manifest(self, workspace_path: str) -> Manifest | None:
        """The workspace's package.json (None when absent or, outside the root, unreadable)."""
        if workspace_path not in self.manifests:
            try:
                manifest = read_manifest(self.path.parent / workspace_path / MANIFEST_NAME)
            except LockfileError:
                if workspace_path == ".":
                    raise
                manifest = None
            self.manifests[workspace_path] = manifest
        return self.manifests[workspace_path]

    def _kinds(self, node: str) -> dict[str, DepKind]:
        """For an importer node, each declared name's edge kind from its package.json."""
        if not is_importer_node(node):
            return {}
        manifest = self._manifest(node[len(IMPORTER_PREFIX) :])
        if manifest is None:
            return {}
        return {name: kind for name, _spec, kind in manifest.edges()}

    def _declared(self, entry: dict[str, Any]) -> dict[str, str]:
        declared: dict[str, str] = {}
        for section in ("dependencies", "peerDependencies"):
            deps = entry.get(section)
            if isinstance(deps, dict):
                declared.update({k: v for k, v in deps.items() if isinstance(v, str)})
        return declared

    def _error(self, fault: str, line: int | None) -> LockfileError:
        return LockfileError(self.path, fault, line)


def _origin(reference: str) -> tuple[str | None, str | None, Source]:
    """(integrity, resolved, source) of a resolution's reference (the part after `name@`)."""
    if reference.startswith("patch:"):
        inner = unquote(reference[len("patch:") :].split("#", 1)[0])
        _name, inner_reference = split_name_spec(inner)
        integrity, _resolved, source = _origin(inner_reference)
        return integrity, reference, source
    body, _sep, params = reference.partition("::")
    if body.startswith("npm:"):
        archive = _param(params, "__archiveUrl")
        return None, archive, source_of(archive) if archive else Source.REGISTRY
    for prefix, source in (
        ("file:", Source.FILE),
        ("link:", Source.LINK),
        ("portal:", Source.LINK),
    ):
        if body.startswith(prefix):
            return None, body[len(prefix) :].split("#", 1)[0], source
    if body.startswith(("http://", "https://")) and (
        ".git#" in body or body.endswith(".git") or "#commit=" in body
    ):
        return None, body, Source.GIT
    return None, body, source_of(body, Source.TARBALL)


def _root_first(path: str) -> tuple[bool, str]:
    return (path != ".", path)


def _as_written(range_: str) -> str:
    """A range as package.json has it: yarn adds `npm:` to plain ranges (`npm:^1.2.0`)."""
    if range_.startswith("npm:") and "@" not in range_[5:]:
        return range_[4:]
    return range_


def _param(params: str, name: str) -> str | None:
    for part in params.split("&"):
        key, _eq, value = part.partition("=")
        if key == name and value:
            return unquote(value)
    return None


def _conditions(value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`os=darwin & cpu=arm64` -> (("darwin",), ("arm64",))."""
    if not isinstance(value, str):
        return (), ()
    os_names: list[str] = []
    cpus: list[str] = []
    for part in value.split("&"):
        key, _eq, item = part.strip(" ()").partition("=")
        if key == "os" and item:
            os_names.append(item)
        elif key == "cpu" and item:
            cpus.append(item)
    return tuple(os_names), tuple(cpus)
