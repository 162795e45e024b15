"""`reviewer scan`: the metadata of every locked package: fill the cache, report progress,
summarise (through the application's one bounded loop, `tasks.run_bounded`).

One full packument per package *name* (all locked versions of a name share it). Packages
that do not come from a registry (git, remote tarball, file, link, workspace) are skipped
with a reason. Nothing is printed here: progress goes to a callback.

Cancelling (asyncio cancellation, which `asyncio.run` turns Ctrl-C into) stops every
pending fetch; cache writes are synchronous sqlite transactions between awaits, so a
cancelled scan leaves every cached document whole. `Scanner.summary` holds what was done
so far even when `run()` was cancelled.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reviewer.errors import ReviewerError
from reviewer.graph import Graph
from reviewer.graph.model import Package, Source
from reviewer.registry.service import DocKind, Origin, RegistryService

from .tasks import run_bounded

_SKIP_REASONS = {
    Source.GIT: "git source: no registry metadata",
    Source.TARBALL: "remote tarball: no registry metadata",
    Source.FILE: "local file: no registry metadata",
    Source.LINK: "link: no registry metadata",
    Source.WORKSPACE: "workspace package: no registry metadata",
}


@dataclass(frozen=True, slots=True)
class ScanProgress:
    done: int
    total: int
    elapsed: float
    name: str
    """The package just finished."""

    @property
    def rate(self) -> float:
        """Packages per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left at the current rate; None before the first result."""
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None


@dataclass(frozen=True, slots=True)
class ScanFailure:
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class ScanSkip:
    key: str
    """`name@version` of the skipped package."""
    reason: str


@dataclass(slots=True)
class ScanSummary:
    total: int = 0
    """Package names to fetch metadata for."""
    fetched: int = 0
    from_cache: int = 0
    revalidated: int = 0
    failed: list[ScanFailure] = field(default_factory=list)
    skipped: list[ScanSkip] = field(default_factory=list)
    cancelled: bool = False
    elapsed: float = 0.0
    requests: int = 0
    bytes_received: int = 0

    @property
    def done(self) -> int:
        return self.fetched + self.from_cache + self.revalidated + len(self.failed)


def registry_names(packages: Iterable[Package]) -> tuple[list[str], list[ScanSkip]]:
    """Unique names of registry packages (sorted) and the packages skipped, with reasons."""
    names: set[str] = set()
    skipped = []
    for package in packages:
        if package.source is Source.REGISTRY:
            names.add(package.name)
        else:
            reason = _SKIP_REASONS.get(package.source, f"{package.source} source")
            skipped.append(ScanSkip(package.key, reason))
    return sorted(names), sorted(skipped, key=lambda s: s.key)


def registry_versions(packages: Iterable[Package]) -> list[tuple[str, str]]:
    """`(name, version)` of every registry package (what `RegistryService.track` takes)."""
    return [(p.name, p.version) for p in packages if p.source is Source.REGISTRY]


class Scanner:
    """Fetch (or revalidate) the full packument of every registry package in a graph."""

    def __init__(self, graph: Graph, service: RegistryService, *,
                 on_progress: Callable[[ScanProgress], None] | None = None,
                 kind: DocKind = DocKind.FULL) -> None:
        self.service = service
        self.kind = kind
        self.on_progress = on_progress
        self.names, skipped = registry_names(graph)
        service.track(registry_versions(graph))
        self.summary = ScanSummary(total=len(self.names), skipped=skipped)

    async def run(self) -> ScanSummary:
        start = time.monotonic()
        summary = self.summary
        before = self.service.transfer_stats

        async def one(name: str) -> None:
            try:
                origin = await self.service.prefetch(name, self.kind)
            except ReviewerError as error:
                summary.failed.append(ScanFailure(name, str(error)))
            else:
                if origin is Origin.FETCHED:
                    summary.fetched += 1
                elif origin is Origin.REVALIDATED:
                    summary.revalidated += 1
                else:
                    summary.from_cache += 1
            report(name)

        def report(name: str) -> None:
            if self.on_progress is not None:
                self.on_progress(ScanProgress(summary.done, summary.total,
                                              time.monotonic() - start, name))

        # fresh documents first, synchronously: a warm scan creates no task at all
        pending = []
        for name in self.names:
            try:
                fresh = self.service.is_fresh(name, self.kind)
            except ReviewerError as error:
                summary.failed.append(ScanFailure(name, str(error)))
                report(name)
                continue
            if fresh:
                summary.from_cache += 1
                report(name)
            else:
                pending.append(name)
        try:
            await run_bounded(pending, one, self.service.config.concurrency)
        except asyncio.CancelledError:
            summary.cancelled = True
            raise
        finally:
            summary.elapsed = time.monotonic() - start
            after = self.service.transfer_stats
            summary.requests = after.requests - before.requests
            summary.bytes_received = after.bytes_received - before.bytes_received
        return summary
