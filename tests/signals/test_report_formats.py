"""The report formatters: JSON schema, text layout, markdown escaping, untrusted text."""

from __future__ import annotations

import json

import jsonschema

from reviewer.formats.report_json import format_report_json
from reviewer.formats.report_markdown import format_report_markdown
from reviewer.formats.report_text import format_report_text
from reviewer.graph.model import Package
from reviewer.signals.common import unknown
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.results import PackageReview, fails

SCHEMA = {
    "type": "object", "required": ["packages", "summary"],
    "properties": {"packages": {"type": "array", "items": {
        "type": "object", "required": ["name", "version", "signals"],
        "properties": {"signals": {"type": "array", "items": {
            "type": "object", "required": ["id", "severity", "summary", "unknown"],
            "properties": {"severity": {"enum": ["info", "low", "moderate", "high", "critical"]},
                           "unknown": {"type": "boolean"}}}}}}}},
}


def reviews() -> list[PackageReview]:
    evil = Package("evil", "1.0.0")
    calm = Package("calm", "2.0.0")
    return [
        PackageReview(evil, [
            Finding("suspicious-code", Severity.CRITICAL, "install script code: network access \x1b[31m",
                    evil.key, evidence=(Evidence("setup.js", 3, "net-module: require('https')"),)),
            Finding("install-script", Severity.MODERATE, "postinstall: node setup.js | rm -rf `x` @team",
                    evil.key),
        ]),
        PackageReview(calm, [unknown("maintainers-changed", calm.key, "maintainers not provided by this registry")]),
    ]


def test_json_schema_and_summary() -> None:
    data = json.loads(format_report_json(reviews()))
    jsonschema.validate(data, SCHEMA)
    assert data["packages"][0]["severity"] == "critical"
    assert data["packages"][1]["severity"] is None
    assert data["summary"]["by_severity"]["critical"] == 1
    assert data["summary"]["unknown"] == {"maintainers-changed": 1}
    assert data["packages"][0]["signals"][0]["evidence"] == [
        {"file": "setup.js", "line": 3, "text": "net-module: require('https')"}]


def test_text_groups_by_severity_and_escapes() -> None:
    text = format_report_text(reviews())
    assert text.index("CRITICAL") < text.index("MODERATE") < text.index("UNKNOWN")
    assert "\x1b" not in text and "\\x1b" in text
    assert "setup.js:3 net-module" in text
    assert "maintainers-changed: maintainers not provided by this registry — 1 package" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_markdown_escapes_untrusted_text() -> None:
    md = format_report_markdown(reviews())
    assert "#### Critical (1)" in md and "| evil@1.0.0 | suspicious-code |" in md.replace("&#64;", "@")
    row = next(line for line in md.splitlines() if "install-script" in line)
    assert row.count("|") == 5  # the `|` in the summary cannot split the cell
    assert "`" not in row and "@team" not in row


def test_fail_on_ignores_unknowns() -> None:
    assert fails(reviews(), Severity.CRITICAL)
    only_unknown = reviews()[1:]
    assert not fails(only_unknown, Severity.INFO)
