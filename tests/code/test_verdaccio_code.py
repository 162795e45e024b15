"""End to end against Verdaccio, the chalk/debug shape: the same user publishes a clean 1.0.0
and a 1.0.1 whose index.js has obfuscated code appended (hooks fetch/XMLHttpRequest/
window.ethereum), no install script. `reviewer review` flags it critical, pointing at
index.js; `reviewer check` fails the build on it, from the cache `review` filled and with
`--deep` from an empty cache."""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from payloads import INERT, drainer
from sets import code_signals, describe, is_code_signal

from reviewer.cli.main import main

pytestmark = pytest.mark.verdaccio

CLEAN = INERT + """'use strict';
module.exports = function createDebug(namespace) {
  function debug(...args) { if (debug.enabled) process.stderr.write(namespace + ' ' + args.join(' ') + '\\n'); }
  debug.enabled = Boolean(process.env.DEBUG && process.env.DEBUG.split(',').includes(namespace));
  return debug;
};
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


def _lock(name: str, published: Any) -> str:
    return json.dumps({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {name: "^1.0.0"}},
            # the public registry's form of the URL, as a lockfile written against it has;
            # --registry points reviewer at Verdaccio (plain http on 127.0.0.1 would be an
            # insecure-source violation, always, and check must decide on the code)
            f"node_modules/{name}": {"version": published.version,
                                     "resolved": f"https://registry.npmjs.org/{name}/-/"
                                                 f"{name}-{published.version}.tgz",
                                     "integrity": published.integrity},
        }}, indent=2) + "\n"


def _check(repo: Path, verdaccio: Any, cache: Path, capsys: pytest.CaptureFixture[str],
           *extra: str) -> tuple[int, dict[str, Any]]:
    code = main(["check", str(repo), "--format", "json", "--registry", verdaccio.url,
                 "--cache-dir", str(cache), *extra])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return code, json.loads(captured.out)


def test_appended_obfuscated_code_is_critical_in_review_and_fails_check(
        verdaccio: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = f"dbg-{uuid.uuid4().hex[:8]}"
    old = verdaccio.publish(name, "1.0.0", {"index.js": CLEAN}, user="alice",
                            npm_user="alice", maintainers=["alice"])
    payload = drainer("verdaccio", hex_escape=True, filler=400)
    new = verdaccio.publish(name, "1.0.1", {"index.js": CLEAN + payload + "\n"}, user="alice",
                            npm_user="alice", maintainers=["alice"])
    assert "scripts" not in new.manifest and len(payload) > 10_000

    repo = tmp_path / "app"
    repo.mkdir()
    (repo / "package.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "dependencies": {name: "^1.0.0"}}))
    (repo / "package-lock.json").write_text(_lock(name, old))
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-gpg-sign", "-m", "lock 1.0.0")
    (repo / "package-lock.json").write_text(_lock(name, new))
    cache = tmp_path / "cache"

    code = main(["review", "--base", "HEAD", str(repo), "--format", "json", "--fail-on",
                 "critical", "--registry", verdaccio.url, "--cache-dir", str(cache)])
    out = capsys.readouterr().out
    (change,) = json.loads(out)["changes"]
    assert (change["name"], change["from"], change["to"]) == (name, "1.0.0", "1.0.1")
    found = code_signals(change["signals"])
    critical = [s for s in found if s["severity"] == "critical" and not s["unknown"]]
    assert critical, describe(change["signals"])
    assert any(e.get("file") == "index.js" for s in critical for e in s.get("evidence", [])), (
        json.dumps(critical, indent=1)[:2000])
    # one line a person understands: what is new, where (issue 12's own example)
    said = " ".join(str(s["summary"]) for s in critical)
    assert "index.js" in said and "fetch" in said and "XMLHttpRequest" in said, said
    assert "obfuscated" in said, said
    assert "install-script" not in {s["id"] for s in change["signals"]
                                    if s["severity"] in ("high", "critical")}
    assert code == 1

    # the CI gate, from the cache the review filled: fails on the code finding
    code, result = _check(repo, verdaccio, cache, capsys)
    rules = [v for v in result["violations"] if is_code_signal({"id": v["rule"]})]
    assert code == 1 and not result["ok"], json.dumps(result, indent=1)[:2000]
    assert any(v["name"] == name and v["version"] == "1.0.1" for v in rules), result["violations"]

    # and with --deep from an empty cache: it fetches the tarball itself
    code, result = _check(repo, verdaccio, tmp_path / "fresh-cache", capsys, "--deep")
    rules = [v for v in result["violations"] if is_code_signal({"id": v["rule"]})]
    assert code == 1 and rules, json.dumps(result, indent=1)[:2000]

    # the clean version does not fail the gate
    (repo / "package-lock.json").write_text(_lock(name, old))
    code, result = _check(repo, verdaccio, tmp_path / "clean-cache", capsys, "--deep")
    assert code == 0 and result["ok"], json.dumps(result, indent=1)[:2000]
