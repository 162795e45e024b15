"""Drift: `reviewer check` compares every package-manager setting present in the project
with the export of the policy (tests/exporters/data/project: a hand-made project whose
package.json has a hand-added `allowScripts` entry and whose pnpm-workspace.yaml has a
hand-written `allowBuilds`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.cli.main import main

PROJECT = Path(__file__).parent / "data" / "project"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(PROJECT, target)
    return target


def drift(project: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    """(setting entry, message) of each settings-drift violation."""
    capsys.readouterr()
    main(["check", str(project), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    return [(v["package"], v["message"]) for v in report["violations"]
            if v["rule"] == "settings-drift"]


def edit_json(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2) + "\n")


def test_npm_and_pnpm_settings_present_are_compared(project: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    found = dict(drift(project, capsys))
    assert found["package.json#allowScripts[hand-added]"] == (
        "package.json#allowScripts[hand-added] is true here; exported from the policy it is "
        "absent: run `reviewer export --to npm`")
    assert found["package.json#allowScripts[esbuild@0.25.12]"].endswith(
        "is absent here; exported from the policy it is true: run `reviewer export --to npm`")
    assert found["pnpm-workspace.yaml allowBuilds[old-thing]"].endswith(
        "run `reviewer export --to pnpm --pnpm-modern`")
    assert "pnpm-workspace.yaml allowBuilds[esbuild@0.25.12]" not in found  # it matches
    # Only the settings present: no yarn, bun or LavaMoat settings here.
    assert not [k for k in found if "dependenciesMeta" in k or "trusted" in k or "lavamoat" in k]
    assert main(["export", "--to", "npm", str(project)]) == 0
    assert main(["export", "--to", "pnpm", str(project)]) == 0
    assert drift(project, capsys) == []
    capsys.readouterr()
    assert main(["check", str(project)]) == 0


def test_a_hand_edit_after_export_is_drift(project: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pnpm-workspace.yaml").unlink()
    assert main(["export", "--to", "npm", str(project)]) == 0
    edit_json(project / "package.json",
              lambda d: d["allowScripts"].update({"core-js": True}))  # the deny, flipped
    assert drift(project, capsys) == [(
        "package.json#allowScripts[core-js]",
        "package.json#allowScripts[core-js] is true here; exported from the policy it is "
        "false: run `reviewer export --to npm`")]


def test_pnpm_legacy_settings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--to", "pnpm", "--pnpm-legacy", str(project)]) == 0
    edit_json(project / "package.json", lambda d: d.pop("allowScripts"))
    assert drift(project, capsys) == []
    text = (project / "pnpm-workspace.yaml").read_text()
    (project / "pnpm-workspace.yaml").write_text(text.replace("- core-js", "- sneaky"))
    assert drift(project, capsys) == [
        ("pnpm-workspace.yaml ignoredBuiltDependencies[core-js]",
         "pnpm-workspace.yaml ignoredBuiltDependencies[core-js] is absent here; exported "
         "from the policy it is true: run `reviewer export --to pnpm --pnpm-legacy`"),
        ("pnpm-workspace.yaml ignoredBuiltDependencies[sneaky]",
         "pnpm-workspace.yaml ignoredBuiltDependencies[sneaky] is true here; exported "
         "from the policy it is absent: run `reviewer export --to pnpm --pnpm-legacy`"),
    ]


def test_yarn_settings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pnpm-workspace.yaml").unlink()
    edit_json(project / "package.json", lambda d: d.pop("allowScripts"))
    assert drift(project, capsys) == []  # nothing present, nothing compared
    assert main(["export", "--to", "yarn", str(project)]) == 0
    assert drift(project, capsys) == []
    (project / ".yarnrc.yml").write_text("enableScripts: true\n")
    edit_json(project / "package.json",
              lambda d: d["dependenciesMeta"].pop("esbuild@0.25.12"))
    assert [key for key, _ in drift(project, capsys)] == [
        ".yarnrc.yml enableScripts",
        "package.json#dependenciesMeta[esbuild@0.25.12].built",
    ]
    assert all(m.endswith("run `reviewer export --to yarn`") for _, m in drift(project, capsys))


def test_bun_settings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pnpm-workspace.yaml").unlink()
    edit_json(project / "package.json", lambda d: d.pop("allowScripts"))
    edit_json(project / "package.json", lambda d: d.update(trustedDependencies=["esbuild", "x"]))
    assert drift(project, capsys) == [
        ("package.json#trustedDependencies[@swc/core]",
         "package.json#trustedDependencies[@swc/core] is absent here; exported from the "
         "policy it is true: run `reviewer export --to bun`"),
        ("package.json#trustedDependencies[bcrypt]",
         "package.json#trustedDependencies[bcrypt] is absent here; exported from the "
         "policy it is true: run `reviewer export --to bun`"),
        ("package.json#trustedDependencies[x]",
         "package.json#trustedDependencies[x] is true here; exported from the policy it "
         "is absent: run `reviewer export --to bun`"),
    ]
    assert main(["export", "--to", "bun", str(project)]) == 0
    assert drift(project, capsys) == []


def test_sarif_and_text_name_the_setting(project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", str(project)]) == 1
    out = capsys.readouterr().out
    assert "  settings-drift       package.json#allowScripts[hand-added]\n" in out
    assert main(["check", str(project), "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    rules = {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert "settings-drift" in rules
