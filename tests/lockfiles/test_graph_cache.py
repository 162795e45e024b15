"""The cache of parsed lockfiles (`reviewer.lockfiles.graph_cache`): a graph comes from the
cache only when the lockfile and everything else the parse read are unchanged."""

from __future__ import annotations

import importlib
import json
import os
import shutil
from pathlib import Path

import pytest
from graph_checks import CORPUS, assert_same_graph

from reviewer.errors import LockfileError
from reviewer.graph import Graph
from reviewer.lockfiles import graph_cache, load_graph

MONO_YARN = CORPUS / "mono-yarn1"
MONO_NPM = CORPUS / "mono-npm"


class ParseCounter:
    """Counts the parses of one parser module (the cache is used when it stays at 0)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: str) -> None:
        self.count = 0
        parser = importlib.import_module(f"reviewer.lockfiles.{module}")
        original = parser.parse

        def counting(*args: object, **kwargs: object) -> Graph:
            self.count += 1
            graph: Graph = original(*args, **kwargs)
            return graph

        monkeypatch.setattr(parser, "parse", counting)


def copy_project(source: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(source, project)
    return project


def entries(cache: Path) -> list[Path]:
    return sorted(graph_cache.folder(cache).glob("*.json"))


@pytest.mark.parametrize(("source", "module"), [
    (MONO_NPM, "npm"), (MONO_YARN, "yarn"), (CORPUS / "mono-pnpm", "pnpm"),
    (CORPUS / "mono-bun", "bun"), (CORPUS / "mono-yarnberry", "yarn"),
    (CORPUS / "single-npm-v1", "npm"),
])
def test_a_second_load_comes_from_the_cache_and_is_the_same_graph(
        source: Path, module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(source, tmp_path)
    parses = ParseCounter(monkeypatch, module)
    first = load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 1 and len(entries(tmp_path / "cache")) == 1
    second = load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 1
    assert_same_graph(second, first)
    assert_same_graph(second, load_graph(project))


def test_an_edited_lockfile_is_parsed_again(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(MONO_NPM, tmp_path)
    parses = ParseCounter(monkeypatch, "npm")
    before = load_graph(project, cache_root=tmp_path / "cache")
    lock = project / "package-lock.json"
    data = json.loads(lock.read_text())
    key = next(k for k in data["packages"] if k.startswith("node_modules/"))
    data["packages"][key]["version"] = "99.0.0"
    lock.write_text(json.dumps(data, indent=2))
    after = load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 2
    assert len(after.find(key.rsplit("node_modules/", 1)[1], "99.0.0")) == 1
    assert before.packages != after.packages


def test_an_edited_package_json_is_read_again(tmp_path: Path) -> None:
    """npm's parser checks the root package.json against the lockfile: a dependency added
    to package.json alone makes the lockfile out of sync, cached or not."""
    project = copy_project(MONO_NPM, tmp_path)
    load_graph(project, cache_root=tmp_path / "cache")
    manifest = json.loads((project / "package.json").read_text())
    manifest.setdefault("dependencies", {})["left-pad-not-locked"] = "^1.0.0"
    (project / "package.json").write_text(json.dumps(manifest))
    with pytest.raises(LockfileError) as error:
        load_graph(project, cache_root=tmp_path / "cache")
    assert error.value.args == pytest.raises(LockfileError, load_graph, project).value.args


def test_a_new_workspace_folder_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """yarn classic reads the workspaces' package.json files found by the root's globs: a
    workspace added since the graph was kept shows up."""
    project = copy_project(MONO_YARN, tmp_path)
    parses = ParseCounter(monkeypatch, "yarn")
    before = load_graph(project, cache_root=tmp_path / "cache")
    extra = project / "packages" / "extra"
    extra.mkdir()
    (extra / "package.json").write_text(json.dumps({"name": "@mono/extra", "version": "1.0.0"}))
    after = load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 2
    assert "packages/extra" in after.importers and "packages/extra" not in before.importers
    # and a workspace's manifest edited in place, too
    (extra / "package.json").write_text(json.dumps({"name": "@mono/renamed", "version": "1.0.0"}))
    renamed = load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 3 and renamed.importers["packages/extra"].name == "@mono/renamed"
    # a removed package.json too
    (extra / "package.json").unlink()
    assert "packages/extra" not in load_graph(project, cache_root=tmp_path / "cache").importers
    assert parses.count == 4


def test_another_parser_version_does_not_use_the_entry(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(MONO_NPM, tmp_path)
    parses = ParseCounter(monkeypatch, "npm")
    load_graph(project, cache_root=tmp_path / "cache")
    monkeypatch.setattr(graph_cache, "parser_version", lambda: "another")
    load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 2 and len(entries(tmp_path / "cache")) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "not json", "other shape"])
def test_a_damaged_entry_is_parsed_again_and_replaced(damage: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_project(MONO_NPM, tmp_path)
    parses = ParseCounter(monkeypatch, "npm")
    expected = load_graph(project, cache_root=tmp_path / "cache")
    [entry] = entries(tmp_path / "cache")
    raw = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "flip":
        at = len(raw) // 2
        entry.write_bytes(raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1:])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # a checksum that matches a body that is not what we wrote
        import hashlib

        body = b"{not json" if damage == "not json" else b'[[], [1, "x"]]'
        entry.write_bytes(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    got = load_graph(project, cache_root=tmp_path / "cache")
    assert parses.count == 2
    assert_same_graph(got, expected)
    assert entry.read_bytes() == raw  # written again, whole


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    project = copy_project(MONO_NPM, tmp_path)
    blocked = tmp_path / "cache"
    blocked.write_text("a file, not a folder")
    assert_same_graph(load_graph(project, cache_root=blocked), load_graph(project))


def test_a_lockfile_that_fails_is_not_kept(tmp_path: Path) -> None:
    project = copy_project(MONO_NPM, tmp_path)
    (project / "package-lock.json").write_text('{"lockfileVersion": 3, "packages": [')
    for _ in range(2):
        with pytest.raises(LockfileError):
            load_graph(project, cache_root=tmp_path / "cache")
    assert entries(tmp_path / "cache") == []


def test_the_detection_note_is_not_kept_twice(tmp_path: Path) -> None:
    project = copy_project(MONO_NPM, tmp_path)
    shutil.copy(MONO_YARN / "yarn.lock", project / "yarn.lock")
    first = load_graph(project, cache_root=tmp_path / "cache")
    second = load_graph(project, cache_root=tmp_path / "cache")
    assert first.notes == second.notes == ["using package-lock.json; ignoring yarn.lock"]


def test_only_the_most_recently_used_entries_are_kept(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_cache, "KEEP", 3)
    project = copy_project(MONO_NPM, tmp_path)
    lock = project / "package-lock.json"
    original = lock.read_text()
    for n in range(5):
        lock.write_text(original + "\n" * (n + 1))  # other bytes, the same lockfile
        load_graph(project, cache_root=tmp_path / "cache")
        for i, entry in enumerate(entries(tmp_path / "cache")):  # distinct mtimes
            os.utime(entry, (1000 + i, 1000 + i))
    assert len(entries(tmp_path / "cache")) == 3
    assert graph_cache.info(tmp_path / "cache")[0] == 3
    count, size = graph_cache.clear(tmp_path / "cache")
    assert count == 3 and size > 0 and entries(tmp_path / "cache") == []


def test_entries_kept_for_later_are_written_as_parsed(tmp_path: Path) -> None:
    """`write_later()`: nothing is written until `write_now()`, and then the graph as parsed
    (the note on the lockfiles ignored, added by the caller after the parse, kept once)."""
    project = copy_project(MONO_NPM, tmp_path)
    shutil.copy(MONO_YARN / "yarn.lock", project / "yarn.lock")
    graph_cache.write_later()
    try:
        first = load_graph(project, cache_root=tmp_path / "cache")
        assert entries(tmp_path / "cache") == []
    finally:
        graph_cache.write_now()
    assert len(entries(tmp_path / "cache")) == 1
    second = load_graph(project, cache_root=tmp_path / "cache")
    assert_same_graph(second, first)
    assert second.notes == ["using package-lock.json; ignoring yarn.lock"]
    # and from now on at once
    (project / "package-lock.json").write_text((project / "package-lock.json").read_text() + "\n")
    load_graph(project, cache_root=tmp_path / "cache")
    assert len(entries(tmp_path / "cache")) == 2
