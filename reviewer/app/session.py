"""A review session: the terminal UI's state as a typed model over one project: its graph,
the review service that computes (and caches) the findings, the review states the policy
records and the decisions being made.

The session holds no UI state: the TUI asks it for rows, filters, risk and review states,
runs its `scan` in a worker, and records decisions through it. Decisions stay pending in
memory as typed policy edits (`reviewer.policy.pending`) until `save()` has the policy
store apply them to the policy as it was loaded; when the file changed on disk since,
nothing is written (PolicyChangedError), `conflicts()` says what someone else decided
meanwhile and `reload()` takes the new file as the base to re-apply the decisions onto.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.app.decisions import ReviewState, SessionDecisions
from reviewer.app.review import Reviewer, ReviewProgress, ReviewService
from reviewer.errors import ReviewerError
from reviewer.graph.model import Graph, Package, Source
from reviewer.graph.queries import direct_keys, why
from reviewer.policy.model import Policy
from reviewer.policy.pending import PolicyEdit
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.signals.finding import SIGNAL_IDS, Finding, Severity
from reviewer.signals.settings import ReviewSettings

__all__ = [
    "QuickFilter", "ReviewSession", "ReviewState", "Reviewer", "ScanUpdate", "SortOrder",
]

if TYPE_CHECKING:
    from reviewer.app.background import ReviewBatch
    from reviewer.app.project import Project
    from reviewer.review.changes import Change, ChangeSet

ScanUpdate = ReviewProgress
"""Progress of the background scan, sent after each reviewed package."""

SEVERITY_WEIGHT: dict[Severity, int] = {
    Severity.INFO: 1,
    Severity.LOW: 3,
    Severity.MODERATE: 10,
    Severity.HIGH: 40,
    Severity.CRITICAL: 100,
}


class SortOrder(StrEnum):
    RISK = "risk"
    NAME = "name"
    SIGNAL = "signal"


class QuickFilter(StrEnum):
    SCRIPTS = "scripts"
    UNREVIEWED = "unreviewed"
    ADVISORIES = "advisories"
    DIRECT = "direct"
    CHANGED = "changed"


@dataclass
class ReviewSession(SessionDecisions):
    """Graph + review service + review states + pending decisions (`SessionDecisions`)."""

    graph: Graph
    provider: MetadataProvider | None = None
    """None when no registry is available: signals that need metadata stay unknown."""
    project_dir: Path = Path(".")
    reviewer: Reviewer | None = None
    """How findings are computed; None uses `reviewer.signals.engine.review_package`."""
    settings: ReviewSettings | None = None
    """The engine's settings (None: its defaults); `for_project` gives the project's."""
    policy_path: Path | None = None
    """The policy file; None means `reviewer-policy.toml` in the project directory."""
    changed: set[str] | None = None
    """Keys changed since a base lockfile (review mode); None outside review mode."""
    change_set: ChangeSet | None = None
    """The changes from the base lockfile (review mode, `reviewer review`); when given and
    `changed` is None, `changed` becomes the head keys it touches."""
    offline: bool = False
    concurrency: int = 16
    states: dict[str, ReviewState] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    accepted_advisories: dict[tuple[str, str], str] = field(default_factory=dict)
    """(package key, advisory id) -> "reason (until date)" for advisories accepted here."""
    pending: list[PolicyEdit] = field(default_factory=list)
    direct: set[str] = field(default_factory=set)
    _risk: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.direct = direct_keys(self.graph)
        self._change_by_key: dict[str, Change] = {}
        if self.change_set is not None:
            self._change_by_key = {c.head.key: c for c in self.change_set if c.head is not None}
            if self.changed is None:
                self.changed = set(self._change_by_key)
        self.service = ReviewService(self.provider, self.settings,
                                     concurrency=self.concurrency, reviewer=self.reviewer,
                                     keep_documents=True)
        self.policy: Policy = self._load_policy()
        """The policy as loaded: the base the pending decisions are saved onto."""
        self._policy_states()

    @classmethod
    def for_project(cls, project: Project, provider: MetadataProvider | None, *,
                    change_set: ChangeSet | None = None, offline: bool = False) -> ReviewSession:
        """The session over an opened project, with its review settings and policy."""
        return cls(project.graph, provider, project.directory, settings=project.settings,
                   policy_path=project.policy_path, change_set=change_set, offline=offline,
                   concurrency=project.options.concurrency)

    # -- the review service ---------------------------------------------------------------

    @property
    def findings(self) -> dict[str, list[Finding]]:
        """Package key -> its findings, for the packages reviewed so far."""
        return self.service.results

    @property
    def fetch_errors(self) -> dict[str, str]:
        """Package key -> why it could not be reviewed."""
        return self.service.errors

    @property
    def packuments(self) -> dict[str, Packument]:
        """Registry documents fetched so far (kept in memory)."""
        return self.service.packuments

    async def packument(self, name: str) -> Packument:
        """The packument of `name`, from this session's memory or the provider."""
        return await self.service.packument(name)

    async def tarball(self, key: str) -> TarballContents:
        """The verified tarball of a locked package."""
        if self.provider is None:
            raise ReviewerError("no registry is configured for this session")
        package = self.graph.packages[key]
        url = package.resolved if package.source is Source.TARBALL else None
        return await self.provider.tarball(package.name, package.version, package.integrity, url)

    async def tarball_of(self, name: str, version: str) -> TarballContents:
        """The tarball of any published version (for diffs), verified against the registry's
        own integrity for that version."""
        document = await self.packument(name)
        manifest = document.version(version)
        if manifest is None:
            raise ReviewerError(f"{name}@{version} is not in the registry's document")
        if self.provider is None:
            raise ReviewerError("no registry is configured for this session")
        return await self.provider.tarball(name, version, manifest.integrity, manifest.tarball)

    def registry_names(self) -> list[str]:
        """Names whose metadata the scan fetches: registry-sourced packages only."""
        return sorted({p.name for p in self.graph if p.source is Source.REGISTRY})

    async def review(self, key: str) -> list[Finding]:
        """Compute (again) the findings of one package."""
        findings = await self.service.review(self.graph.packages[key], self.graph, again=True)
        self._risk.pop(key, None)
        return findings

    async def scan(self, on_update: Callable[[ScanUpdate], None], concurrency: int | None = None) -> None:
        """Review every package (fetching metadata, bounded), reporting after each one.
        Cancelling the task stops the scan; what was reviewed stays in the session."""
        if concurrency is not None:
            self.service.concurrency = max(1, concurrency)

        def told(update: ScanUpdate) -> None:
            for key in update.keys:
                self._risk.pop(key, None)
            on_update(update)

        await self.service.review_graph(self.graph, told)

    def apply(self, batch: ReviewBatch) -> set[str]:
        """Take in what a `BackgroundReview` found (on the thread that reads this session);
        returns the keys whose findings changed."""
        service = self.service
        service.results.update(batch.results)
        service.errors.update(batch.errors)
        service.packuments.update(batch.packuments)
        keys = batch.keys
        for key in keys:
            self._risk.pop(key, None)
        return keys

    async def close(self) -> None:
        """Close the provider's connections (a RegistryService's)."""
        from reviewer.registry.service import RegistryService

        if isinstance(self.provider, RegistryService):
            await self.provider.aclose()

    async def close_loop(self) -> None:
        """Close the provider's connections opened on the running event loop (the TUI's
        review thread, before its loop ends)."""
        from reviewer.registry.service import RegistryService

        if isinstance(self.provider, RegistryService):
            await self.provider.close_loop()

    # -- reading --------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Decisions taken since the last save."""
        return bool(self.pending)

    def package(self, key: str) -> Package:
        return self.graph.packages[key]

    def keys(self) -> list[str]:
        return list(self.graph.packages)

    def change_of(self, key: str) -> Change | None:
        """Review mode: the change that brought head package `key` in, if any."""
        return self._change_by_key.get(key)

    def removed_changes(self) -> list[Change]:
        """Review mode: packages of the base lockfile that the head no longer has (no row)."""
        if self.change_set is None:
            return []
        return [c for c in self.change_set if c.head is None]

    def findings_of(self, key: str) -> list[Finding]:
        return self.findings.get(key, [])

    def scanned(self, key: str) -> bool:
        return key in self.findings

    def risk(self, key: str) -> int:
        """A score for sorting: the weighted severities of the decided findings."""
        cached = self._risk.get(key)
        if cached is None:
            cached = sum(SEVERITY_WEIGHT[f.severity] for f in self.findings_of(key) if not f.unknown)
            self._risk[key] = cached
        return cached

    def state(self, key: str) -> ReviewState:
        return self.states.get(key, ReviewState.UNREVIEWED)

    def has_install_script(self, key: str) -> bool:
        package = self.graph.packages[key]
        return bool(package.has_install_script) or any(
            f.id == "install-script" and not f.unknown for f in self.findings_of(key)
        )

    def scripts_known_absent(self, key: str) -> bool:
        """The lockfile, or a finished scan, says this package has no install scripts."""
        package = self.graph.packages[key]
        if package.has_install_script is not None:
            return not package.has_install_script
        return self.scanned(key) and not any(f.id == "install-script"
                                             for f in self.findings_of(key))

    def advisories(self, key: str) -> list[Finding]:
        """The advisories known to affect `key` (not the "could not be checked" unknowns)."""
        return [f for f in self.findings_of(key) if f.id == "advisory" and not f.unknown]

    def why_labels(self, key: str, limit: int = 50) -> list[list[str]]:
        """Every shortest path from an importer to `key`, as display labels."""
        return [[self.graph.label(node) for node in path] for path in why(self.graph, key, limit)]

    def dependents(self, key: str) -> list[str]:
        return sorted({self.graph.label(e.source) for e in self.graph.dependents(key)})

    # -- sorting and filtering ------------------------------------------------------------

    def sorted_keys(self, order: SortOrder, keys: Iterable[str] | None = None) -> list[str]:
        chosen = list(self.graph.packages) if keys is None else list(keys)
        packages = self.graph.packages
        if order is SortOrder.NAME:
            return sorted(chosen, key=lambda k: (packages[k].name, packages[k].version))
        if order is SortOrder.SIGNAL:
            return sorted(chosen, key=lambda k: (self._first_signal(k), -self.risk(k), k))
        return sorted(chosen, key=lambda k: (-self.risk(k), packages[k].name, packages[k].version))

    def _first_signal(self, key: str) -> int:
        """Index in SIGNAL_IDS of the most severe decided signal (len when none)."""
        found = [f for f in self.findings_of(key) if not f.unknown]
        if not found:
            return len(SIGNAL_IDS)
        worst = max(found, key=lambda f: (f.severity, -_signal_index(f.id)))
        return _signal_index(worst.id)

    def matches(self, key: str, quick: frozenset[QuickFilter]) -> bool:
        """Does `key` pass every quick filter in `quick`?"""
        for wanted in quick:
            if wanted is QuickFilter.SCRIPTS and not self.has_install_script(key):
                return False
            if wanted is QuickFilter.UNREVIEWED and self.state(key) is not ReviewState.UNREVIEWED:
                return False
            if wanted is QuickFilter.ADVISORIES and not self.advisories(key):
                return False
            if wanted is QuickFilter.DIRECT and key not in self.direct:
                return False
            if wanted is QuickFilter.CHANGED and (self.changed is None or key not in self.changed):
                return False
        return True

    def filter_keys(self, ordered: Sequence[str], query: str,
                    quick: frozenset[QuickFilter] = frozenset()) -> list[str]:
        """The keys of `ordered` that pass `quick` and fuzzily match `query`
        (see `reviewer.name_filter.filter_by_name` for the order)."""
        from reviewer.name_filter import filter_by_name

        candidates = [k for k in ordered if self.matches(k, quick)] if quick else list(ordered)
        packages = self.graph.packages
        return filter_by_name(candidates, [packages[k].name for k in candidates], query)


def _signal_index(signal: str) -> int:
    try:
        return SIGNAL_IDS.index(signal)
    except ValueError:
        return len(SIGNAL_IDS)
