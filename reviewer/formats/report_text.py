"""`reviewer report --format text`: findings grouped by severity, within 80 columns.

Decided findings are listed under their severity (highest first), each with up to
`EVIDENCE_LINES` evidence lines (all with `verbose`). What the registry provides for no
package is said once at the top (`report_gaps`); other unknown signals are summarised at
the end as one line per (signal, reason) with a count, so a registry that strips
metadata does not drown the report. Untrusted text goes through `printable`.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Sequence

from reviewer.graph.model import Source
from reviewer.lockfiles.manifest import printable
from reviewer.signals.finding import Finding, Severity
from reviewer.signals.results import PackageReview
from reviewer.signals.unknowns import RegistryGaps, registry_gaps

WIDTH = 80
EVIDENCE_LINES = 3


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(printable(text), width=width, initial_indent=indent,
                         subsequent_indent=indent + "  ", break_long_words=True,
                         break_on_hyphens=False) or [indent]


def _evidence_line(finding: Finding, index: int) -> str:
    e = finding.evidence[index]
    where = f"{e.file or ''}{':' + str(e.line) if e.line else ''}"
    return " ".join(p for p in (where, e.text or "") if p)


def report_gaps(reviews: Sequence[PackageReview]) -> RegistryGaps:
    """What the registry provides for none of the registry packages reviewed."""
    return registry_gaps(r.findings for r in reviews if r.package.source is Source.REGISTRY)


def format_report_text(reviews: Sequence[PackageReview], *, verbose: bool = False, width: int = WIDTH) -> str:
    decided: dict[Severity, list[Finding]] = defaultdict(list)
    unknown: dict[tuple[str, str], list[str]] = defaultdict(list)
    gaps = report_gaps(reviews)
    for review in reviews:
        for finding in review.findings:
            if gaps.covers(finding):
                continue
            if finding.unknown:
                reason = str(finding.details.get("reason") or finding.summary)
                unknown[(finding.id, reason)].append(finding.package)
            else:
                decided[finding.severity].append(finding)
    flagged = sum(1 for r in reviews if r.decided)
    counts = ", ".join(f"{s} {len(decided[s])}" for s in reversed(Severity) if decided[s])
    lines = _wrap(f"reviewer report: {len(reviews)} packages, {flagged} with findings"
                  + (f" ({counts})" if counts else ""), "", width)
    if gaps:
        lines += _wrap(f"unknown: {gaps.sentence()}", "", width)
    for severity in reversed(Severity):
        if not decided[severity]:
            continue
        lines += ["", severity.name]
        for finding in sorted(decided[severity], key=lambda f: (f.package, f.id)):
            lines += _wrap(f"{finding.package}  {finding.id}: {finding.summary}", "  ", width)
            shown = len(finding.evidence) if verbose else min(EVIDENCE_LINES, len(finding.evidence))
            for i in range(shown):
                lines += _wrap(_evidence_line(finding, i), "      ", width)
            if shown < len(finding.evidence):
                lines.append(f"      … {len(finding.evidence) - shown} more (--verbose)")
    if unknown:
        lines += ["", "UNKNOWN (could not be decided)"]
        for (signal, reason), packages in sorted(unknown.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
            example = ", ".join(packages[:2]) + (", …" if len(packages) > 2 else "")
            lines += _wrap(f"{signal}: {reason} — {len(packages)} package"
                           f"{'s' if len(packages) != 1 else ''} ({example})", "  ", width)
    return "\n".join(lines) + "\n"
