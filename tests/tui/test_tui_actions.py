"""Pilot tests: every action of the main screen, by key."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, Static
from tui_helpers import EVIL_NAME, policy_text, rendered_text, settle

from reviewer.app.session import ReviewState
from reviewer.tui.screens.ban import BanScreen
from reviewer.tui.screens.confirm import ConfirmScreen
from reviewer.tui.screens.export import ExportScreen
from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.note import AcceptAdvisoryScreen, NoteScreen
from reviewer.tui.screens.summary import SummaryScreen
from reviewer.tui.screens.why import WhyScreen

SIZE = (140, 40)


async def to_main(pilot) -> MainScreen:
    await settle(pilot)
    if isinstance(pilot.app.screen, SummaryScreen):
        await pilot.press("s")
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


def static_text(widget: Static) -> str:
    return rendered_text(widget)


async def test_first_screen_is_the_summary_then_browse(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        counts = static_text(app.screen.query_one("#panel-counts", Static))
        assert "8" in counts and "packages locked" in counts
        main = await to_main(pilot)
        assert main.table.row_count == 8
        assert main.table.current_key == "evil-scripts@1.0.0"  # riskiest first
        await pilot.press("s")  # summary is one key away
        assert isinstance(app.screen, SummaryScreen)


async def test_select_moves_the_detail_pane(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert main.detail.key == main.table.shown[1]
        body = static_text(main.detail.query_one("#body-overview", Static))
        assert main.table.shown[1].split("@")[0] in body


async def test_filter_as_you_type_and_quick_filters(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        await pilot.press("slash")
        assert isinstance(app_focus := pilot.app.focused, Input), app_focus
        await pilot.press("d", "e", "p")
        await pilot.pause()
        assert main.table.shown == ["dep-a@1.0.0", "dep-b@2.0.0", "dep-b@1.0.0"] or \
            sorted(main.table.shown) == ["dep-a@1.0.0", "dep-b@1.0.0", "dep-b@2.0.0"]
        await pilot.press("enter")  # back to the table, filter kept
        assert pilot.app.focused is main.table
        await pilot.press("escape")
        assert main.table.row_count == 8
        await pilot.press("1")  # has install scripts
        assert main.table.shown == ["evil-scripts@1.0.0"]
        await pilot.press("1", "3")  # scripts off, advisories on
        assert main.table.shown == ["left-pad@1.3.0"]
        await pilot.press("0")
        assert main.table.row_count == 8
        await pilot.press("4")
        assert main.table.row_count == 5


async def test_approve_deny_note_save_writes_the_policy(make_app, project: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        assert main.table.current_key == "evil-scripts@1.0.0"
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"checked install.js")
        await pilot.press("enter")
        await pilot.press("a")  # high signals: a second look first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert app.session.state("evil-scripts@1.0.0") is ReviewState.ALLOWED
        assert "allowed" in main.table.get_row("evil-scripts@1.0.0")[0].plain
        await pilot.press("down")
        denied = main.table.current_key
        await pilot.press("d")  # no install scripts: a ban is offered; n denies them anyway
        assert isinstance(app.screen, BanScreen)
        await pilot.press("n")
        assert app.session.state(denied) is ReviewState.DENIED
        assert "unsaved" in static_text(main.query_one("#status-line", Static))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
    text = policy_text(project)
    assert 'name = "evil-scripts"' in text and 'decision = "allow"' in text
    assert "checked install.js" in text and 'integrity = "sha512-evil"' in text
    assert f'name = "{denied.rsplit("@", 1)[0]}"' in text and 'decision = "deny"' in text


async def test_d_on_a_package_without_scripts_offers_a_ban(make_app, project: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        assert main.table.current_key == "evil-scripts@1.0.0"
        await pilot.press("d")  # it has install scripts: denied at once, no question
        assert not isinstance(app.screen, BanScreen)
        assert app.session.state("evil-scripts@1.0.0") is ReviewState.DENIED
        main.table.move_cursor(row=main.table.shown.index("left-pad@1.3.0"), animate=False)
        await pilot.pause()
        assert main.table.current_key == "left-pad@1.3.0"
        await pilot.press("d")
        assert isinstance(app.screen, BanScreen)
        assert "has no install scripts" in rendered_text(app.screen.query_one(".dialog-body", Static))
        await pilot.press("escape")  # cancel: nothing decided
        assert app.session.state("left-pad@1.3.0") is ReviewState.UNREVIEWED
        await pilot.press("d", "y")
        assert app.session.state("left-pad@1.3.0") is ReviewState.BANNED
        assert "banned" in main.table.get_row("left-pad@1.3.0")[0].plain
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = policy_text(project)
    assert "[[bans]]" in text and 'package = "left-pad"' in text
    reloaded = app.session.__class__(app.session.graph, project_dir=project)
    assert reloaded.state("left-pad@1.3.0") is ReviewState.BANNED  # from the saved ban


async def test_accept_advisory_with_reason_and_expiry(make_app, project: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        main.jump_to("left-pad@1.3.0")
        await pilot.press("v")
        assert isinstance(app.screen, AcceptAdvisoryScreen)
        await pilot.press("enter")  # no reason yet: refused in place
        assert isinstance(app.screen, AcceptAdvisoryScreen)
        assert "reason is required" in static_text(app.screen.query_one("#advisory-error", Static))
        await pilot.press(*"dev only")
        expires = app.screen.query_one("#advisory-expires", Input)
        expires.value = "2031-02-03"
        await pilot.press("enter")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = policy_text(project)
    assert 'id = "GHSA-1234-abcd"' in text and 'reason = "dev only"' in text and "2031-02-03" in text


async def test_quit_with_unsaved_decisions_asks_first(make_app, project: Path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("a", "y")  # approve (past the second look)
        assert app.session.dirty
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # stay
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.press("q")
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert not (project / "reviewer-policy.toml").exists()


async def test_quit_without_decisions_does_not_ask(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_export_offers_targets_and_reports_in_place(make_app, project: Path):
    app = make_app()
    (project / "package.json").write_text('{"name": "shop", "version": "1.0.0"}\n')
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("a", "y")  # y: past the second look at its high signals
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # npm, the first target
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not app.session.dirty  # unsaved decisions were saved first
        messages = [n.message for n in app._notifications]
        assert any("Exported to npm: package.json" in m for m in messages), messages
    assert "evil-scripts" in policy_text(project)
    manifest = json.loads((project / "package.json").read_text())
    # The test lockfile records no `resolved` URLs: npm could not verify a pinned key.
    assert manifest["allowScripts"] == {"evil-scripts": True}
    assert any("npm cannot verify versions here" in m for m in messages), messages
    assert manifest["name"] == "shop"


async def test_help_lists_every_key_with_its_id(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = static_text(app.screen.query_one("#help-keys", Static))
        for binding in MainScreen.BINDINGS + app.BINDINGS:
            assert binding.id in keys, binding.id
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_why_and_tree_view(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        main.jump_to("dep-b@2.0.0")
        await pilot.press("w")
        assert isinstance(app.screen, WhyScreen)
        paths = static_text(app.screen.query_one("#why-paths", Static))
        assert "evil-scripts@1.0.0" in paths and "shop" in paths
        await pilot.press("escape")
        await pilot.press("t")
        assert main.showing_tree
        tree = main.package_tree
        labels = [str(node.label) for node in tree.root.children[0].children]
        assert any(label.startswith(EVIL_NAME) for label in labels)
        await pilot.press("down", "down")
        await settle(pilot)
        assert main.detail.key == tree.current_key is not None
        await pilot.press("t")
        assert not main.showing_tree


async def test_jump_through_the_command_palette(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"dep-a")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, MainScreen)
        assert main.table.current_key == "dep-a@1.0.0"


async def test_sort_cycles(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        await pilot.press("o")
        assert main.order.value == "name" and main.table.shown[0] == f"{EVIL_NAME}@1.0.0"
        await pilot.press("o", "o")
        assert main.order.value == "risk" and main.table.shown[0] == "evil-scripts@1.0.0"


async def test_keymap_file_remaps_a_binding(make_app, tmp_path: Path):
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('approve = "A"\n')
    app = make_app(keymap_path=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await to_main(pilot)
        await pilot.press("a")
        assert not app.session.dirty
        await pilot.press("A", "y")
        assert app.session.state("evil-scripts@1.0.0") is ReviewState.ALLOWED



async def test_a_click_after_filtering_selects_the_row_under_the_pointer(make_app):
    """Rows move when the filter changes; a click must select the package drawn where the
    click lands, not the one that was drawn at that line before (the row index a click
    reports is part of each drawn line)."""
    async with make_app().run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        table = main.table
        everything = list(table.shown)
        moved = everything[2:] + everything[:2]  # every row two lines up: same zebra parity
        for keys in (everything, moved):
            table.show(keys)
            table.move_cursor(row=len(keys) - 1)
            await settle(pilot)
            for row in range(len(keys)):
                rows = {segment.style.meta.get("row") for segment in table.render_line(row + 1)
                        if segment.style and segment.style.meta}
                assert rows == {row}, (keys[row], rows)
        for row in (2, 0, 1):
            await pilot.click("#package-table", offset=(3, row + 1))  # + 1: the header line
            await settle(pilot)
            assert table.current_key == moved[row]


async def test_table_rows_are_drawn_exactly_as_datatable_draws_them(make_app):
    """PackageTable draws its rows itself (for speed); DataTable's own drawing of the same
    line, with every cursor and hover combination, is the reference."""
    from textual.coordinate import Coordinate
    from textual.widgets import DataTable

    async with make_app().run_test(size=SIZE) as pilot:
        table = (await to_main(pilot)).table
        width = table.size.width
        compared = 0
        for cursor_row, hover_row, show_hover in ((0, 3, True), (4, 4, True), (2, 5, False)):
            table.move_cursor(row=cursor_row)
            table.hover_coordinate = Coordinate(hover_row, 0)
            table._show_hover_cursor = show_hover
            await settle(pilot)
            base = table.rich_style
            for y in range(table.header_height + table.row_count):  # the header line too
                for x1, x2 in ((0, width), (2, width - 5)):
                    ours = table._render_line(y, x1, x2, base)
                    reference = DataTable._render_line(table, y, x1, x2, base)
                    assert list(ours) == list(reference), (y, cursor_row, hover_row)
                    compared += 1
        assert compared == 3 * 2 * (1 + table.row_count)


async def test_filtering_resizes_the_table_and_its_scrollbar(make_app):
    """The table's height follows the rows shown, in the frame the keystroke is drawn in
    (checked before the detail pane's own update, which lays the screen out again)."""
    # 8 rows do not fit (the legend under the list takes 3 rows, all of it): scrollbar
    async with make_app().run_test(size=(140, 11)) as pilot:
        main = await to_main(pilot)
        table = main.table
        assert table.show_vertical_scrollbar and table.max_scroll_y > 0
        await pilot.press("slash", "d", "e", "p")
        await pilot.pause()
        assert table.virtual_size.height == 3 + 1  # rows + header
        assert not table.show_vertical_scrollbar and table.max_scroll_y == 0
        await pilot.press("backspace", "backspace", "backspace")
        await pilot.pause()
        assert table.virtual_size.height == 8 + 1
        assert table.show_vertical_scrollbar and table.max_scroll_y > 0
        assert table.vertical_scrollbar.window_virtual_size == 8 + 1
        await settle(pilot)
        table.focus()
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table.scroll_y == table.max_scroll_y and table.current_key == table.shown[-1]


async def test_a_long_filter_query_scrolls_within_the_box(make_app):
    async with make_app().run_test(size=SIZE) as pilot:
        main = await to_main(pilot)
        await pilot.press("slash")
        box = main.query_one("#filter-input", Input)
        query = "x" * (box.content_size.width + 20)
        await pilot.press(*query)
        await settle(pilot)
        assert box.value == query
        assert box.virtual_size.width > box.content_size.width
        assert box.scroll_x > 0  # the end of the query, where the cursor is, is in view
        assert box.scroll_x >= len(query) - box.content_size.width


async def test_the_lockfile_notes_are_shown_on_opening(make_app, make_session):
    """What the CLI prints as warnings (e.g. another lockfile was ignored) the app shows,
    literally: the terminal UI covers anything printed before it starts."""
    session = make_session()
    session.graph.notes.append("using package-lock.json; ignoring [b]yarn.lock[/b]")
    async with make_app(session).run_test(size=SIZE) as pilot:
        await settle(pilot)
        from textual.content import Content

        shown = [Content.from_markup(n.message).plain for n in pilot.app._notifications]
        assert "using package-lock.json; ignoring [b]yarn.lock[/b]" in shown, shown
