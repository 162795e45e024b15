"""pnpm dependency paths and resolutions: the rules `pnpm.py` applies to keys and values."""

from __future__ import annotations

from typing import Any

from reviewer.graph.model import Graph, Source
from reviewer.lockfiles.sources import source_of


def base_path(dep_path: str, v6: bool) -> str:
    """A dependency path without its peer suffix (and, for v6, without the leading `/`)."""
    paren = dep_path.find("(")
    if paren > 0:
        dep_path = dep_path[:paren]
    if v6 and dep_path.startswith("/"):
        dep_path = dep_path[1:]
    return dep_path


def dep_path_of(ref: str, name: str, v6: bool) -> str:
    """The dependency path a `version` reference stands for (pnpm's `refToRelative`)."""
    if v6:
        if ref.startswith("file:"):
            return ref
        paren = ref.find("(")
        if "/" not in ref or (paren >= 0 and ref.rfind("/", 0, paren) == -1):
            return f"/{name}@{ref}"
        return ref
    if ref.startswith("@"):
        return ref
    at = ref.find("@")
    if at == -1:
        return f"{name}@{ref}"
    colon = ref.find(":")
    paren = ref.find("(")
    if (colon == -1 or at < colon) and (paren == -1 or at < paren):
        return ref
    return f"{name}@{ref}"


def edge_spec(name: str, target: str, graph: Graph) -> str:
    package = graph.packages.get(target)
    if package is None:
        return target
    if package.name != name:
        return f"npm:{package.name}@{package.version}"
    return package.version


def origin(resolution: dict[str, Any]) -> tuple[str | None, str | None, Source]:
    """(integrity, resolved, source) from a `resolution` mapping."""
    integrity = resolution.get("integrity")
    integrity = integrity if isinstance(integrity, str) and integrity else None
    tarball = resolution.get("tarball")
    if isinstance(tarball, str) and tarball:
        if tarball.startswith("file:"):
            return integrity, tarball[5:], Source.FILE
        return integrity, tarball, source_of(tarball, Source.TARBALL)
    repo, commit = resolution.get("repo"), resolution.get("commit")
    if resolution.get("type") == "git" or (isinstance(repo, str) and isinstance(commit, str)):
        resolved = f"{repo}#{commit}" if isinstance(commit, str) else str(repo)
        return integrity, resolved, Source.GIT
    directory = resolution.get("directory")
    if resolution.get("type") == "directory" or isinstance(directory, str):
        return integrity, str(directory) if directory else None, Source.FILE
    return integrity, None, Source.REGISTRY


def strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    if isinstance(value, str):
        return (value,)
    return ()
