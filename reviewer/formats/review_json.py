"""`reviewer review --format json`: SPEC §7 `{"changes": [{"name", "from", "to", "kind", "signals"}]}`.

Extra keys beyond the SPEC's (additive): top-level `base`, `head`, `summary` (count per
kind), `notes`, `severity`; per change `reason`, `dependents`, `severity`, and `diff` when
`--diff` was given (`{"files": [{"path", "status", "old_size", "new_size", "patch"}],
"manifest": [{"field", "key", "status", "old", "new"}], "unsafe": [...], "error"}`).
"""

from __future__ import annotations

import json

from reviewer.review.report import PackageDiff, ReviewedChange, ReviewReport
from reviewer.text_safety import json_text


def review_to_json(report: ReviewReport) -> dict[str, object]:
    return {
        "base": report.base_label,
        "head": report.head_label,
        "summary": {str(kind): n for kind, n in report.counts.items()},
        "severity": _severity(report.severity),
        "notes": list(report.notes),
        "changes": [_change(reviewed) for reviewed in report.changes],
    }


def format_review_json(report: ReviewReport) -> str:
    return json_text(json.dumps(review_to_json(report), indent=2, ensure_ascii=False)) + "\n"


def _change(reviewed: ReviewedChange) -> dict[str, object]:
    change = reviewed.change
    data: dict[str, object] = {
        "name": change.name,
        "from": change.from_version,
        "to": change.to_version,
        "kind": str(change.kind),
        "reason": change.reason,
        "dependents": list(change.dependents),
        "severity": _severity(reviewed.severity),
        "signals": [finding.to_json() for finding in reviewed.sorted_findings()],
    }
    if reviewed.diff is not None:
        data["diff"] = _diff(reviewed.diff)
    return data


def _diff(diff: PackageDiff) -> dict[str, object]:
    return {
        "files": [
            {"path": f.path, "status": f.status, "old_size": f.old_size,
             "new_size": f.new_size, "patch": f.patch}
            for f in diff.files
        ],
        "manifest": [
            {"field": m.field, "key": m.key, "status": m.status, "old": m.old, "new": m.new}
            for m in diff.manifest
        ],
        "unsafe": list(diff.unsafe),
        "error": diff.error,
    }


def _severity(level: object) -> str | None:
    return None if level is None else str(level)
