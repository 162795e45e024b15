"""The background review runs off the screen's event loop (issue 17): a review that holds
its thread for a long time (a big document, a deep code analysis) does not stop the screen
from answering keys; results arrive in batches; cancelling stops it."""

from __future__ import annotations

import threading
import time

from tui_helpers import fake_reviewer, settle, wait_until

from reviewer.tui.screens.main import MainScreen

BLOCK_SECONDS = 1.5


async def test_a_slow_review_does_not_hold_the_screen(make_app, make_session):
    threads: set[int] = set()
    blocked: list[tuple[float, float]] = []

    async def slow_reviewer(package):
        threads.add(threading.get_ident())
        if package.key.startswith(("evil-scripts", "left-pad")):
            start = time.perf_counter()
            time.sleep(BLOCK_SECONDS)  # holds its loop: nothing is awaited
            blocked.append((start, time.perf_counter()))
        return await fake_reviewer(package)

    app = make_app(make_session(reviewer=slow_reviewer), concurrency=1)
    ticks: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:

        def probe() -> None:  # the screen's loop, 20 times a second
            ticks.append(time.perf_counter())

        timer = app.set_interval(0.05, probe)
        await wait_until(pilot, lambda: bool(threads))
        await pilot.press("s")  # to the package list while the review holds its thread
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert isinstance(app.screen, MainScreen)
        await settle(pilot)
        await wait_until(pilot, lambda: len(app.session.findings) == len(app.session.keys()),
                         seconds=4 * BLOCK_SECONDS)
        timer.stop()
        assert "install-script" in {f.id for f in app.session.findings["evil-scripts@1.0.0"]}
    assert threading.get_ident() not in threads  # reviewed on another thread
    # the screen's loop kept its timer going while each review held its thread (on the
    # screen's loop, no tick could happen inside a block)
    assert len(blocked) == 2
    for start, end in blocked:
        assert any(start < tick < end for tick in ticks), (start, end, ticks)


async def test_cancelling_stops_the_review_thread(make_app, make_session):
    reviewed: list[str] = []

    async def slow_reviewer(package):
        reviewed.append(package.key)
        time.sleep(0.3)
        return await fake_reviewer(package)

    app = make_app(make_session(reviewer=slow_reviewer), concurrency=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: bool(reviewed))
        app.cancel_scan()
        await pilot.pause(1.0)
        count = len(reviewed)
        await pilot.pause(1.0)
        assert len(reviewed) == count  # nothing more after the cancel
        assert count < len(app.session.keys())
        assert "(cancelled)" in app.scan_progress
