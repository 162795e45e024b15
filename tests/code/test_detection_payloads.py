"""Detection of inert re-creations of real payload shapes (tests/code/payloads.py): each must
come out high or critical, from the engine directly (`analyze_tarball_bytes`, with and without
the clean previous version) and through the real CLI (`reviewer report`, `reviewer review`)
against the fixture registry. The finding must point at the file that carries the payload."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path
from typing import Any

import pytest
from payloads import INERT, KEYS, Shape, shape
from sets import code_signals, describe, rank, serve, worst, write_project

from reviewer.code import analyze_tarball_bytes
from reviewer.signals.finding import Severity


def _verdict_text(verdict: Any) -> str:
    return "; ".join(f"{f.severity}: {f.summary} [{f.file}:{f.line}]" for f in verdict.findings) \
        or "no findings"


def _where(s: Shape) -> set[str]:
    return {part.strip() for part in s.where.split(",")}


@pytest.mark.parametrize("key", KEYS)
def test_shape_is_inert(key: str) -> None:
    """The fixtures themselves: a throw (or exit) before anything, hosts that never resolve."""
    s = shape(key)
    for files in (s.new_files, s.old_files or {}):
        for path, data in files.items():
            if path.endswith((".js", ".cjs", ".mjs")):
                assert data.startswith(INERT.encode()), path
            text = data.decode("utf-8", "replace")
            for scheme in ("http://", "https://"):
                for rest in text.split(scheme)[1:]:
                    host = rest.split("/")[0].split("?")[0].split(":")[0].rstrip("'\"`),;")
                    assert (host.endswith("example.invalid") or host == "169.254.169.254"
                            or not host or "${" in host or "+" in host), (path, host)
    with tarfile.open(fileobj=io.BytesIO(s.tarball_new()), mode="r:gz") as archive:
        assert all(m.name.startswith("package/") for m in archive.getmembers())


@pytest.mark.slow
def test_shapes_are_valid_javascript(tmp_path: Path) -> None:
    """Every JavaScript file of every shape parses (`node --check` parses, never runs): the
    engine is measured on real syntax, not on its fallback for broken files."""
    import shutil
    import subprocess

    node = shutil.which("node")
    assert node is not None, "node is needed (Verdaccio and the package managers need it too)"
    targets: list[tuple[str, Path]] = []
    for key in KEYS:
        s = shape(key)
        for label, files in (("new", s.new_files), ("old", s.old_files or {})):
            for path, data in files.items():
                if path.endswith((".js", ".cjs", ".mjs")):
                    target = tmp_path / key / label / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    targets.append((f"{key} {label} {path}", target))

    def check(item: tuple[str, Path]) -> tuple[str, int, str]:
        done = subprocess.run([node, "--check", str(item[1])], capture_output=True, text=True,
                              timeout=120)
        return item[0], done.returncode, done.stderr[-500:]

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        broken = [r for r in pool.map(check, targets) if r[1] != 0]
    assert not broken, broken
    checked = len(targets)
    assert checked > 40


@pytest.mark.parametrize("key", KEYS)
def test_upgrade_is_high_or_critical(key: str) -> None:
    """A->B as `review` sees it (or B alone for a new package)."""
    s = shape(key)
    verdict = analyze_tarball_bytes(s.tarball_new(), previous=s.tarball_old())
    assert verdict.severity is not None and verdict.severity >= Severity.HIGH, _verdict_text(verdict)
    high = [f for f in verdict.findings if f.severity >= Severity.HIGH]
    assert any(f.file in _where(s) for f in high), (
        f"no high finding points at {s.where}: " + _verdict_text(verdict))
    for finding in verdict.findings:
        assert finding.summary and "\n" not in finding.summary


@pytest.mark.parametrize("key", KEYS)
def test_version_alone_is_high_or_critical(key: str) -> None:
    """B with no previous version to compare with (a new package, or `report` when the
    previous tarball cannot be fetched): what the code does is enough."""
    s = shape(key)
    verdict = analyze_tarball_bytes(s.tarball_new())
    assert verdict.severity is not None and verdict.severity >= Severity.HIGH, _verdict_text(verdict)


@pytest.mark.parametrize("key", [k for k in KEYS if shape(k).upgrade])
def test_clean_previous_version_is_not_high(key: str) -> None:
    """A, the clean release before the attack, must not already be high: otherwise the
    verdict on B says nothing."""
    s = shape(key)
    old = s.tarball_old()
    assert old is not None
    verdict = analyze_tarball_bytes(old)
    assert verdict.severity is None or verdict.severity < Severity.HIGH, _verdict_text(verdict)


@pytest.mark.parametrize("key", ["debug-drainer", "chalk-drainer"])
def test_runtime_payloads_without_install_script_are_critical_as_upgrades(key: str) -> None:
    """The issue's headline: debug 4.4.1->4.4.2 with no install script and the same
    publisher must be critical."""
    s = shape(key)
    assert not s.install_script
    verdict = analyze_tarball_bytes(s.tarball_new(), previous=s.tarball_old())
    assert verdict.severity is Severity.CRITICAL, _verdict_text(verdict)


def test_padded_worm_is_analysed_past_the_padding() -> None:
    """The payload sits after 6 MB of bundled code: never a silent pass, and no
    "analysis incomplete" excuse on 6 MB either."""
    s = shape("shai-hulud-padded")
    assert len(s.new_files["bundle.js"]) > 5_000_000
    verdict = analyze_tarball_bytes(s.tarball_new(), previous=s.tarball_old())
    assert not verdict.incomplete, _verdict_text(verdict)
    lines = [f.line for f in verdict.findings if f.file == "bundle.js" and f.line]
    padding_lines = s.new_files["bundle.js"][:5_000_000].count(b"\n")
    assert lines and max(lines) > padding_lines, _verdict_text(verdict)


def test_budget_run_out_is_said_never_a_silent_pass() -> None:
    """A payload made slow to read (here: a budget far too small for 6 MB) is never a quiet
    "nothing found": the verdict says the analysis is incomplete and which file was not read."""
    s = shape("shai-hulud-padded")
    verdict = analyze_tarball_bytes(s.tarball_new(), previous=s.tarball_old(), time_budget_s=0.2)
    assert verdict.incomplete
    assert verdict.severity is not None and verdict.severity >= Severity.MODERATE
    said = " ".join(f.summary for f in verdict.findings)
    assert "incomplete" in said and "bundle.js" in said, said


# -- through the CLI -----------------------------------------------------------------------

def _serve_shape(registry: Any, s: Shape) -> tuple[Any, Any]:
    tarballs: dict[str, bytes] = {}
    manifests: dict[str, Any] = {}
    if s.old_version is not None:
        old = s.tarball_old()
        assert old is not None
        tarballs[s.old_version] = old
        manifests[s.old_version] = s.manifest(s.old_version)
    tarballs[s.new_version] = s.tarball_new()
    manifests[s.new_version] = s.manifest(s.new_version)
    locked = serve(registry, s.name, tarballs, manifests)
    return (locked.get(s.old_version) if s.old_version else None), locked[s.new_version]


@pytest.mark.slow
@pytest.mark.parametrize("key", KEYS)
def test_report_and_review_flag_the_shape(key: str, fixture_registry: Any, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from sets import run_report, run_review

    s = shape(key)
    old, new = _serve_shape(fixture_registry, s)
    project = write_project(tmp_path / "app", [new])

    code, report = run_report(project, fixture_registry, tmp_path / "cache", capsys,
                              "--fail-on", "high")
    found = code_signals(report[s.name])
    assert rank(worst(found)) >= rank("high"), "report: " + describe(report[s.name])
    assert code == 1

    base = write_project(tmp_path / "base", [old] if old is not None else [])
    code, changes = run_review(project, base / "package-lock.json", fixture_registry,
                               tmp_path / "cache-review", capsys, "--fail-on", "high")
    found = code_signals(changes[s.name])
    assert rank(worst(found)) >= rank("high"), "review: " + describe(changes[s.name])
    assert code == 1
