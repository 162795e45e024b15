"""The terminal UI and the CLI agree about the same project (issue 11).

A project with an imported advisory (`reviewer audit import`) and a policy that sets
`minimum_release_age_days` and `allowed_registries`, against the fixture registry:

- the TUI shows the imported advisory (badge/finding), the advisories quick filter `3`
  lists only that package, and `v` on it writes an audit decision that makes `check` pass;
- the TUI honours the policy's release age and allowed registries;
- `report --format json` and the TUI model produce the same findings.

The TUI is opened exactly as `reviewer tui PATH ...` opens it (the CLI builds the app);
only `App.run` is replaced by Textual's Pilot.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from tui_helpers import settle, wait_until

from reviewer.cli.main import main
from reviewer.tui.app import ReviewerApp
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.note import AcceptAdvisoryScreen
from reviewer.tui.screens.summary import SummaryScreen

AUDIT = Path(__file__).resolve().parent.parent / "data" / "audit" / "npm-v2.json"
INTEGRITY = "sha512-" + "A" * 86 + "=="
OTHER_HOST = "mirror.example.org"
SIZE = (140, 40)


def _packument(name: str, version: str, published: datetime) -> dict[str, Any]:
    stamp = published.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {
        "name": name, "dist-tags": {"latest": version},
        "versions": {version: {
            "name": name, "version": version, "maintainers": [{"name": "alice"}],
            "_npmUser": {"name": "alice"},
            "dist": {"tarball": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
                     "integrity": INTEGRITY}}},
        "time": {"created": stamp, "modified": stamp, version: stamp},
    }


@pytest.fixture
def shop(tmp_path: Path, fixture_registry: Any) -> Path:
    """lodash 4.17.20 (imported advisory), minimist 0.0.8 (imported advisory, via mkdirp),
    mkdirp 0.5.1 published 15 days ago (recent under a 30-day policy, not under 7),
    and `mirrored` resolved from a host the policy allows."""
    project = tmp_path / "shop"
    project.mkdir()
    deps = {"lodash": "^4.17.0", "mkdirp": "0.5.1", "mirrored": "1.0.0"}
    old = datetime(2020, 1, 1, tzinfo=UTC)
    recent = datetime.now(UTC) - timedelta(days=15)
    for name, version, published in (("lodash", "4.17.20", old), ("mkdirp", "0.5.1", recent),
                                     ("minimist", "0.0.8", old), ("mirrored", "1.0.0", old)):
        fixture_registry.add_packument(_packument(name, version, published))
    packages: dict[str, Any] = {"": {"name": "shop", "version": "1.0.0", "dependencies": deps}}
    for name, version, host in (("lodash", "4.17.20", "registry.npmjs.org"),
                                ("mkdirp", "0.5.1", "registry.npmjs.org"),
                                ("minimist", "0.0.8", "registry.npmjs.org"),
                                ("mirrored", "1.0.0", OTHER_HOST)):
        packages[f"node_modules/{name}"] = {
            "version": version, "resolved": f"https://{host}/{name}/-/{name}-{version}.tgz",
            "integrity": INTEGRITY}
    packages["node_modules/mkdirp"]["dependencies"] = {"minimist": "0.0.8"}
    (project / "package.json").write_text(json.dumps({"name": "shop", "version": "1.0.0",
                                                      "dependencies": deps}))
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "shop", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
         "packages": packages}))
    (project / "reviewer-policy.toml").write_text(
        "version = 1\n\n[settings]\nminimum_release_age_days = 30\n"
        f'allowed_registries = ["https://{OTHER_HOST}/"]\n')
    assert main(["audit", "import", str(AUDIT), str(project)]) == 0
    return project


@pytest.fixture
def open_tui(monkeypatch: pytest.MonkeyPatch, fixture_registry: Any,
             tmp_path: Path) -> Iterator[Any]:
    """`open_tui(project)`: the app `reviewer tui PROJECT --registry ...` builds (not run)."""
    built: list[ReviewerApp] = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self, *a, **k: built.append(self))

    def open_(project: Path) -> ReviewerApp:
        code = main(["tui", str(project), "--registry", fixture_registry.url,
                     "--cache-dir", str(tmp_path / "cache")])
        assert code == 0 and len(built) == 1
        return built.pop()

    yield open_


async def _cli_json(command: str, project: Path, registry: Any, tmp_path: Path,
                    capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, Any]:
    """`reviewer COMMAND PROJECT --format json ...` (in a thread: the CLI runs its own loop)."""
    capsys.readouterr()
    code = await asyncio.to_thread(
        main, [command, str(project), "--format", "json", "--registry", registry.url,
               "--cache-dir", str(tmp_path / "cache"), *extra])
    return code, json.loads(capsys.readouterr().out)


async def _main_screen(pilot: Any) -> MainScreen:
    await settle(pilot)
    if isinstance(pilot.app.screen, SummaryScreen):
        await pilot.press("s")
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await wait_until(pilot, lambda: screen.table.row_count > 0)
    return screen


def _decided(findings: list[Any], signal: str) -> list[Any]:
    return [f for f in findings if f.id == signal and not f.unknown]


async def test_tui_shows_imported_advisories_and_policy_settings(shop: Path, open_tui: Any) -> None:
    app = open_tui(shop)
    async with app.run_test(size=SIZE) as pilot:
        main_screen = await _main_screen(pilot)
        session = app.session
        lodash = _decided(session.findings_of("lodash@4.17.20"), "advisory")
        assert [f.details.get("advisory") for f in lodash] == ["GHSA-35jh-r3h4-6jhm"]
        assert _decided(session.findings_of("minimist@0.0.8"), "advisory")
        # the policy's 30 days: mkdirp (15 days old) is a recent release; 7 days would not say so
        assert _decided(session.findings_of("mkdirp@0.5.1"), "recent-release")
        # the policy allows the mirror: no unexpected-registry finding for `mirrored`
        assert not _decided(session.findings_of("mirrored@1.0.0"), "unexpected-registry")
        await pilot.press("3")  # the advisories quick filter
        await settle(pilot)
        assert sorted(main_screen.table.shown) == ["lodash@4.17.20", "minimist@0.0.8"]


async def test_accepting_an_imported_advisory_makes_check_pass(
        shop: Path, open_tui: Any, fixture_registry: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, before = await _cli_json("check", shop, fixture_registry, tmp_path, capsys)
    assert code == 1
    assert {v["rule"] for v in before["violations"]} >= {"undecided-advisory"}
    app = open_tui(shop)
    async with app.run_test(size=SIZE) as pilot:
        main_screen = await _main_screen(pilot)
        for key in ("lodash@4.17.20", "minimist@0.0.8"):
            main_screen.jump_to(key)
            await pilot.pause()
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, AcceptAdvisoryScreen)
            choices = [choice for choice, _ in app.screen.advisories]
            assert all(c.startswith("GHSA-") for c in choices), choices
            await pilot.press(*"not reachable")
            app.screen.query_one("#advisory-expires", Input).value = "2099-01-01"
            await pilot.press("enter")
            assert isinstance(app.screen, MainScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
    text = (shop / "reviewer-policy.toml").read_text()
    assert "GHSA-35jh-r3h4-6jhm" in text and "GHSA-xvch-5gv4-984h" in text
    code, after = await _cli_json("check", shop, fixture_registry, tmp_path, capsys)
    assert [v for v in after["violations"] if "advisory" in v["rule"]] == []


async def test_report_and_tui_produce_the_same_findings(
        shop: Path, open_tui: Any, fixture_registry: Any, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, report = await _cli_json("report", shop, fixture_registry, tmp_path, capsys)
    assert code == 0
    from_report = {
        f"{p['name']}@{p['version']}": sorted((s["id"], s["severity"], s["unknown"], s["summary"])
                                              for s in p["signals"])
        for p in report["packages"]}
    app = open_tui(shop)
    async with app.run_test(size=SIZE) as pilot:
        await _main_screen(pilot)
        session = app.session
        from_tui = {key: sorted((f.id, str(f.severity), f.unknown, f.summary)
                                for f in session.findings_of(key)) for key in session.keys()}
    assert from_tui == from_report
    assert any(s[0] == "advisory" and not s[2] for s in from_report["lodash@4.17.20"])


CORPUS = Path(os.environ.get("REVIEWER_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus"))


async def test_corpus_project_report_and_tui_agree(
        tmp_path: Path, open_tui: Any, fixture_registry: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The same on a corpus project (mono-npm): an imported advisory on esbuild, a policy with
    a release age and an allowed registry, esbuild's packument published 15 days ago; every
    other package is unknown to the fixture registry (404: unknown findings, the same in both)."""
    project = tmp_path / "mono-npm"
    shutil.copytree(CORPUS / "mono-npm", project)
    esbuild = "0.21.5"
    fixture_registry.add_packument(
        _packument("esbuild", esbuild, datetime.now(UTC) - timedelta(days=15)))
    report = {"auditReportVersion": 2, "vulnerabilities": {"esbuild": {
        "name": "esbuild", "severity": "moderate", "isDirect": False, "effects": [],
        "range": "<=0.24.2", "nodes": ["node_modules/esbuild"], "fixAvailable": True,
        "via": [{"source": 1102341, "name": "esbuild", "dependency": "esbuild",
                 "title": "esbuild lets any website read the dev server's responses",
                 "url": "https://github.com/advisories/GHSA-67mh-4wv8-2f99",
                 "severity": "moderate", "range": "<=0.24.2"}]}}}
    (tmp_path / "audit.json").write_text(json.dumps(report))
    assert main(["audit", "import", str(tmp_path / "audit.json"), str(project)]) == 0
    (project / "reviewer-policy.toml").write_text(
        "version = 1\n\n[settings]\nminimum_release_age_days = 30\n"
        f'allowed_registries = ["https://{OTHER_HOST}/"]\n')
    code, data = await _cli_json("report", project, fixture_registry, tmp_path, capsys)
    assert code == 0
    from_report = {
        f"{p['name']}@{p['version']}": sorted((s["id"], s["severity"], s["unknown"], s["summary"])
                                              for s in p["signals"])
        for p in data["packages"]}
    app = open_tui(project)
    async with app.run_test(size=SIZE) as pilot:
        await _main_screen(pilot)
        await wait_until(pilot, lambda: len(app.session.findings) == len(app.session.keys()), 30)
        session = app.session
        from_tui = {key: sorted((f.id, str(f.severity), f.unknown, f.summary)
                                for f in session.findings_of(key)) for key in session.keys()
                    if session.graph.packages[key].source.value != "workspace"}
    from_report = {k: v for k, v in from_report.items() if k in from_tui}
    assert from_tui == from_report and len(from_tui) > 150
    signals = {s[0]: s for s in from_tui[f"esbuild@{esbuild}"] if not s[2]}
    assert "advisory" in signals and "recent-release" in signals  # imported; policy's 30 days
