"""`@lavamoat/allow-scripts` 5 (from tests/node-tools) accepts what
`reviewer export --to lavamoat` writes, on a hand-made installed project (nothing fetched).

allow-scripts 5 matches allowed packages by `name#version`: a name-only `true` (the old
export) leaves the package "unconfigured" and `allow-scripts run` refuses. After the export,
`allow-scripts list` shows nothing unconfigured and `allow-scripts run` runs the allowed
package's postinstall and not the denied one's.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pm_projects import isolated_env, make_installed_project, tool_command

from reviewer.cli.main import main


def allow_scripts(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*tool_command("allow-scripts"), *args], cwd=project,
                          env=isolated_env(project.parent / "home"), capture_output=True,
                          text=True, timeout=120)


def section(listing: str, title: str) -> list[str]:
    """The `- item` lines under `# title` in `allow-scripts list` output."""
    lines = listing.splitlines()
    start = lines.index(f"# {title}") + 1
    out = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        if line.startswith("- "):
            out.append(line[2:].strip())
    return out


def test_allow_scripts_5_accepts_the_export(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    project = make_installed_project(tmp_path)
    listed = allow_scripts(project, "list")
    assert listed.returncode == 0, listed.stderr
    assert section(listed.stdout, "unconfigured packages") == ["bad-ads#2.0.0",
                                                              "good-native#1.0.0"]

    assert main(["approve", "good-native@1.0.0", str(project)]) == 0
    assert main(["deny", "bad-ads", str(project)]) == 0
    # The names-only shape (the old export, `--lavamoat-skip-versions`): unconfigured for 5.
    assert main(["export", "--to", "lavamoat", "--lavamoat-skip-versions", str(project)]) == 0
    assert section(allow_scripts(project, "list").stdout, "unconfigured packages") == \
        ["good-native#1.0.0"]
    assert main(["check", str(project)]) == 0  # drift judged against the shape in use
    assert main(["export", "--to", "lavamoat", str(project)]) == 0
    capsys.readouterr()
    manifest = json.loads((project / "package.json").read_text())
    assert manifest["lavamoat"]["allowScripts"] == {"bad-ads": False, "good-native#1.0.0": True}

    listed = allow_scripts(project, "list")
    assert listed.returncode == 0, listed.stderr
    assert section(listed.stdout, "unconfigured packages") == []
    assert section(listed.stdout, "allowed packages") == ["good-native#1.0.0"]
    assert section(listed.stdout, "disallowed packages") == ["bad-ads"]
    ran = allow_scripts(project, "run")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert (project / "good-native.ran").exists()
    assert not (project / "bad-ads.ran").exists()
    assert main(["check", str(project)]) == 0


def test_stale_lavamoat_entries_are_drift(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    project = make_installed_project(tmp_path)
    assert main(["approve", "--all-pending", str(project)]) == 0
    assert main(["export", "--to", "lavamoat", str(project)]) == 0
    manifest = json.loads((project / "package.json").read_text())
    manifest["lavamoat"]["allowScripts"]["bad-ads#2.0.0"] = False  # a hand edit
    manifest["lavamoat"]["allowScripts"]["left-over"] = True
    (project / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
    capsys.readouterr()
    assert main(["check", str(project), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(v["rule"], v["package"]) for v in report["violations"]] == [
        ("settings-drift", "package.json#lavamoat.allowScripts[bad-ads#2.0.0]"),
        ("settings-drift", "package.json#lavamoat.allowScripts[left-over]"),
    ]
    assert all("run `reviewer export --to lavamoat`" in v["message"]
               for v in report["violations"])
    assert "is false here; exported from the policy it is true" in \
        report["violations"][0]["message"]
