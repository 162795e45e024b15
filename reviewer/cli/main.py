"""Entry point: parse the command line, dispatch to a command module, map errors to exit codes."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType

from reviewer import __version__
from reviewer.cli.exit_codes import ExitCode
from reviewer.errors import ReviewerError
from reviewer.text_safety import safe_line

# name -> (module under reviewer.cli.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "tui": ("tui_cmd", "open the terminal UI (the default command)"),
    "demo": ("demo_cmd", "open the terminal UI on the bundled example project, offline"),
    "list": ("list_cmd", "every locked package"),
    "tree": ("tree_cmd", "the dependency tree as text"),
    "why": ("why_cmd", "every shortest path from an importer to a package"),
    "scan": ("scan_cmd", "fetch registry metadata for every package and fill the cache"),
    "report": ("report_cmd", "every review signal for every package"),
    "diff": ("diff_cmd", "files and unified diff between two published versions"),
    "review": ("review_cmd", "only what changed since a base lockfile, with A->B signals"),
    "audit": ("audit_cmd", "attach an audit report (npm, pnpm, yarn, osv-scanner)"),
    "approve": ("approve_cmd", "approve NAME@VERSION: pin it and allow its install scripts"),
    "deny": ("deny_cmd", "deny the install scripts of NAME[@VERSION]"),
    "unban": ("unban_cmd", "remove the ban of NAME[@RANGE] that `deny --ban` recorded"),
    "check": ("check_cmd", "the CI gate over the policy"),
    "export": ("export_cmd", "write decisions into a package manager's settings"),
    "cache": ("cache_cmd", "inspect or clear the metadata cache"),
}


def common_options() -> _Parser:
    """Options every command takes (SPEC §7)."""
    common = _Parser(add_help=False)
    group = common.add_argument_group("common options")
    group.add_argument("--lockfile", metavar="FILE", help="use this lockfile instead of detecting one")
    group.add_argument("--registry", metavar="URL", help="registry URL (overrides .npmrc)")
    group.add_argument("--offline", action="store_true", help="use the cache only, never the network")
    group.add_argument("--cache-dir", metavar="DIR", help="metadata cache directory")
    group.add_argument("--concurrency", type=_positive_int, default=16, metavar="N",
                       help="parallel registry requests (default 16)")
    group.add_argument("--request-deadline", type=_positive_float, default=None, metavar="SECONDS",
                       help="give up on a registry request not complete after this long "
                            "(default 120)")
    group.add_argument("--refresh", action="store_true",
                       help="ask the registry again now about what can change (new versions, "
                            "dist-tags, deprecation, maintainers)")
    group.add_argument("--revalidate-after", "--freshness", type=_duration, default=None,
                       metavar="AGE", help="revalidate cached metadata older than this, e.g. "
                                           "30m, 12h, 2d (default 1d; published versions are "
                                           "never fetched again)")
    group.add_argument("--no-color", action="store_true", help="no colour (also NO_COLOR)")
    group.add_argument("--quiet", "-q", action="store_true", help="print only results and errors")
    group.add_argument("--verbose", "-v", action="store_true", help="print more detail")
    return common


INTERACTIVE = frozenset({"tui", "demo"})
"""Commands whose app manages garbage collection itself (tui/memory.py)."""


@contextmanager
def _batch_collection(enabled: bool) -> Iterator[None]:
    """A batch command builds a graph and registry documents that live until it exits:
    with the default thresholds the collector walks them again and again (a third of
    `check`'s CPU on a 10,000-entry lockfile). Young collections are made rare while it
    runs; the thresholds are restored after."""
    if not enabled:
        yield
        return
    saved = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return value
def _duration(text: str) -> float:
    from reviewer.registry.config import parse_duration

    try:
        return parse_duration(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 90s, 30m, 12h, 1d)"
                                         ) from None


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitCode.ERROR, f"reviewer: error: {message}\n")


def _command_module(name: str) -> ModuleType:
    return importlib.import_module(f"reviewer.cli.commands.{COMMANDS[name][0]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `only`, the options of that one command alone (each
    command's module is imported to add its options, which for every command costs more
    than a tenth of a second at start-up). Every command is listed either way."""
    parser = _Parser(
        prog="reviewer",
        description="Review the npm dependencies of a Node.js project before trusting them.",
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = common_options()
    for name, (_, help_text) in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name, help=help_text, description=help_text, parents=[common])
            continue
        module = _command_module(name)
        command = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        module.add_arguments(command)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """`reviewer [PATH]` means `reviewer tui [PATH]`."""
    if not argv:
        return ["tui"]
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["tui", *argv]


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options and positionals may be intermixed (`why zod --json PATH`), which argparse
    only supports on a parser without subparsers: so parse the subcommand's own parser."""
    subparsers = next(
        (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None
    )
    if subparsers is None or not argv or argv[0] not in subparsers.choices:
        return parser.parse_args(argv)
    command = subparsers.choices[argv[0]]
    try:
        args = command.parse_intermixed_args(argv[1:])
    except TypeError:  # the command has sub-subcommands (`audit import`, `cache info`)
        return parser.parse_args(argv)
    args.command = argv[0]
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(only=args_list[0] if args_list[0] in COMMANDS else None)
    args = _parse(parser, args_list)
    if args.no_color:
        os.environ["NO_COLOR"] = "1"
    with _guarded_output(args.command not in ("tui", "demo")):
        return _run(args)


@contextlib.contextmanager
def _guarded_output(guard: bool) -> Iterator[None]:
    """Headless commands print through `GuardedStream`: whatever a line holds (a package
    name, an error body), no control sequence and no secret reaches the terminal or log.
    The terminal UI draws through Textual, whose own text goes through reviewer.tui.text."""
    if not guard:
        yield
        return
    from reviewer.text_safety import GuardedStream

    saved = sys.stdout, sys.stderr
    sys.stdout = GuardedStream(saved[0])
    sys.stderr = GuardedStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _run(args: argparse.Namespace) -> int:
    try:
        with _batch_collection(args.command not in INTERACTIVE):
            return int(_command_module(args.command).run(args))
    except ReviewerError as error:
        print(f"reviewer: error: {safe_line(str(error))}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        print("reviewer: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as error:  # noqa: BLE001 - the last guard: never a traceback
        if getattr(args, "verbose", False):
            raise
        kind = type(error).__name__
        print(f"reviewer: internal error: {kind}: {safe_line(str(error))} (rerun with --verbose)",
              file=sys.stderr)
        return ExitCode.ERROR
    finally:  # worker processes stopped now: the interpreter's exit would wait for their jobs
        from reviewer import workers

        workers.shutdown()
