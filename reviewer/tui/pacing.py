"""The screen first: the background review (its own thread, `reviewer.app.background`)
runs while the screen's event loop has nothing to do, and steps aside when it has.

Both threads share one interpreter lock, so a review thread that computed flat out would
take half the interpreter from the screen whenever the screen has work (a key, building
the package list). `ScreenFirst` knows when the screen's loop is idle: it watches the
loop's selector, where an asyncio loop with nothing ready waits (a wait with a timeout
other than zero). After each package the review thread calls `pace()`, which returns at
once while the loop is idle and otherwise waits until it is, for at most `patience`
seconds, then goes on for `slice` seconds before it asks again, so that the review still
moves on under a screen that is never idle.

Before its first package the review waits for the screen to settle (`wait_settled`): for
its loop to have had nothing to do for `quiet` seconds, at most `limit` seconds. The first
screen is painted when the review starts, but a key typed at once (`s`: the package list)
builds the next screen right after, in many short steps between which the loop is idle
for a moment; a review that ran in those moments took about 40% of the interpreter from
it and the list came 150-250 ms later.

Where the loop has no selector to watch (another event loop implementation), `pace()`
only yields the interpreter to the screen's thread.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

PATIENCE_SECONDS = 0.02
"""The longest the review waits for an idle screen before it goes on anyway."""
SLICE_SECONDS = 0.01
"""After a wait, the review goes on this long without asking again: under a screen that
is never idle (the summary of a huge project redrawn) it still gets a third of the
interpreter, and a key waits at most this long."""
QUIET_SECONDS = 0.03
"""How long the screen's loop must have had nothing to do before the review starts."""
SETTLE_LIMIT_SECONDS = 1.0
"""The longest the review waits for that before it starts anyway."""


class ScreenFirst:
    """Install on the screen's loop (`install`), call `pace()` from the review thread."""

    def __init__(self, patience: float = PATIENCE_SECONDS, slice_: float = SLICE_SECONDS) -> None:
        self.patience = patience
        self.slice = slice_
        self._go_on_until = 0.0
        self._idle = threading.Event()
        self._idle_since = 0.0
        """When the loop last began to wait with nothing to do (perf_counter)."""
        self._selector: Any = None
        self._select: Callable[..., Any] | None = None

    @property
    def installed(self) -> bool:
        return self._selector is not None

    def install(self, loop: asyncio.AbstractEventLoop) -> bool:
        """Watch `loop`'s selector (from the loop's own thread). False when it has none."""
        if self._selector is not None:
            return True
        selector = getattr(loop, "_selector", None)
        select = getattr(selector, "select", None)
        if selector is None or select is None:
            return False
        idle = self._idle

        def watched_select(timeout: float | None = None) -> Any:
            if timeout is None or timeout > 0:  # nothing ready: the loop waits for I/O or a timer
                self._idle_since = time.perf_counter()
                idle.set()
            try:
                return select(timeout)
            finally:
                idle.clear()

        selector.select = watched_select
        self._selector, self._select = selector, select
        return True

    def uninstall(self) -> None:
        """Stop watching (the review is over); the review thread is not held any more."""
        selector = self._selector
        if selector is not None:
            try:
                del selector.select  # the class's own method again
            except AttributeError:
                pass
        self._selector = self._select = None
        self._idle.set()

    def pace(self) -> None:
        """On the review thread, after each package: wait for an idle screen (bounded)."""
        if self._selector is None:
            time.sleep(0)  # at least let a waiting screen thread have the interpreter
            return
        if self._idle.is_set() or time.perf_counter() < self._go_on_until:
            return
        self._idle.wait(self.patience)
        self._go_on_until = time.perf_counter() + self.slice

    def wait_settled(self, quiet: float = QUIET_SECONDS, limit: float = SETTLE_LIMIT_SECONDS) -> None:
        """On the review thread, before it starts: wait until the screen's loop has had
        nothing to do for `quiet` seconds in a row, or `limit` seconds have passed."""
        deadline = time.perf_counter() + limit
        while self._selector is not None:
            left = deadline - time.perf_counter()
            if left <= 0 or not self._idle.wait(left):
                return
            since = self._idle_since
            rest = since + quiet - time.perf_counter()
            if rest > 0:
                time.sleep(min(rest, max(0.0, deadline - time.perf_counter())))
            if self._idle.is_set() and self._idle_since == since:
                return  # idle all along
