"""The real npm (>= 11.16, `allowScripts`) accepts what `reviewer export --to npm` writes.

Offline: the project is hand-made — package.json, a package-lock.json with
`hasInstallScript` entries and `resolved` URLs, and an installed tree in node_modules whose
install scripts only write a marker file next to the project. Nothing is fetched.

Verified with npm itself:
- `npm install-scripts ls --json` reports nothing pending after the export (and reports the
  approved package as pending again when its pinned version is wrong);
- `npm rebuild --strict-allow-scripts` succeeds, runs the allowed package's postinstall and
  skips the denied one (npm's `ls` lists only pending packages, so the denial is observed
  through what rebuild runs); without the export it refuses with exit 1.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pm_projects import make_installed_project as make_project
from pm_projects import npm_version

from reviewer.cli.main import main


def npm(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["npm", *args, "--offline", "--userconfig", str(project.parent / "npmrc"),
         "--no-update-notifier", "--cache", str(project.parent / "npm-cache")],
        cwd=project, capture_output=True, text=True, timeout=120)


def pending(project: Path) -> list[str]:
    done = npm(project, "install-scripts", "ls", "--json")
    assert done.returncode == 0, done.stderr
    return [change["key"] for entry in json.loads(done.stdout)["allowScripts"]
            for change in entry["changes"] if change["change"] == "pending"]


def test_npm_accepts_exported_allow_scripts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert npm_version() >= (11, 16), "npm >= 11.16 is needed for allowScripts"
    project = make_project(tmp_path)
    assert sorted(pending(project)) == ["bad-ads@2.0.0", "good-native@1.0.0"]
    refused = npm(project, "rebuild", "--strict-allow-scripts")
    assert refused.returncode != 0 and "good-native@1.0.0" in refused.stderr

    assert main(["approve", "good-native@1.0.0", str(project)]) == 0
    assert main(["deny", "bad-ads", str(project)]) == 0
    assert main(["export", "--to", "npm", str(project)]) == 0
    capsys.readouterr()
    manifest = json.loads((project / "package.json").read_text())
    assert manifest["allowScripts"] == {"bad-ads": False, "good-native@1.0.0": True}

    assert pending(project) == []
    rebuilt = npm(project, "rebuild", "--strict-allow-scripts")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (project / "good-native.ran").exists()
    assert not (project / "bad-ads.ran").exists()

    # npm matches the pinned version: a wrong version leaves the package pending.
    text = (project / "package.json").read_text()
    (project / "package.json").write_text(text.replace("good-native@1.0.0", "good-native@9.9.9"))
    assert pending(project) == ["good-native@1.0.0"]


def allow_scripts(project: Path) -> dict[str, bool]:
    return json.loads((project / "package.json").read_text())["allowScripts"]


def test_without_resolved_npm_needs_name_only_keys(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A lockfile without `resolved` URLs (`omit-lockfile-registry-resolved=true`): npm
    refuses a pinned key there, so the export writes the name and `check` guards the version."""
    assert npm_version() >= (11, 16), "npm >= 11.16 is needed for allowScripts"
    project = make_project(tmp_path, resolved=False)
    assert main(["approve", "--all-pending", str(project)]) == 0
    assert main(["deny", "bad-ads", str(project)]) == 0
    # What npm does with a pinned key here (the export's old output): still pending.
    manifest = json.loads((project / "package.json").read_text())
    manifest["allowScripts"] = {"bad-ads": False, "good-native@1.0.0": True}
    (project / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
    assert pending(project) == ["good-native@1.0.0"]
    assert main(["check", str(project)]) == 1  # the drift is caught: check fails
    assert "settings-drift" in capsys.readouterr().out

    assert main(["export", "--to", "npm", str(project)]) == 0
    notes = capsys.readouterr().err
    assert "npm cannot verify versions here (package-lock.json has no `resolved` URL for " \
           "them): allowed by name only: good-native" in notes
    assert "`reviewer check` fails on any other version" in notes
    assert allow_scripts(project) == {"bad-ads": False, "good-native": True}
    assert pending(project) == []  # npm's own verdict: nothing left to review
    rebuilt = npm(project, "rebuild", "--strict-allow-scripts")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (project / "good-native.ran").exists()
    assert not (project / "bad-ads.ran").exists()  # denied stays denied
    assert main(["check", str(project)]) == 0
    capsys.readouterr()

    # The name-only key would let npm run any version: reviewer check is the guard.
    lock = project / "package-lock.json"
    lock.write_text(lock.read_text().replace('"good-native": "1.0.0"', '"good-native": "1.0.1"')
                    .replace('"version": "1.0.0",\n      "integrity": "sha512-676f',
                             '"version": "1.0.1",\n      "integrity": "sha512-676f'))
    assert main(["check", str(project), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    # ... and the export no longer allows the name (its allowed version is gone): drift.
    assert [(v["rule"], v["package"]) for v in report["violations"]] == \
        [("unreviewed-script", "good-native@1.0.1"),
         ("settings-drift", "package.json#allowScripts[good-native]")]


def test_npmrc_omitting_resolved_gives_name_only_keys(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The lockfile has `resolved` today, but the project's .npmrc drops it on the next
    install: the export already writes what npm will be able to verify."""
    project = make_project(tmp_path)
    (project / ".npmrc").write_text("omit-lockfile-registry-resolved=true\n")
    assert main(["approve", "--all-pending", str(project)]) == 0
    assert main(["export", "--to", "npm", str(project)]) == 0
    assert ".npmrc sets omit-lockfile-registry-resolved" in capsys.readouterr().err
    assert allow_scripts(project) == {"bad-ads": True, "good-native": True}
    assert pending(project) == []


def test_with_resolved_keys_stay_pinned_and_all_approved_is_clean(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    assert main(["approve", "--all-pending", str(project)]) == 0
    assert main(["export", "--to", "npm", str(project)]) == 0
    assert "cannot verify" not in capsys.readouterr().err
    assert allow_scripts(project) == {"bad-ads@2.0.0": True, "good-native@1.0.0": True}
    assert pending(project) == []
