"""suspicious-code end to end through the CLI and the TUI's Code view, against the fixture
registry: A->B in `report` (the previous release), said when it cannot be compared, warm
runs from the results cache without tarballs, the Code view's NEW markers and lines."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from payloads import drainer
from servers.fixture_registry import FixtureRegistry
from servers.verdaccio import build_tarball
from sets import run_report, serve, write_project

from reviewer.code import analyze_package, compare_packages, grade
from reviewer.registry.interface import TarEntry
from reviewer.signals.finding import Severity
from reviewer.signals.suspicious_code import to_finding

CLEAN = "'use strict';\nmodule.exports = function debug(name) {\n  return () => name;\n};\n"


def _tgz(name: str, version: str, files: dict[str, str], **manifest: Any) -> bytes:
    meta = {"name": name, "version": version, "main": "index.js", **manifest}
    return build_tarball({"package.json": json.dumps(meta), **files})


class MemoryTarball:
    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.entries = [TarEntry(path, len(data), "file") for path, data in files.items()]

    def read_bytes(self, path: str) -> bytes:
        return self.files[path]

    def read_text(self, path: str) -> str:
        return self.files[path].decode()


def _publish(registry: FixtureRegistry, name: str) -> dict[str, Any]:
    payload = drainer("integration", hex_escape=True, filler=200)
    tarballs = {
        "1.0.0": _tgz(name, "1.0.0", {"index.js": CLEAN}),
        "1.0.1": _tgz(name, "1.0.1", {"index.js": CLEAN + payload + "\n"}),
    }
    manifests = {v: {"main": "index.js"} for v in tarballs}
    return serve(registry, name, tarballs, manifests)


def _code(signals: list[dict[str, Any]]) -> dict[str, Any]:
    (code,) = [s for s in signals if s["id"] == "suspicious-code"]
    return code


def test_report_compares_with_the_previous_release_and_warm_runs_read_results(
        fixture_registry: FixtureRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = _publish(fixture_registry, "dbg-int")
    project = write_project(tmp_path / "app", [locked["1.0.1"]])
    cache = tmp_path / "cache"
    code, signals = run_report(project, fixture_registry, cache, capsys, "--fail-on", "critical")
    found = _code(signals["dbg-int"])
    assert code == 1 and found["severity"] == "critical"
    assert found["summary"].startswith("index.js newly hooks") and "obfuscated code" in found["summary"]
    assert found["details"]["compared_with"] == "1.0.0"
    assert {e["file"] for e in found["evidence"]} == {"index.js"}
    assert all(e["line"] >= 5 for e in found["evidence"])  # the appended lines, not the clean ones

    # warm: the same results, and not one tarball read again
    before = len(fixture_registry.requests)
    _, again = run_report(project, fixture_registry, cache, capsys, "--fail-on", "critical")
    tarballs = [r for r in fixture_registry.requests[before:] if r.path.endswith(".tgz")]
    assert tarballs == [] and _code(again["dbg-int"]) == found


def test_report_says_when_the_previous_release_cannot_be_fetched(
        fixture_registry: FixtureRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = _publish(fixture_registry, "dbg-gone")
    old_path = "/" + locked["1.0.0"].tarball_url.split("/", 3)[3]
    fixture_registry.fail(old_path, *([404] * 10))
    project = write_project(tmp_path / "app", [locked["1.0.1"]])
    _, signals = run_report(project, fixture_registry, tmp_path / "cache", capsys)
    found = _code(signals["dbg-gone"])
    assert found["severity"] == "critical"  # the hook in obfuscated code needs no comparison
    assert found["details"]["compared_with"] is None
    assert "not compared with 1.0.0" in found["details"]["compare_note"]
    assert found["summary"].endswith("(not compared with 1.0.0: unavailable)")


def test_no_tarballs_means_unknown_for_install_scripts_never_a_pass(
        fixture_registry: FixtureRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _tgz("inst-x", "1.0.0", {"install.js": "require('https').get('https://example.invalid')\n"},
                scripts={"postinstall": "node install.js"})
    locked = serve(fixture_registry, "inst-x", {"1.0.0": data},
                   {"1.0.0": {"scripts": {"postinstall": "node install.js"}}})
    project = write_project(tmp_path / "app", [locked["1.0.0"]])
    _, signals = run_report(project, fixture_registry, tmp_path / "cache", capsys, "--no-tarballs")
    found = _code(signals["inst-x"])
    assert found["unknown"] and "tarball not read" in found["summary"]


def _render(parts: list[Any]) -> str:
    from rich.console import Console, Group

    console = Console(width=160, record=True, file=io.StringIO(), color_system=None)
    console.print(Group(*parts))
    return console.export_text()


def test_code_view_marks_what_is_new_and_shows_the_flagged_lines() -> None:
    from reviewer.code.tarballs import TarballFiles
    from reviewer.tui.badges import DEFAULT_PALETTE
    from reviewer.tui.widgets.code_view import code_block

    hook = "const o = window.fetch;\nwindow.fetch = async (...a) => o(...a); // [@click=app.quit]x\n"
    old_files = {"package.json": b'{"name": "p", "version": "1.0.0"}', "index.js": CLEAN.encode()}
    new_files = {"package.json": b'{"name": "p", "version": "1.0.1"}', "index.js": (CLEAN + hook).encode()}
    old, new = analyze_package(old_files), analyze_package(new_files)
    changes = compare_packages(old, new)
    finding = to_finding("p@1.0.1", new, grade(new, changes), changes, "1.0.0", None)
    assert finding.severity is Severity.CRITICAL

    tarball = MemoryTarball(new_files)
    text = _render(code_block(finding, tarball, DEFAULT_PALETTE, {}, code=analyze_package(TarballFiles(tarball))))
    assert "compared with 1.0.0" in text
    assert "index.js" in text and "changed in this version" in text
    hook_rows = [line for line in text.splitlines() if "line 6" in line and "runtime-hook" in line]
    assert hook_rows and "NEW" in hook_rows[0]
    # the flagged line itself, numbered as in an editor, markup shown literally
    # the flagged line itself is the highlighted one (❱), numbered as in an editor
    assert any(line.lstrip().startswith("❱ 6") and "window.fetch = async" in line for line in text.splitlines())
    assert "[@click=app.quit]x" in text


def test_check_fails_on_a_code_finding_from_the_cache_review_filled(
        fixture_registry: FixtureRegistry, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.cli.main import main

    locked = _publish(fixture_registry, "dbg-gate")
    project = write_project(tmp_path / "app", [locked["1.0.1"]])
    cache = tmp_path / "cache"
    run_report(project, fixture_registry, cache, capsys)
    code = main(["check", str(project), "--format", "json", "--registry", fixture_registry.url,
                 "--cache-dir", str(cache)])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert any(v["rule"] == "suspicious-code" and v["name"] == "dbg-gate" for v in result["violations"])
    # an empty cache: nothing to evaluate offline, --deep fetches it
    code = main(["check", str(project), "--format", "json", "--registry", fixture_registry.url,
                 "--cache-dir", str(tmp_path / "empty"), "--deep"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1 and any(v["rule"] == "suspicious-code" for v in result["violations"])
