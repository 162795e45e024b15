"""`reviewer deny NAME[@VERSION] [PATH] [--note TEXT] [--to FILE]` / `reviewer deny --all-pending [PATH]`
/ `reviewer deny --ban NAME[@RANGE] [PATH] --note REASON`.

Denies install scripts: by name (every version) or for one version. `--all-pending` denies
every locked package with install scripts that has no decision yet (by name, or by
name@version when another version of that name is allowed), printing each one. `--ban`
bans the package itself (every version, or a semver range): `check` fails while it is
locked. `--to FILE` writes into a shared policy file.
"""

from __future__ import annotations

import argparse

from reviewer.cli.commands.approve_cmd import (
    add_decision_arguments,
    command_facts,
    decision_target,
    normalise_positionals,
)
from reviewer.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_decision_arguments(parser, "the package to deny, NAME (every version) or NAME@VERSION "
                                   "(with --ban: NAME or NAME@RANGE)")
    parser.add_argument("--ban", action="store_true",
                        help="ban the package itself (not only its scripts): check fails "
                             "while it is locked; --note gives the reason")


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.common import load_project_graph
    from reviewer.policy.decisions import (
        ban_package,
        deny_package,
        deny_pending,
        pending_script_packages,
    )
    from reviewer.policy.entries import split_spec
    from reviewer.policy.store import PolicyStore, current_user

    normalise_positionals(args)
    if args.ban and args.all_pending:
        raise UsageError("--ban takes one package (NAME or NAME@RANGE), not --all-pending")
    graph = load_project_graph(args)
    by = current_user()
    lines: list[str] = []
    target, project_policy = decision_target(args)
    with PolicyStore.edit(target) as policy:
        if args.ban:
            lines += ban_package(policy, graph, args.spec, by, args.note)
        elif args.all_pending:
            view = policy if target == project_policy else PolicyStore.load(project_policy)
            pending = pending_script_packages(graph, view, command_facts(graph, args))
            lines += deny_pending(policy, pending, by, args.note)
            if not pending:
                lines.append("nothing pending: every package with install scripts has a decision")
        else:
            name, version = split_spec(args.spec)
            if not graph.find(name, version):
                lines.append(f"note: {args.spec} is not in the lockfile; denying it anyway")
            lines += deny_package(policy, name, version, by, args.note)
        path = policy.path
        changed = policy.dirty
    if not args.quiet:
        from reviewer.lockfiles.manifest import printable

        for line in lines:
            print(printable(line))
        print(f"wrote {path}" if changed else f"{path} unchanged")
    return 0
