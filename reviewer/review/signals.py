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
from collections.abc import Callable

from reviewer.graph.model import Graph
from reviewer.registry.interface import MetadataProvider
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
