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
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field

from reviewer.errors import ReviewerError
from reviewer.graph import Graph
from reviewer.graph.model import Package, Source
from reviewer.registry.fetch_helper import FetchHelper
from reviewer.registry.service import DocKind, Origin, RegistryService

from .tasks import run_bounded

HELPER_MIN_NAMES = 64
"""From this many documents to fetch, a helper process fetches beside this one (both cores:
see `registry/fetch_helper.py`); below it, starting one costs more than it saves."""
HELPER_QUEUE = 4
"""Names given to the helper beyond its concurrency, so that it never waits for the next."""

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

        def count(name: str, origin: Origin | None, error: str | None) -> None:
            if error is not None or origin is None:
                summary.failed.append(ScanFailure(name, error or "no answer"))
            elif origin is Origin.FETCHED:
                summary.fetched += 1
            elif origin is Origin.REVALIDATED:
                summary.revalidated += 1
            else:
                summary.from_cache += 1
            if self.on_progress is not None:
                self.on_progress(ScanProgress(summary.done, summary.total,
                                              time.monotonic() - start, name))

        async def one(name: str) -> None:
            try:
                origin = await self.service.prefetch(name, self.kind)
            except ReviewerError as error:
                count(name, None, str(error))
            else:
                count(name, origin, None)

        # fresh documents first, synchronously: a warm scan creates no task at all
        pending = []
        for name in self.names:
            try:
                fresh = self.service.is_fresh(name, self.kind)
            except ReviewerError as error:
                count(name, None, str(error))
                continue
            if fresh:
                count(name, Origin.CACHE, None)
            else:
                pending.append(name)
        try:
            if len(pending) >= HELPER_MIN_NAMES:
                await self._fetch_beside_helper(pending, one, count)
            else:
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

    async def _fetch_beside_helper(
        self, pending: list[str], one: Callable[[str], Awaitable[None]],
        count: Callable[[str, Origin | None, str | None], None],
    ) -> None:
        """Fetch `pending` with a helper process (`registry/fetch_helper.py`) taking names
        from the other end of the list as it finishes earlier ones; the concurrency is
        shared between the two. Without a helper, all here as usual."""
        concurrency = self.service.config.concurrency
        here = (concurrency + 1) // 2
        names = deque(pending)
        helper: FetchHelper | None = None

        def top_up() -> None:
            while helper is not None and names and \
                    helper.outstanding < helper.concurrency + HELPER_QUEUE:
                name = names.pop()
                if not helper.give(name, self.service.tracked_versions(name)):
                    names.append(name)
                    return

        def done(name: str, origin: str | None, error: str | None) -> None:
            count(name, None if origin is None else Origin(origin), error)
            top_up()

        helper = self.service.fetch_helper(self.kind, concurrency - here, done)
        if helper is None:
            await run_bounded(pending, one, concurrency)
            return
        top_up()

        def taken_here() -> Iterator[str]:
            while names:
                yield names.popleft()

        try:
            await run_bounded(taken_here(), one, here)
            outcome = await helper.finish()
        except BaseException:
            helper.kill()
            raise
        if outcome.lost:  # the helper died: its unfinished names are done here
            await run_bounded(outcome.lost, one, concurrency)
