"""Helpers for the tests that run real package managers on exported settings.

Tools come from tests/node-tools (installed by .ci/run under $REVIEWER_NODE_TOOLS). The
packages live in the loopback Verdaccio (no uplinks): two with a postinstall that only
writes `postinstall.ran` in its own folder, one without scripts.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest

PREFIX = "rvx-export"
GOOD, BAD, PLAIN = f"{PREFIX}-good-native", f"{PREFIX}-bad-ads", f"{PREFIX}-plain"
MARKER = "require('fs').writeFileSync(require('path').join(__dirname, 'postinstall.ran'), 'ran')"

TOOLS = {
    "pnpm12": ("sh", "pnpm/pnpm"),
    "pnpm10": ("node", "pnpm10/bin/pnpm.cjs"),
    "yarn": ("node", "@yarnpkg/cli-dist/bin/yarn.js"),
    "bun": ("", "@oven/bun-linux-x64/bin/bun"),
    "allow-scripts": ("node", "@lavamoat/allow-scripts/src/cli.js"),
}


def tool_command(tool: str) -> list[str]:
    """The command line that runs `tool` from tests/node-tools (the test fails if missing)."""
    home = os.environ.get("REVIEWER_NODE_TOOLS")
    if not home:
        pytest.fail("REVIEWER_NODE_TOOLS is not set: run the tests through .ci/run, or install "
                    "tests/node-tools/package.json somewhere and point it there", pytrace=False)
    runner, relative = TOOLS[tool]
    path = Path(home) / "node_modules" / relative
    if not path.is_file():
        pytest.fail(f"{tool} is not installed at {path} (reinstall tests/node-tools)", pytrace=False)
    return [runner, str(path)] if runner else [str(path)]


def publish_script_packages(verdaccio: Any) -> Any:
    """Publish GOOD, BAD and PLAIN once per Verdaccio instance; returns the server."""
    try:
        urllib.request.urlopen(verdaccio.url + GOOD, timeout=5).close()
    except OSError:
        for name in (GOOD, BAD):
            verdaccio.publish(name, "1.0.0", {"postinstall.js": MARKER}, user="exporter",
                              extra={"scripts": {"postinstall": "node postinstall.js"}})
        verdaccio.publish(PLAIN, "1.0.0", {"index.js": "module.exports = 1"}, user="exporter")
    return verdaccio


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose user-level config and caches live under `home`."""
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config"), **extra}
    env.pop("npm_config_userconfig", None)
    return env


def manifest_text(name: str = "app") -> str:
    return ('{\n  "name": "' + name + '",\n  "version": "1.0.0",\n  "dependencies": {\n'
            f'    "{GOOD}": "1.0.0",\n    "{BAD}": "1.0.0",\n    "{PLAIN}": "1.0.0"\n  }}\n}}\n')


TREE_MARKER = ("require('fs').writeFileSync(require('path').join(__dirname, '..', '..', "
          "'{name}.ran'), 'ran')")


def npm_version() -> tuple[int, ...]:
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: the npm export test needs npm >= 11.16", pytrace=False)
    out = subprocess.run([npm, "--version"], capture_output=True, text=True, check=True).stdout
    return tuple(int(part) for part in out.strip().split(".")[:2])


def make_installed_project(root: Path, resolved: bool = True) -> Path:
    """An installed npm project made by hand (nothing fetched): package.json, a
    package-lock.json with `hasInstallScript` entries, and node_modules whose postinstall
    scripts only write `<name>.ran` next to the project: good-native@1.0.0 and
    bad-ads@2.0.0 have one, plain@1.0.0 has none. `resolved=False` writes the lockfiles as
    npm does with `omit-lockfile-registry-resolved=true` (no `resolved` URLs)."""
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
        entry: dict[str, object] = {"version": version}
        if resolved:
            entry["resolved"] = f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"
        entry["integrity"] = "sha512-" + (name.encode().hex() * 8)[:86] + "=="
        if script:
            manifest["scripts"] = {"postinstall": f"node {script}"}
            (folder / script).write_text(TREE_MARKER.format(name=name))
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


def settings_drift(project: Path) -> list[str]:
    """The `settings-drift` violations `reviewer check` reports for `project` (after the
    package manager itself ran: it must not have rewritten the exported settings)."""
    import contextlib
    import io

    from reviewer.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["check", str(project), "--format", "json"])
    report = json.loads(out.getvalue())
    return [v["message"] for v in report["violations"] if v["rule"] == "settings-drift"]
