"""A second process that fetches registry documents into the shared disk cache, so that a
cold scan uses both cores.

Why: the HTTP client (httpx with h2, pure Python) costs about as much CPU per document as
reading it off the wire takes, so one process cannot keep pace with the network, let alone
also parse and compact what it reads. The scan gives this helper names one at a time, from
the other end of its list, as the helper finishes earlier ones: both processes stay busy to
the end, whatever the sizes of the documents.

- Started with the `spawn` method (never `fork` from a process that may run threads); it
  ignores SIGINT (Ctrl-C reaches the whole process group: the parent stops it) and exits
  when its pipe closes, so it never outlives the scan that started it.
- It has its own `RegistryService` (its own HTTP connection) over the same cache
  directory; diskcache is safe across processes. It never rebuilds a cache it cannot read
  (the parent owns that): it then fetches without storing and says so in a warning.
- It runs no worker processes of its own (`workers.disable()`): it has one core's budget.
- Not started where it cannot help or cannot be exact: offline, without a disk cache (its
  documents would be lost), with a client or clock given by the caller (tests), with one
  CPU or `REVIEWER_WORKERS=0`, on Windows (no `add_reader` for a pipe), or where a process
  cannot be started (the work is then done in this process, as before).

Protocol over one duplex pipe (small pickled tuples; nothing else ever crosses it):
    parent -> helper   ("fetch", name, [locked versions])   ("end",)
    helper -> parent   ("done", name, origin value | None, error message | None,
                        requests, retries, bytes received so far)
                       ("over", [warnings])   (after "end", once every name is done)
"""

from __future__ import annotations

import asyncio
import pickle
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reviewer.errors import ReviewerError
from reviewer.registry.stats import TransferStats

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from reviewer.registry.config import RegistryConfig

OnDone = Callable[[str, str | None, str | None], None]
"""`(name, origin value or None, error message or None)` for each name the helper finished."""
OnOver = Callable[["HelperOutcome"], None]
"""Told once, when the helper is over (finished or killed), what it transferred and warned."""


@dataclass(slots=True)
class HelperOutcome:
    """What the helper did, once it is over."""

    stats: TransferStats = field(default_factory=TransferStats)
    warnings: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    """Names given to the helper that it never finished (it died): the scan does them."""


class FetchHelper:
    """The parent's handle on a running helper process. Use from one event loop."""

    def __init__(self, process: BaseProcess, conn: Connection, concurrency: int,
                 on_done: OnDone, on_over: OnOver) -> None:
        self.concurrency = concurrency
        self._process = process
        self._conn = conn
        self._on_done = on_done
        self._on_over = on_over
        self._loop = asyncio.get_running_loop()
        self._outstanding: set[str] = set()
        self._ended = False
        self._closed = False
        self._outcome = HelperOutcome()
        self._over: asyncio.Future[HelperOutcome] = self._loop.create_future()
        self._loop.add_reader(conn.fileno(), self._readable)

    @classmethod
    def start(cls, config: RegistryConfig, kind: str, concurrency: int, on_done: OnDone,
              on_over: OnOver) -> FetchHelper | None:
        """A running helper, or None when no process could be started here (e.g. standard
        streams that are not real files) or its pipe cannot be watched by the event loop
        (Windows' proactor loop has no `add_reader`)."""
        if sys.platform == "win32":
            return None
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(target=serve, args=(child_end, config, kind, concurrency),
                                  name="reviewer-fetch", daemon=True)
        try:
            process.start()
        except (OSError, ValueError, RuntimeError):
            parent_end.close()
            child_end.close()
            return None
        child_end.close()
        return cls(process, parent_end, concurrency, on_done, on_over)

    @property
    def outstanding(self) -> int:
        """Names given and not finished."""
        return len(self._outstanding)

    def give(self, name: str, versions: list[str]) -> bool:
        """Hand one name to the helper; False when it is gone (the caller keeps the name)."""
        if self._ended or self._over.done():
            return False
        try:
            self._conn.send(("fetch", name, versions))
        except (OSError, ValueError):
            self._lose()
            return False
        self._outstanding.add(name)
        return True

    async def finish(self) -> HelperOutcome:
        """No more names: wait for the helper to finish those it has, and end. The names it
        never finished (it died) are in `lost`."""
        if not self._ended and not self._over.done():
            self._ended = True
            try:
                self._conn.send(("end",))
            except (OSError, ValueError):
                self._lose()
        outcome = await asyncio.shield(self._over)
        await self._loop.run_in_executor(None, self._process.join, 5.0)
        self._close()
        return outcome

    def kill(self) -> None:
        """Stop the helper now (the scan was cancelled). Its cache writes are SQLite
        transactions: a document is stored whole or not at all."""
        if self._process.is_alive():
            self._process.terminate()
        self._lose()
        self._close()

    def _close(self) -> None:
        """Once, when the helper is over: stop reading, close the pipe, tell `on_over`."""
        if self._closed:
            return
        self._closed = True
        self._stop_reading()
        self._conn.close()
        self._on_over(self._outcome)

    # -- the parent's end of the pipe ------------------------------------------------------

    def _readable(self) -> None:
        while not self._closed:
            try:
                if not self._conn.poll():
                    return
                message = self._conn.recv()
            except (EOFError, OSError, ValueError, TypeError, pickle.UnpicklingError):
                self._lose()  # the helper is gone, or its end of the pipe is unusable
                return
            self._handle(message)

    def _handle(self, message: Any) -> None:
        kind = message[0]
        if kind == "done":
            _, name, origin, error, requests, retries, received = message
            self._outstanding.discard(name)
            self._outcome.stats = TransferStats(requests, retries, received)
            self._on_done(name, origin, error)
        elif kind == "over":
            self._outcome.warnings = list(message[1])
            if not self._over.done():
                self._over.set_result(self._outcome)
            self._stop_reading()

    def _lose(self) -> None:
        """The helper is gone: what it had not finished goes back to the scan."""
        self._stop_reading()
        if not self._over.done():
            self._outcome.lost = sorted(self._outstanding)
            self._outstanding.clear()
            self._over.set_result(self._outcome)

    def _stop_reading(self) -> None:
        try:
            self._loop.remove_reader(self._conn.fileno())
        except (OSError, ValueError):
            pass



# -- the helper process -----------------------------------------------------------------------

def serve(conn: Connection, config: RegistryConfig, kind: str, concurrency: int) -> None:
    """The helper's entry point (module level, for `spawn`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from reviewer import workers

    workers.disable()
    try:
        asyncio.run(_serve(conn, config, kind, concurrency))
    finally:
        conn.close()


async def _serve(conn: Connection, config: RegistryConfig, kind_value: str,
                 concurrency: int) -> None:
    from reviewer.registry.cache import MetadataCache
    from reviewer.registry.service import DocKind, RegistryService

    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, list[str]] | None] = asyncio.Queue()
    kind = DocKind(kind_value)
    warnings: list[str] = []
    stopped = False

    def stop() -> None:
        nonlocal stopped
        if not stopped:
            stopped = True
            loop.remove_reader(conn.fileno())
            for _ in range(concurrency):
                queue.put_nowait(None)

    def readable() -> None:
        try:
            while conn.poll():
                message = conn.recv()
                if message[0] == "fetch":
                    queue.put_nowait((message[1], message[2]))
                else:
                    stop()
                    return
        except (EOFError, OSError):  # the parent is gone
            stop()

    assert config.cache_dir is not None
    cache = MetadataCache(config.cache_dir, warn=warnings.append, rebuild=False)
    async with RegistryService(config, cache=cache, warn=warnings.append) as service:

        async def work() -> None:
            while (item := await queue.get()) is not None:
                name, versions = item
                service.track((name, version) for version in versions)
                origin: str | None = None
                error: str | None = None
                try:
                    origin = (await service.prefetch(name, kind)).value
                except ReviewerError as failure:
                    error = str(failure)
                stats = service.transfer_stats  # so far: what a killed helper did counts
                try:
                    conn.send(("done", name, origin, error, stats.requests, stats.retries,
                               stats.bytes_received))
                except OSError:
                    stop()

        loop.add_reader(conn.fileno(), readable)
        await asyncio.gather(*(work() for _ in range(concurrency)))
    try:
        conn.send(("over", list(dict.fromkeys(warnings))))
    except OSError:
        pass
