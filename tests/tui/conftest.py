"""Fixtures for the TUI tests: a session over the hand-built project of tui_helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import FakeProvider, build_graph, fake_reviewer

from reviewer.app.session import ReviewSession


@pytest.fixture
def project(tmp_path: Path) -> Path:
    directory = tmp_path / "shop"
    directory.mkdir()
    return directory


@pytest.fixture
def make_session(project: Path) -> Callable[..., ReviewSession]:
    def make(**options: Any) -> ReviewSession:
        options.setdefault("provider", FakeProvider())
        options.setdefault("reviewer", fake_reviewer)
        return ReviewSession(build_graph(project / "package-lock.json"), project_dir=project, **options)

    return make


@pytest.fixture
def make_app(make_session: Callable[..., ReviewSession], tmp_path: Path) -> Callable[..., Any]:
    from reviewer.tui.app import ReviewerApp

    def make(session: ReviewSession | None = None, **options: Any) -> ReviewerApp:
        options.setdefault("keymap_path", tmp_path / "no-keymap.toml")
        return ReviewerApp(session or make_session(), **options)

    return make


