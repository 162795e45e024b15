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
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.cli.main import main

MARKER = ("require('fs').writeFileSync(require('path').join(__dirname, '..', '..', "
          "'{name}.ran'), 'ran')")


def npm_version() -> tuple[int, ...]:
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: the npm export test needs npm >= 11.16", pytrace=False)
    out = subprocess.run([npm, "--version"], capture_output=True, text=True, check=True).stdout
    return tuple(int(part) for part in out.strip().split(".")[:2])


def make_project(root: Path) -> Path:
    project = root / "app"
    packages = {"good-native": ("1.0.0", "build.js"), "bad-ads": ("2.0.0", "ads.js"),
                "plain": ("1.0.0", None)}
    lock_packages: dict[str, object] = {
        "": {"name": "app", "version": "1.0.0",
             "dependencies": {name: version for name, (version, _) in packages.items()}},
    }
    for name, (version, script) in packages.items():
        folder = project / "node_modules" / name
        folder.mkdir(parents=True)
        manifest: dict[str, object] = {"name": name, "version": version}
        entry: dict[str, object] = {
            "version": version,
            "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
            "integrity": "sha512-" + (name.encode().hex() * 8)[:86] + "==",
        }
        if script:
            manifest["scripts"] = {"postinstall": f"node {script}"}
            (folder / script).write_text(MARKER.format(name=name))
            entry["hasInstallScript"] = True
        (folder / "package.json").write_text(json.dumps(manifest))
        lock_packages[f"node_modules/{name}"] = entry
    (project / "package.json").write_text(
        '{\n  "name": "app",\n  "version": "1.0.0",\n  "dependencies": '
        + json.dumps(lock_packages[""]["dependencies"]) + "\n}\n")  # type: ignore[index]
    lock = {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
            "packages": lock_packages}
    (project / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    (project / "node_modules" / ".package-lock.json").write_text(json.dumps(lock, indent=2))
    (root / "npmrc").write_text("")  # no user config (a developer's ~/.npmrc may change things)
    return project


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
