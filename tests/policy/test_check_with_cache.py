"""`reviewer check` with signals from the metadata cache, end to end: packages published to
the loopback Verdaccio, a real pnpm 9 lockfile (which records no build scripts) written by
pnpm 12 from tests/node-tools, `reviewer scan` filling a cache, then `check` deciding install
scripts and signals from that cache."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from reviewer.cli.main import main
from reviewer.policy import PolicyStore

pytestmark = [pytest.mark.verdaccio, pytest.mark.slow]

FRESH, PLAIN = "rvx-check-fresh", "rvx-check-plain"


@pytest.fixture(scope="module")
def registry(verdaccio):  # type: ignore[no-untyped-def]
    import urllib.request

    try:
        urllib.request.urlopen(verdaccio.url + FRESH, timeout=5).close()
    except OSError:
        verdaccio.publish(FRESH, "1.0.0", {"setup.js": "module.exports = 1"}, user="checker",
                          extra={"scripts": {"postinstall": "node setup.js"}})
        verdaccio.publish(PLAIN, "1.0.0", {"index.js": "module.exports = 1"}, user="checker")
    return verdaccio


def test_check_uses_cached_metadata(tmp_path: Path, registry,  # type: ignore[no-untyped-def]
                                    capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "app"
    project.mkdir()
    (project / "package.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "dependencies": {FRESH: "1.0.0", PLAIN: "1.0.0"}},
        indent=2) + "\n")
    (project / "pnpm-workspace.yaml").write_text("minimumReleaseAge: 0\n")
    (project / ".npmrc").write_text(f"registry={registry.url}\n")
    tools = os.environ.get("REVIEWER_NODE_TOOLS")
    if not tools:
        pytest.fail("REVIEWER_NODE_TOOLS is not set (run through .ci/run)", pytrace=False)
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CONFIG_HOME": str(home / "config"), "CI": "true"}
    done = subprocess.run(["sh", str(Path(tools) / "node_modules" / "pnpm" / "pnpm"), "install",
                           "--lockfile-only"], cwd=project, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "requiresBuild" not in (project / "pnpm-lock.yaml").read_text()

    cache = tmp_path / "cache"
    base = [str(project), "--registry", registry.url, "--cache-dir", str(cache)]
    # No cache yet: scripts and signals unknown, nothing to fail on.
    assert main(["check", *base]) == 0
    out = capsys.readouterr().out
    assert "note: 2 package(s): neither the lockfile nor cached metadata says" in out
    assert "review signals not evaluated" in out

    assert main(["scan", *base]) == 0
    capsys.readouterr()
    policy_path = project / "reviewer-policy.toml"
    policy = PolicyStore.load(policy_path)
    policy.set_setting("fail_on", "low")
    policy.set_setting("minimum_release_age_days", 0)
    PolicyStore.save(policy)
    # The policy's release age reaches the signals: with 0 days nothing is "recent".
    assert main(["check", *base, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(v["rule"], v["package"]) for v in report["violations"]] == \
        [("unreviewed-script", f"{FRESH}@1.0.0")]
    policy = PolicyStore.load(policy_path)
    policy.set_setting("minimum_release_age_days", 7)
    PolicyStore.save(policy)
    assert main(["check", *base, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["signals_evaluated"] is True
    assert report["unknown_install_scripts"] == []
    assert sorted((v["rule"], v["package"]) for v in report["violations"]) == [
        ("recent-release", f"{FRESH}@1.0.0"),
        ("recent-release", f"{PLAIN}@1.0.0"),
        ("unreviewed-script", f"{FRESH}@1.0.0"),
    ]

    # --all-pending finds the package from the cache too; accepting the signals passes.
    assert main(["approve", "--all-pending", *base]) == 0
    assert f"approved {FRESH}@1.0.0" in capsys.readouterr().out
    policy = PolicyStore.load(policy_path)
    for name in (FRESH, PLAIN):
        policy.accept_signal("recent-release", name, "our own fresh release", None)
    PolicyStore.save(policy)
    assert main(["check", *base]) == 0
    capsys.readouterr()
