"""`reviewer check [PATH] [--format text|json|sarif]`: the CI gate over the policy.

Exit 0 when nothing violates the policy, 1 when something does, 2 on a usage or input
error. Works offline from the lockfile alone: install scripts come from the lockfile
(cached registry metadata fills gaps when present), advisories from
`reviewer-advisories.json` (written by `reviewer audit import`), and review signals are
evaluated only when the signals part can compute them from cached metadata.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.common import add_path_argument

if TYPE_CHECKING:

    from reviewer.policy.check import CheckResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reviewer.cli.common import add_policy_argument

    add_path_argument(parser)
    parser.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                        help="output format (default: text)")
    add_policy_argument(parser)


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.common import open_project
    from reviewer.policy.check import run_check
    from reviewer.policy.decisions import script_facts

    project = open_project(args)
    graph, policy = project.graph, project.policy
    findings = project.cached_findings()
    result = run_check(graph, policy, script_facts(graph, findings),
                       advisories=project.imported_advisories(),
                       findings=findings)
    lockfile = graph.lockfile.path
    if args.format == "json":
        json.dump(to_json(result, lockfile, policy.path), sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif args.format == "sarif":
        from reviewer.formats.sarif import to_sarif

        json.dump(to_sarif(result, lockfile), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_text(result, lockfile, policy.path, args.quiet))
    return 0 if result.ok else 1


def to_text(result: CheckResult, lockfile: Path, policy_path: Path, quiet: bool = False) -> str:
    """Plain text; untrusted names are shown with control characters escaped."""
    from reviewer.lockfiles.manifest import printable

    lines = []
    if result.ok:
        lines.append(f"reviewer check: OK - {result.packages_checked} packages in {lockfile} "
                     f"satisfy {policy_path}")
    else:
        lines.append(f"reviewer check: {len(result.violations)} violation(s) in {lockfile} "
                     f"(policy {policy_path})")
        for violation in result.violations:
            where = f"{lockfile.name}:{violation.line}" if violation.line else lockfile.name
            lines.append(f"  {violation.rule:<20} {printable(violation.package)}  [{where}]")
            lines.append(f"      {printable(violation.message)}")
        counts = ", ".join(f"{rule}: {n}" for rule, n in result.counts().items())
        lines.append(f"by rule: {counts}")
    if not quiet:
        if result.unknown_scripts:
            lines.append(f"note: {len(result.unknown_scripts)} package(s): neither the lockfile "
                         "nor cached metadata says whether they have install scripts "
                         "(run `reviewer scan` to fill the cache); they were not checked for scripts")
        if not result.signals_evaluated:
            lines.append("note: review signals not evaluated (no metadata cache); "
                         "policy, pins, sources and imported advisories were checked")
        elif result.signals_unknown:
            lines.append(f"note: {len(result.signals_unknown)} package(s) have review signals "
                         "that could not be decided from the cache (run `reviewer scan`)")
    return "\n".join(lines) + "\n"


def to_json(result: CheckResult, lockfile: Path, policy_path: Path) -> dict[str, object]:
    return {
        "ok": result.ok,
        "lockfile": str(lockfile),
        "policy": str(policy_path),
        "packages_checked": result.packages_checked,
        "advisories_checked": result.advisories_checked,
        "signals_evaluated": result.signals_evaluated,
        "signals_unknown": result.signals_unknown,
        "violations": [v.to_json() for v in result.violations],
        "counts": result.counts(),
        "unknown_install_scripts": result.unknown_scripts,
    }
