"""`reviewer approve NAME@VERSION [PATH] [--note TEXT] [--to FILE]` / `reviewer approve --all-pending [PATH]`.

Pins the exact locked version and integrity in the policy file and allows the package's
install scripts. `--all-pending` does that for every locked package with install scripts
that has no decision yet, printing each one. `--to FILE` writes into a shared policy file
(one that the project's policy `extends`) instead of the project's own.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.errors import UsageError

if TYPE_CHECKING:
    from reviewer.graph.model import Graph


def add_decision_arguments(parser: argparse.ArgumentParser, spec_help: str) -> None:
    """Positional SPEC and PATH, --all-pending, --note and --policy (shared with `deny`)."""
    from reviewer.cli.common import add_policy_argument

    parser.add_argument("spec", nargs="?", metavar="SPEC", help=spec_help)
    parser.add_argument("path", nargs="?", default=None, metavar="PATH",
                        help="project directory (default: the current one)")
    parser.add_argument("--all-pending", action="store_true",
                        help="act on every locked package with install scripts and no decision")
    parser.add_argument("--note", metavar="TEXT", help="a note stored with the decision")
    parser.add_argument("--to", metavar="FILE", dest="shared",
                        help="write the decision into FILE, a shared policy that the project's "
                             "policy extends (default: the project's policy)")
    add_policy_argument(parser)


def decision_target(args: argparse.Namespace) -> tuple[Path, Path]:
    """(the file to write, the project's policy) for approve/deny; prints a note when the
    `--to` file is not one the project's policy extends."""
    import sys

    from reviewer.cli.common import options_from_args
    from reviewer.policy.store import PolicyStore

    project_policy = options_from_args(args).policy_path
    if not getattr(args, "shared", None):
        return project_policy, project_policy
    target = Path(args.shared)
    layers = PolicyStore.load(project_policy).layers()
    if target.resolve() not in {layer.path.resolve() for layer in layers}:
        print(f"reviewer: note: {target} is not extended by {project_policy}; "
              "the decision will not apply to this project", file=sys.stderr)
    return target, project_policy


def normalise_positionals(args: argparse.Namespace) -> None:
    """With --all-pending the only positional is PATH; without it SPEC is required."""
    if args.all_pending:
        if args.spec is not None and args.path is not None:
            raise UsageError("--all-pending takes no package, only an optional PATH")
        if args.spec is not None:
            args.path, args.spec = args.spec, None
    elif args.spec is None:
        raise UsageError("name a package (NAME@VERSION) or use --all-pending")
    args.path = args.path or "."


def command_facts(graph: Graph, args: argparse.Namespace) -> dict[str, bool | None]:
    """Install-script facts: the lockfile's, completed from cached registry metadata when
    the lockfile does not say (never the network)."""
    from reviewer.cli.common import open_project
    from reviewer.policy.decisions import script_facts

    facts = script_facts(graph)
    if any(value is None for value in facts.values()):
        facts = script_facts(graph, open_project(args, graph=graph).cached_findings())
    return facts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_decision_arguments(parser, "the package to approve, NAME@VERSION")


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.common import load_project_graph
    from reviewer.policy.decisions import (
        approve_package,
        pending_script_packages,
        resolve_spec,
        script_facts,
    )
    from reviewer.policy.store import PolicyStore, current_user

    normalise_positionals(args)
    graph = load_project_graph(args)
    facts = command_facts(graph, args) if args.all_pending else script_facts(graph)
    by = current_user()
    lines: list[str] = []
    target, project_policy = decision_target(args)
    with PolicyStore.edit(target) as policy:
        if args.all_pending:
            view = policy if target == project_policy else PolicyStore.load(project_policy)
            pending = pending_script_packages(graph, view, facts)
            for package in pending:
                lines += approve_package(policy, package, by, facts, args.note)
            if not pending:
                lines.append("nothing pending: every package with install scripts has a decision")
        else:
            lines += approve_package(policy, resolve_spec(graph, args.spec), by, facts, args.note)
        path = policy.path
    if not args.quiet:
        from reviewer.lockfiles.manifest import printable

        for line in lines:
            print(printable(line))
        print(f"wrote {path}" if lines and not lines[0].startswith("nothing") else f"{path} unchanged")
    return 0
