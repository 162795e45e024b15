"""Issue 15 with Pilot, at 80x24 and 160x48: the Diff tab reads previous → locked in browse
mode, notes persist in the policy, 80x24 is usable (Enter / Escape / Tab, visible focus,
footer, legend), `a` takes a second look at high and critical signals, and the summary
names the stories. (Unknown said once: test_tui_unknown_once.py.)"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Select, Static
from tui_helpers import rendered_text, settle

from reviewer.app.session import ReviewSession, ReviewState
from reviewer.tui.screens.confirm import ConfirmScreen
from reviewer.tui.screens.help import LegendScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.note import NoteScreen
from reviewer.tui.screens.summary import SummaryScreen
from reviewer.tui.widgets.key_footer import KeyFooter

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
DEMO_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TAKEOVER = "tiny-json-merge@1.3.2"


def demo_app(tmp_path: Path) -> Any:
    from reviewer.demo import load_demo
    from reviewer.lockfiles import load_graph
    from reviewer.tui.app import ReviewerApp

    bundle = load_demo(tmp_path / "demo", now=DEMO_NOW)
    session = ReviewSession(load_graph(bundle.project_dir), bundle.provider, bundle.project_dir,
                            settings=bundle.settings())
    return ReviewerApp(session, keymap_path=tmp_path / "none.toml")


async def to_main(pilot: Any) -> MainScreen:
    await settle(pilot)
    if isinstance(pilot.app.screen, SummaryScreen):
        await pilot.press("s")
        await settle(pilot)
    assert isinstance(pilot.app.screen, MainScreen)
    return pilot.app.screen


def body(main: MainScreen, tab: str) -> str:
    return rendered_text(main.detail.query_one(f"#body-{tab}", Static))


# -- 1. the Diff tab reads the way the change happened ------------------------------------

@pytest.mark.parametrize("size", SIZES)
async def test_browse_mode_diff_reads_previous_release_to_locked(tmp_path: Path, size):
    app = demo_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        main.jump_to(TAKEOVER)
        main.detail.show_tab("diff")
        await settle(pilot)
        text = body(main, "diff")
        assert "tiny-json-merge@1.3.1 → tiny-json-merge@1.3.2 (locked)" in text, text
        assert "previous release → locked: + is in the locked version" in " ".join(text.split())
        assert "added     scripts/setup.js" in text  # what the takeover brought in is added
        assert "+ scripts.postinstall: node scripts/setup.js" in text
        assert "removed" not in text
        select = main.detail.query_one("#diff-version", Select)
        assert select.value == "1.3.1"  # the selector shows what the default compared with


@pytest.mark.parametrize("size", SIZES)
async def test_diff_against_another_release_still_reads_towards_the_locked_one(
        make_app, make_session, size):
    from tui_helpers import MemoryTarball

    session = make_session()
    session.provider.tarballs[("dep-b", "1.0.0")] = MemoryTarball({"index.js": "one\n"})
    session.provider.tarballs[("dep-b", "2.0.0")] = MemoryTarball({"index.js": "two\n",
                                                                   "new.js": "x\n"})
    app = make_app(session)
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        main.jump_to("dep-b@2.0.0")
        main.detail.show_tab("diff")
        await settle(pilot)
        text = body(main, "diff")
        assert "dep-b@1.0.0 → dep-b@2.0.0 (locked)" in text and "added     new.js" in text
        main.jump_to("dep-b@1.0.0")  # the first release: compared with the newest other one
        await settle(pilot)
        text = body(main, "diff")
        assert "dep-b@2.0.0 → dep-b@1.0.0 (locked)" in text, text
        assert "another release → locked" in " ".join(text.split())
        assert "removed   new.js" in text  # 1.0.0 does not have it


# -- 3. notes persist --------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
async def test_a_note_on_an_undecided_package_is_saved_and_shown_next_time(
        make_app, make_session, project: Path, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        main.jump_to("dep-a@1.0.0")  # no decision, no signal
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"ask [b]Bob[/b] first")
        await pilot.press("enter")
        assert app.session.state("dep-a@1.0.0") is ReviewState.UNREVIEWED
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
    data = tomllib.loads((project / "reviewer-policy.toml").read_text())
    [note] = data["notes"]
    assert (note["name"], note["version"], note["note"]) == ("dep-a", "1.0.0", "ask [b]Bob[/b] first")
    assert note["by"] and note["date"]  # who and when
    assert "pins" not in data and "scripts" not in data  # a note is not a decision
    again = make_app(make_session())
    async with again.run_test(size=size) as pilot:
        main = await to_main(pilot)
        main.jump_to("dep-a@1.0.0")
        main.detail.show_tab("overview")
        await settle(pilot)
        assert "ask [b]Bob[/b] first" in body(main, "overview")  # shown as typed, not markup
        await pilot.press("n")
        assert again.screen.query_one("#note-input", Input).value == "ask [b]Bob[/b] first"


# -- 4. 80x24 ----------------------------------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
async def test_enter_opens_the_detail_full_screen_and_escape_comes_back(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        list_pane = main.query_one("#list-pane")
        await pilot.press("enter")
        await pilot.pause()
        assert main.detail_full and not list_pane.display
        assert main._in_detail(app.focused)
        assert main.detail.region.height >= size[1] - 4  # all but header, status, footer
        await pilot.press("right_square_bracket")  # tabs still step, focus stays inside
        await pilot.pause()
        assert main.detail.active_tab == "scripts" and main._in_detail(app.focused)
        await pilot.press("escape")
        await pilot.pause()
        assert not main.detail_full and list_pane.display and app.focused is main.table


@pytest.mark.parametrize("size", SIZES)
async def test_tab_moves_between_list_and_detail_and_never_into_the_filter(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        assert app.focused is main.table
        list_height = main.query_one("#list-pane").region.height
        await pilot.press("tab")
        await pilot.pause()
        assert main._in_detail(app.focused) and main.has_class("-detail-focus")
        if size == (80, 24):  # the detail gets the room; the list keeps a few rows
            assert main.query_one("#list-pane").region.height < list_height
            assert main.detail.region.height >= 12
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is main.table and not main.has_class("-detail-focus")
        for _ in range(4):  # Tab never lands in the filter
            await pilot.press("tab")
            assert not isinstance(app.focused, Input)
        # typed into the filter, `]` is text; Tab leaves the filter for the list
        await pilot.press("slash", "d", "e", "p")
        assert isinstance(app.focused, Input)
        await pilot.press("tab")
        assert app.focused is main.table
        await pilot.press("right_square_bracket")
        assert main.detail.active_tab == "scripts"
        assert main.query_one("#filter-input", Input).value == "dep"


async def test_focus_is_visible(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await to_main(pilot)
        detail = main.detail
        before = detail.styles.border_top
        await pilot.press("tab")
        await pilot.pause()
        after = detail.styles.border_top
        assert before != after  # the focused pane's edge takes the accent colour


@pytest.mark.parametrize("size", SIZES)
async def test_footer_shows_the_keys_that_matter_and_fits(make_app, size):
    from textual.widgets._footer import FooterKey

    app = make_app()
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        footer = main.query_one(KeyFooter)
        keys = list(footer.query(FooterKey))
        shown = {key.action for key in keys}
        assert {"approve", "deny", "note", "quit", "help"} <= shown, shown
        assert all(key.region.right <= size[0] for key in keys), [(k.action, k.region) for k in keys]
        assert all(key.region.width > 0 and key.region.y == size[1] - 1 for key in keys)
        if size == (80, 24):
            assert {"open_detail", "switch_focus", "toggle_legend"} <= shown


@pytest.mark.parametrize("size", SIZES)
async def test_legend_fits_or_moves_to_l(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        legend = main.query_one("#legend", Static)
        await pilot.press("l")
        await pilot.pause()
        if size == (80, 24):
            assert not legend.display  # no room under the list
            assert isinstance(app.screen, LegendScreen)
            text = rendered_text(app.screen.query_one("#legend-text", Static))
            assert "install script" in text and "new publisher" in text
            await pilot.press("escape")
            assert app.screen is main
        else:
            assert legend.has_class("-hidden") and not legend.display  # toggled away
            await pilot.press("l")
            await pilot.pause()
            assert not legend.has_class("-hidden") and legend.display  # and back
            assert legend.region.height >= 1


# -- 5. a second look before trusting danger ---------------------------------------------

@pytest.mark.parametrize("size", SIZES)
async def test_approve_with_high_signals_asks_once_showing_them(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        main = await to_main(pilot)
        assert main.table.current_key == "evil-scripts@1.0.0"
        await pilot.press("a")
        assert isinstance(app.screen, ConfirmScreen)
        message = rendered_text(app.screen.query_one(".dialog-body", Static))
        assert "critical suspicious-code" in message and "high new-publisher" in message
        assert "install-script" not in message  # moderate: not what the question is about
        await pilot.press("n")
        assert app.screen is main
        assert app.session.state("evil-scripts@1.0.0") is ReviewState.UNREVIEWED
        await pilot.press("a", "y")
        assert app.session.state("evil-scripts@1.0.0") is ReviewState.ALLOWED
        await pilot.press("d")
        await pilot.press("a")  # asked once: seen and approved already
        assert app.screen is main
        assert app.session.state("evil-scripts@1.0.0") is ReviewState.ALLOWED
        main.jump_to("dep-a@1.0.0")  # no high or critical signal: no question
        await pilot.press("a")
        assert app.screen is main and app.session.state("dep-a@1.0.0") is ReviewState.PINNED


# -- 6. the summary names the stories ----------------------------------------------------

@pytest.mark.parametrize("size", SIZES)
async def test_summary_names_the_stories_and_each_opens_its_packages(tmp_path: Path, size):
    app = demo_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        stories = summary.query_one("#summary-stories", OptionList)
        lines = [str(stories.get_option_at_index(i).prompt) for i in range(stories.option_count)]
        titles = [line.split(" (")[0] for line in lines]
        assert titles[:2] == ["recent releases", "new publishers"], lines
        assert "code findings" in titles and "moderate advisories" in titles
        assert stories.region.y < size[1] // 2 + 2  # near the top: what a newcomer sees first
        assert app.focused is stories
        await pilot.press("down", "enter")  # new publishers
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert sorted(main.table.shown) == ["@swiftkit/logger@3.2.1", TAKEOVER]
        status = rendered_text(main.query_one("#status-line", Static), width=400)
        assert "story: new publishers" in status
        await pilot.press("escape")
        assert main.story is None and len(main.table.shown) == len(app.session.graph)
