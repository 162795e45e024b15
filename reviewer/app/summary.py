"""The newcomer's summary of a project: the stories to look at first, counts, scripts, risk,
licenses, heavy subtrees and who controls the most packages, and what the registry does not
provide (said once). Pure: computed from a ReviewSession, no UI."""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass

from reviewer.app.session import ReviewSession, ReviewState, SortOrder
from reviewer.graph.model import Graph, Source, is_importer_node
from reviewer.graph.queries import duplicates
from reviewer.signals.finding import Severity
from reviewer.signals.unknowns import RegistryGaps, registry_gaps

STORY_SIGNALS: tuple[tuple[str, str], ...] = (
    ("recent-release", "recent releases"),
    ("new-publisher", "new publishers"),
    ("maintainers-changed", "maintainers changed"),
    ("suspicious-code", "code findings"),
    ("typosquat", "typosquats"),
)
"""(signal id, the story's name): the stories a newcomer looks at first, in this order;
advisories follow, one line per severity."""


@dataclass(frozen=True, slots=True)
class Story:
    """One line of "where to look first": what, and the packages it is about."""

    id: str
    """The signal id (`advisory-high` for advisories of one severity)."""
    title: str
    """`recent releases`, `high advisories`"""
    keys: tuple[str, ...]
    """The packages, riskiest first."""
    severity: Severity
    """The worst severity among them (the line's colour)."""


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
    gaps: RegistryGaps = RegistryGaps()
    """Kinds of data this registry provides for no package (said once)."""
    stories: tuple[Story, ...] = ()
    controllers_known: int = 0
    """Packages whose maintainers or publisher are known (what `controllers` counts over)."""


def summarize(session: ReviewSession, top: int = 8,
              heaviest: list[Subtree] | None = None) -> Summary:
    """The summary of the session as it is now; `heaviest`: `heaviest_subtrees` of its
    graph when the caller keeps it (it depends on the graph alone, and costs most)."""
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
    controllers, controllers_known = _controllers(session)
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
        heaviest=tuple((heaviest if heaviest is not None
                        else heaviest_subtrees(graph, session.direct))[:top]),
        controllers=tuple(controllers.most_common(top)),
        metadata_known=sum(1 for k in keys if session.scanned(k)),
        metadata_total=len(keys),
        unreviewed=sum(1 for k in keys if session.state(k) is ReviewState.UNREVIEWED),
        gaps=gaps_of(session),
        stories=tuple(stories(session)),
        controllers_known=controllers_known,
    )


def gaps_of(session: ReviewSession) -> RegistryGaps:
    """What the registry provides for none of the registry packages reviewed so far."""
    packages = session.graph.packages
    return registry_gaps(findings for key, findings in session.findings.items()
                         if key in packages and packages[key].source is Source.REGISTRY)


def stories(session: ReviewSession) -> list[Story]:
    """The stories a newcomer looks at first (decided findings only), then advisories by
    severity; a story with no package is left out."""
    by_signal: dict[str, list[str]] = {signal: [] for signal, _ in STORY_SIGNALS}
    worst: dict[str, Severity] = {}
    advisories: dict[Severity, list[str]] = {}
    for key in session.sorted_keys(SortOrder.RISK, session.findings):
        for finding in session.findings_of(key):
            if finding.unknown:
                continue
            if finding.id in by_signal:
                if key not in by_signal[finding.id]:
                    by_signal[finding.id].append(key)
                worst[finding.id] = max(worst.get(finding.id, Severity.INFO), finding.severity)
            elif finding.id == "advisory":
                held = advisories.setdefault(finding.severity, [])
                if key not in held:
                    held.append(key)
    found: list[Story] = []
    for signal, title in STORY_SIGNALS:
        if keys := by_signal[signal]:
            found.append(Story(signal, title, tuple(keys), worst[signal]))
    found.extend(Story(f"advisory-{severity}", f"{severity} advisories",
                       tuple(advisories[severity]), severity)
                 for severity in sorted(advisories, reverse=True))
    return found


def _license(session: ReviewSession, key: str) -> str:
    package = session.graph.packages[key]
    if package.license:
        return package.license
    document = session.packuments.get(package.name)
    manifest = document.version(package.version) if document else None
    if manifest and manifest.license:
        return manifest.license
    return "unknown"


def _controllers(session: ReviewSession) -> tuple[Counter[str], int]:
    """Each maintainer or publisher of a locked version, counted once per package, and how
    many packages said who they are (the rest are unknown, not "nobody")."""
    counts: Counter[str] = Counter()
    known = 0
    for package in session.graph:
        document = session.packuments.get(package.name)
        manifest = document.version(package.version) if document else None
        if document is None or manifest is None:
            continue
        people = {p.name for p in (manifest.maintainers or document.maintainers or ())}
        if manifest.publisher is not None:
            people.add(manifest.publisher.name)
        if people:
            known += 1
        counts.update(people)
    return counts, known


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
