"""package.json reading, workspace discovery and the root sync check (lockfiles.manifest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _npm_helpers import corpus

from reviewer.errors import LockfileError
from reviewer.graph import DepKind
from reviewer.lockfiles.manifest import (
    check_root_in_sync,
    declared_edges,
    declared_names,
    printable,
    read_manifest,
    workspace_manifests,
)


def _write(path: Path, data: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def test_read_manifest_keeps_only_string_maps(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "package.json",
        {
            "name": "x",
            "version": 3,
            "dependencies": {"a": "^1", "bad": 5},
            "devDependencies": ["not", "a", "map"],
            "workspaces": {"packages": ["packages/*", 7]},
        },
    )
    manifest = read_manifest(path)
    assert manifest is not None
    assert (manifest.name, manifest.version) == ("x", None)
    assert manifest.sections == {"dependencies": {"a": "^1"}}
    assert manifest.workspaces == ("packages/*",)


def test_read_manifest_absent_and_malformed(tmp_path: Path) -> None:
    assert read_manifest(tmp_path / "package.json") is None
    (tmp_path / "package.json").write_text('{\n  "name": "x",\n  "a": }\n', encoding="utf-8")
    with pytest.raises(LockfileError) as caught:
        read_manifest(tmp_path / "package.json")
    assert str(caught.value).startswith(f"{tmp_path / 'package.json'}:3: malformed JSON")
    (tmp_path / "package.json").write_text("[]", encoding="utf-8")
    with pytest.raises(LockfileError, match="not a JSON object"):
        read_manifest(tmp_path / "package.json")
    (tmp_path / "package.json").write_bytes(b'{"name": "\xff"}')
    with pytest.raises(LockfileError, match="not UTF-8"):
        read_manifest(tmp_path / "package.json")


def test_declared_edges_give_one_kind_per_name_like_npm() -> None:
    declaring = {
        "dependencies": {"a": "^1", "both": "^2"},
        "optionalDependencies": {"both": "^2", "o": "^1"},
        "peerDependencies": {"a": "*", "p": "^1"},
        "devDependencies": {"a": "^1", "t": "^1"},
    }
    assert sorted(declared_edges(declaring)) == [
        ("a", "^1", DepKind.PROD),
        ("both", "^2", DepKind.OPTIONAL),
        ("o", "^1", DepKind.OPTIONAL),
        ("p", "^1", DepKind.PEER),
        ("t", "^1", DepKind.DEV),
    ]
    assert "t" not in {n for n, _s, _k in declared_edges(declaring, include_dev=False)}
    assert declared_names(declaring) == {"a": "^1", "both": "^2", "o": "^1", "p": "^1", "t": "^1"}


def test_workspace_manifests_of_the_mono_corpus() -> None:
    found = workspace_manifests(corpus("mono-npm"), ("packages/*",))
    assert {path: m.name for path, m in found.items()} == {
        "packages/api": "@mono/api",
        "packages/shared": "@mono/shared",
        "packages/web": "@mono/web",
    }
    assert found["packages/web"].declared()["@mono/shared"] == "*"


def test_workspace_manifests_skip_negations_escapes_and_folders_without_manifest(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "packages" / "a" / "package.json", {"name": "a"})
    _write(tmp_path / "packages" / "b" / "package.json", {"name": "b"})
    (tmp_path / "packages" / "empty").mkdir()
    _write(tmp_path.parent / f"{tmp_path.name}-outside" / "package.json", {"name": "out"})
    found = workspace_manifests(
        tmp_path, ("packages/*", "!packages/b", f"../{tmp_path.name}-outside", "/etc")
    )
    assert list(found) == ["packages/a"]


def test_check_root_in_sync(tmp_path: Path) -> None:
    lockfile = tmp_path / "package-lock.json"
    check_root_in_sync(lockfile, {"anything": "1"})  # no package.json: no check
    _write(tmp_path / "package.json", {"dependencies": {"a": "^1"}, "devDependencies": {"b": "1"}})
    check_root_in_sync(lockfile, None)  # the format records nothing to compare
    check_root_in_sync(lockfile, {"a": "^2", "b": "1"})  # specs are not compared
    with pytest.raises(LockfileError) as caught:
        check_root_in_sync(lockfile, {"a": "^1", "c\x1b[31m": "1"})
    assert str(caught.value) == (
        f"{lockfile}: lockfile out of sync with package.json: "
        "in package.json but not the lockfile: b; "
        "in the lockfile but not package.json: c\\x1b[31m"
    )


def test_printable_escapes_control_characters() -> None:
    assert printable("plain-name") == "plain-name"
    assert printable("a\nb\x07") == "a\\nb\\x07"
