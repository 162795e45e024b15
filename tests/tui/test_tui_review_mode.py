"""Review mode: the app opened by `reviewer review` lists only the changed packages."""

from __future__ import annotations

from tui_helpers import settle

from reviewer.tui.screens.main import MainScreen


async def test_review_mode_opens_on_the_changed_packages(make_app, make_session):
    session = make_session(changed={"evil-scripts@1.0.0", "dep-b@2.0.0"})
    app = make_app(session, review_mode=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert sorted(main.table.shown) == ["dep-b@2.0.0", "evil-scripts@1.0.0"]
        await pilot.press("5")  # the changed filter off: everything
        assert main.table.row_count == 8
