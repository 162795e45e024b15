"""The review service: every signal for many packages (a graph, or the changes A->B of a
review), `concurrency` at a time, progress told to an observer, the registry's bulk
advisory endpoint asked once, results cached per package. `scan`, `report`, `check`,
`review`, the TUI and the demo all review through it.

The signal engine (with the code analysis) is imported when the first package is
reviewed, not with this module: the terminal UI paints its first screen without it and
reviews on a thread of its own (`reviewer.app.background`), which imports it there."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.errors import ReviewerError
from reviewer.graph.model import Graph, Package, Source
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.review.changes import Change, ChangeKind, ChangeSet
from reviewer.signals.finding import Finding
from reviewer.signals.results import PackageReview
from reviewer.signals.settings import ReviewSettings

from .tasks import run_bounded

if TYPE_CHECKING:
    from reviewer.signals.engine import RegistryAdvisories, Unchecked

Reviewer = Callable[[Package], Awaitable[Sequence[Finding]]]
"""Computes the findings of one locked package (a test double for the engine)."""


@dataclass(frozen=True, slots=True)
class ReviewProgress:
    """Told to the observer after each reviewed package (or change)."""

    done: int
    total: int
    keys: tuple[str, ...]
    """Package keys (or change ids) whose findings just changed."""
    error: str | None = None
    """Why the last one could not be reviewed (untrusted text)."""


Observer = Callable[[ReviewProgress], None]


class ReviewService:
    """Reviews packages with one provider and one set of settings."""

    def __init__(self, provider: MetadataProvider | None, settings: ReviewSettings | None = None,
                 *, concurrency: int = 16, reviewer: Reviewer | None = None,
                 keep_documents: bool = False) -> None:
        self.provider = provider
        """None: no registry; every package reviews to no finding."""
        self.settings = settings or ReviewSettings()
        self.concurrency = max(1, concurrency)
        self.reviewer = reviewer
        self.results: dict[str, list[Finding]] = {}
        """Package key -> its sorted findings (the cache)."""
        self.errors: dict[str, str] = {}
        """Package key -> why it could not be reviewed."""
        self.packuments: dict[str, Packument] = {}
        """Registry documents fetched through this service, kept in memory (the TUI's
        detail pane reads them)."""
        self.keep_documents = keep_documents
        """Hold every reviewed registry package's document in `packuments`, also when its
        findings came from the findings cache (the TUI's summary and detail read them)."""
        self._advisories: RegistryAdvisories | Unchecked | None = None
        self._advisories_asked = False
        """The bulk advisory endpoint was asked (`_advisories` holds its answer)."""
        self._documents = _Documents(self)

    # -- documents -----------------------------------------------------------------------

    async def packument(self, name: str) -> Packument:
        """The packument of `name`, from memory or the provider."""
        held = self.packuments.get(name)
        if held is not None:
            return held
        if self.provider is None:
            raise ReviewerError("no registry is configured")
        document = await self.provider.packument(name)
        self.packuments[name] = document
        return document

    # -- advisories ----------------------------------------------------------------------

    async def prefetch_advisories(self, packages: Iterable[Package]) -> None:
        """Ask the registry's bulk advisory endpoint once, for every registry package given."""
        if self.provider is None or self.reviewer is not None:
            return
        versions: dict[str, list[str]] = {}
        for package in packages:
            if package.source is Source.REGISTRY:
                versions.setdefault(package.name, []).append(package.version)
        from reviewer.signals.package_signals import fetch_registry_advisories

        self._advisories = await fetch_registry_advisories(versions, self.provider, self.settings)
        self._advisories_asked = True

    def _registry_advisories(self) -> RegistryAdvisories | Unchecked:
        """What the engine is told of the bulk advisories (not checked until asked)."""
        from reviewer.signals.engine import NOT_CHECKED

        return self._advisories if self._advisories_asked else NOT_CHECKED

    # -- one package ---------------------------------------------------------------------

    async def review(self, package: Package, graph: Graph, *, again: bool = False) -> list[Finding]:
        """The findings of one locked package (from the cache unless `again`)."""
        held = self.results.get(package.key)
        if held is not None and not again:
            return held
        found: Sequence[Finding]
        if self.reviewer is not None:
            found = await self.reviewer(package)
        elif self.provider is None:
            found = []
        else:
            from reviewer.signals.engine import review_package

            if not self._advisories_asked:
                await self.prefetch_advisories(graph)
            found = await review_package(package, graph, self._documents, self.settings,
                                         registry_advisories=self._registry_advisories())
            if self.keep_documents and package.source is Source.REGISTRY:
                try:
                    await self.packument(package.name)
                except ReviewerError:
                    pass  # the findings say why the document is missing
        findings = sorted(found, key=finding_order)
        self.results[package.key] = findings
        return findings

    # -- many packages -------------------------------------------------------------------

    async def review_graph(self, graph: Graph, observer: Observer | None = None,
                           keys: Sequence[str] | None = None) -> list[PackageReview]:
        """Every locked package (or those of `keys`), sorted by name and version. A package
        whose review raised a ReviewerError has no findings and its error in `errors`."""
        packages = graph.sorted_packages() if keys is None else [graph.packages[k] for k in keys]
        total = len(packages)
        if observer is not None:
            observer(ReviewProgress(0, total, ()))
        await self.prefetch_advisories(packages)
        self._prefetch_stamps(packages)

        async def one(package: Package) -> PackageReview:
            try:
                return PackageReview(package, await self.review(package, graph))
            except ReviewerError as error:
                self.errors[package.key] = str(error)
                self.results[package.key] = []
                return PackageReview(package, [])

        def told(done: int, package: Package, _: PackageReview) -> None:
            if observer is not None:
                observer(ReviewProgress(done, total, (package.key,), self.errors.get(package.key)))

        try:
            return await run_bounded(packages, one, self.concurrency, told)
        finally:
            self._flush_findings_cache()

    def _prefetch_stamps(self, packages: Iterable[Package]) -> None:
        """What identifies each registry document, read at once (the findings cache's keys)."""
        prefetch = getattr(self.provider, "prefetch_stamps", None)
        if prefetch is not None and self.reviewer is None and self.settings.scan_cache_dir:
            prefetch({p.name for p in packages if p.source is Source.REGISTRY})

    def _flush_findings_cache(self) -> None:
        if self.provider is not None and self.reviewer is None:
            from reviewer.signals import findings_cache

            findings_cache.flush(self.settings.scan_cache_dir)

    async def review_changes(self, changes: ChangeSet, head: Graph,
                             observer: Observer | None = None) -> dict[str, tuple[Finding, ...]]:
        """Findings per `Change.id` (none for a removal): `review_upgrade(A, B)`."""
        await self.prefetch_advisories(c.head for c in changes if c.head is not None)
        items = list(changes)
        total = len(items)

        from reviewer.signals.engine import review_upgrade

        advisories = self._registry_advisories()

        async def one(change: Change) -> tuple[Finding, ...]:
            if change.kind is ChangeKind.REMOVED or change.head is None or self.provider is None:
                return ()
            return tuple(await review_upgrade(change.base, change.head, head, self._documents,
                                              self.settings, registry_advisories=advisories))

        def told(done: int, change: Change, _: tuple[Finding, ...]) -> None:
            if observer is not None:
                observer(ReviewProgress(done, total, (change.id,)))

        try:
            found = await run_bounded(items, one, self.concurrency, told)
        finally:
            self._flush_findings_cache()
        return {change.id: findings for change, findings in zip(items, found, strict=True)}


class _Documents:
    """The provider as the engine sees it: packuments go through (and stay in) the
    service's memory; the bulk advisories were already asked by the service."""

    def __init__(self, service: ReviewService) -> None:
        self._service = service

    async def packument(self, name: str) -> Packument:
        return await self._service.packument(name)

    async def packument_stamp(self, name: str) -> str | None:
        """The provider's stamp of the document (None when it has none)."""
        stamp = getattr(self._service.provider, "packument_stamp", None)
        return None if stamp is None else await stamp(name)

    async def tarball(self, name: str, version: str, integrity: str | None,
                      url: str | None = None) -> TarballContents:
        provider = self._service.provider
        if provider is None:
            raise ReviewerError("no registry is configured")
        return await provider.tarball(name, version, integrity, url)


def finding_order(finding: Finding) -> tuple[int, int, str]:
    """Decided before unknown, most severe first, then by signal id."""
    return (int(finding.unknown), -int(finding.severity), finding.id)


async def review_all(graph: Graph, provider: MetadataProvider,
                     settings: ReviewSettings | None = None, concurrency: int = 16,
                     progress: Callable[[int, int], None] | None = None) -> list[PackageReview]:
    """Every locked package through a fresh `ReviewService`; `progress(done, total)`."""
    service = ReviewService(provider, settings, concurrency=concurrency)
    observer = None if progress is None else (
        lambda p: progress(p.done, p.total) if p.done else None)
    return await service.review_graph(graph, observer)
