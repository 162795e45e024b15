"""`reviewer review --base REV [PATH]`: only what changed since a base lockfile, with A->B signals.

    reviewer review --base REV [PATH] [--base-lockfile FILE] [--head REV]
                    [--format text|json|markdown] [--fail-on SEVERITY] [--diff] [--tui]

Without `--format`, in an interactive terminal (or with `--tui`), the change set opens in
the TUI's review mode through `open_in_tui`; otherwise a report is printed. Exit 0, or 1
when a change has a finding at or above `--fail-on`, or 2 on a usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reviewer.cli.common import add_path_argument, print_graph_notes, project_dir
from reviewer.cli.exit_codes import ExitCode
from reviewer.signals.finding import Severity

if TYPE_CHECKING:
    from reviewer.graph import Graph
    from reviewer.review.changes import ChangeSet
    from reviewer.review.report import PackageDiff, ReviewReport
    from reviewer.signals.finding import Finding

FORMATS = ("text", "json", "markdown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path_argument(parser)
    base = parser.add_argument_group("what to compare")
    base.add_argument("--base", metavar="REV",
                      help="git revision whose committed lockfile is the base (e.g. HEAD~1, main)")
    base.add_argument("--base-lockfile", metavar="FILE",
                      help="a lockfile on disk to use as the base instead of --base REV")
    base.add_argument("--head", metavar="REV",
                      help="git revision whose lockfile is the head (default: the working tree)")
    output = parser.add_argument_group("output")
    output.add_argument("--format", choices=FORMATS, default=None,
                        help="print a report in this format (default: the TUI in a terminal, "
                             "else text)")
    output.add_argument("--fail-on", metavar="SEVERITY", type=_severity, default=None,
                        help="exit 1 when a change has a finding at or above SEVERITY "
                             "(info, low, moderate, high, critical)")
    output.add_argument("--diff", action="store_true",
                        help="include the file list and unified diff of each changed package "
                             "(fetches tarballs)")
    output.add_argument("--no-signals", action="store_true",
                        help="list the changes only: no registry requests, no signals")
    output.add_argument("--tui", action="store_true", help="open the change set in the TUI")
    from reviewer.cli.common import add_policy_argument

    add_policy_argument(parser)


def _severity(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from reviewer.errors import UsageError
    from reviewer.review.base import load_review_graphs
    from reviewer.review.changes import compute_changes

    if args.tui and args.format:
        raise UsageError("--tui and --format exclude each other")
    graphs = load_review_graphs(
        project_dir(args),
        lockfile=Path(args.lockfile) if args.lockfile else None,
        base_rev=args.base,
        base_lockfile=Path(args.base_lockfile) if args.base_lockfile else None,
        head_rev=args.head,
    )
    change_set = compute_changes(graphs.base, graphs.head)
    note = graphs.format_note()
    if args.tui or (args.format is None and sys.stdout.isatty()):
        opened = open_in_tui(change_set, graphs.head, args, note)
        if opened is not None:
            return opened
    print_graph_notes(graphs.head)
    if note and not args.quiet:
        print(f"reviewer: note: {note}", file=sys.stderr)

    from reviewer.review.report import ReviewReport

    findings: dict[str, tuple[Finding, ...]] = {}
    diffs: dict[str, PackageDiff] = {}
    if change_set and (args.diff or not args.no_signals):
        findings, diffs = _collect(change_set, graphs.head, args)
    report = ReviewReport.build(change_set, findings, graphs.base_label, graphs.head_label,
                                diffs=diffs, notes=(note,) if note else ())
    sys.stdout.write(_render(report, args.format or "text", verbose=args.verbose))
    return ExitCode.FOUND if report.fails(args.fail_on) else ExitCode.OK


def _collect(
    change_set: ChangeSet, head: Graph, args: argparse.Namespace
) -> tuple[dict[str, tuple[Finding, ...]], dict[str, PackageDiff]]:
    """Signals (unless --no-signals) and diffs (with --diff) from the configured registry."""
    import asyncio

    from reviewer.cli.common import open_project
    from reviewer.review.diffs import diff_changes

    project = open_project(args, print_notes=False, graph=head)

    def warn(message: str) -> None:
        if not args.quiet:
            print(f"reviewer: warning: {message}", file=sys.stderr)

    async def collect() -> tuple[dict[str, tuple[Finding, ...]], dict[str, PackageDiff]]:
        async with project.registry(warn=warn) as registry:
            findings: dict[str, tuple[Finding, ...]] = {}
            diffs: dict[str, PackageDiff] = {}
            if not args.no_signals:
                findings = await project.review_service(registry).review_changes(change_set, head)
            if args.diff:
                diffs = await diff_changes(change_set, registry)
            return findings, diffs

    return asyncio.run(collect())


def _render(report: ReviewReport, fmt: str, *, verbose: bool) -> str:
    if fmt == "json":
        from reviewer.formats.review_json import format_review_json

        return format_review_json(report)
    if fmt == "markdown":
        from reviewer.formats.review_markdown import format_review_markdown

        return format_review_markdown(report)
    from reviewer.formats.review_text import format_review_text

    return format_review_text(report, verbose=verbose)


def open_in_tui(changes: ChangeSet, head_graph: Graph, args: argparse.Namespace,
                note: str | None = None) -> int | None:
    """Open the TUI in review mode on `changes` (the app shows the graph's notes and `note`
    on opening); return the exit code, or None when there is nothing to review (the caller
    then prints the text report, which says so)."""
    if not changes:
        return None
    from reviewer.cli.commands.tui_cmd import open_review

    if note:
        head_graph.notes.append(note)
    return open_review(head_graph, changes, args)
