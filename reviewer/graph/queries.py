"""Questions asked of a graph: direct or transitive, why is this here, duplicates, flags."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable

from reviewer.graph.model import DepKind, Edge, Graph, Package, is_importer_node


def direct_keys(graph: Graph) -> set[str]:
    """Keys of packages that some importer requires directly."""
    return {
        e.target
        for imp in graph.importers.values()
        for e in graph.dependencies(imp.node)
        if not is_importer_node(e.target)
    }


def why(graph: Graph, key: str, limit: int = 50) -> list[list[str]]:
    """Every shortest path from an importer to `key`, as lists of node ids (importer first).

    Paths that pass through a workspace link go through that workspace's importer node.
    At most `limit` paths are returned (a popular package can have thousands).
    """
    if key not in graph.packages:
        return []
    dist = _distances_to(graph, key)
    starts = [imp.node for imp in graph.importers.values() if imp.node in dist]
    if not starts:
        return []
    best = min(dist[s] for s in starts)
    paths: list[list[str]] = []
    for start in sorted(s for s in starts if dist[s] == best):
        _walk_down(graph, dist, [start], key, paths, limit)
        if len(paths) >= limit:
            break
    return paths


def why_all(graph: Graph, key: str, limit: int = 1000) -> list[list[str]]:
    """Every dependent chain from an importer to `key` (like `npm explain`): each simple
    path over the edges, importer first, sorted. A chain stops at an importer that nothing
    depends on (the root, or a workspace reached by no link). At most `limit` chains."""
    if key not in graph.packages:
        return []
    out: list[list[str]] = []
    chain = [key]
    on_chain = {key}

    def climb() -> None:
        node = chain[-1]
        sources = sorted({e.source for e in graph.dependents(node)} - on_chain)
        if is_importer_node(node) and not any(graph.dependents(node)):
            out.append(chain[::-1])
            return
        for source in sources:
            if len(out) >= limit:
                return
            chain.append(source)
            on_chain.add(source)
            climb()
            on_chain.discard(source)
            chain.pop()

    climb()
    return sorted(out, key=lambda path: (len(path), path))


def _distances_to(graph: Graph, key: str) -> dict[str, int]:
    """Breadth-first over reverse edges: distance of each node to `key`."""
    dist = {key: 0}
    queue = deque([key])
    while queue:
        node = queue.popleft()
        for edge in graph.dependents(node):
            if edge.source not in dist:
                dist[edge.source] = dist[node] + 1
                queue.append(edge.source)
    return dist


def _walk_down(
    graph: Graph, dist: dict[str, int], path: list[str], key: str, out: list[list[str]], limit: int
) -> None:
    node = path[-1]
    if node == key:
        out.append(list(path))
        return
    nexts = sorted({e.target for e in graph.dependencies(node) if dist.get(e.target) == dist[node] - 1})
    for target in nexts:
        if len(out) >= limit:
            return
        path.append(target)
        _walk_down(graph, dist, path, key, out, limit)
        path.pop()


def duplicates(graph: Graph) -> dict[str, list[Package]]:
    """Names locked at more than one version."""
    by_name: dict[str, list[Package]] = defaultdict(list)
    for package in graph:
        by_name[package.name].append(package)
    return {
        name: sorted(pkgs, key=lambda p: p.version)
        for name, pkgs in sorted(by_name.items())
        if len(pkgs) > 1
    }


def importers_reaching(graph: Graph) -> dict[str, list[str]]:
    """For each package key, the importer paths from which it is reachable (sorted)."""
    reach: dict[str, set[str]] = defaultdict(set)
    for importer in graph.importers.values():
        for node in _reachable(graph, importer.node, lambda e: True):
            if not is_importer_node(node):
                reach[node].add(importer.path)
    return {key: sorted(paths) for key, paths in reach.items()}


def _reachable(graph: Graph, start: str, follow: Callable[[Edge], bool]) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for edge in graph.dependencies(node):
            if edge.target not in seen and follow(edge):
                seen.add(edge.target)
                queue.append(edge.target)
    return seen


def derive_flags(graph: Graph) -> None:
    """Set dev/optional/peer from the edges, for lockfiles that do not record them.

    A package is dev when no path from an importer avoids a dev edge, optional when none
    avoids an optional edge, peer when none avoids a peer edge (npm's definitions).
    Workspace importers reached from the root count as starting points of their own.
    """
    starts = [imp.node for imp in graph.importers.values()]

    def reach_avoiding(kind: DepKind) -> set[str]:
        seen: set[str] = set()
        for start in starts:
            seen |= _reachable(graph, start, lambda e: e.kind is not kind)
        return seen

    not_dev = reach_avoiding(DepKind.DEV)
    not_optional = reach_avoiding(DepKind.OPTIONAL)
    not_peer = reach_avoiding(DepKind.PEER)
    for package in graph:
        package.dev = package.key not in not_dev
        package.optional = package.key not in not_optional
        package.peer = package.key not in not_peer
