"""SVG snapshots of every screen at 80x24 and 160x48 (pinned dark theme, no cursor blink).

Update with `pytest tests/tui/test_tui_snapshots.py --snapshot-update` only after looking
at the report of the differences."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from tui_helpers import settle

from reviewer.tui.screens.summary import SummaryScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
DEMO_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


async def steady(pilot: Any) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()  # toasts time out: their presence would be a race
    await pilot.pause()
    # A toast drawn on a screen that is no longer on top (behind a modal) is not removed by
    # clear_notifications, which refreshes the top screen only: remove those too.
    for screen in pilot.app.screen_stack:
        for toast in screen.query("Toast"):
            await toast.remove()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def on_main(*keys: str, tab: str | None = None) -> Callable[[Any], Awaitable[None]]:
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        if isinstance(pilot.app.screen, SummaryScreen):
            await pilot.press("s")
        if tab is not None:
            pilot.app.screen.detail.show_tab(tab)
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
        await steady(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_summary_first_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_main_table(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main())


@pytest.mark.parametrize("size", SIZES)
def test_main_tree(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main("t", "down", "down"))


@pytest.mark.parametrize("tab", ["overview", "scripts", "maintainers", "advisories", "diff"])
@pytest.mark.parametrize("size", SIZES)
def test_detail_tab(snap_compare, make_app, size, tab):
    keys = ("down",) if tab == "advisories" else ()  # left-pad: the package with an advisory
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main(*keys, tab=tab))


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_quit_confirmation(snap_compare, make_app, size):
    async def run_before(pilot: Any) -> None:
        await on_main("a", "y")(pilot)  # approved past the second look (its toast cleared)
        await pilot.press("q")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_demo_first_screen(snap_compare, tmp_path: Path, size):
    from reviewer.app.session import ReviewSession
    from reviewer.demo import load_demo
    from reviewer.lockfiles import load_graph
    from reviewer.tui.app import ReviewerApp

    bundle = load_demo(tmp_path / "demo", now=DEMO_NOW)
    session = ReviewSession(load_graph(bundle.project_dir), bundle.provider, bundle.project_dir,
                            settings=bundle.settings())
    app = ReviewerApp(session, keymap_path=tmp_path / "none.toml")
    assert snap_compare(app, terminal_size=size, run_before=steady)


# -- issue 15: the terminal UI tells the truth, and 80x24 is first-class -----------------

def demo_app(tmp_path: Path) -> Any:
    from reviewer.app.session import ReviewSession
    from reviewer.demo import load_demo
    from reviewer.lockfiles import load_graph
    from reviewer.tui.app import ReviewerApp

    bundle = load_demo(tmp_path / "demo", now=DEMO_NOW)
    session = ReviewSession(load_graph(bundle.project_dir), bundle.provider, bundle.project_dir,
                            settings=bundle.settings())
    return ReviewerApp(session, keymap_path=tmp_path / "none.toml")


@pytest.mark.parametrize("size", SIZES)
def test_demo_takeover_diff_reads_previous_to_locked(snap_compare, tmp_path: Path, size):
    """The Diff tab of the takeover, the detail focused (Tab): 1.3.1 → 1.3.2 (locked)."""
    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        pilot.app.screen.jump_to("tiny-json-merge@1.3.2")
        pilot.app.screen.detail.show_tab("diff")
        await pilot.press("tab")
        await steady(pilot)

    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_stripped_registry_says_unknown_once(snap_compare, fixture_registry, registry_config,
                                            project: Path, size):
    """No badge letter, "none" or "0" for what the registry strips; the status line says it."""
    from stripped import serve_stripped
    from tui_helpers import fixture_graph

    from reviewer.app.session import ReviewSession
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp

    serve_stripped(fixture_registry, "bufferutil", "left-pad")
    session = ReviewSession(fixture_graph(project), RegistryService(registry_config()), project)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    assert snap_compare(app, terminal_size=size, run_before=on_main(tab="overview"))


@pytest.mark.parametrize("size", SIZES)
def test_stripped_registry_summary(snap_compare, fixture_registry, registry_config,
                                   project: Path, size):
    from stripped import serve_stripped
    from tui_helpers import fixture_graph

    from reviewer.app.session import ReviewSession
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp

    serve_stripped(fixture_registry, "bufferutil", "left-pad")
    session = ReviewSession(fixture_graph(project), RegistryService(registry_config()), project)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    assert snap_compare(app, terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_enter_opens_the_detail_full_screen(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main("enter", tab="scripts"))


@pytest.mark.parametrize("size", SIZES)
def test_tab_gives_the_detail_the_room(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main("tab", tab="maintainers"))


@pytest.mark.parametrize("size", SIZES)
def test_legend_on_l(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main("l"))


@pytest.mark.parametrize("size", SIZES)
def test_second_look_before_approving_danger(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main("a"))


@pytest.mark.parametrize("size", SIZES)
def test_a_saved_note_is_shown_again(snap_compare, make_app, project: Path, size):
    (project / "reviewer-policy.toml").write_text(
        'version = 1\n\n[[notes]]\nname = "evil-scripts"\nversion = "1.0.0"\n'
        'note = "ask Bob before approving"\nby = "alice"\ndate = 2026-11-20\n')
    assert snap_compare(make_app(), terminal_size=size, run_before=on_main(tab="overview"))
