"""Garbage collection paced for an interactive app: full collections while the user rests,
not in the middle of a keystroke.

CPython's full (generation 2) collection walks every object that has survived long enough.
With the large-npm corpus loaded that is the graph, the registry documents, the findings and
Textual's render caches, and a full pass took 150-200 ms: every few dozen keystrokes one of
them waited that long to be drawn (bench_tui, 90th-95th percentile). So, while the app runs:

- what is alive once the scan is done lives as long as the app: it is set aside (`gc.freeze`)
  and no collection walks it again;
- automatic full collections are made rare (generation 2 threshold), and a full collection
  runs instead once the user has rested for a moment after some input, then sets the
  survivors aside again;
- when the app stops, the thresholds are restored and nothing stays frozen.

From launch to the first paint (`launch_pause`) there is no automatic collection at all:
what is built then (the graph of the lockfile, the policy, the screens) lives as long as
the app, and on a 10,000-entry lockfile the collector walked it over and over, about a
sixth of the CPU spent before anything was drawn. The first paint sets it aside
(`IdleCollector.painted`) and collection resumes.

Reference counting still frees everything that is not part of a cycle, at once, as always.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

REST_SECONDS = 2.0
"""How long without input counts as a rest."""
RARE_FULL_COLLECTIONS = 1_000
"""Generation 2 threshold while the app runs (CPython's default is 10)."""


class _LaunchPause:
    active = False
    """Automatic collection is off until the first paint (`launch_pause`)."""


@contextmanager
def launch_pause() -> Iterator[None]:
    """Around the launch of the app (loading the project, running the app): no automatic
    collection until `IdleCollector.painted()`; on again when this ends, however it ends."""
    if not gc.isenabled():  # someone else's pause: theirs to end
        yield
        return
    gc.disable()
    _LaunchPause.active = True
    try:
        yield
    finally:
        if _LaunchPause.active:
            _LaunchPause.active = False
            gc.enable()


class IdleCollector:
    """Start, tell it about input, tick it now and then; stop when the app ends."""

    def __init__(self, rest_seconds: float = REST_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rest_seconds = rest_seconds
        self.clock = clock
        self.collections = 0
        """Full collections run at rest (for tests and curiosity)."""
        self._last_input = clock()
        self._input_since_collection = False
        self._saved_thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        if self._saved_thresholds is None:
            self._saved_thresholds = gc.get_threshold()
            young, middle, _ = self._saved_thresholds
            gc.set_threshold(young, middle, RARE_FULL_COLLECTIONS)

    def stop(self) -> None:
        if self._saved_thresholds is not None:
            gc.set_threshold(*self._saved_thresholds)
            self._saved_thresholds = None
        gc.unfreeze()

    def painted(self) -> None:
        """The first screen is on the terminal: end the launch pause (`launch_pause`), with
        what was built so far set aside, as `settle` does."""
        if _LaunchPause.active:
            _LaunchPause.active = False
            gc.freeze()
            gc.enable()

    def settle(self) -> None:
        """The long-lived data is loaded: collect once, and set what survives aside."""
        gc.collect()
        gc.freeze()

    def input_seen(self) -> None:
        self._last_input = self.clock()
        self._input_since_collection = True

    def tick(self) -> bool:
        """Run a full collection if there was input since the last one and the user has
        rested since; True if it ran."""
        if not self._input_since_collection:
            return False
        if self.clock() - self._last_input < self.rest_seconds:
            return False
        self._input_since_collection = False
        gc.unfreeze()  # everything, frozen or not, is looked at in this pass
        gc.collect()
        gc.freeze()
        self.collections += 1
        return True
