"""The terminal UI keeps a lockfile it parsed at launch in the cache after its first screen
is drawn, not before (the write would delay the first paint), and `reviewer tui` keeps it
even when the app ends before drawing anything."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from graph_checks import CORPUS
from tui_helpers import wait_until

from reviewer.app import Project
from reviewer.app.options import ProjectOptions
from reviewer.app.project import keep_parsed_lockfiles, keep_parsed_lockfiles_later
from reviewer.app.session import ReviewSession
from reviewer.cli.main import main
from reviewer.lockfiles import graph_cache
from reviewer.tui.app import ReviewerApp


def kept(cache: Path) -> list[Path]:
    return sorted(graph_cache.folder(cache).glob("*.json"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "mono-npm"
    shutil.copytree(CORPUS / "mono-npm", copy)
    return copy


async def test_the_app_keeps_the_lockfile_once_its_first_screen_is_drawn(
        project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    keep_parsed_lockfiles_later()
    try:
        opened = Project.open(ProjectOptions(path=project, cache_dir=cache, offline=True))
        assert kept(cache) == []  # parsed, not written yet
        app = ReviewerApp(ReviewSession.for_project(opened, None), scan=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.first_paint_seconds is not None)
            assert app.first_paint_seconds is not None
            await wait_until(pilot, lambda: len(kept(cache)) == 1)
            assert len(kept(cache)) == 1
    finally:
        keep_parsed_lockfiles()
    # and it is the graph as parsed: the next launch takes it from the cache, the same
    again = Project.open(ProjectOptions(path=project, cache_dir=cache, offline=True))
    assert again.graph.packages == opened.graph.packages
    assert again.graph.notes == opened.graph.notes


def test_reviewer_tui_keeps_it_when_the_app_ends_before_drawing(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    at_launch: list[int] = []

    def run(self: ReviewerApp, *args: Any, **kwargs: Any) -> None:
        at_launch.append(len(kept(cache)))  # the app would draw now: nothing written yet

    monkeypatch.setattr(ReviewerApp, "run", run)
    assert main(["tui", str(project), "--offline", "--cache-dir", str(cache)]) == 0
    assert at_launch == [0]
    assert len(kept(cache)) == 1
    # the next command writes at once again
    shutil.rmtree(graph_cache.folder(cache))
    assert main(["list", str(project), "--cache-dir", str(cache)]) == 0
    assert len(kept(cache)) == 1


def test_the_summary_names_the_lockfile_version_once_with_its_v() -> None:
    from reviewer.graph.model import LockfileInfo
    from reviewer.tui.screens.summary import lockfile_label

    assert lockfile_label(LockfileInfo(Path("package-lock.json"), "npm", "3")) == "npm lockfile v3"
    assert lockfile_label(LockfileInfo(Path("yarn.lock"), "yarn-classic", "v1")) == \
        "yarn-classic lockfile v1"
