"""`reviewer review --format text`: plain text for a terminal or a CI log.

Every untrusted string (names, versions, summaries, file paths, patches) goes through
`printable`, so control characters and escape sequences are shown escaped, never obeyed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.lockfiles.manifest import printable
from reviewer.review.changes import ChangeKind
from reviewer.review.report import PackageDiff, ReviewedChange, ReviewReport, evidence_parts
from reviewer.signals.unknowns import RegistryGaps

if TYPE_CHECKING:
    from reviewer.review.diff import ManifestChange

INDENT = "    "


def format_review_text(report: ReviewReport, *, verbose: bool = False) -> str:
    lines = [
        f"review: {printable(report.base_label)} -> {printable(report.head_label)}",
        report.counts_line(),
    ]
    gaps = report.gaps
    if gaps:
        lines.append(f"unknown: {gaps.sentence()}")
    lines += [f"note: {printable(note)}" for note in report.notes]
    republished = [c for c in report.changes if c.change.kind is ChangeKind.REPUBLISHED]
    if republished:
        names = ", ".join(printable(c.change.package.key) for c in republished)
        lines.append(f"WARNING: republished with different content at the same version: {names}")
    for reviewed in report.by_risk():
        lines.append("")
        lines += _change_lines(reviewed, verbose, gaps)
    return "\n".join(lines) + "\n"


def _change_lines(reviewed: ReviewedChange, verbose: bool, gaps: RegistryGaps) -> list[str]:
    change = reviewed.change
    level = f"  [{reviewed.severity}]" if reviewed.severity is not None else ""
    lines = [f"{printable(change.name)} {printable(change.arrow)}  {change.kind}{level}"]
    if change.reason:
        lines.append(f"{INDENT}{printable(change.reason)}")
    if change.dependents:
        lines.append(f"{INDENT}required by: {printable(', '.join(change.dependents))}")
    for finding in gaps.known(reviewed.sorted_findings()):  # the gaps are said at the top
        state = "unknown" if finding.unknown else str(finding.severity)
        lines.append(f"{INDENT}{state:<9} {finding.id:<20} {printable(finding.summary)}")
        if verbose:
            for evidence in finding.evidence:
                where, what = evidence_parts(evidence)
                joined = f"{where}: {what}" if where and what else where or what
                lines.append(f"{INDENT * 2}{printable(joined)}")
    if reviewed.diff is not None:
        lines += _diff_lines(reviewed.diff)
    return lines


def _diff_lines(diff: PackageDiff) -> list[str]:
    if diff.error:
        return [f"{INDENT}diff: unavailable ({printable(diff.error)})"]
    if not diff.files:
        return [f"{INDENT}diff: no file differs"]
    lines = [f"{INDENT}files:"]
    for file in diff.files:
        sizes = f"{_size(file.old_size)} -> {_size(file.new_size)}"
        lines.append(f"{INDENT * 2}{file.status:<8} {printable(file.path)}  ({sizes})")
    lines += [f"{INDENT * 2}unsafe   {printable(entry)}  (not compared)" for entry in diff.unsafe]
    if diff.manifest:
        lines.append(f"{INDENT}package.json:")
        lines += [f"{INDENT * 2}{printable(_manifest_line(m))}" for m in diff.manifest]
    for file in diff.files:
        if file.patch:
            lines += [f"{INDENT * 2}{printable(line)}" for line in file.patch.splitlines()]
    return lines


def _manifest_line(change: ManifestChange) -> str:
    where = f"{change.field}.{change.key}" if change.key is not None else change.field
    if change.status == "added":
        return f"+ {where}: {change.new}"
    if change.status == "removed":
        return f"- {where}: {change.old}"
    return f"~ {where}: {change.old} -> {change.new}"


def _size(size: int | None) -> str:
    return "-" if size is None else f"{size} B"
