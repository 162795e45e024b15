"""The real Yarn Berry (4.18) and Bun (1.4) accept what `reviewer export` writes.

Tools from tests/node-tools, packages from the loopback Verdaccio (see pm_projects.py).
Verified by what each package manager actually runs at install time:
- yarn: with `.yarnrc.yml enableScripts: false` and `dependenciesMeta["good@1.0.0"].built:
  true` (exported), `yarn install` runs the approved postinstall and not the denied one; a
  pinned key with another version runs neither (yarn matches the exact version);
- bun: with `trustedDependencies: [good]` (exported), `bun install` runs the approved
  postinstall and not the other; before the export it runs neither.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pm_projects import (
    BAD,
    GOOD,
    isolated_env,
    manifest_text,
    settings_drift,
    tool_command,
)

from reviewer.cli.main import main

pytestmark = [pytest.mark.verdaccio, pytest.mark.slow]


def ran(app: Path, name: str) -> bool:
    return (app / "node_modules" / name / "postinstall.ran").exists()


def decide_and_export(app: Path, target: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["approve", f"{GOOD}@1.0.0", str(app)]) == 0
    assert main(["deny", BAD, str(app)]) == 0
    assert main(["export", "--to", target, str(app)]) == 0
    return capsys.readouterr().err


YARNRC = """\
# Yarn settings written by a person: kept by the export.
nodeLinker: node-modules
npmRegistryServer: "{url}"
unsafeHttpWhitelist:
  - 127.0.0.1
npmMinimalAgeGate: 0   # the test packages are published seconds before the install
enableGlobalCache: false
enableTelemetry: false
"""


def test_yarn_berry_builds_only_approved_versions(tmp_path: Path, registry,  # type: ignore[no-untyped-def]
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text(manifest_text())
    (app / ".yarnrc.yml").write_text(YARNRC.format(url=registry.url.rstrip("/")))
    env = isolated_env(tmp_path / "home", YARN_ENABLE_IMMUTABLE_INSTALLS="false",
                       COREPACK_ENABLE_STRICT="0")

    def yarn(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*tool_command("yarn"), *args], cwd=app, env=env,
                              capture_output=True, text=True, timeout=300)

    locked = yarn("install", "--mode=update-lockfile")  # lockfile only: nothing built yet
    assert locked.returncode == 0, locked.stdout + locked.stderr
    assert not ran(app, GOOD) and not ran(app, BAD)
    decide_and_export(app, "yarn", capsys)
    rc = (app / ".yarnrc.yml").read_text()
    assert rc.startswith("# Yarn settings written by a person") and "enableScripts: false" in rc
    installed = yarn("install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert ran(app, GOOD) and not ran(app, BAD)
    assert settings_drift(app) == []

    # Yarn matches the exact version in the dependenciesMeta key.
    manifest = (app / "package.json").read_text()
    (app / "package.json").write_text(manifest.replace(f"{GOOD}@1.0.0", f"{GOOD}@9.9.9"))
    (app / "node_modules" / GOOD / "postinstall.ran").unlink()
    rebuilt = yarn("rebuild")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert not ran(app, GOOD) and not ran(app, BAD)
    # Control: with the exported key back, the same rebuild runs it again.
    (app / "package.json").write_text(manifest)
    rebuilt = yarn("rebuild")
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr
    assert ran(app, GOOD) and not ran(app, BAD)


def test_bun_trusts_only_exported_names(tmp_path: Path, registry,  # type: ignore[no-untyped-def]
                                        capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text(manifest_text())
    (app / "bunfig.toml").write_text(f'[install]\nregistry = "{registry.url}"\n')
    env = isolated_env(tmp_path / "home", BUN_INSTALL_CACHE_DIR=str(tmp_path / "bun-cache"))

    def bun(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*tool_command("bun"), *args], cwd=app, env=env,
                              capture_output=True, text=True, timeout=300)

    before = bun("install")
    assert before.returncode == 0, before.stdout + before.stderr
    assert not ran(app, GOOD) and not ran(app, BAD)

    notes = decide_and_export(app, "bun", capsys)
    assert "bun cannot pin versions" in notes
    assert json.loads((app / "package.json").read_text())["trustedDependencies"] == [GOOD]
    shutil.rmtree(app / "node_modules")
    after = bun("install")
    assert after.returncode == 0, after.stdout + after.stderr
    assert ran(app, GOOD) and not ran(app, BAD)
    assert settings_drift(app) == []
