"""bun.lock: the corpus, a hand-written edge-case lockfile, JSONC handling, malformed input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from _npm_helpers import (
    DATA,
    bun_keys_counted,
    corpus,
    damaged_texts,
    edges_from,
    load_outcomes,
    lockfile_error,
    mutated_documents,
)

from reviewer.errors import LockfileError
from reviewer.graph import DepKind, Graph, Source, importer_node
from reviewer.graph.queries import direct_keys, why
from reviewer.lockfiles import bun, load_graph
from reviewer.lockfiles._json import load_jsonc, strip_trailing_commas

ROOT = importer_node(".")
API, SHARED, WEB = (importer_node(f"packages/{n}") for n in ("api", "shared", "web"))
EDGE = DATA / "bun" / "edge"


def _edge_set(graph: Graph) -> set[tuple[str, str, str, DepKind]]:
    return {(e.source, e.target, e.name, e.kind) for e in graph.edges}


# -- the corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize(("project", "count"), [("mono-bun", 206), ("large-bun", 1495)])
def test_corpus_bun_lock_loads_every_distinct_package(project: str, count: int) -> None:
    graph = load_graph(corpus(project))
    assert set(graph.packages) == bun_keys_counted(corpus(project) / "bun.lock")
    assert len(graph) == count
    assert (graph.lockfile.format, graph.lockfile.version) == ("bun", "2")
    assert all(p.line is not None for p in graph)


def test_mono_bun_workspaces_are_linked_importers_with_why_paths() -> None:
    graph = load_graph(corpus("mono-bun"))
    assert {p: i.name for p, i in graph.importers.items()} == {
        ".": "mono-sample",
        "packages/api": "@mono/api",
        "packages/shared": "@mono/shared",
        "packages/web": "@mono/web",
    }
    assert edges_from(graph, WEB)["@mono/shared"] == (SHARED, "*", DepKind.PROD)
    assert edges_from(graph, API)["prisma"] == ("prisma@5.22.0", "^5.18.0", DepKind.DEV)
    assert why(graph, "zod@3.25.76") == [[SHARED, "zod@3.25.76"]]
    assert why(graph, "avvio@8.4.0") == [[API, "fastify@4.29.1", "avvio@8.4.0"]]
    assert len(direct_keys(graph)) == 11


def test_mono_bun_gives_the_same_graph_as_mono_npm() -> None:
    """Same project, two package managers: same packages, same edges, same derived flags."""
    from_bun = load_graph(corpus("mono-bun"))
    from_npm = load_graph(corpus("mono-npm"))
    assert set(from_bun.packages) == set(from_npm.packages)
    assert _edge_set(from_bun) == _edge_set(from_npm)
    flags = {k: (p.dev, p.optional, p.peer) for k, p in from_npm.packages.items()}
    assert {k: (p.dev, p.optional, p.peer) for k, p in from_bun.packages.items()} == flags
    assert sum(p.dev for p in from_bun) == 106 and sum(p.optional for p in from_bun) == 62


def test_mono_bun_package_facts() -> None:
    graph = load_graph(corpus("mono-bun"))
    assert {p.key for p in graph if p.has_install_script} == {
        "@prisma/client@5.22.0",
        "@prisma/engines@5.22.0",
        "@swc/core@1.16.22",
        "better-sqlite3@11.10.0",
        "esbuild@0.21.5",
        "prisma@5.22.0",
    }
    assert all(p.has_install_script is None for p in graph if not p.has_install_script)
    zod = graph.packages["zod@3.25.76"]
    assert zod.integrity == (
        "sha512-gzUt/qt81nXsFGKIFcC3YnfEAx5NkunCfnDlvuBSSFS02bcXu4Lmea0AFIUwbLWxWPx3d9p8S5QoaujKcNQxcQ=="
    )
    assert (zod.source, zod.resolved) == (Source.REGISTRY, None)  # "" = the default registry
    fsevents = graph.packages["fsevents@2.3.3"]
    assert fsevents.optional and fsevents.os == ("darwin",)
    assert graph.packages["@esbuild/aix-ppc64@0.21.5"].cpu == ("ppc64",)
    lines = (corpus("mono-bun") / "bun.lock").read_text(encoding="utf-8").splitlines()
    assert lines[graph.packages["esbuild@0.21.5"].line - 1].startswith('    "esbuild": [')


def test_large_bun_nested_keys_aliases_and_peers() -> None:
    graph = load_graph(corpus("large-bun"))
    assert {p.key: p.aliases for p in graph if p.aliases} == {
        "string-width@4.2.3": ("string-width-cjs",),
        "strip-ansi@6.0.1": ("strip-ansi-cjs",),
        "wrap-ansi@7.0.0": ("wrap-ansi-cjs",),
    }
    # p-limit@2.3.0 exists only nested ("pkg-up/find-up/locate-path/p-locate/p-limit"):
    # the nested p-locate@3/@4 copies must reach it, the hoisted p-locate@5 must not.
    assert {e.source for e in graph.dependents("p-limit@2.3.0") if "p-locate" in e.source} == {
        "p-locate@3.0.0",
        "p-locate@4.1.0",
    }
    assert edges_from(graph, "p-locate@5.0.0") == {
        "p-limit": ("p-limit@3.1.0", "^3.0.2", DepKind.PROD)
    }
    assert {p.key for p in graph if p.peer} == {"react@19.3.1"}
    assert {e.name for e in graph.dependencies(ROOT)} == {
        "@nestjs/cli",
        "@sentry/cli",
        "cypress",
        "electron",
        "nodemon",
        "react-scripts",
        "sqlite3",
    }


# -- hand-written edge cases ---------------------------------------------------------------


def test_edge_sources_integrity_and_platforms() -> None:
    graph = load_graph(EDGE)
    git = graph.packages["gitdep@github:owner/gitdep#abc123"]
    assert (git.source, git.integrity) == (Source.GIT, None)  # the bun tag is not an SRI
    tarball = graph.packages["tarball-dep@https://example.com/t/tarball-dep-1.0.0.tgz"]
    assert (tarball.source, tarball.integrity) == (Source.TARBALL, "sha512-TTTTtttt1111==")
    assert graph.packages["localdir@file:localdir"].source is Source.FILE
    scoped = graph.packages["@scope/pkg@1.0.0"]
    assert scoped.resolved == "https://registry.example.com/@scope/pkg/-/pkg-1.0.0.tgz"
    assert scoped.source is Source.REGISTRY
    o = graph.packages["o@1.0.0"]
    assert (o.os, o.cpu, o.has_install_script, o.optional) == (
        ("darwin", "linux"),
        ("arm64",),
        True,
        True,
    )
    assert graph.packages["c@1.0.0"].integrity == "sha1-CCCCcccc1111="
    assert len(graph) == 13


def test_edge_alias_and_workspace_link() -> None:
    graph = load_graph(EDGE)
    assert graph.packages["b@2.1.0"].aliases == ("b-alias",)
    assert edges_from(graph, ROOT)["b-alias"] == ("b@2.1.0", "npm:b@^2.0.0", DepKind.PROD)
    w = importer_node("packages/w")
    assert edges_from(graph, ROOT)["@mono/w"] == (w, "workspace:*", DepKind.PROD)
    assert graph.importers["packages/w"].name == "@mono/w"
    assert graph.importers["packages/w"].version == "1.0.0"


def test_edge_nested_keys_resolve_like_bun() -> None:
    graph = load_graph(EDGE)
    assert edges_from(graph, "a@1.0.0") == {
        "c": ("c@2.0.0", "^2.0.0", DepKind.PROD),
        "nested": ("nested@1.0.0", "^1, ]", DepKind.PROD),  # string with ", ]" kept intact
    }
    assert edges_from(graph, "nested@1.0.0") == {"c": ("c@2.0.0", "^2.0.0", DepKind.PROD)}
    assert edges_from(graph, "@scope/pkg@1.0.0") == {"c": ("c@3.0.0", "^3.0.0", DepKind.PROD)}
    # The workspace's own copy sits under its package name: "@mono/w/a".
    w = importer_node("packages/w")
    assert edges_from(graph, w) == {
        "a": ("a@2.0.0", "^2.0.0", DepKind.PROD),
        "c": ("c@1.0.0", "^1.0.0", DepKind.PROD),
    }


def test_edge_flags_are_derived_from_manifest_sections() -> None:
    graph = load_graph(EDGE)
    assert graph.packages["d@1.0.0"].dev
    assert not graph.packages["c@1.0.0"].dev  # also required by the workspace (prod)
    assert graph.packages["o@1.0.0"].optional
    assert not graph.packages["a@1.0.0"].optional
    assert edges_from(graph, ROOT)["d"][2] is DepKind.DEV
    assert "opt-missing" not in {e.name for e in graph.edges}  # not locked: skipped


@pytest.mark.parametrize("version", [0, 1, 2])
def test_every_known_bun_lockfile_version_loads(tmp_path: Path, version: int) -> None:
    text = (EDGE / "bun.lock").read_text(encoding="utf-8")
    text = text.replace('"lockfileVersion": 1,', f'"lockfileVersion": {version},', 1)
    graph = bun.parse(tmp_path / "bun.lock", text)
    assert graph.lockfile.version == str(version) and len(graph) == 13


def test_jsonc_comments_are_accepted(tmp_path: Path) -> None:
    text = (EDGE / "bun.lock").read_text(encoding="utf-8")
    text = text.replace('  "packages": {', '  // the packages\n  "packages": { /* all */', 1)
    (tmp_path / "bun.lock").write_text(text, encoding="utf-8")
    shutil.copy(EDGE / "package.json", tmp_path)
    graph = load_graph(tmp_path)
    assert set(graph.packages) == set(load_graph(EDGE).packages)
    assert graph.packages["c@1.0.0"].line == load_graph(EDGE).packages["c@1.0.0"].line + 1


def test_trailing_comma_stripping_never_touches_strings() -> None:
    text = '{"a": "x, ]", "b": [1, 2, ], "c\\\\": "q\\",}", "d": {"e": 1,\n},\n}'
    assert (
        strip_trailing_commas(text)
        == '{"a": "x, ]", "b": [1, 2 ], "c\\\\": "q\\",}", "d": {"e": 1\n}\n}'
    )
    assert load_jsonc(Path("x.lock"), text) == {
        "a": "x, ]",
        "b": [1, 2],
        "c\\": 'q",}',
        "d": {"e": 1},
    }
    one_line = "{" + ", ".join(f'"k{i}": [1, "a\\\\", "x, ]", ]' for i in range(500)) + ", }"
    loaded = load_jsonc(Path("x.lock"), one_line)
    assert len(loaded) == 500 and loaded["k499"] == [1, "a\\", "x, ]"]


# -- malformed input ----------------------------------------------------------------------

_HEAD = '{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": {},\n  },\n  "packages": {\n'


@pytest.mark.parametrize(
    ("text", "fault", "line"),
    [
        (
            _HEAD + '    "a": ["a@1.0.0", "", {}, "sha512-x"]\n    "b": ["b@1.0.0"],\n  }\n}\n',
            "malformed JSON: Expecting ',' delimiter",
            8,
        ),
        (_HEAD + '    "a": ["a@1.0.0", "", {', "truncated", 7),
        ("", "empty file", None),
        ('["a"]\n', "not a JSON object", None),
        (
            '{\n  "lockfileVersion": 7,\n  "workspaces": {},\n}\n',
            "unknown lockfileVersion 7 (reviewer reads 0, 1 and 2)",
            2,
        ),
        ('{\n  "workspaces": {},\n}\n', "no lockfileVersion", None),
        ('{\n  "lockfileVersion": 1,\n}\n', '"workspaces" is missing or not an object', None),
        (
            '{\n  "lockfileVersion": 1,\n  "workspaces": {},\n  "packages": [],\n}\n',
            '"packages" is not an object',
            None,
        ),
        (
            '{\n  "lockfileVersion": 1,\n  "workspaces": {\n    "": [],\n  },\n}\n',
            'workspaces entry "" is not an object',
            4,
        ),
        (
            _HEAD + '    "a": {"version": "1.0.0"},\n  }\n}\n',
            'packages entry "a" is not a [resolution, ...] array',
            7,
        ),
        (
            _HEAD + '    "a": ["a"],\n  }\n}\n',
            'packages entry "a" has no name@version resolution',
            7,
        ),
    ],
)
def test_malformed_bun_lock_gives_one_line_naming_file_fault_and_line(
    tmp_path: Path, text: str, fault: str, line: int | None
) -> None:
    error = lockfile_error(bun.parse, tmp_path / "bun.lock", text)
    assert fault in error.fault
    assert error.line == line


def test_truncated_corpus_bun_lock(tmp_path: Path) -> None:
    text = (corpus("mono-bun") / "bun.lock").read_text(encoding="utf-8")
    error = lockfile_error(bun.parse, tmp_path / "bun.lock", text[: len(text) // 3])
    assert error.fault.startswith("truncated")


def test_bun_root_out_of_sync_with_package_json(tmp_path: Path) -> None:
    shutil.copy(EDGE / "bun.lock", tmp_path)
    manifest = json.loads((EDGE / "package.json").read_text(encoding="utf-8"))
    del manifest["devDependencies"]
    manifest["dependencies"].update({"x1": "1", "x2": "1", "x3": "1", "x4": "1"})
    (tmp_path / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'bun.lock'}: lockfile out of sync with package.json: "
        "in package.json but not the lockfile: x1, x2, x3 (+1 more); "
        "in the lockfile but not package.json: d"
    )


def test_bun_lockb_gets_a_hint(tmp_path: Path) -> None:
    (tmp_path / "bun.lockb").write_bytes(b"\x00binary")
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path)
    assert "bun.lock" in caught.value.fault and "--save-text-lockfile" in caught.value.fault


# -- performance (pytest-benchmark; one plain run when benchmarks are disabled) ------------


def test_parse_large_bun_benchmark(benchmark) -> None:  # type: ignore[no-untyped-def]
    path = corpus("large-bun") / "bun.lock"
    text = path.read_text(encoding="utf-8")
    graph = benchmark(bun.parse, path, text)
    assert len(graph) == 1495


def test_damaged_bun_locks_load_or_raise_lockfile_error_only(tmp_path: Path) -> None:
    """Odd values and keys, cuts and deletions: a graph or a LockfileError, nothing else."""
    text = (EDGE / "bun.lock").read_text(encoding="utf-8")
    path = tmp_path / "bun.lock"
    documents = mutated_documents(load_jsonc(path, text), seed=7, count=300)
    outcomes = load_outcomes(bun.parse, path, documents + damaged_texts(text, seed=7, count=100))
    assert outcomes["loaded"] > 0 and outcomes["refused"] > 0
