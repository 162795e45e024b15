"""What install scripts really run: splitting, wrappers, shells, `node -e`, `npm run`."""

from __future__ import annotations

import json

from reviewer.code import analyze_package
from reviewer.code.scripts import resolve_scripts, split_commands

FILES = {"preinstall.js", "install.js", "lib/x.js", "scripts/setup.sh", "scripts/win.bat", "scripts/a.ps1",
         "telemetry.js", "hook.js", "index.js"}


def targets(hooks: dict[str, str], scripts: dict[str, str] | None = None) -> tuple[set[str], list[str]]:
    found, unresolved = resolve_scripts(hooks, FILES, scripts, "index.js")
    return {t.path or t.label for t in found}, unresolved


def test_split_on_every_separator_but_redirections() -> None:
    assert split_commands("start /B node preinstall.js & node preinstall.js") == [
        "start /B node preinstall.js", "node preinstall.js"]
    assert split_commands("a && b || c; d | e") == ["a", "b", "c", "d", "e"]
    assert split_commands("node x.js 2>&1 >/dev/null") == ["node x.js 2>&1 >/dev/null"]
    assert split_commands("sh -c 'a && b'") == ["sh -c 'a && b'"]


def test_ua_parser_preinstall() -> None:
    found, _ = targets({"preinstall": "start /B node preinstall.js & node preinstall.js"})
    assert "preinstall.js" in found


def test_node_eval_body_is_read() -> None:
    found, _ = targets({"postinstall": "node -e \"try{require('./telemetry.js')}catch(e){}\""})
    assert "<postinstall node -e>" in found


def test_wrappers_and_shells() -> None:
    found, _ = targets({"install": "cross-env DEBUG=1 node install.js",
                        "postinstall": "sh -c 'node lib/x.js && sh scripts/setup.sh'",
                        "preinstall": "node --require ./hook.js install.js"})
    assert {"install.js", "lib/x.js", "scripts/setup.sh", "hook.js"} <= found


def test_windows_and_powershell() -> None:
    found, _ = targets({"install": "cmd /c scripts\\win.bat", "postinstall": "powershell -ExecutionPolicy Bypass -File scripts/a.ps1"})
    assert {"scripts/win.bat", "scripts/a.ps1"} <= found


def test_npm_run_indirection() -> None:
    scripts = {"postinstall": "npm run setup", "setup": "npm run-script real", "real": "node install.js"}
    found, _ = targets({"postinstall": scripts["postinstall"]}, scripts)
    assert "install.js" in found


def test_commands_from_elsewhere_are_listed_not_hidden() -> None:
    _, unresolved = targets({"install": "node-gyp rebuild", "postinstall": "husky install"})
    assert any("node-gyp" in u for u in unresolved) and any("husky" in u for u in unresolved)


def test_files_required_by_an_eval_body_are_followed() -> None:
    files = {
        "package.json": json.dumps({"name": "n", "version": "1.0.0",
                                    "scripts": {"postinstall": "node -e \"try{require('./telemetry.js')}catch(e){}\""}}).encode(),
        "telemetry.js": b"require('./lib/send');\n",
        "lib/send.js": b"const https = require('https');\n",
    }
    code = analyze_package(files)
    send = code.file("lib/send.js")
    assert send is not None and "install" in send.roles
    assert ("network", "https") in {c.key for c in send.capabilities}
