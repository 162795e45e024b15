"""The background review runs off the screen's event loop (issue 17): a review that holds
its thread (a big document, a deep code analysis) or waits on a slow registry does not
stop the screen from answering keys; its results arrive in batches that only the screen's
thread applies (the screens iterate the session's dicts); cancelling stops it; and the
findings are the same as the CLI's."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from tui_helpers import fake_reviewer, settle, wait_until

from reviewer.app.background import BackgroundReview
from reviewer.cli.main import main
from reviewer.tui.app import ReviewerApp
from reviewer.tui.screens.main import MainScreen

BLOCK_SECONDS = 1.5
DELAY_SECONDS = 0.3
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus"))


class WatchedDict(dict):  # type: ignore[type-arg]
    """A dict that records which threads changed it."""

    def __init__(self, threads: set[int]) -> None:
        super().__init__()
        self.threads = threads

    def __setitem__(self, key: Any, value: Any) -> None:
        self.threads.add(threading.get_ident())
        super().__setitem__(key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.threads.add(threading.get_ident())
        super().update(*args, **kwargs)

    def pop(self, *args: Any) -> Any:
        self.threads.add(threading.get_ident())
        return super().pop(*args)


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

    session = make_session(reviewer=slow_reviewer)
    changed_by: set[int] = set()
    for name in ("results", "errors", "packuments"):  # what the screens iterate
        setattr(session.service, name, WatchedDict(changed_by))
    app = make_app(session, concurrency=1)
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
        await wait_until(pilot, lambda: len(session.findings) == len(session.keys()),
                         seconds=4 * BLOCK_SECONDS)
        timer.stop()
        assert "install-script" in {f.id for f in session.findings["evil-scripts@1.0.0"]}
        assert "done" in app.scan_progress
    assert threading.get_ident() not in threads  # reviewed on another thread
    assert changed_by == {threading.get_ident()}  # only the screen's thread changed them
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


async def test_quitting_during_the_review_ends_its_thread(make_app, make_session):
    started = threading.Event()

    async def waiting_reviewer(package):
        started.set()
        await asyncio.sleep(30)  # a registry that never answers
        return []

    app = make_app(make_session(reviewer=waiting_reviewer))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, started.is_set)
        review = app._review
        assert review is not None and started.is_set()
    review.join(timeout=5)
    assert not [t for t in threading.enumerate() if t.name == "reviewer-background-review"]


def test_batches_hold_what_was_found_since_the_last_take(make_session):
    """Without the TUI: the review thread's results wait in a batch until taken."""
    session = make_session()
    review = BackgroundReview(session, concurrency=2)
    asyncio.run(review.run())
    batch = review.take()
    assert batch.done == batch.total == len(session.keys())
    assert batch.keys == set(session.keys())
    assert not session.findings  # nothing applied yet: the caller's thread does that
    assert session.apply(batch) == set(session.keys())
    assert [f.id for f in session.findings_of("ansi-desc@2.0.0")] == ["deprecated"]
    assert not review.take()  # taken once


@pytest.fixture
def slow_corpus(tmp_path: Path, fixture_registry: Any) -> Path:
    """mono-npm (about 200 packages) against a fixture registry that answers every
    packument it knows DELAY_SECONDS late, and the others with a late 404."""
    project = tmp_path / "mono-npm"
    shutil.copytree(CORPUS / "mono-npm", project)
    lock = json.loads((project / "package-lock.json").read_text())
    names = {path.rsplit("node_modules/", 1)[1] for path in lock["packages"] if "node_modules/" in path}
    for name in names:
        fixture_registry.slow(f"/{name}", DELAY_SECONDS)
    return project


async def test_keys_answer_while_a_slow_registry_is_read_and_the_findings_match_report(
        slow_corpus: Path, fixture_registry: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    built: list[ReviewerApp] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self, *a, **k: built.append(self))
    assert main(["tui", str(slow_corpus), "--registry", fixture_registry.url,
                 "--cache-dir", str(tmp_path / "tui-cache"), "--concurrency", "8"]) == 0
    app = built.pop()
    session = app.session
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, lambda: app._review is not None)
        await pilot.press("s")
        assert isinstance(app.screen, MainScreen)
        screen = app.screen
        await wait_until(pilot, lambda: screen.table.row_count > 0)
        await pilot.press("down", "down", "up")
        assert screen.table.cursor_row == 1
        await pilot.press("slash", *"esbuild")
        assert screen.query_one("#filter-input", Input).value == "esbuild"
        await wait_until(pilot, lambda: screen.table.shown[:1] == ["esbuild@0.21.5"])
        assert screen.table.shown[0] == "esbuild@0.21.5"
        # all of that answered while the review was still reading the slow registry
        assert len(session.findings) < len(session.keys())
        assert not app._scan_worker.is_finished
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: len(session.findings) == len(session.keys()), 60)
        await settle(pilot)
        assert "done" in app.scan_progress
        from_tui = {key: sorted((f.id, str(f.severity), f.unknown, f.summary)
                                for f in session.findings_of(key)) for key in session.keys()
                    if session.graph.packages[key].source.value != "workspace"}
    capsys.readouterr()
    code = await asyncio.to_thread(
        main, ["report", str(slow_corpus), "--format", "json", "--registry", fixture_registry.url,
               "--cache-dir", str(tmp_path / "report-cache")])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    from_report = {
        f"{p['name']}@{p['version']}": sorted((s["id"], s["severity"], s["unknown"], s["summary"])
                                              for s in p["signals"])
        for p in report["packages"]}
    assert from_tui == {k: v for k, v in from_report.items() if k in from_tui}
    assert len(from_tui) > 150
    assert any(not unknown for signals in from_tui.values() for _, _, unknown, _ in signals)


async def test_the_code_is_analysed_in_a_worker_process_not_beside_the_screen(tmp_path: Path) -> None:
    """The terminal UI leaves code analyses to the worker processes (their GIL is not the
    screen's), and the pool starts although Textual has captured standard error (the
    resource tracker is given /dev/null): the demo's packages are analysed there."""
    from reviewer import workers
    from reviewer.app.session import ReviewSession
    from reviewer.demo import load_demo
    from reviewer.lockfiles import load_graph

    workers.shutdown()
    bundle = load_demo(tmp_path / "demo")
    session = ReviewSession(load_graph(bundle.project_dir), bundle.provider, bundle.project_dir,
                            settings=bundle.settings())
    app = ReviewerApp(session, keymap_path=tmp_path / "none.toml")
    assert workers._spared
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app._scan_worker is not None
                             and app._scan_worker.is_finished, 60)
            assert workers._pool is not None and not workers.disabled()
            assert any(f.id == "suspicious-code" for key in session.keys()
                       for f in session.findings_of(key))
    finally:
        workers.shutdown()
