"""`reviewer report [PATH] [--format text|json|markdown] [--fail-on SEVERITY]`.

Every review signal for every locked package (metadata through the cache, tarballs only
for packages with install scripts). Exit 0, or 1 when a decided finding is at or above
`--fail-on`; 2 on input errors. Progress on stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.app import ReviewProgress
    from reviewer.signals.results import PackageReview

from reviewer.cli.common import add_path_argument

FORMATS = ("text", "json", "markdown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--fail-on", metavar="SEVERITY", default=None,
                        help="exit 1 when a finding is at or above this severity "
                             "(info, low, moderate, high, critical)")
    parser.add_argument("--release-age", type=float, default=None, metavar="DAYS",
                        help="recent-release threshold in days (default 7)")
    parser.add_argument("--no-tarballs", action="store_true",
                        help="do not fetch tarballs (suspicious-code becomes unknown)")
    parser.add_argument("--deep", action="store_true",
                        help="read every tarball, also of packages whose manifest declares no "
                             "install script (hidden scripts, manifest confusion, binding.gyp)")


def run(args: argparse.Namespace) -> int:
    import asyncio

    from reviewer.cli.common import open_project
    from reviewer.cli.exit_codes import ExitCode
    from reviewer.errors import UsageError
    from reviewer.signals.finding import Severity
    from reviewer.signals.results import fails

    threshold = None
    if args.fail_on is not None:
        try:
            threshold = Severity.parse(args.fail_on)
        except ValueError as error:
            raise UsageError(f"--fail-on: {error}") from None
    if args.release_age is not None and args.release_age < 0:
        raise UsageError("--release-age: must not be negative")
    project = open_project(args)
    progress = _progress_line() if sys.stderr.isatty() and not args.quiet else None

    async def review() -> list[PackageReview]:
        async with project.registry() as registry:
            return await project.review_service(registry).review_graph(project.graph, progress)

    try:
        reviews = asyncio.run(review())
    finally:
        if progress is not None:
            sys.stderr.write("\r\033[K")
    sys.stdout.write(render(reviews, args.format, verbose=args.verbose))
    return ExitCode.FOUND if threshold is not None and fails(reviews, threshold) else ExitCode.OK


def render(reviews: Sequence[PackageReview], output_format: str, verbose: bool = False) -> str:
    """The report in `output_format` (text, json or markdown)."""
    if output_format == "json":
        from reviewer.formats.report_json import format_report_json

        return format_report_json(reviews)
    if output_format == "markdown":
        from reviewer.formats.report_markdown import format_report_markdown

        return format_report_markdown(reviews)
    from reviewer.formats.report_text import format_report_text

    return format_report_text(reviews, verbose=verbose)


def _progress_line() -> Callable[[ReviewProgress], None]:
    import time

    last = [0.0]

    def show(update: ReviewProgress) -> None:
        done, total = update.done, update.total
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return
        last[0] = now
        sys.stderr.write(f"\rreviewing {done}/{total}")
        sys.stderr.flush()

    return show
