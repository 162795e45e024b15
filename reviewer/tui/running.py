"""The running ReviewerApp, typed, for screens, widgets and command providers (which only
ever run inside it): `reviewer_app(self.app).palette`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

    from reviewer.tui.app import ReviewerApp


def reviewer_app(app: App[Any]) -> ReviewerApp:
    from reviewer.tui.app import ReviewerApp

    assert isinstance(app, ReviewerApp)
    return app
