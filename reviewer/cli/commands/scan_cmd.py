"""`reviewer scan [PATH]`: fetch the registry metadata of every locked package into the cache.

Progress goes to stderr as one `\\r`-rewritten line when stderr is a terminal (nothing
otherwise, and nothing with `--quiet`); the summary goes to stdout. Exit codes: 0 when
every registry package's metadata is in the cache, 1 when some failed (each listed with
its reason; offline misses count as failures), 2 for input errors, 130 on Ctrl-C (the
partial summary is printed and the cache stays whole).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, TextIO

from reviewer.cli.common import add_path_argument, load_project_graph
from reviewer.cli.exit_codes import ExitCode

if TYPE_CHECKING:
    from reviewer.app.scan import ScanProgress, ScanSummary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_path_argument(parser)


class ProgressLine:
    """Count, rate and ETA on one rewritten stderr line, at most 10 times a second."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        from reviewer.text_safety import unguarded

        self.stream = unguarded(stream)  # our own `\r`: the text is counts only
        self.enabled = enabled
        self._last = 0.0
        self._width = 0

    def __call__(self, progress: ScanProgress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if progress.done < progress.total and now - self._last < 0.1:
            return
        self._last = now
        eta = progress.eta
        eta_text = f"{eta:4.0f}s left" if eta is not None else ""
        text = (f"metadata {progress.done}/{progress.total}  {progress.rate:6.1f}/s  {eta_text}")
        self._width = max(self._width, len(text))
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def format_summary(summary: ScanSummary, verbose: bool = False) -> str:
    from reviewer.lockfiles.manifest import printable

    lines = [
        f"{summary.total} packages: {summary.fetched} fetched, {summary.from_cache} from cache, "
        f"{summary.revalidated} revalidated, {len(summary.failed)} failed"
        + (f", {len(summary.skipped)} skipped (not from a registry)" if summary.skipped else "")
        + f" in {summary.elapsed:.2f} s"
        + (f" ({summary.requests} requests, {summary.bytes_received / 1e6:.1f} MB)"
           if summary.requests else ""),
    ]
    if summary.cancelled:
        lines.append(f"interrupted after {summary.done} of {summary.total}")
    lines.extend(f"  failed {printable(failure.name)}: {printable(failure.reason)}"
                 for failure in sorted(summary.failed, key=lambda f: f.name))
    if verbose:
        lines.extend(f"  skipped {printable(s.key)}: {s.reason}" for s in summary.skipped)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    import asyncio

    from reviewer.app.scan import Scanner
    from reviewer.cli.common import registry_config
    from reviewer.registry.service import RegistryService

    graph = load_project_graph(args)
    config = registry_config(args)
    progress = ProgressLine(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())

    def warn(message: str) -> None:
        from reviewer.lockfiles.manifest import printable

        progress.finish()
        print(f"reviewer: warning: {printable(message)}", file=sys.stderr)

    service = RegistryService(config, warn=warn)
    scanner = Scanner(graph, service, on_progress=progress)

    async def main() -> None:
        async with service:
            await scanner.run()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        scanner.summary.cancelled = True
    finally:
        progress.finish()
    sys.stdout.write(format_summary(scanner.summary, verbose=args.verbose))
    if scanner.summary.cancelled:
        return ExitCode.INTERRUPTED
    return ExitCode.FOUND if scanner.summary.failed else ExitCode.OK
