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
    parser.add_argument("--deep", action="store_true",
                        help="fetch what the cache lacks (metadata, tarballs) so that the code of "
                             "every locked package is evaluated")


def run(args: argparse.Namespace) -> int:
    from reviewer.cli.common import open_project
    from reviewer.exporters.drift import drift_violations
    from reviewer.policy.check import run_check
    from reviewer.policy.decisions import script_facts

    project = open_project(args)
    graph, policy = project.graph, project.policy
    findings = project.cached_findings(deep=args.deep)
    result = run_check(graph, policy, script_facts(graph, findings),
                       advisories=project.imported_advisories(),
                       findings=findings, registry_for=project.registry_config.registry_for,
                       drift=drift_violations(project.directory, policy, graph))
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
            at = f"  [{where}]" if violation.version else ""  # settings drift: no package
            lines.append(f"  {violation.rule:<20} {printable(violation.package)}{at}")
            lines.append(f"      {printable(violation.message)}")
        counts = ", ".join(f"{rule}: {n}" for rule, n in result.counts().items())
        lines.append(f"by rule: {counts}")
    lines += _decision_summary(result)
    if not quiet:
        if result.unknown_scripts:
            lines.append(f"note: {len(result.unknown_scripts)} package(s): neither the lockfile "
                         "nor cached metadata says whether they have install scripts "
                         "(run `reviewer scan` to fill the cache); they were not checked for scripts")
        if not result.signals_evaluated:
            lines.append("note: review signals not evaluated (no metadata cache); "
                         "policy, pins, sources and imported advisories were checked")
        else:
            if result.registry_gap:
                lines.append(f"unknown: {result.registry_gap}")
            if result.signals_unknown:
                lines.append(f"note: {len(result.signals_unknown)} package(s) have review "
                             "signals that could not be decided:")
                for reason, count in result.unknown_reasons.most_common(REASONS_SHOWN):
                    lines.append(f"  {printable(reason)} ({count})")
                if len(result.unknown_reasons) > REASONS_SHOWN:
                    lines.append(f"  … {len(result.unknown_reasons) - REASONS_SHOWN} more "
                                 "(--format json)")
    return "\n".join(lines) + "\n"


DENIED_SHOWN = 20
"""The text summary names at most this many denied packages."""

REASONS_SHOWN = 4
"""The text summary names at most this many reasons for undecided signals."""


def _decision_summary(result: CheckResult) -> list[str]:
    """Install-script decisions that hold (not violations), with the file behind each."""
    from collections import Counter

    from reviewer.lockfiles.manifest import printable
    from reviewer.policy.entries import ScriptState

    lines = []
    allowed = result.decided(ScriptState.ALLOWED)
    if allowed:
        origins = Counter(d.origin for d in allowed)
        where = ", ".join(f"{n} by {printable(origin)}" for origin, n in sorted(origins.items()))
        lines.append(f"install scripts allowed: {len(allowed)} package(s) ({where})")
    denied = result.decided(ScriptState.DENIED)
    if denied:
        shown = DENIED_SHOWN
        listed = ", ".join(f"{printable(d.package)} (by {printable(d.origin)})"
                           for d in denied[:shown])
        more = f", and {len(denied) - shown} more (--format json lists all)" \
            if len(denied) > shown else ""
        lines.append(f"install scripts denied (skipped by the package manager): {listed}{more}")
    return lines


def to_json(result: CheckResult, lockfile: Path, policy_path: Path) -> dict[str, object]:
    return {
        "ok": result.ok,
        "lockfile": str(lockfile),
        "policy": str(policy_path),
        "packages_checked": result.packages_checked,
        "advisories_checked": result.advisories_checked,
        "signals_evaluated": result.signals_evaluated,
        "signals_unknown": result.signals_unknown,
        "registry_gap": result.registry_gap or None,
        "unknown_reasons": dict(result.unknown_reasons),
        "violations": [v.to_json() for v in result.violations],
        "counts": result.counts(),
        "unknown_install_scripts": result.unknown_scripts,
        "decisions": [d.to_json() for d in result.decisions],
    }
