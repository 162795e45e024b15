"""The background scan: progress, cancel, offline from the cache; theme switching."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static
from tui_helpers import FakeProvider, fixture_graph, rendered_text, settle, wait_until

from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.summary import SummaryScreen


async def test_the_scan_can_be_cancelled(make_app, make_session):
    provider = FakeProvider()
    gate = asyncio.Event()

    async def slow_reviewer(package):
        await gate.wait()
        return []

    session = make_session(provider=provider, reviewer=slow_reviewer)
    app = make_app(session)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("s")
        assert isinstance(app.screen, MainScreen)
        assert app.scan_progress.startswith("metadata 0/8")
        await pilot.press("x")
        await pilot.pause(0.3)
        assert "cancelled" in app.scan_progress
        assert not session.findings  # nothing reviewed, everything still shows `…`
        assert "…" in app.screen.table.get_row("left-pad@1.3.0")[0].plain
        assert app.is_running


async def test_offline_with_an_empty_cache_shows_unknowns(registry_config, project: Path):
    from reviewer.app.session import ReviewSession
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp

    service = RegistryService(registry_config(offline=True))
    session = ReviewSession(fixture_graph(project), service, project, offline=True)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert "done" in app.scan_progress
        assert all(session.scanned(k) for k in session.keys())
        assert any(f.unknown for k in session.keys() for f in session.findings_of(k))
        await pilot.press("s")
        await settle(pilot)
        overview = rendered_text(app.screen.detail.query_one("#body-overview", Static))
        assert "metadata" in overview and "offline" in overview.lower()


async def test_offline_from_a_warm_cache(registry_config, fixture_registry, project: Path):
    from reviewer.app.session import ReviewSession
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp

    online = ReviewSession(fixture_graph(project), RegistryService(registry_config()), project)
    await online.scan(lambda update: None)
    await online.provider.aclose()
    fixture_registry.stop()
    service = RegistryService(registry_config(offline=True))
    session = ReviewSession(fixture_graph(project), service, project, offline=True)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert {f.id for f in session.findings_of("bufferutil@4.1.0")} >= {"install-script"}
        assert "bufferutil" in session.packuments


async def test_light_and_dark_themes(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("s")
        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not app.current_theme.dark and app.theme == "textual-light"
        table = app.screen.table
        assert table.palette.danger.color is not None
        await pilot.press("ctrl+t")
        assert app.current_theme.dark


async def test_long_lived_objects_are_set_aside_from_the_collector_after_the_scan(make_app):
    """After the scan, what lives as long as the app is frozen out of the cyclic garbage
    collector's full passes (tail latency while typing); unfrozen when the app exits."""
    import gc

    assert gc.get_freeze_count() == 0
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert app.scan_progress.endswith("done")
        await wait_until(pilot, gc.get_freeze_count)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


async def test_without_a_scan_the_freeze_follows_the_first_paint(make_app):
    import gc

    app = make_app(scan=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_until(pilot, gc.get_freeze_count)  # right after the first paint
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


async def test_keystrokes_then_a_rest_run_one_full_collection(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        app.memory.rest_seconds = 0.3
        assert app.memory.collections == 0
        await pilot.press("s", "down", "down")  # (a slow machine may rest between them)
        await wait_until(pilot, lambda: app.memory.collections)  # it ticks every second
        assert app.memory.collections >= 1
        await pilot.pause(1.5)  # a rest after the last key has been collected too
        settled = app.memory.collections
        await pilot.pause(2.5)
        assert app.memory.collections == settled  # no input since: nothing more
