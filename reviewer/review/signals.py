"""Signals per change A->B: the signals engine's `review_upgrade`, once per change.

- added: everything about B (`review_package`, typosquat included);
- upgraded / downgraded / republished / source-changed: `review_upgrade(A, B)` (new or
  changed install scripts, maintainer and publisher changes against A, trust downgrade,
  recent release, new dependencies with their own signals);
- removed: nothing to trust, no signals.

Changes are reviewed `concurrency` at a time; the engine turns registry failures into
unknown findings, so this never raises for a missing document.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from reviewer.graph.model import Graph
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.review.changes import Change, ChangeKind, ChangeSet
from reviewer.signals.engine import review_upgrade
from reviewer.signals.finding import Finding
from reviewer.signals.settings import ReviewSettings

Progress = Callable[[int, int], None]


async def review_change(
    change: Change, head: Graph, provider: MetadataProvider, settings: ReviewSettings
) -> tuple[Finding, ...]:
    """The findings of one change (none for a removal)."""
    if change.kind is ChangeKind.REMOVED or change.head is None:
        return ()
    findings = await review_upgrade(change.base, change.head, head, provider, settings)
    return tuple(findings)


async def review_changes(
    changes: ChangeSet,
    head: Graph,
    provider: MetadataProvider,
    settings: ReviewSettings,
    *,
    concurrency: int = 16,
    progress: Progress | None = None,
) -> dict[str, tuple[Finding, ...]]:
    """Findings per `Change.id` for every change of the set."""
    provider = _BatchedAdvisories(provider, changes)
    gate = asyncio.Semaphore(max(1, concurrency))
    done = 0
    total = len(changes)

    async def one(change: Change) -> tuple[str, tuple[Finding, ...]]:
        nonlocal done
        async with gate:
            findings = await review_change(change, head, provider, settings)
        done += 1
        if progress is not None:
            progress(done, total)
        return change.id, findings

    return dict(await asyncio.gather(*(one(change) for change in changes)))


class _BatchedAdvisories:
    """A provider whose bulk advisory endpoint is asked once for every changed package.

    `review_upgrade` asks the registry about its own package; with twenty changes that is
    twenty POSTs. The first call here asks about all of them (the names and head versions
    of the change set) and every call is answered from that one reply, filtered to the
    names it asked about. Errors are raised again to every caller, as the engine expects.
    Other documents pass straight through to the wrapped provider.
    """

    def __init__(self, provider: MetadataProvider, changes: ChangeSet) -> None:
        self._provider = provider
        self._versions: dict[str, set[str]] = {}
        for change in changes:
            if change.head is not None:
                self._versions.setdefault(change.name, set()).add(change.head.version)
        self._answer: asyncio.Task[dict[str, Any] | None] | None = None
        bulk = getattr(provider, "bulk_advisories", None)
        if bulk is not None:
            self.bulk_advisories = self._bulk_advisories

    async def packument(self, name: str) -> Packument:
        return await self._provider.packument(name)

    async def tarball(
        self, name: str, version: str, integrity: str | None, url: str | None = None
    ) -> TarballContents:
        return await self._provider.tarball(name, version, integrity, url)

    async def _bulk_advisories(
        self, versions: Mapping[str, Sequence[str]]
    ) -> dict[str, Any] | None:
        if self._answer is None:
            everything = {name: sorted(held) for name, held in sorted(self._versions.items())}
            for name, asked in versions.items():
                everything[name] = sorted(set(everything.get(name, ())) | set(asked))
            bulk = self._provider.bulk_advisories  # type: ignore[attr-defined]
            self._answer = asyncio.ensure_future(bulk(everything))
        answer = await asyncio.shield(self._answer)
        if answer is None:
            return None
        return {name: answer[name] for name in versions if name in answer}
