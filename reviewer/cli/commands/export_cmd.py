"""`reviewer export --to npm|pnpm|yarn|bun|lavamoat [PATH] [--dry-run] [--pins] [--pnpm-legacy]
[--lavamoat-skip-versions]`.

Writes the policy's install-script decisions (and, with --pins, approved pins) into the
package manager's own settings, keeping everything else in those files. `--dry-run` prints
a unified diff instead of writing.
"""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.common import add_path_argument

TARGETS = ("npm", "pnpm", "yarn", "bun", "lavamoat")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reviewer.cli.common import add_policy_argument

    add_path_argument(parser)
    parser.add_argument("--to", required=True, choices=TARGETS, dest="target",
                        help="the package manager (or LavaMoat) to write settings for")
    parser.add_argument("--dry-run", action="store_true", help="print the diff, write nothing")
    parser.add_argument("--pins", action="store_true",
                        help="also write approved pins (overrides / resolutions)")
    legacy = parser.add_mutually_exclusive_group()
    legacy.add_argument("--pnpm-legacy", action="store_true", default=None,
                        help="pnpm: write onlyBuiltDependencies/ignoredBuiltDependencies "
                             "(pnpm < 10.26) instead of allowBuilds")
    legacy.add_argument("--pnpm-modern", action="store_false", dest="pnpm_legacy",
                        help="pnpm: write allowBuilds whatever the detected version")
    parser.add_argument("--lavamoat-skip-versions", action="store_true",
                        help="lavamoat: names-only keys, for `allow-scripts --skip-versions` "
                             "(allow-scripts 5 otherwise needs name#version)")
    add_policy_argument(parser)


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.common import open_project, project_dir
    from reviewer.exporters import ExportOptions, build_export

    project = open_project(args)
    graph, policy = project.graph, project.policy
    if not policy.exists_on_disk:
        print(f"reviewer: warning: {policy.path} does not exist; exporting an empty policy",
              file=sys.stderr)
    options = ExportOptions(pins=args.pins, pnpm_legacy=args.pnpm_legacy,
                            lavamoat_skip_versions=args.lavamoat_skip_versions)
    plan = build_export(args.target, project_dir(args), policy, graph, options)
    if args.dry_run:
        sys.stdout.write(plan.diff() or "no changes\n")
    else:
        written = plan.write()
        if not args.quiet:
            for path in written:
                print(f"wrote {path}")
            if not written:
                print("no changes: the settings already match the policy")
    if not args.quiet:
        from reviewer.lockfiles.manifest import printable

        for message in plan.messages:
            print(f"note: {printable(message)}", file=sys.stderr)
    return 0
