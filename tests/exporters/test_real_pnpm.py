"""The real pnpm accepts what `reviewer export --to pnpm` writes.

pnpm 12.21 and 10.34 come from tests/node-tools; the packages from the loopback Verdaccio
(see pm_projects.py).

Verified with pnpm itself, with `strictDepBuilds: true`:
- before the export, `pnpm install` fails with ERR_PNPM_IGNORED_BUILDS;
- after exporting (good-native approved, bad-ads denied) `pnpm install --lockfile-only`
  and `pnpm install --frozen-lockfile` succeed, the approved postinstall ran and the
  denied one did not; a wrong pinned version in `allowBuilds` makes pnpm fail again;
- pnpm 10 accepts the legacy `onlyBuiltDependencies`/`ignoredBuiltDependencies` export.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
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

WORKSPACE = """\
# Workspace settings written by a person: this comment must survive the export.
strictDepBuilds: true
minimumReleaseAge: 0  # the test packages are published seconds before the install
"""


@pytest.fixture
def project(tmp_path: Path, registry) -> Callable[..., subprocess.CompletedProcess[str]]:  # type: ignore[no-untyped-def]
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text(manifest_text())
    (app / "pnpm-workspace.yaml").write_text(WORKSPACE)
    (app / ".npmrc").write_text(f"registry={registry.url}\n")
    env = isolated_env(tmp_path / "home", CI="true", npm_config_registry=registry.url)

    def pnpm(major: int, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*tool_command(f"pnpm{major}"), *args], cwd=app, env=env,
                              capture_output=True, text=True, timeout=300)

    pnpm.app = app  # type: ignore[attr-defined]
    return pnpm


def ran(app: Path, name: str) -> bool:
    return any(app.joinpath("node_modules", ".pnpm").glob(f"{name}@*/node_modules/{name}/postinstall.ran"))


def test_pnpm12_accepts_allow_builds(project, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    app: Path = project.app
    locked = project(12, "install", "--lockfile-only")
    assert locked.returncode == 0, locked.stdout + locked.stderr
    refused = project(12, "install", "--frozen-lockfile")
    assert refused.returncode != 0
    assert "ERR_PNPM_IGNORED_BUILDS" in refused.stdout + refused.stderr
    shutil.rmtree(app / "node_modules", ignore_errors=True)

    assert main(["approve", f"{GOOD}@1.0.0", str(app)]) == 0
    assert main(["deny", BAD, str(app)]) == 0
    assert main(["export", "--to", "pnpm", str(app)]) == 0
    capsys.readouterr()
    workspace = (app / "pnpm-workspace.yaml").read_text()
    assert WORKSPACE.splitlines()[0] + "\n" in workspace  # pnpm itself may add settings
    assert f"  {GOOD}@1.0.0: true\n" in workspace and f"  {BAD}: false\n" in workspace

    locked = project(12, "install", "--lockfile-only")
    assert locked.returncode == 0, locked.stdout + locked.stderr
    installed = project(12, "install", "--frozen-lockfile")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert ran(app, GOOD) and not ran(app, BAD)
    assert settings_drift(app) == []

    # pnpm matches the exact version: a wrong one makes the build unreviewed again.
    shutil.rmtree(app / "node_modules")
    current = (app / "pnpm-workspace.yaml").read_text()
    (app / "pnpm-workspace.yaml").write_text(current.replace(f"{GOOD}@1.0.0", f"{GOOD}@9.9.9"))
    refused = project(12, "install", "--frozen-lockfile")
    assert refused.returncode != 0 and "ERR_PNPM_IGNORED_BUILDS" in refused.stdout + refused.stderr


def test_pnpm10_accepts_legacy_settings(project, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    app: Path = project.app
    locked = project(10, "install", "--lockfile-only")
    assert locked.returncode == 0, locked.stdout + locked.stderr
    refused = project(10, "install", "--frozen-lockfile")
    assert refused.returncode != 0
    assert "ERR_PNPM_IGNORED_BUILDS" in refused.stdout + refused.stderr
    shutil.rmtree(app / "node_modules", ignore_errors=True)

    assert main(["approve", f"{GOOD}@1.0.0", str(app)]) == 0
    assert main(["deny", BAD, str(app)]) == 0
    assert main(["export", "--to", "pnpm", "--pnpm-legacy", str(app)]) == 0
    capsys.readouterr()
    workspace = (app / "pnpm-workspace.yaml").read_text()
    assert f"onlyBuiltDependencies:\n  - {GOOD}\n" in workspace
    assert f"ignoredBuiltDependencies:\n  - {BAD}\n" in workspace
    installed = project(10, "install", "--frozen-lockfile")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert ran(app, GOOD) and not ran(app, BAD)
    assert settings_drift(app) == []
