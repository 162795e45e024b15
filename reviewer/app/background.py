"""The review of every package off the caller's event loop (issue 17: a screen that never
waits).

A `BackgroundReview` reviews on a thread of its own, with an event loop of its own and a
`ReviewService` of its own: the findings, errors and registry documents it produces live
in its own dicts while it works. After each package it adds what it found to a batch
under a lock; the caller's thread takes the batch (`take()`, e.g. from a timer) and applies
it to the session (`ReviewSession.apply`). So only the caller's thread ever changes what
its screens read, and the review thread never reads what the caller changes.

`pace` (optional) is called on the review thread after each package, and `settle`
(optional) once before the first: the terminal UI uses them to step aside while its own
loop has work (`reviewer.tui.pacing`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewer.app.review import ReviewProgress, ReviewService

if TYPE_CHECKING:
    from reviewer.app.session import ReviewSession
    from reviewer.registry.documents import Packument
    from reviewer.signals.finding import Finding


@dataclass
class ReviewBatch:
    """What the review thread found since the last `take()`."""

    results: dict[str, list[Finding]] = field(default_factory=dict)
    """Package key -> its sorted findings."""
    errors: dict[str, str] = field(default_factory=dict)
    """Package key -> why it could not be reviewed (untrusted text)."""
    packuments: dict[str, Packument] = field(default_factory=dict)
    """Registry documents fetched for those packages."""
    done: int = 0
    total: int = 0

    def __bool__(self) -> bool:
        return bool(self.results or self.errors or self.packuments)

    @property
    def keys(self) -> set[str]:
        return set(self.results) | set(self.errors)


class BackgroundReview:
    """Reviews every package of a session on its own thread; see the module docstring."""

    def __init__(self, session: ReviewSession, concurrency: int | None = None,
                 pace: Callable[[], None] | None = None,
                 settle: Callable[[], None] | None = None) -> None:
        self.graph = session.graph
        self._service = ReviewService(session.provider, session.settings,
                                      concurrency=concurrency or session.concurrency,
                                      reviewer=session.reviewer, keep_documents=True)
        self._pace = pace
        self._settle = settle
        self._lock = threading.Lock()
        self._batch = ReviewBatch()
        self._cancelled = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Future[Any] | None = None
        self._thread: threading.Thread | None = None

    # -- the caller's thread --------------------------------------------------------------

    def take(self) -> ReviewBatch:
        """What was found since the last call (an empty batch when nothing was); the
        progress counts are always the latest."""
        with self._lock:
            batch = self._batch
            self._batch = ReviewBatch(done=batch.done, total=batch.total)
        return batch

    async def run(self) -> None:
        """Review every package on a new thread; returns when it is done (raises what the
        review raised). Cancelling the awaiting task stops the thread's review too."""
        loop = asyncio.get_running_loop()
        finished: asyncio.Future[None] = loop.create_future()

        def settle(error: BaseException | None) -> None:
            if finished.done():
                return
            if error is None:
                finished.set_result(None)
            elif isinstance(error, asyncio.CancelledError):
                finished.cancel()
            else:
                finished.set_exception(error)

        def work() -> None:
            error: BaseException | None = None
            try:
                if self._settle is not None:
                    self._settle()
                asyncio.run(self._review())
            except BaseException as raised:  # noqa: BLE001 - handed to the caller's loop
                error = raised
            try:
                loop.call_soon_threadsafe(settle, error)
            except RuntimeError:  # the caller's loop is closed: nobody waits any more
                pass

        self._thread = threading.Thread(target=work, name="reviewer-background-review",
                                        daemon=True)
        self._thread.start()
        try:
            await asyncio.shield(finished)
        except asyncio.CancelledError:
            self.cancel()
            raise

    def cancel(self) -> None:
        """Stop the review (from any thread): packages under way are abandoned, what was
        reviewed stays to be taken."""
        with self._lock:
            self._cancelled = True
            loop, task = self._loop, self._task
        if loop is not None and task is not None:
            try:
                loop.call_soon_threadsafe(task.cancel)
            except RuntimeError:  # the review's loop has already ended
                pass

    def join(self, timeout: float | None = None) -> None:
        """Wait for the review thread to end (tests, shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout)

    # -- the review thread -----------------------------------------------------------------

    async def _review(self) -> None:
        task = asyncio.ensure_future(self._service.review_graph(self.graph, self._told))
        with self._lock:
            if self._cancelled:
                task.cancel()
            self._loop, self._task = asyncio.get_running_loop(), task
        try:
            await task
        finally:
            await self._close_loop()

    def _told(self, progress: ReviewProgress) -> None:
        service = self._service
        with self._lock:
            batch = self._batch
            batch.done, batch.total = progress.done, progress.total
            for key in progress.keys:
                if key in service.results:
                    batch.results[key] = service.results[key]
                if key in service.errors:
                    batch.errors[key] = service.errors[key]
                name = self.graph.packages[key].name
                if name in service.packuments:
                    batch.packuments[name] = service.packuments[name]
        if self._pace is not None and progress.keys:
            self._pace()

    async def _close_loop(self) -> None:
        """Close the provider's connections opened on this thread's loop."""
        from reviewer.registry.service import RegistryService

        provider = self._service.provider
        if isinstance(provider, RegistryService):
            try:
                await provider.close_loop()
            except Exception:  # noqa: BLE001 - closing never hides the review's outcome
                pass
