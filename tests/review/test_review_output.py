"""The review formatters (pure): JSON shape, text safety, markdown for a PR comment."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reviewer.formats.review_json import format_review_json
from reviewer.formats.review_markdown import format_review_markdown, md_text
from reviewer.formats.review_text import format_review_text
from reviewer.graph import LockfileInfo, Package
from reviewer.review.changes import Change, ChangeKind, ChangeSet
from reviewer.review.report import FileChange, PackageDiff, ReviewReport
from reviewer.signals.finding import Evidence, Finding, Severity

HOSTILE = "evil|name<script>`x`@org/team\n[link](http://x)\x1b[31m"
LOCK = LockfileInfo(Path("package-lock.json"), "npm", "3")


def make_report(diff: PackageDiff | None = None) -> ReviewReport:
    old, new = Package("left-padx", "1.0.0", "sha512-A"), Package("left-padx", "1.1.0", "sha512-B")
    same_old, same_new = Package("ms", "2.1.3", "sha512-C"), Package("ms", "2.1.3", "sha512-D")
    changes = (
        Change("left-padx", "1.0.0", "1.1.0", ChangeKind.UPGRADED, old, new, "", ("app",)),
        Change("ms", "2.1.3", "2.1.3", ChangeKind.REPUBLISHED, same_old, same_new,
               "same version, integrity sha512-C -> sha512-D", ("debug",)),
        Change(HOSTILE, None, "1.0.0", ChangeKind.ADDED, None, Package(HOSTILE, "1.0.0"), ""),
    )
    findings = {
        changes[0].id: (
            Finding("install-script", Severity.HIGH, "new postinstall: node setup.js",
                    "left-padx@1.1.0", evidence=(Evidence("package.json", None, "node setup.js"),)),
            Finding("maintainers-changed", Severity.MODERATE, "not provided by this registry",
                    "left-padx@1.1.0", unknown=True),
        ),
        changes[2].id: (
            Finding("typosquat", Severity.HIGH, f"{HOSTILE} is close to a popular name",
                    f"{HOSTILE}@1.0.0", evidence=(Evidence(None, 7, HOSTILE),)),
        ),
    }
    change_set = ChangeSet(changes, LOCK, LOCK)
    diffs = {changes[0].id: diff} if diff is not None else None
    return ReviewReport.build(change_set, findings, "HEAD~1:package-lock.json",
                              "package-lock.json", diffs=diffs)


def test_json_has_the_spec_shape() -> None:
    data = json.loads(format_review_json(make_report()))
    first = data["changes"][0]
    assert {"name", "from", "to", "kind", "signals"} <= first.keys()
    assert (first["name"], first["from"], first["to"], first["kind"]) == (
        "left-padx", "1.0.0", "1.1.0", "upgraded")
    assert [s["id"] for s in first["signals"]] == ["install-script", "maintainers-changed"]
    assert first["signals"][1]["unknown"] is True
    added = data["changes"][2]
    assert added["from"] is None and added["name"] == HOSTILE and added["kind"] == "added"
    assert data["summary"] == {"added": 1, "upgraded": 1, "republished": 1}
    assert "diff" not in first


def test_fail_on_counts_decided_findings_and_republishes() -> None:
    report = make_report()
    assert report.fails(Severity.HIGH)
    assert not report.fails(Severity.CRITICAL)
    assert not report.fails(None)
    republished = report.changes[1]
    assert republished.findings == () and republished.severity is Severity.HIGH


def test_text_escapes_control_characters_and_warns_on_republish() -> None:
    text = format_review_text(make_report(), verbose=True)
    assert "\x1b" not in text and "\\x1b[31m" in text
    assert "WARNING: republished with different content at the same version: ms@2.1.3" in text
    assert "    unknown   maintainers-changed" in text
    assert "line 7: evil|name" in text  # evidence without a file names the line


def test_markdown_table_cells_cannot_be_broken_by_untrusted_text() -> None:
    markdown = format_review_markdown(make_report())
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert len(rows) == 4  # header + three changes
    for row in rows:
        assert row.count("|") == 7, row
    assert "<script" not in markdown and "@org" not in markdown
    assert "\x1b" not in markdown and "`x`" not in markdown and "](" not in markdown
    assert markdown.count("<details>") == 3 == markdown.count("</details>")
    assert "> [!WARNING]" in markdown and "ms&#64;2.1.3" in markdown
    assert "<summary>left-padx 1.0.0 → 1.1.0 · upgraded · high · 2 signals</summary>" in markdown
    # The riskiest changes come first in the table, a republish first among equals.
    assert [row.split(" | ")[0][2:8] for row in rows[1:]] == ["ms", "left-p", "evil&#"]


def test_md_text_is_one_line_and_entity_encoded() -> None:
    assert md_text("a|b\nc") == "a&#124;b c"
    assert md_text("@scope/name") == "&#64;scope/name"
    assert md_text("<img src=x>") == "&#60;img src=x&#62;"


def test_markdown_patch_fence_outlasts_backticks_in_the_patch() -> None:
    patch = "--- a/index.js\n+++ b/index.js\n-x\n+````\n+</details>\n"
    diff = PackageDiff((FileChange("index.js", "modified", 10, 20, patch),
                        FileChange("setup.js", "added", None, 42)))
    markdown = format_review_markdown(make_report(diff))
    assert "`````diff\n--- a/index.js" in markdown
    fence_end = markdown.index("`````\n", markdown.index("`````diff") + 9)
    assert "+</details>" in markdown[:fence_end]
    assert re.search(r"\| setup\.js \| added \| – → 42 B \|", markdown)
    text = format_review_text(make_report(diff))
    assert "added    setup.js  (- -> 42 B)" in text
    data = json.loads(format_review_json(make_report(diff)))
    assert data["changes"][0]["diff"]["files"][1] == {
        "path": "setup.js", "status": "added", "old_size": None, "new_size": 42, "patch": None}
