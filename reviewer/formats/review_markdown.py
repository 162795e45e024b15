"""`reviewer review --format markdown`: a pull-request comment.

What the registry provides for no package is said once at the top (`ReviewReport.gaps`) and
left out of each change. A summary table first, then one collapsible `<details>` section per
change that has something to show beyond its row (a known signal, a reason, a diff). All untrusted
text (names, versions, reasons, summaries, file paths) goes through `md_text`, which turns
every character that markdown, HTML or GitHub give a meaning to into a numeric entity:
`|` cannot split a table cell, `<` cannot open a tag, backticks cannot open code, `@`
cannot mention a user or team (`@scope/name` would), and newlines become spaces. Patches
go in a fenced block longer than any backtick run they contain, capped in length.
"""

from __future__ import annotations

import re

from reviewer.review.changes import ChangeKind
from reviewer.review.report import PackageDiff, ReviewedChange, ReviewReport, evidence_parts
from reviewer.signals.unknowns import RegistryGaps

MAX_PATCH_LINES = 200
"""Per file: a PR comment is limited in size (65,536 characters on GitHub)."""

_SIGNIFICANT = set("&<>`*_[]|~\\#@$!{}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_CONTROL_BUT_TAB = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def md_text(text: str) -> str:
    """`text` safe in a markdown paragraph, table cell or HTML element, on one line."""
    flat = _CONTROL.sub(" ", text)
    return "".join(f"&#{ord(c)};" if c in _SIGNIFICANT else c for c in flat)


def format_review_markdown(report: ReviewReport) -> str:
    out: list[str] = ["### Dependency review", ""]
    out.append(f"Base {md_text(report.base_label)} → head {md_text(report.head_label)}: "
               f"**{md_text(report.counts_line())}**"
               + (f", highest severity **{report.severity}**" if report.severity is not None else ""))
    out.append("")
    gaps = report.gaps
    if gaps:
        sentence = gaps.sentence()
        out += [f"> Unknown: {md_text(sentence[0].upper() + sentence[1:])}.", ""]
    for note in report.notes:
        out += [f"> {md_text(note)}", ""]
    republished = [c for c in report.changes if c.change.kind is ChangeKind.REPUBLISHED]
    if republished:
        names = ", ".join(md_text(c.change.package.key) for c in republished)
        out += ["> [!WARNING]",
                f"> Republished with different content at the same version: {names}", ""]
    if not report.changes:
        return "\n".join(out)
    out += ["| Package | Change | From | To | Severity | Signals |", "|---|---|---|---|---|---|"]
    ordered = report.by_risk()
    for reviewed in ordered:
        change = reviewed.change
        out.append(
            f"| {md_text(change.name)} | {change.kind} | {md_text(change.from_version or '–')} "
            f"| {md_text(change.to_version or '–')} | {reviewed.severity or ''} "
            f"| {_signal_ids(reviewed, gaps)} |"
        )
    out.append("")
    for reviewed in ordered:
        out += _details(reviewed, gaps)
    return "\n".join(out)


def _signal_ids(reviewed: ReviewedChange, gaps: RegistryGaps) -> str:
    ids = list(dict.fromkeys(f.id for f in gaps.known(reviewed.sorted_findings())))
    return md_text(", ".join(ids))


def _details(reviewed: ReviewedChange, gaps: RegistryGaps) -> list[str]:
    change = reviewed.change
    findings = gaps.known(reviewed.sorted_findings())
    if not (findings or change.reason or reviewed.diff is not None):
        return []  # its table row says it all
    level = f" · {reviewed.severity}" if reviewed.severity is not None else ""
    count = len(findings)
    out = [
        "<details>",
        f"<summary>{md_text(change.name)} {_arrow(change.from_version, change.to_version)} · "
        f"{change.kind}{level} · "
        f"{count} signal{'s' if count != 1 else ''}</summary>",
        "",
    ]
    if change.reason:
        out += [md_text(change.reason), ""]
    for finding in findings:
        state = "*unknown*" if finding.unknown else f"**{finding.severity}**"
        out.append(f"- {state} {md_text(finding.id)}: {md_text(finding.summary)}")
        for evidence in finding.evidence:
            where, what = evidence_parts(evidence)
            out.append(f"  - {md_text(where)}{': ' if where and what else ''}{md_text(what)}")
    if findings:
        out.append("")
    if change.dependents:
        out += [f"Required by: {md_text(', '.join(change.dependents))}", ""]
    if reviewed.diff is not None:
        out += _diff(reviewed.diff)
    out += ["</details>", ""]
    return out


def _diff(diff: PackageDiff) -> list[str]:
    if diff.error:
        return [f"Diff unavailable: {md_text(diff.error)}", ""]
    if not diff.files:
        return ["No file differs.", ""]
    out = ["| File | Status | Size |", "|---|---|---|"]
    out += [
        f"| {md_text(file.path)} | {file.status} | {_size(file.old_size)} → {_size(file.new_size)} |"
        for file in diff.files
    ]
    out += [f"| {md_text(entry)} | unsafe, not compared | |" for entry in diff.unsafe]
    out.append("")
    if diff.manifest:
        out += ["package.json:", ""]
        out += [f"- {md_text(_where(m.field, m.key))}: {m.status} "
                f"{md_text(m.old or '')}{' → ' if m.old and m.new else ''}{md_text(m.new or '')}"
                for m in diff.manifest]
        out.append("")
    for file in diff.files:
        if file.patch:
            out += _fenced(file.patch)
    return out


def _where(field: str, key: str | None) -> str:
    return f"{field}.{key}" if key is not None else field


def _fenced(patch: str) -> list[str]:
    lines = patch.splitlines()
    if len(lines) > MAX_PATCH_LINES:
        lines = lines[:MAX_PATCH_LINES] + [f"... ({len(lines) - MAX_PATCH_LINES} more lines)"]
    lines = [_CONTROL_BUT_TAB.sub("?", line) for line in lines]
    longest = max((len(run) for run in re.findall(r"`+", patch)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}diff", *lines, fence, ""]


def _arrow(old: str | None, new: str | None) -> str:
    return f"{md_text(old) if old else 'new'} → {md_text(new) if new else 'removed'}"


def _size(size: int | None) -> str:
    return "–" if size is None else f"{size} B"
