"""What the two yarn lockfile formats share: workspace manifests and sha1 fragments."""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.graph.model import Graph, Importer, importer_node
from reviewer.lockfiles.manifest import MANIFEST_NAME, Manifest, read_manifest, workspace_manifests

_SHA1_FRAGMENT = re.compile(r"#([0-9a-fA-F]{40})$")


@dataclass(slots=True)
class Workspaces:
    """The project's package.json files: the root's and each workspace's."""

    root: Manifest | None
    by_path: dict[str, Manifest] = field(default_factory=dict)
    """Workspace path (relative, POSIX) -> its manifest; the root is not included."""

    @property
    def by_name(self) -> dict[str, str]:
        """Workspace package name -> its path."""
        return {m.name: p for p, m in self.by_path.items() if m.name}


def read_workspaces(lockfile: Path) -> Workspaces:
    """Read the package.json next to `lockfile` and those of its `workspaces` globs."""
    project = lockfile.parent
    root = read_manifest(project / MANIFEST_NAME)
    if root is None or not root.workspaces:
        return Workspaces(root)
    return Workspaces(root, workspace_manifests(project, root.workspaces))


def add_importer(
    graph: Graph, path: str, manifest: Manifest | None, name: str | None = None
) -> str:
    """Add the importer at `path` (named from its manifest when there is one); its node id."""
    graph.add_importer(
        Importer(
            path=path,
            name=manifest.name if manifest and manifest.name else name,
            version=manifest.version if manifest else None,
        )
    )
    return importer_node(path)


def sha1_from_url(url: str | None) -> str | None:
    """The SRI `sha1-…` for a yarn classic `resolved` URL ending in `#<40 hex digits>`."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    match = _SHA1_FRAGMENT.search(url)
    if match is None:
        return None
    try:
        digest = binascii.unhexlify(match.group(1))
    except binascii.Error:
        return None
    return "sha1-" + base64.b64encode(digest).decode("ascii")


def strip_hash_fragment(url: str) -> str:
    """A tarball URL without its `#<sha1>` fragment (git URLs keep theirs: it is the commit)."""
    if url.startswith(("http://", "https://")):
        return _SHA1_FRAGMENT.sub("", url)
    return url
