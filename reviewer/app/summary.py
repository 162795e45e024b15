"""The newcomer's summary of a project: counts, scripts, risk, licenses, heavy subtrees and
who controls the most packages. Pure: computed from a ReviewSession, no UI."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from reviewer.app.session import ReviewSession, ReviewState
from reviewer.graph.model import Graph, is_importer_node
from reviewer.graph.queries import duplicates
from reviewer.signals.finding import Severity


@dataclass(frozen=True, slots=True)
class Subtree:
    """What one direct dependency pulls in."""

    key: str
    total: int
    """Packages reachable from it (itself excluded)."""
    exclusive: int
    """Of those, the ones no other direct dependency reaches: removing it removes them."""


@dataclass(frozen=True, slots=True)
class Summary:
    total: int
    direct: int
    transitive: int
    prod: int
    dev: int
    optional: int
    peer: int
    duplicate_names: int
    duplicate_extra_versions: int
    with_scripts: int
    scripts_reviewed: int
    riskiest: tuple[tuple[str, int], ...]
    deprecated: tuple[str, ...]
    advisories: tuple[tuple[Severity, int], ...]
    licenses: tuple[tuple[str, int], ...]
    heaviest: tuple[Subtree, ...]
    controllers: tuple[tuple[str, int], ...]
    """Maintainers or publishers by number of locked packages they can publish."""
    metadata_known: int
    """How many packages the scan has reviewed so far (the rest are still unknown)."""
    metadata_total: int
    unreviewed: int


def summarize(session: ReviewSession, top: int = 8) -> Summary:
    graph = session.graph
    keys = list(graph.packages)
    packages = graph.packages
    dups = duplicates(graph)
    scripted = [k for k in keys if session.has_install_script(k)]
    risky = sorted(((k, session.risk(k)) for k in keys if session.risk(k) > 0),
                   key=lambda item: (-item[1], item[0]))
    deprecated = sorted(k for k in keys
                        if any(f.id == "deprecated" and not f.unknown for f in session.findings_of(k)))
    advisory_counts: Counter[Severity] = Counter(
        f.severity for k in keys for f in session.advisories(k))
    licenses: Counter[str] = Counter(_license(session, k) for k in keys)
    return Summary(
        total=len(keys),
        direct=len(session.direct),
        transitive=len(keys) - len(session.direct),
        prod=sum(1 for k in keys if not (packages[k].dev or packages[k].optional or packages[k].peer)),
        dev=sum(1 for k in keys if packages[k].dev),
        optional=sum(1 for k in keys if packages[k].optional),
        peer=sum(1 for k in keys if packages[k].peer),
        duplicate_names=len(dups),
        duplicate_extra_versions=sum(len(v) - 1 for v in dups.values()),
        with_scripts=len(scripted),
        scripts_reviewed=sum(1 for k in scripted if session.state(k) is not ReviewState.UNREVIEWED),
        riskiest=tuple(risky[:top]),
        deprecated=tuple(deprecated),
        advisories=tuple(sorted(advisory_counts.items(), key=lambda item: -item[0])),
        licenses=tuple(licenses.most_common(top)),
        heaviest=tuple(heaviest_subtrees(graph, session.direct)[:top]),
        controllers=tuple(_controllers(session).most_common(top)),
        metadata_known=sum(1 for k in keys if session.scanned(k)),
        metadata_total=len(keys),
        unreviewed=sum(1 for k in keys if session.state(k) is ReviewState.UNREVIEWED),
    )


def _license(session: ReviewSession, key: str) -> str:
    package = session.graph.packages[key]
    if package.license:
        return package.license
    document = session.packuments.get(package.name)
    manifest = document.version(package.version) if document else None
    if manifest and manifest.license:
        return manifest.license
    return "unknown"


def _controllers(session: ReviewSession) -> Counter[str]:
    """Each maintainer or publisher of a locked version, counted once per package."""
    counts: Counter[str] = Counter()
    for package in session.graph:
        document = session.packuments.get(package.name)
        manifest = document.version(package.version) if document else None
        if document is None or manifest is None:
            continue
        people = {p.name for p in (manifest.maintainers or document.maintainers or ())}
        if manifest.publisher is not None:
            people.add(manifest.publisher.name)
        counts.update(people)
    return counts


def heaviest_subtrees(graph: Graph, direct: set[str]) -> list[Subtree]:
    """Direct dependencies by the number of packages they pull in, largest first."""
    reach = {key: _reach(graph, key) for key in direct}
    seen_by: Counter[str] = Counter()
    for reached in reach.values():
        seen_by.update(reached)
    subtrees = [
        Subtree(key, len(reached), sum(1 for k in reached if seen_by[k] == 1 and k not in direct))
        for key, reached in reach.items()
    ]
    return sorted(subtrees, key=lambda s: (-s.total, s.key))


def _reach(graph: Graph, start: str) -> set[str]:
    seen: set[str] = set()
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for edge in graph.dependencies(node):
            target = edge.target
            if target not in seen and target != start and not is_importer_node(target):
                seen.add(target)
                queue.append(target)
    return seen
