"""Injection payloads from the lockfile and from registry documents, through every
headless command's output: nothing raw (control, C1, bidi, zero-width) reaches stdout or
stderr, JSON and SARIF stay valid and carry the original text, markdown cannot be broken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import (
    HOSTILE_NAME,
    PAYLOADS,
    SHA,
    Result,
    npm_project,
    packument,
    tgz,
)


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    return npm_project(tmp_path / "app", {
        HOSTILE_NAME: {"resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz", "integrity": SHA,
                       "license": "MIT" + PAYLOADS["csi-clear"]},
        "left-pad": {"version": "1.3.0", "resolved":
                     "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz", "integrity": SHA},
    })


@pytest.mark.parametrize("command", [["list"], ["tree"], ["why", "left-pad"],
                                     ["why", HOSTILE_NAME]])
def test_graph_commands_escape_lockfile_names(run, hostile_project: Path,
                                              command: list[str]) -> None:
    result: Result = run(*command, str(hostile_project))
    assert result.code == 0, result.err
    result.assert_clean()
    if command != ["why", "left-pad"]:
        assert "evil\\x1b]0;PWNED\\x07\\u202e\\u200bpkg" in result.out


def test_list_json_stays_valid_and_exact(run, hostile_project: Path) -> None:
    result = run("list", "--json", str(hostile_project))
    assert result.code == 0
    result.assert_clean()
    names = {row["name"] for row in json.loads(result.out)}
    assert HOSTILE_NAME in names  # JSON carries the original text, escaped by JSON itself


def test_why_json_stays_valid(run, hostile_project: Path) -> None:
    result = run("why", "--json", HOSTILE_NAME, str(hostile_project))
    assert result.code == 0
    result.assert_clean()
    assert any(HOSTILE_NAME in key for key in json.loads(result.out))


def test_unknown_package_error_line_is_escaped(run, hostile_project: Path) -> None:
    result = run("why", "nope" + PAYLOADS["osc52"], str(hostile_project))
    assert result.code == 2
    result.assert_clean()
    assert "\\x1b]52" in result.err


def _registry_project(tmp_path: Path, fixture_registry, description: str) -> Path:  # noqa: ANN001
    data = tgz({"package.json": json.dumps({"name": "hostile", "version": "1.0.0",
                                            "scripts": {"postinstall": "node x.js"}}),
                "x.js": "console.log('" + PAYLOADS["osc-title"] + "')\neval(atob('eA=='))\n"})
    doc = packument("hostile", {"1.0.0": {"data": data, "description": description,
                                          "deprecated": "use other" + PAYLOADS["hyperlink"],
                                          "scripts": {"postinstall": "node x.js" + PAYLOADS["csi-clear"]}}},
                    fixture_registry.url, description=description)
    fixture_registry.add_packument(doc)
    fixture_registry.add_tarball("hostile", "1.0.0", data)
    from .conftest import sri
    return npm_project(tmp_path / "app", {"hostile": {
        "resolved": fixture_registry.tarball_url("hostile", "1.0.0"), "integrity": sri(data),
        "hasInstallScript": True}})


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_report_escapes_registry_payloads(run, tmp_path: Path, fixture_registry, fmt: str) -> None:  # noqa: ANN001
    description = "fine" + "".join(PAYLOADS.values())
    project = _registry_project(tmp_path, fixture_registry, description)
    result = run("report", str(project), "--format", fmt, "--registry", fixture_registry.url)
    assert result.code == 0, result.err
    result.assert_clean()
    if fmt == "json":
        data = json.loads(result.out)
        assert data["packages"], data
    if fmt == "markdown":
        for line in result.out.splitlines():
            if line.startswith("| ") and "deprecated" in line:
                assert line.count("|") == 5, line  # no cell split by the payload


def test_report_hostile_lockfile_names_markdown(run, hostile_project: Path) -> None:
    result = run("report", str(hostile_project), "--offline", "--format", "markdown")
    result.assert_clean()
    assert "\\u202e" in result.out or "&#92;u202e" in result.out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_check_escapes_names(run, hostile_project: Path, fmt: str) -> None:
    (hostile_project / "reviewer-policy.toml").write_text(
        'version = 1\n[settings]\nrequire_pins = true\n')
    result = run("check", str(hostile_project), "--offline", "--format", fmt)
    assert result.code in (0, 1), result.err
    result.assert_clean()
    if fmt != "text":
        json.loads(result.out)


def test_review_escapes_names_in_every_format(run, hostile_project: Path, tmp_path: Path) -> None:
    base = npm_project(tmp_path / "base", {"left-pad": {
        "version": "1.3.0", "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
        "integrity": SHA}})
    for fmt in ("text", "markdown", "json"):
        result = run("review", str(hostile_project), "--base-lockfile",
                     str(base / "package-lock.json"), "--offline", "--format", fmt)
        assert result.code in (0, 1), result.err
        result.assert_clean()
        if fmt == "json":
            json.loads(result.out)


def test_diff_escapes_file_names_and_contents(run, fixture_registry) -> None:  # noqa: ANN001
    old = tgz({"package.json": '{"name":"d","version":"1.0.0"}', "index.js": "a\n"})
    new = tgz({"package.json": '{"name":"d","version":"1.0.1"}',
               "index.js": "a\n" + PAYLOADS["osc52"] + "\u202e\n",
               "ev" + PAYLOADS["bidi"] + "il" + PAYLOADS["csi-clear"] + ".js": "x"})
    fixture_registry.add_packument(packument("d", {"1.0.0": {"data": old}, "1.0.1": {"data": new}},
                                             fixture_registry.url))
    fixture_registry.add_tarball("d", "1.0.0", old)
    fixture_registry.add_tarball("d", "1.0.1", new)
    for extra in ([], ["--name-only"]):
        result = run("diff", "d", "1.0.0", "1.0.1", *extra, "--registry", fixture_registry.url)
        assert result.code == 0, result.err
        result.assert_clean()
        assert "ev\\u202eil\\x1b[2J" in result.out


@pytest.mark.parametrize("target", ["npm", "pnpm", "yarn", "bun", "lavamoat"])
def test_export_dry_run_escapes_names(run, tmp_path: Path, target: str) -> None:
    name = "left" + PAYLOADS["bidi"] + PAYLOADS["zero-width"] + "pad"
    project = npm_project(tmp_path / "app", {name: {"version": "1.3.0", "integrity": SHA,
                                                   "hasInstallScript": True}})
    escaped = json.dumps(name)[1:-1]
    (project / "reviewer-policy.toml").write_text(
        f'version = 1\n[[scripts]]\nname = "{escaped}"\nversion = "1.3.0"\n'
        'decision = "allow"\nnote = "ok\\u001b[2J"\n')
    before = {p.name: p.read_bytes() for p in project.iterdir()}
    result = run("export", "--to", target, "--dry-run", str(project))
    assert result.code == 0, result.err
    result.assert_clean()
    assert {p.name: p.read_bytes() for p in project.iterdir()} == before


def test_error_body_from_registry_is_escaped(run, fixture_registry, tmp_path: Path) -> None:  # noqa: ANN001
    fixture_registry.add_packument(packument("d", {"1.0.0": {}}, fixture_registry.url))
    result = run("diff", "d" + PAYLOADS["osc-title"], "1.0.0", "1.0.1",
                 "--registry", fixture_registry.url)
    assert result.code == 2
    result.assert_clean()


WIDE_NAME = "w\x85\x7f\U000e0041\u202e\u00a0x"
"""C1, DEL, a tag character, a bidi override and a no-break space: JSON without
ensure_ascii leaves them raw, and a visible-escaping pass would make `\\x85` invalid JSON."""


@pytest.mark.parametrize("command", [["report", "--offline", "--format", "json"],
                                     ["review", "--offline", "--format", "json"],
                                     ["list", "--json"], ["why", "--json", WIDE_NAME],
                                     ["check", "--offline", "--format", "json"],
                                     ["check", "--offline", "--format", "sarif"]])
def test_json_outputs_stay_valid_and_exact(run, tmp_path: Path, command: list[str]) -> None:
    project = npm_project(tmp_path / "app", {WIDE_NAME: {"integrity": SHA,
                                                         "resolved": "http://x.example/w.tgz"}})
    (project / "reviewer-policy.toml").write_text('version = 1\n[settings]\nrequire_pins = true\n')
    extra: list[str] = []
    if command[0] == "review":
        base = npm_project(tmp_path / "base", {"other": {"integrity": SHA}})
        extra = ["--base-lockfile", str(base / "package-lock.json")]
    result = run(*command, str(project), *extra)
    assert result.code in (0, 1), result.err
    result.assert_clean()
    assert WIDE_NAME in json.dumps(json.loads(result.out), ensure_ascii=False)
