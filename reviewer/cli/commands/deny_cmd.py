"""`reviewer deny NAME[@VERSION] [PATH] [--note TEXT]` / `reviewer deny --all-pending [PATH]`.

Denies install scripts: by name (every version) or for one version. `--all-pending` denies
every locked package with install scripts that has no decision yet (by name, or by
name@version when another version of that name is allowed), printing each one.
"""

from __future__ import annotations

import argparse

from reviewer.cli.commands.approve_cmd import (
    add_decision_arguments,
    command_facts,
    normalise_positionals,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_decision_arguments(parser, "the package to deny, NAME (every version) or NAME@VERSION")


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.common import load_project_graph, options_from_args
    from reviewer.policy.decisions import (
        deny_package,
        deny_pending,
        pending_script_packages,
    )
    from reviewer.policy.entries import split_spec
    from reviewer.policy.store import PolicyStore, current_user

    normalise_positionals(args)
    graph = load_project_graph(args)
    by = current_user()
    lines: list[str] = []
    with PolicyStore.edit(options_from_args(args).policy_path) as policy:
        if args.all_pending:
            pending = pending_script_packages(graph, policy, command_facts(graph, args))
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
