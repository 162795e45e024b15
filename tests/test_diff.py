"""reviewer.review.diff on real (in-memory) tarballs, and `reviewer diff` against the fixture registry."""

from __future__ import annotations

import json

from servers.verdaccio import build_tarball, integrity_of

from reviewer.registry.tarball import open_tarball
from reviewer.review.diff import diff_tarballs, format_diff, manifest_changes


def tarball(files: dict[str, str | bytes]):  # noqa: ANN201
    data = build_tarball(files)
    return open_tarball(data, integrity_of(data)[0])


OLD = tarball({
    "package.json": json.dumps({"name": "p", "version": "1.0.0", "scripts": {"test": "jest"},
                                "dependencies": {"a": "^1.0.0"}, "bin": {"p": "cli.js"}}),
    "index.js": "module.exports = 1\n",
    "README.md": "hello\n",
    "logo.png": b"\x89PNG\r\n\x1a\n\0\0old",
})
NEW = tarball({
    "package.json": json.dumps({"name": "p", "version": "1.1.0",
                                "scripts": {"test": "jest", "postinstall": "node setup.js"},
                                "dependencies": {"a": "^1.0.0", "b": "2.0.0"},
                                "publishConfig": {"registry": "https://evil.example/"}}),
    "index.js": "module.exports = 2\n",
    "setup.js": "require('https').get('https://evil.example')\n",
    "logo.png": b"\x89PNG\r\n\x1a\n\0\0new!",
})


def test_file_list_with_sizes_and_status() -> None:
    diff = diff_tarballs(OLD, NEW, "v1.0.0", "v1.1.0")
    statuses = {f.path: f.status for f in diff.files}
    assert statuses == {"README.md": "removed", "index.js": "modified", "logo.png": "modified",
                        "package.json": "modified", "setup.js": "added"}
    setup = next(f for f in diff.files if f.path == "setup.js")
    assert setup.old_size is None and setup.new_size == len("require('https').get('https://evil.example')\n")


def test_unified_patches_text_only() -> None:
    diff = diff_tarballs(OLD, NEW, "v1.0.0", "v1.1.0")
    patches = {f.path: f.patch for f in diff.files}
    assert patches["logo.png"] is None
    assert "-module.exports = 1\n+module.exports = 2\n" in (patches["index.js"] or "")
    assert (patches["setup.js"] or "").startswith("diff --git a/setup.js b/setup.js\nindex v1.0.0..v1.1.0\n--- /dev/null\n")


def test_manifest_summary() -> None:
    diff = diff_tarballs(OLD, NEW)
    summary = {(c.field, c.key, c.status) for c in diff.manifest}
    assert summary == {("scripts", "postinstall", "added"), ("dependencies", "b", "added"),
                       ("bin", "p", "removed"), ("publishConfig", "registry", "added")}
    assert manifest_changes({"main": "a.js"}, {"main": "b.js"})[0].old == "a.js"


def test_format_and_paths_filter() -> None:
    text = format_diff(diff_tarballs(OLD, NEW, "v1.0.0", "v1.1.0"))
    assert "added     setup.js" in text and "+ scripts.postinstall: node setup.js" in text
    assert "Binary or large file logo.png differs" in text
    only = diff_tarballs(OLD, NEW, paths=["index.js"])
    assert [f.path for f in only.files] == ["index.js"]
    assert format_diff(only, name_only=True) == "index.js\n"


def test_control_characters_are_escaped() -> None:
    evil = tarball({"package.json": "{}", "index.js": "x = '\x1b[2J'\n"})
    text = format_diff(diff_tarballs(OLD, evil))
    assert "\x1b" not in text and "\\x1b" in text


def test_identical_tarballs() -> None:
    assert diff_tarballs(OLD, OLD).files == ()
    assert format_diff(diff_tarballs(OLD, OLD)).startswith("no file differs")


def _publish(registry, name: str, files_by_version: dict[str, dict[str, str]]) -> None:  # noqa: ANN001
    versions = {}
    for version, files in files_by_version.items():
        data = build_tarball(files)
        sri, sha1 = integrity_of(data)
        registry.add_tarball(name, version, data)
        versions[version] = {"name": name, "version": version, "dist": {
            "integrity": sri, "shasum": sha1,
            "tarball": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"}}
    registry.add_packument({"name": name, "dist-tags": {"latest": list(files_by_version)[-1]},
                            "versions": versions})


def test_cli_diff_against_registry(fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    from reviewer.cli.main import main

    _publish(fixture_registry, "difftest", {
        "1.0.0": {"package.json": '{"name": "difftest"}', "a.js": "one\n"},
        "1.1.0": {"package.json": '{"name": "difftest", "scripts": {"postinstall": "node a.js"}}',
                  "a.js": "two\n"},
    })
    argv = ["diff", "difftest", "1.0.0", "latest", "--registry", fixture_registry.url,
            "--cache-dir", str(tmp_path / "cache")]
    assert main(argv) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "modified  a.js" in out and "-one\n+two\n" in out
    assert "+ scripts.postinstall: node a.js" in out
    # 1.1.0's registry manifest has no scripts: the tarball's postinstall is manifest confusion
    assert captured.err.splitlines() == [
        "warning: difftest@1.1.0: the tarball's package.json differs from the registry manifest "
        "in scripts (npm installs the tarball's)",
        "  scripts: tarball postinstall: node a.js / registry postinstall: (absent)"]
    assert main([*argv[:3], "9.9.9", *argv[4:]]) == 2
    assert "difftest@9.9.9 is not published" in capsys.readouterr().err


def test_cli_diff_refuses_a_tampered_tarball(fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    from reviewer.cli.main import main

    _publish(fixture_registry, "tampered", {"1.0.0": {"package.json": "{}"},
                                            "1.0.1": {"package.json": "{}", "a.js": "1\n"}})
    fixture_registry.add_tarball("tampered", "1.0.1", build_tarball({"package.json": '{"evil": 1}'}))
    code = main(["diff", "tampered", "1.0.0", "1.0.1", "--registry", fixture_registry.url,
                 "--cache-dir", str(tmp_path / "cache")])
    assert code == 2
    assert "integrity" in capsys.readouterr().err.lower()
