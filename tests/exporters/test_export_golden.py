"""`reviewer export` golden files: one hand-made project (4-space package.json without a
trailing newline, a commented pnpm-workspace.yaml and .yarnrc.yml, a policy with allows,
name and version denies and a stale entry), exported to every target; the resulting files
must equal tests/exporters/golden/<case>/. Set REVIEWER_UPDATE_GOLDEN=1 to rewrite them
(then review the diff)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reviewer.cli.main import main

HERE = Path(__file__).parent
PROJECT = HERE / "data" / "project"
GOLDEN = HERE / "golden"
EDITABLE = ("package.json", "pnpm-workspace.yaml", ".yarnrc.yml")
UPDATE = os.environ.get("REVIEWER_UPDATE_GOLDEN") == "1"

CASES = {
    "npm": ["--to", "npm"],
    "npm-pins": ["--to", "npm", "--pins"],
    "pnpm": ["--to", "pnpm"],
    "pnpm-pins": ["--to", "pnpm", "--pins"],
    "pnpm-legacy": ["--to", "pnpm", "--pnpm-legacy"],
    "yarn": ["--to", "yarn"],
    "yarn-pins": ["--to", "yarn", "--pins"],
    "bun": ["--to", "bun"],
    "lavamoat": ["--to", "lavamoat"],
    "lavamoat-skip-versions": ["--to", "lavamoat", "--lavamoat-skip-versions"],
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "project"
    shutil.copytree(PROJECT, target)
    monkeypatch.chdir(target)
    return target


@pytest.mark.parametrize("case", sorted(CASES))
def test_export_matches_golden(case: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {name: (project / name).read_bytes() for name in EDITABLE}
    assert main(["export", *CASES[case], "--dry-run"]) == 0
    diff = capsys.readouterr().out
    assert {name: (project / name).read_bytes() for name in EDITABLE} == before  # dry run

    assert main(["export", *CASES[case]]) == 0
    out, notes = capsys.readouterr()
    golden = GOLDEN / case
    if UPDATE:
        shutil.rmtree(golden, ignore_errors=True)
        golden.mkdir(parents=True)
        for name in EDITABLE:
            if (project / name).read_bytes() != before[name]:
                (golden / name).write_bytes((project / name).read_bytes())
        (golden / "dry-run.diff").write_text(diff)
        (golden / "notes.txt").write_text(notes)
    changed = {name for name in EDITABLE if (project / name).read_bytes() != before[name]}
    assert changed == {p.name for p in golden.iterdir() if p.name in EDITABLE}
    for name in changed:
        assert (project / name).read_text() == (golden / name).read_text(), name
    assert diff == (golden / "dry-run.diff").read_text()
    assert notes == (golden / "notes.txt").read_text()
    assert out.splitlines() == [f"wrote {name}" for name in EDITABLE if name in changed] or \
        sorted(out.splitlines()) == sorted(f"wrote {name}" for name in changed)

    # Exporting again changes nothing.
    assert main(["export", *CASES[case]]) == 0
    assert "no changes" in capsys.readouterr().out


def test_pnpm_version_detection(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = project / "package.json"
    text = manifest.read_text()
    manifest.write_text(text.replace('"private": true,', '"private": true,\n    "packageManager": "pnpm@10.12.1",'))
    assert main(["export", "--to", "pnpm"]) == 0
    workspace = (project / "pnpm-workspace.yaml").read_text()
    assert "onlyBuiltDependencies:" in workspace and "allowBuilds" not in workspace
    # pnpm before 10.5 read these settings from package.json#pnpm only.
    manifest.write_text(text.replace('"private": true,', '"private": true,\n    "packageManager": "pnpm@9.15.0",'))
    (project / "pnpm-workspace.yaml").write_bytes((PROJECT / "pnpm-workspace.yaml").read_bytes())
    assert main(["export", "--to", "pnpm", "--pins"]) == 0
    import json

    pnpm = json.loads(manifest.read_text())["pnpm"]
    assert pnpm == {"onlyBuiltDependencies": ["@swc/core", "bcrypt", "esbuild"],
                    "ignoredBuiltDependencies": ["core-js"],
                    "overrides": {"@swc/core": "1.3.0"}}
    # An explicit modern choice wins over the detected version.
    assert main(["export", "--to", "pnpm", "--pnpm-modern"]) == 0
    assert "allowBuilds:" in (project / "pnpm-workspace.yaml").read_text()
    capsys.readouterr()


def test_export_refuses_a_file_changed_meanwhile(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.exporters import plan as plan_module

    real = plan_module.guarded_write_text

    def edit_first(path: Path, text: str, expected: bytes | None) -> None:
        Path(path).write_text('{"edited": "by a person"}\n')
        real(path, text, expected)

    monkeypatch.setattr(plan_module, "guarded_write_text", edit_first)
    assert main(["export", "--to", "npm"]) == 2
    err = capsys.readouterr().err
    assert "changed by someone else" in err and err.count("\n") == 1
    assert (project / "package.json").read_text() == '{"edited": "by a person"}\n'


def test_bad_package_json_is_one_line_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "package.json").write_text('{\n  "name": "x",\n  oops\n}\n')
    assert main(["export", "--to", "npm"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reviewer: error: ") and "package.json:3: " in err and "JSON" in err
    (project / "pnpm-workspace.yaml").write_text("a: [\n")
    (project / "package.json").write_bytes((PROJECT / "package.json").read_bytes())
    assert main(["export", "--to", "pnpm"]) == 2
    assert "pnpm-workspace.yaml" in capsys.readouterr().err


def test_git_sources_are_flagged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lock = project / "package-lock.json"
    text = lock.read_text().replace(
        "https://registry.npmjs.org/esbuild/-/esbuild-0.25.12.tgz",
        "git+ssh://git@github.com/evanw/esbuild.git#0123456789abcdef0123456789abcdef01234567")
    lock.write_text(text)
    assert main(["export", "--to", "npm", "--dry-run"]) == 0
    notes = capsys.readouterr().err
    assert "match those by their resolved URL: check the entries for esbuild@0.25.12" in notes
