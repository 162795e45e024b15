"""`reviewer report` through the real RegistryService against the fixture registry:
registry advisories (bulk endpoint answering, and 405), imported advisories, a registry
failure per package, and the mirror case where maintainers/_npmUser/time are stripped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.cli.main import main

TARBALL = "https://registry.npmjs.org/{0}/-/{0}-{1}.tgz"


def _packument(name: str, versions: list[str], stripped: bool = False) -> dict:
    docs = {}
    for v in versions:
        doc: dict = {"name": name, "version": v, "dist": {"tarball": TARBALL.format(name, v),
                                                            "integrity": "sha512-" + "A" * 86 + "=="}}
        if not stripped:
            doc["maintainers"] = [{"name": "alice"}]
            doc["_npmUser"] = {"name": "alice"}
        docs[v] = doc
    out: dict = {"name": name, "dist-tags": {"latest": versions[-1]}, "versions": docs}
    if not stripped:
        out["time"] = {"created": "2020-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z",
                       **{v: f"2020-0{i + 1}-01T00:00:00.000Z" for i, v in enumerate(versions)}}
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    deps = {"vuln": "^1.0.0", "plain": "^2.0.0", "gone": "^1.0.0"}
    (tmp_path / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0", "dependencies": deps}))
    packages = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for name, version in (("vuln", "1.0.1"), ("plain", "2.0.0"), ("gone", "1.0.0")):
        packages[f"node_modules/{name}"] = {"version": version, "resolved": TARBALL.format(name, version),
                                            "integrity": "sha512-" + "A" * 86 + "=="}
    (tmp_path / "package-lock.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}))
    return tmp_path


def _run(project: Path, registry, tmp_path: Path, capsys) -> dict[str, dict[str, list[dict]]]:  # noqa: ANN001
    code = main(["report", str(project), "--format", "json", "--registry", registry.url,
                 "--cache-dir", str(tmp_path / "cache")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)
    return {p["name"]: {s["id"]: s for s in p["signals"]} for p in data["packages"]}  # type: ignore[misc]


def test_registry_advisories_and_failures(project, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    fixture_registry.add_packument(_packument("vuln", ["1.0.0", "1.0.1"]))
    fixture_registry.add_packument(_packument("plain", ["2.0.0"]))
    fixture_registry.fail("/gone", *([503] * 10))
    fixture_registry.advisories = {"vuln": [{
        "id": 1099999, "url": "https://github.com/advisories/GHSA-abcd-efgh-ijkl",
        "title": "Remote code execution", "severity": "critical", "vulnerable_versions": "<1.0.2"}]}
    signals = _run(project, fixture_registry, tmp_path, capsys)
    advisory = signals["vuln"]["advisory"]
    assert advisory["severity"] == "critical" and not advisory["unknown"]
    assert advisory["details"]["advisory"] == "GHSA-abcd-efgh-ijkl"
    assert "advisory" not in signals["plain"]
    gone = signals["gone"]
    assert gone["maintainers-changed"]["unknown"] and "503" in gone["maintainers-changed"]["summary"]
    # a healthy registry with maintainers, publishers and times: no unknowns for "plain"
    assert [s for s in signals["plain"].values() if s["unknown"]] == []


def test_no_bulk_endpoint_and_stripped_mirror(project, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    for name, versions in (("vuln", ["1.0.0", "1.0.1"]), ("plain", ["2.0.0"]), ("gone", ["1.0.0"])):
        fixture_registry.add_packument(_packument(name, versions, stripped=True))
    signals = _run(project, fixture_registry, tmp_path, capsys)
    for name in ("vuln", "plain", "gone"):
        found = signals[name]
        assert found["advisory"]["summary"] == "unknown: advisories unavailable from this registry"
        for signal in ("maintainers-changed", "new-publisher", "trust-downgrade", "recent-release", "deprecated"):
            assert found[signal]["unknown"] is True, (name, signal)
            assert "not provided by this registry" in found[signal]["summary"]


def test_imported_advisories_are_reported(project, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    for name, versions in (("vuln", ["1.0.0", "1.0.1"]), ("plain", ["2.0.0"]), ("gone", ["1.0.0"])):
        fixture_registry.add_packument(_packument(name, versions))
    report = tmp_path / "audit.json"
    report.write_text(json.dumps({"value": "plain", "children": {
        "ID": 5, "Issue": "Bad thing", "URL": "https://github.com/advisories/GHSA-zzzz-zzzz-zzzz",
        "Severity": "moderate", "Vulnerable Versions": "<=2.0.0", "Tree Versions": ["2.0.0"]}}))
    assert main(["audit", "import", str(report), str(project)]) == 0
    capsys.readouterr()
    signals = _run(project, fixture_registry, tmp_path, capsys)
    assert signals["plain"]["advisory"]["severity"] == "moderate"
    assert "advisory" not in signals["vuln"]  # imported advisories replace the 405 unknown


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_stripped_mirror_report_says_unknown_kinds_once_at_the_top(
        project, fixture_registry, tmp_path, capsys, fmt) -> None:  # noqa: ANN001
    for name, versions in (("vuln", ["1.0.0", "1.0.1"]), ("plain", ["2.0.0"]), ("gone", ["1.0.0"])):
        fixture_registry.add_packument(_packument(name, versions, stripped=True))
    code = main(["report", str(project), "--format", fmt, "--registry", fixture_registry.url,
                 "--cache-dir", str(tmp_path / "cache")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("does not provide") == 1
    head = "\n".join(out.splitlines()[:6])
    assert "maintainers, publishers, publish times, provenance" in " ".join(head.split())
    for signal in ("maintainers-changed", "new-publisher", "trust-downgrade", "recent-release",
                   "deprecated", "advisory"):
        assert signal not in out, (signal, out)
