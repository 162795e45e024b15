"""`reviewer demo`: the terminal UI on the bundled example project and registry, offline."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from reviewer.cli.commands.tui_cmd import add_ui_arguments, launch


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--into", metavar="DIR",
                        help="copy the demo project into DIR and keep it (default: a temporary "
                             "copy, removed on exit)")
    add_ui_arguments(parser)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from reviewer.app.session import ReviewSession
    from reviewer.demo import load_demo

    bundle = load_demo(Path(args.into) if args.into else None)
    try:
        project = bundle.project(Path(args.policy) if args.policy else None)
        session = ReviewSession.for_project(project, bundle.provider, offline=True)
        return launch(session, args, started)
    finally:
        bundle.cleanup()
