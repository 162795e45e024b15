"""Audit report import: every format, the store, and `reviewer audit import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.audit import load_advisories
from reviewer.audit.importers import osv_range, parse_report
from reviewer.cli.main import main
from reviewer.errors import AuditImportError
from reviewer.signals.finding import Severity

DATA = Path(__file__).resolve().parents[1] / "data" / "audit"

LOCKFILE = {
    "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
    "packages": {
        "": {"name": "app", "version": "1.0.0", "dependencies": {"lodash": "^4.17.0", "mkdirp": "0.5.1"}},
        "node_modules/lodash": {"version": "4.17.20", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz",
                                "integrity": "sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA=="},
        "node_modules/mkdirp": {"version": "0.5.1", "resolved": "https://registry.npmjs.org/mkdirp/-/mkdirp-0.5.1.tgz",
                                "integrity": "sha1-MAV0OOrGz3+MR2fzhkjWaX11yQM=", "dependencies": {"minimist": "0.0.8"}},
        "node_modules/minimist": {"version": "0.0.8", "resolved": "https://registry.npmjs.org/minimist/-/minimist-0.0.8.tgz",
                                  "integrity": "sha1-hX/Kv8M5fSYluCKCYuhqp6ARsF0="},
    },
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "package.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "dependencies": {"lodash": "^4.17.0", "mkdirp": "0.5.1"}}))
    (tmp_path / "package-lock.json").write_text(json.dumps(LOCKFILE))
    return tmp_path


@pytest.mark.parametrize(("file", "fmt"), [
    ("npm-v2.json", "npm-v2"), ("npm-v1.json", "npm-v1"), ("pnpm.json", "pnpm"),
    ("yarn-classic.ndjson", "yarn-classic"), ("yarn-berry.ndjson", "yarn-berry"),
    ("osv-scanner.json", "osv"),
])
def test_detects_format_and_reads_lodash(file: str, fmt: str) -> None:
    detected, advisories = parse_report((DATA / file).read_text(), file)
    assert detected == fmt
    by_package = {a.package: a for a in advisories}
    if fmt != "pnpm":
        lodash = by_package["lodash"]
        assert lodash.id == "GHSA-35jh-r3h4-6jhm"
        assert lodash.vulnerable_range == "<4.17.21"
        assert lodash.severity is Severity.HIGH
        assert lodash.title == "Command Injection in lodash"
    else:
        assert by_package["minimist"].severity is Severity.CRITICAL
        assert "CVE-2021-44906" in by_package["minimist"].aliases


def test_npm_v2_skips_metavulns_and_keeps_every_advisory() -> None:
    _, advisories = parse_report((DATA / "npm-v2.json").read_text())
    assert sorted((a.package, a.id) for a in advisories) == [
        ("lodash", "GHSA-35jh-r3h4-6jhm"), ("minimist", "GHSA-vh95-rmgr-6w4m"),
        ("minimist", "GHSA-xvch-5gv4-984h")]
    assert {a.aliases for a in advisories if a.id == "GHSA-xvch-5gv4-984h"} == {("1097677",)}


def test_v1_versions_and_aliases() -> None:
    _, advisories = parse_report((DATA / "npm-v1.json").read_text())
    (lodash,) = advisories
    assert lodash.affected_versions == ("4.17.20",)
    assert lodash.aliases == ("1106913", "CVE-2021-23337")


def test_osv_ranges_from_events() -> None:
    _, advisories = parse_report((DATA / "osv-scanner.json").read_text())
    minimist = next(a for a in advisories if a.package == "minimist")
    assert minimist.vulnerable_range == "<0.2.1 || >=1.0.0 <1.2.3"
    assert minimist.severity is Severity.MODERATE  # from groups max_severity 5.6
    vuln = {"affected": [{"package": {"name": "x"}, "ranges": [{"type": "SEMVER", "events": [
        {"introduced": "1.0.0"}, {"last_affected": "1.4.0"}, {"introduced": "2.0.0"}]}], "versions": ["0.9.0"]}]}
    assert osv_range(vuln, "x") == ">=1.0.0 <=1.4.0 || >=2.0.0 || 0.9.0"


@pytest.mark.parametrize("text", ["", "{}", "[1, 2]", "{\"type\": \"x\"}\nnot json", "{\"results\": 5}"])
def test_bad_reports_are_one_line_errors(text: str) -> None:
    with pytest.raises(AuditImportError) as raised:
        parse_report(text, "r.json")
    assert "\n" not in str(raised.value) and str(raised.value).startswith("r.json")


def test_cli_import_attaches_and_stores(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "import", str(DATA / "npm-v2.json"), str(project)]) == 0
    out = capsys.readouterr().out
    assert "imported 3 advisories (npm-v2)" in out and "2 affect locked packages" in out
    stored = {(a.package, a.id): a for a in load_advisories(project)}
    assert stored[("lodash", "GHSA-35jh-r3h4-6jhm")].affected_versions == ("4.17.20",)
    assert stored[("minimist", "GHSA-xvch-5gv4-984h")].affected_versions == ("0.0.8",)
    assert stored[("minimist", "GHSA-vh95-rmgr-6w4m")].affected_versions == ()  # 0.0.8 not in >=1.0.0 <1.2.3
    # a second format is merged, the same format replaced
    assert main(["audit", "import", str(DATA / "osv-scanner.json"), str(project)]) == 0
    assert main(["audit", "import", str(DATA / "npm-v1.json"), str(project)]) == 0
    data = json.loads((project / "reviewer-advisories.json").read_text())
    assert {i["format"] for i in data["imports"]} == {"npm-v2", "osv", "npm-v1"}
    assert main(["audit", "import", str(DATA / "npm-v2.json"), str(project)]) == 0
    data = json.loads((project / "reviewer-advisories.json").read_text())
    assert sum(1 for a in data["advisories"] if a["source"] == "npm-v2") == 3
    assert not list(project.glob(".reviewer-advisories.json.*"))  # no temp file left


def test_cli_bad_file_exit_2_and_no_write(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = project / "bad.json"
    bad.write_text("{\"nope\": 1}")
    assert main(["audit", "import", str(bad), str(project)]) == 2
    assert "not a recognised audit report" in capsys.readouterr().err
    assert not (project / "reviewer-advisories.json").exists()
    assert main(["audit", "import", str(project / "missing.json"), str(project)]) == 2
    assert load_advisories(project) == []


def test_corrupt_store_is_a_clear_error(project: Path) -> None:
    (project / "reviewer-advisories.json").write_text("{broken")
    with pytest.raises(AuditImportError):
        load_advisories(project)


def test_a_report_over_the_size_cap_is_one_line_exit_2(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from reviewer.audit.importers import MAX_REPORT_BYTES

    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_REPORT_BYTES + 1)
    assert main(["audit", "import", str(huge), str(project)]) == 2
    err = capsys.readouterr().err
    assert err == (f"reviewer: error: {huge}: {MAX_REPORT_BYTES + 1} bytes, over the "
                   f"{MAX_REPORT_BYTES // 1024**2} MiB an audit report may have (not read)\n")
    assert not (project / "reviewer-advisories.json").exists()

    # standard input has no size to ask: reading stops past the cap (here 1 MiB)
    cap = 1024**2
    monkeypatch.setattr("reviewer.audit.importers.MAX_REPORT_BYTES", cap)
    report = (DATA / "npm-v2.json").read_bytes()
    over = report + b" " * (cap + 1 - len(report))  # JSON allows trailing whitespace
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(over)))
    assert main(["audit", "import", "-", str(project)]) == 2
    err = capsys.readouterr().err
    assert err == "reviewer: error: -: over the 1 MiB an audit report may have (not read)\n"
    assert not (project / "reviewer-advisories.json").exists()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(over[:cap])))  # at the cap
    assert main(["audit", "import", "-", str(project)]) == 0
    assert "imported 3 advisories (npm-v2)" in capsys.readouterr().out


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000,
                                  '{"type": "auditSummary"}\n' + "[" * 100_000 + "]" * 100_000])
def test_a_report_nested_too_deeply_is_one_line(text: str) -> None:
    with pytest.raises(AuditImportError, match=r"^r.json(:2)?: malformed JSON: nested too deeply$"):
        parse_report(text, "r.json")
