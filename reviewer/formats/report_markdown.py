"""`reviewer report --format markdown`: one table per severity, unknowns summarised.

Untrusted text goes through `md_text` (shared with the review formatter)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from reviewer.formats.report_text import report_gaps
from reviewer.formats.review_markdown import md_text
from reviewer.signals.finding import Finding, Severity
from reviewer.signals.results import PackageReview


def _where(finding: Finding) -> str:
    located = [f"{e.file}:{e.line}" for e in finding.evidence if e.file and e.line]
    return md_text(", ".join(located[:3]) + (" …" if len(located) > 3 else ""))


def format_report_markdown(reviews: Sequence[PackageReview]) -> str:
    decided: dict[Severity, list[Finding]] = defaultdict(list)
    unknown: dict[tuple[str, str], int] = defaultdict(int)
    gaps = report_gaps(reviews)
    for review in reviews:
        for finding in review.findings:
            if gaps.covers(finding):
                continue  # said once, at the top
            if finding.unknown:
                unknown[(finding.id, str(finding.details.get("reason") or finding.summary))] += 1
            else:
                decided[finding.severity].append(finding)
    flagged = sum(1 for r in reviews if r.decided)
    out = ["### Dependency report", "",
           f"{len(reviews)} packages, **{flagged}** with findings.", ""]
    if gaps:
        sentence = gaps.sentence()
        out += [f"> Unknown: {md_text(sentence[0].upper() + sentence[1:])}.", ""]
    for severity in reversed(Severity):
        if not decided[severity]:
            continue
        out += [f"#### {severity.name.title()} ({len(decided[severity])})", "",
                "| Package | Signal | Summary | Where |", "|---|---|---|---|"]
        for finding in sorted(decided[severity], key=lambda f: (f.package, f.id)):
            out.append(f"| {md_text(finding.package)} | {finding.id} | {md_text(finding.summary)} "
                       f"| {_where(finding)} |")
        out.append("")
    if unknown:
        out += ["#### Could not be decided", "", "| Signal | Reason | Packages |", "|---|---|---|"]
        for (signal, reason), count in sorted(unknown.items()):
            out.append(f"| {signal} | {md_text(reason)} | {count} |")
        out.append("")
    return "\n".join(out)
