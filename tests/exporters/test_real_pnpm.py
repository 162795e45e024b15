"""The real pnpm accepts what `reviewer export --to pnpm` writes.

pnpm 12.21 and 10.34 come from tests/node-tools (installed by .ci/run; $REVIEWER_NODE_TOOLS).
Packages with install scripts are published to the loopback Verdaccio (no uplinks: nothing
leaves the machine); their postinstall only writes a marker file in its own folder.

Verified with pnpm itself, with `strictDepBuilds: true`:
- before the export, `pnpm install` fails with ERR_PNPM_IGNORED_BUILDS;
- after exporting (good-native approved, bad-ads denied) `pnpm install --lockfile-only`
  and `pnpm install --frozen-lockfile` succeed, the approved postinstall ran and the
  denied one did not; a wrong pinned version in `allowBuilds` makes pnpm fail again;
- pnpm 10 accepts the legacy `onlyBuiltDependencies`/`ignoredBuiltDependencies` export.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.cli.main import main

pytestmark = [pytest.mark.verdaccio, pytest.mark.slow]

PREFIX = "rvx-export"
GOOD, BAD, PLAIN = f"{PREFIX}-good-native", f"{PREFIX}-bad-ads", f"{PREFIX}-plain"
MARKER = "require('fs').writeFileSync(require('path').join(__dirname, 'postinstall.ran'), 'ran')"
WORKSPACE = """\
# Workspace settings written by a person: this comment must survive the export.
strictDepBuilds: true
minimumReleaseAge: 0  # the test packages are published seconds before the install
"""


def node_tools() -> Path:
    home = os.environ.get("REVIEWER_NODE_TOOLS")
    if not home:
        pytest.fail("REVIEWER_NODE_TOOLS is not set: run the tests through .ci/run, or install "
                    "tests/node-tools/package.json somewhere and point it there", pytrace=False)
    return Path(home)


def pnpm_command(major: int) -> list[str]:
    tools = node_tools() / "node_modules"
    command = (["sh", str(tools / "pnpm" / "pnpm")] if major == 12
               else ["node", str(tools / "pnpm10" / "bin" / "pnpm.cjs")])
    if not Path(command[1]).is_file():
        pytest.fail(f"pnpm {major} is not installed under {tools}", pytrace=False)
    return command


@pytest.fixture(scope="module")
def registry(verdaccio):  # type: ignore[no-untyped-def]
    """Verdaccio with the three test packages (published once per session)."""
    import urllib.request

    try:
        urllib.request.urlopen(verdaccio.url + GOOD, timeout=5).close()
    except OSError:
        for name in (GOOD, BAD):
            verdaccio.publish(name, "1.0.0", {"postinstall.js": MARKER}, user="exporter",
                              extra={"scripts": {"postinstall": "node postinstall.js"}})
        verdaccio.publish(PLAIN, "1.0.0", {"index.js": "module.exports = 1"}, user="exporter")
    return verdaccio


@pytest.fixture
def project(tmp_path: Path, registry) -> Callable[..., subprocess.CompletedProcess[str]]:  # type: ignore[no-untyped-def]
    app = tmp_path / "app"
    app.mkdir()
    (app / "package.json").write_text(
        '{\n  "name": "app",\n  "version": "1.0.0",\n  "dependencies": {\n'
        f'    "{GOOD}": "1.0.0",\n    "{BAD}": "1.0.0",\n    "{PLAIN}": "1.0.0"\n  }}\n}}\n')
    (app / "pnpm-workspace.yaml").write_text(WORKSPACE)
    (app / ".npmrc").write_text(f"registry={registry.url}\n")
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config"), "CI": "true",
           "npm_config_registry": registry.url}
    env.pop("npm_config_userconfig", None)

    def pnpm(major: int, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*pnpm_command(major), *args], cwd=app, env=env,
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
