"""`reviewer [PATH]` / `reviewer tui [PATH]`: the terminal UI.

The graph and the policy are loaded before Textual starts: a load error is one line on
stderr and exit 2, and nothing is drawn. Textual is imported only inside `run()`.
"""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from reviewer.cli.common import add_path_argument, load_project_graph, project_dir

if TYPE_CHECKING:
    from reviewer.graph import Graph
    from reviewer.review.changes import ChangeSet
    from reviewer.session import ReviewSession


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
    session = _session(load_project_graph(args, print_notes=False), args)
    return launch(session, args, started)


def open_review(head_graph: Graph, changes: ChangeSet, args: argparse.Namespace) -> int:
    """Review mode (`reviewer review --tui`): the head graph with the `changed` quick filter
    on, listing only the head packages that `changes` touches (rows show `A → B`; removed
    packages are named in the status line)."""
    started = time.perf_counter()
    return launch(_session(head_graph, args, changes), args, started, review_mode=True)


def _session(graph: Graph, args: argparse.Namespace,
             changes: ChangeSet | None = None) -> ReviewSession:
    from reviewer.policy import policy_path_from_args
    from reviewer.registry.config import RegistryConfig
    from reviewer.registry.scan import registry_versions
    from reviewer.registry.service import RegistryService
    from reviewer.session import ReviewSession
    from reviewer.signals.settings import ReviewSettings

    directory = project_dir(args)
    config = RegistryConfig.from_args(args, directory)
    provider = RegistryService(config)
    provider.track(registry_versions(graph))
    settings = ReviewSettings(registry_for=config.registry_for, project_dir=directory)
    return ReviewSession(graph, provider, directory, settings=settings, change_set=changes,
                         policy_path=policy_path_from_args(args),
                         offline=bool(getattr(args, "offline", False)))


def launch(session: ReviewSession, args: argparse.Namespace, started: float,
           review_mode: bool = False) -> int:
    """Run the app over `session` until the user quits."""
    from reviewer.tui.app import DARK_THEME, LIGHT_THEME, ReviewerApp

    app = ReviewerApp(
        session,
        concurrency=int(getattr(args, "concurrency", 16) or 16),
        scan=not getattr(args, "no_scan", False),
        theme=LIGHT_THEME if getattr(args, "theme", "dark") == "light" else DARK_THEME,
        started=started,
        review_mode=review_mode,
    )
    app.run()
    return 0
