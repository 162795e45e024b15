"""Untrusted text is shown literally: no markup, no clickable actions, no escape sequences."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static
from tui_helpers import ANSI_DESCRIPTION, EVIL_NAME, rendered_text, settle

from reviewer.tui.commands import ReviewerCommands
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.summary import SummaryScreen
from reviewer.tui.text import clean, notice, one_line, plain

SIZE = (150, 45)


def test_text_helpers_make_control_characters_visible():
    assert clean(ANSI_DESCRIPTION) == "\\x1b[31mred alert\\x1b[0m [b]not bold[/b] \\x07bell"
    assert clean("a\u202eb\rc") == "a\\u202eb\\x0dc"
    assert clean("one\ntwo", keep_newlines=False) == "one\\ntwo"
    assert plain(EVIL_NAME).plain == EVIL_NAME
    assert one_line(EVIL_NAME).plain == EVIL_NAME
    assert Content.from_markup(notice("[red]x[/red] [@click=app.quit]y")).plain == "[red]x[/red] [@click=app.quit]y"


async def test_a_hostile_package_name_and_description_do_nothing(make_app, tmp_path: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("s")
        main = app.screen
        assert isinstance(main, MainScreen)
        key = f"{EVIL_NAME}@1.0.0"
        assert main.table.cells(key)[0].plain == EVIL_NAME
        assert main.table.get_row(key)[0].plain.startswith(EVIL_NAME + "  ")
        main.jump_to(key)
        await settle(pilot)
        # click the hostile cell and the overview that shows it: nothing happens
        row = main.table.get_row_index(key) + 1 - main.table.scroll_y
        await pilot.click("#package-table", offset=(3, int(row)))
        await pilot.click("#body-overview", offset=(2, 0))
        await pilot.pause()
        assert app.is_running
        overview = rendered_text(main.detail.query_one("#body-overview", Static))
        assert "[@click=app.quit]click me" in overview and f"{EVIL_NAME}@1.0.0" in overview
        main.jump_to("ansi-desc@2.0.0")
        await settle(pilot)
        overview = rendered_text(main.detail.query_one("#body-overview", Static))
        assert "\\x1b[31mred alert\\x1b[0m [b]not bold[/b] \\x07bell" in overview
        assert "\x1b" not in overview and "\x07" not in overview
        main.jump_to("left-pad@1.3.0")
        main.detail.show_tab("advisories")
        await settle(pilot)
        advisories = rendered_text(main.detail.query_one("#body-advisories", Static))
        assert "Prototype pollution [@click=app.quit]in left-pad" in advisories
        # the command palette shows the name as text
        provider = ReviewerCommands(main)
        hits = [hit async for hit in provider.search("click")]
        shown = [hit.match_display.plain for hit in hits if isinstance(hit.match_display, Content)]
        assert f"package: {EVIL_NAME}@1.0.0" in shown
        assert app.is_running


async def test_error_messages_in_notifications_are_escaped(make_app, make_session, project: Path):
    session = make_session(policy_path=project / "[red]missing[/red]" / "[@click=app.quit]p.toml")
    app = make_app(session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "a", "y", "ctrl+s")  # y: past the second look
        await pilot.pause()
        assert session.dirty  # not saved, decisions kept
        message = [n.message for n in app._notifications][-1]
        shown = Content.from_markup(message).plain
        assert shown.startswith("Not saved:") and "[red]missing[/red]" in shown
        assert app.is_running


async def test_the_why_dialog_shows_a_hostile_name_literally(make_app):
    from rich.text import Text

    from reviewer.tui.screens.why import WhyScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump_to(f"{EVIL_NAME}@1.0.0")
        await settle(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, WhyScreen)
        texts = [rendered_text(widget) for widget in app.screen.query(Static)]
        assert f"Why is {EVIL_NAME}@1.0.0 here?" in texts[0]
        assert f"{EVIL_NAME}@1.0.0" in texts[1]
        # every text of the dialog is built without markup parsing, counts included
        hint = app.screen.query_one(".dialog-hint", Static)
        assert isinstance(hint.content, (Text, Content)) and "shortest path(s)" in texts[-1]
        await pilot.press("escape")
        assert app.is_running
