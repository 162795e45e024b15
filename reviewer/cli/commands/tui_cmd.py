"""`reviewer [PATH]` / `reviewer tui [PATH]`: the terminal UI.

The graph and the policy are loaded before Textual starts: a load error is one line on
stderr and exit 2, and nothing is drawn. Textual is imported only inside `run()`.
"""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from reviewer.cli.common import add_path_argument, open_project
from reviewer.tui.memory import launch_pause

if TYPE_CHECKING:
    from reviewer.app import Project
    from reviewer.app.session import ReviewSession
    from reviewer.graph import Graph
    from reviewer.review.changes import ChangeSet


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path_argument(parser)
    add_ui_arguments(parser)


def add_ui_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by `tui` and `demo`."""
    parser.add_argument("--policy", metavar="FILE",
                        help="policy file (default: reviewer-policy.toml in the project directory)")
    parser.add_argument("--theme", choices=("dark", "light"), default="dark",
                        help="colour theme (ctrl+t switches while running)")
    parser.add_argument("--no-scan", action="store_true",
                        help="do not review every package in the background on start")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from reviewer.app.project import keep_parsed_lockfiles, keep_parsed_lockfiles_later

    keep_parsed_lockfiles_later()  # a lockfile parsed now is kept after the first paint
    try:
        with launch_pause():  # no garbage collection until the first paint (tui/memory.py)
            session = _session(open_project(args, print_notes=False), args)
            return launch(session, args, started)
    finally:
        keep_parsed_lockfiles()  # if the app ended before its first paint


def open_review(head_graph: Graph, changes: ChangeSet, args: argparse.Namespace) -> int:
    """Review mode (`reviewer review --tui`): the head graph with the `changed` quick filter
    on, listing only the head packages that `changes` touches (rows show `A → B`; removed
    packages are named in the status line)."""
    started = time.perf_counter()
    with launch_pause():
        project = open_project(args, print_notes=False, graph=head_graph)
        return launch(_session(project, args, changes), args, started, review_mode=True)


def _session(project: Project, args: argparse.Namespace,
             changes: ChangeSet | None = None) -> ReviewSession:
    from reviewer.app.session import ReviewSession

    return ReviewSession.for_project(project, project.registry(), change_set=changes,
                                     offline=project.options.offline)


def launch(session: ReviewSession, args: argparse.Namespace, started: float,
           review_mode: bool = False) -> int:
    """Run the app over `session` until the user quits."""
    from reviewer.tui.app import DARK_THEME, LIGHT_THEME, ReviewerApp

    ui = vars(args)  # `review --tui` has no --theme/--no-scan: their defaults
    app = ReviewerApp(
        session,
        concurrency=session.concurrency,
        scan=not ui.get("no_scan"),
        theme=LIGHT_THEME if ui.get("theme") == "light" else DARK_THEME,
        started=started,
        review_mode=review_mode,
    )
    app.run()
    return 0
