"""`reviewer unban NAME[@RANGE] [PATH] [--to FILE] [--policy FILE]`.

Removes the `[[bans]]` entry that `reviewer deny --ban NAME[@RANGE]` wrote (the same
spelling), from the project's policy or, with `--to FILE`, from a shared policy file. The
rest of the file (comments, order, formatting) is kept; it is written atomically, and not
at all when there is no such ban (exit 2, naming what is banned instead).
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reviewer.cli.common import add_policy_argument

    parser.add_argument("spec", metavar="SPEC",
                        help="the ban to remove: NAME or NAME@RANGE, as `deny --ban` wrote it")
    parser.add_argument("path", nargs="?", default=".", metavar="PATH",
                        help="project directory (default: the current one)")
    parser.add_argument("--to", metavar="FILE", dest="shared",
                        help="remove the ban from FILE, a shared policy that the project's "
                             "policy extends (default: the project's policy)")
    add_policy_argument(parser)


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.commands.approve_cmd import decision_target
    from reviewer.lockfiles.manifest import printable
    from reviewer.policy.decisions import unban_package
    from reviewer.policy.store import PolicyStore

    target, _project_policy = decision_target(args)
    with PolicyStore.edit(target) as policy:
        lines = unban_package(policy, args.spec)
        path = policy.path
    if not args.quiet:
        for line in lines:
            print(printable(line))
        print(f"wrote {path}")
    return 0
