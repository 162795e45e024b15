"""The package list first (issue 17): what the main screen builds before its list is on the
screen, what a batch of review results redraws, and the review waiting for a settled screen."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Button
from tui_helpers import fake_reviewer, settle, wait_until

from reviewer.app.session import ReviewSession, ReviewState
from reviewer.graph.model import DepKind, Edge, Graph, Importer, LockfileInfo, Package
from reviewer.tui.pacing import ScreenFirst
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.widgets.detail_pane import TABS
from reviewer.tui.widgets.key_footer import QuietFooter


async def test_the_list_is_on_the_screen_before_the_detail_tabs_are_built(make_app):
    seen: list[tuple[int, bool]] = []
    original = Screen._compositor_refresh

    def recording(screen: Screen) -> None:  # type: ignore[type-arg]
        original(screen)
        if isinstance(screen, MainScreen) and screen.ready:
            seen.append((screen.table.row_count, bool(screen.query("#detail-tabs"))))

    Screen._compositor_refresh = recording  # type: ignore[method-assign]
    try:
        app = make_app(scan=False)
        async with app.run_test(size=(160, 48)) as pilot:
            await pilot.press("s")
            await settle(pilot)
            main = app.screen
            assert isinstance(main, MainScreen)
            first = next(entry for entry in seen if entry[0])
            assert first == (main.table.row_count, False)  # every row; no tabs yet
            assert seen[-1][1]  # then the tabs
            await wait_until(pilot, lambda: len(main.query(".detail-body")) == len(TABS))
            assert [body.id for body in main.query(".detail-body")] == \
                [f"body-{tab}" for tab, _ in TABS]  # every tab filled, in order
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]


async def test_a_detail_asked_for_before_its_tabs_exist_opens_with_the_focus(make_app):
    app = make_app(scan=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("s", "enter", "right_square_bracket")  # at once: nothing built yet
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen) and main.detail_full
        assert main.detail.active_tab == "scripts"
        assert app.focused is not None and app.focused.id == "scroll-scripts"
        body = str(main.query_one("#body-overview").render())
        assert "Select a package." not in body  # the package was shown once its tab existed


def many_packages(count: int, lockfile: Path) -> Graph:
    graph = Graph(LockfileInfo(lockfile, "npm", "3"))
    root = graph.add_importer(Importer(".", "big", "1.0.0"))
    for index in range(count):
        package = graph.add_package(Package(f"pkg-{index:04d}", "1.0.0", f"sha512-{index}"))
        graph.add_edge(Edge(root.node, package.key, package.name, "^1.0.0", DepKind.PROD))
    return graph


async def test_a_batch_of_results_composes_only_the_rows_on_the_screen(make_app, project: Path):
    session = ReviewSession(many_packages(600, project / "package-lock.json"), project_dir=project,
                            reviewer=fake_reviewer)
    app = make_app(session, scan=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        table = main.table
        keys = set(session.keys())
        first = table.shown[0]
        session.states[first] = ReviewState.DENIED  # as a decision or a finding would
        table.refresh_keys(keys)  # what one batch of the background review does
        await pilot.pause()
        assert len(table._rows) <= 48  # the rows drawn, not the 600 named
        assert "denied" in table.row_text(first).plain
        line = "".join(segment.text for segment in table.render_line(1))  # under the header
        assert first.split("@")[0] in line and "denied" in line


class TwoButtons(App[None]):
    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield QuietFooter()


async def test_the_footer_keeps_its_keys_while_the_keys_shown_stay_the_same() -> None:
    app = TwoButtons()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        footer = app.query_one(QuietFooter)
        keys = list(footer.children)
        assert keys
        for widget in ("two", "one", "two"):  # focus moves: the same bindings
            app.query_one(f"#{widget}").focus()
            await pilot.pause()
        assert list(footer.children) == keys  # the same widgets: nothing rebuilt
        app.bind("x", "bell", description="Ring")  # a key more to show
        app.refresh_bindings()
        await wait_until(pilot, lambda: list(footer.children) != keys)
        assert any("Ring" in str(key.render()) for key in footer.children)


async def test_the_footer_keys_mount_with_the_footers_compact_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A FooterKey's `compact` starts True and is bound to its footer's (False here): each
    key had its classes and styles updated again as it mounted. Now none is, and the keys
    are not compact."""
    from textual.widgets._footer import FooterKey

    updated: list[FooterKey] = []
    original = FooterKey.update_node_styles

    def counting(self: FooterKey, *args: object, **kwargs: object) -> None:
        updated.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(FooterKey, "update_node_styles", counting)
    app = TwoButtons()
    app.bind("x", "bell", description="Ring")
    app.bind("y", "bell", description="Ring again")
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        keys = [key for key in app.query(FooterKey) if not key.has_class("-command-palette")]
        assert keys
        assert not any(key.compact or key.has_class("-compact") for key in keys)
        assert [key for key in updated if key in keys] == []


def run_loop_in_thread() -> tuple[asyncio.AbstractEventLoop, threading.Thread]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    return loop, thread


def stop_loop(loop: asyncio.AbstractEventLoop, thread: threading.Thread) -> None:
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def test_the_review_waits_for_the_screen_to_settle_before_it_starts() -> None:
    loop, thread = run_loop_in_thread()
    pacing = ScreenFirst()
    try:
        installed = asyncio.run_coroutine_threadsafe(_install(pacing), loop).result(5)
        assert installed
        busy_until: list[float] = []
        working = threading.Event()

        def step(end: float) -> None:  # a screen being built: work, then more work at once
            working.set()
            time.sleep(0.002)  # the work (it lets the test's thread run meanwhile)
            if time.perf_counter() < end:
                loop.call_soon(step, end)
            else:
                busy_until.append(time.perf_counter())

        loop.call_soon_threadsafe(step, time.perf_counter() + 0.3)
        assert working.wait(5)
        pacing.wait_settled(quiet=0.03, limit=5.0)
        started = time.perf_counter()
        assert busy_until and started >= busy_until[0] + 0.03  # after the work, and a rest
        assert started < busy_until[0] + 2.0

        begun = time.perf_counter()
        pacing.wait_settled(quiet=0.03, limit=5.0)  # an idle screen: at once, nearly
        assert time.perf_counter() - begun < 2.0

        working.clear()
        loop.call_soon_threadsafe(step, time.perf_counter() + 60)  # never idle again
        assert working.wait(5)
        begun = time.perf_counter()
        pacing.wait_settled(quiet=0.03, limit=0.3)
        waited = time.perf_counter() - begun
        assert 0.29 <= waited < 3.0  # the limit: the review starts anyway
    finally:
        pacing.uninstall()
        stop_loop(loop, thread)
    begun = time.perf_counter()
    pacing.wait_settled(quiet=0.03, limit=5.0)  # nothing watched: at once
    assert time.perf_counter() - begun < 0.1


async def _install(pacing: ScreenFirst) -> bool:
    return pacing.install(asyncio.get_running_loop())
