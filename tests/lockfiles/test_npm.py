"""package-lock.json v1/v2/v3: the corpus, hand-written edge cases and malformed input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from _npm_helpers import (
    DATA,
    corpus,
    damaged_texts,
    edges_from,
    load_outcomes,
    lockfile_error,
    mutated_documents,
    npm_keys_counted,
)

from reviewer.errors import LockfileError
from reviewer.graph import DepKind, Graph, Source, importer_node
from reviewer.graph.queries import derive_flags, direct_keys, duplicates, why
from reviewer.lockfiles import load_graph, npm
from reviewer.lockfiles._json import member_lines

ROOT = importer_node(".")
API, SHARED, WEB = (importer_node(f"packages/{n}") for n in ("api", "shared", "web"))


def _load(project: Path) -> Graph:
    return load_graph(project)


# -- the corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("project", "count", "version"),
    [("mono-npm", 206, "3"), ("large-npm", 1501, "3"), ("single-npm-v1", 341, "1")],
)
def test_corpus_lockfile_loads_every_distinct_package(
    project: str, count: int, version: str
) -> None:
    path = corpus(project) / "package-lock.json"
    graph = _load(corpus(project))
    assert set(graph.packages) == npm_keys_counted(path)
    assert len(graph) == count
    assert graph.lockfile.format == "npm" and graph.lockfile.version == version


def test_mono_npm_workspaces_are_linked_importers() -> None:
    graph = _load(corpus("mono-npm"))
    assert {p: i.name for p, i in graph.importers.items()} == {
        ".": "mono-sample",
        "packages/api": "@mono/api",
        "packages/shared": "@mono/shared",
        "packages/web": "@mono/web",
    }
    for workspace in (API, WEB):
        assert edges_from(graph, workspace)["@mono/shared"] == (SHARED, "*", DepKind.PROD)
    assert edges_from(graph, ROOT) == {
        "prettier": ("prettier@3.10.1", "^3.3.0", DepKind.DEV),
        "vitest": ("vitest@2.1.9", "^2.1.0", DepKind.DEV),
    }
    assert edges_from(graph, WEB)["vite"] == ("vite@5.4.21", "^5.4.0", DepKind.DEV)
    assert len(direct_keys(graph)) == 11


def test_mono_npm_why_paths_go_through_the_workspaces() -> None:
    graph = _load(corpus("mono-npm"))
    assert why(graph, "zod@3.25.76") == [[SHARED, "zod@3.25.76"]]
    assert why(graph, "avvio@8.4.0") == [[API, "fastify@4.29.1", "avvio@8.4.0"]]
    assert why(graph, "scheduler@0.23.2") == [[WEB, "react-dom@18.3.1", "scheduler@0.23.2"]]
    # zod is also reachable from web, through the @mono/shared link.
    assert any(e.target == SHARED for e in graph.dependencies(WEB))


def test_mono_npm_package_facts() -> None:
    graph = _load(corpus("mono-npm"))
    scripts = {p.key for p in graph if p.has_install_script}
    assert scripts == {
        "@prisma/client@5.22.0",
        "@prisma/engines@5.22.0",
        "@swc/core@1.16.22",
        "better-sqlite3@11.10.0",
        "esbuild@0.21.5",
        "prisma@5.22.0",
    }
    assert all(p.has_install_script is False for p in graph if p.key not in scripts)
    zod = graph.packages["zod@3.25.76"]
    assert zod.integrity == (
        "sha512-gzUt/qt81nXsFGKIFcC3YnfEAx5NkunCfnDlvuBSSFS02bcXu4Lmea0AFIUwbLWxWPx3d9p8S5QoaujKcNQxcQ=="
    )
    assert zod.source is Source.REGISTRY and zod.license == "MIT"
    assert zod.resolved == "https://registry.npmjs.org/zod/-/zod-3.25.76.tgz"
    assert (zod.dev, zod.optional, zod.peer) == (False, False, False)
    fsevents = graph.packages["fsevents@2.3.3"]
    assert fsevents.optional and fsevents.os == ("darwin",)
    assert graph.packages["vitest@2.1.9"].dev
    assert graph.packages["@esbuild/linux-x64@0.21.5"].cpu == ("x64",)
    # prisma is devOptional in npm's terms: neither only-dev nor only-optional.
    prisma = graph.packages["prisma@5.22.0"]
    assert (prisma.dev, prisma.optional) == (False, False)


@pytest.mark.parametrize("project", ["mono-npm", "large-npm", "single-npm-v1"])
def test_every_package_line_points_at_its_entry(project: str) -> None:
    path = corpus(project) / "package-lock.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    graph = _load(corpus(project))
    for package in graph:
        assert package.line is not None, package.key
        text = lines[package.line - 1].strip()
        names = (package.name, *package.aliases)
        assert any(text.endswith(f'/{name}": {{') or text == f'"{name}": {{' for name in names), (
            package.key,
            text,
        )


def test_large_npm_aliases_peers_scripts_and_duplicates() -> None:
    path = corpus("large-npm") / "package-lock.json"
    graph = _load(corpus("large-npm"))
    aliased = {p.key: p.aliases for p in graph if p.aliases}
    assert aliased == {
        "string-width@4.2.3": ("string-width-cjs",),
        "strip-ansi@6.0.1": ("strip-ansi-cjs",),
        "wrap-ansi@7.0.0": ("wrap-ansi-cjs",),
    }
    assert [p.key for p in graph.find("string-width-cjs")] == ["string-width@4.2.3"]
    assert {p.key for p in graph if p.peer} == {"react@19.3.1", "typescript@4.9.5"}
    assert {p.key for p in graph if p.has_install_script} == {
        "@sentry/cli@2.58.6",
        "core-js-pure@3.51.0",
        "core-js@3.51.0",
        "cypress@13.17.0",
        "electron@31.7.7",
        "sqlite3@5.1.7",
    }
    names = Counter(key.rsplit("@", 1)[0] for key in npm_keys_counted(path))
    assert set(duplicates(graph)) == {n for n, c in names.items() if c > 1}
    assert {e.name for e in graph.dependencies(ROOT)} == {
        "@nestjs/cli",
        "@sentry/cli",
        "cypress",
        "electron",
        "nodemon",
        "react-scripts",
        "sqlite3",
    }


@pytest.mark.parametrize(
    ("project", "expected_differences"),
    [
        ("mono-npm", set()),
        ("single-npm-v1", set()),
        # encoding is reached only through node-fetch's optional peer (npm: optional; a peer
        # edge avoids the optional edge); yaml@2.9.1 is extraneous, reached by a peer only.
        ("large-npm", {"encoding@0.1.14", "iconv-lite@0.7.3", "yaml@2.9.1"}),
    ],
)
def test_edges_reproduce_npms_dev_and_optional_flags(
    project: str, expected_differences: set[str]
) -> None:
    """Deriving the flags from our edges gives npm's own flags: the edges are right."""
    graph = _load(corpus(project))
    recorded = {k: (p.dev, p.optional, p.peer) for k, p in graph.packages.items()}
    derive_flags(graph)
    derived = {k: (p.dev, p.optional, p.peer) for k, p in graph.packages.items()}
    assert {k for k in recorded if recorded[k] != derived[k]} == expected_differences


def test_single_npm_v1_facts() -> None:
    graph = _load(corpus("single-npm-v1"))
    assert edges_from(graph, ROOT) == {
        "fastify": ("fastify@4.29.1", "^4.28.0", DepKind.PROD),
        "left-pad": ("left-pad@1.3.0", "1.3.0", DepKind.PROD),
        "node-sass": ("node-sass@9.0.0", "^9.0.0", DepKind.PROD),
        "prettier": ("prettier@3.10.1", "^3.3.0", DepKind.DEV),
        "react": ("react@18.3.1", "^18.3.1", DepKind.PROD),
        "vitest": ("vitest@2.1.9", "^2.1.0", DepKind.DEV),
    }
    assert all(p.has_install_script is None for p in graph)  # v1 does not record it
    assert graph.packages["vitest@2.1.9"].dev
    fsevents = graph.packages["fsevents@2.3.3"]
    assert fsevents.dev and fsevents.optional


def test_v1_without_package_json_takes_unrequired_top_level_entries_as_root(
    tmp_path: Path,
) -> None:
    shutil.copy(corpus("single-npm-v1") / "package-lock.json", tmp_path)
    graph = load_graph(tmp_path)
    assert {e.name: e.kind for e in graph.dependencies(ROOT)} == {
        "fastify": DepKind.PROD,
        "left-pad": DepKind.PROD,
        "node-sass": DepKind.PROD,
        "prettier": DepKind.DEV,
        "react": DepKind.PROD,
        "vitest": DepKind.DEV,
    }


# -- hand-written edge cases: v3 / v2 ------------------------------------------------------


def test_v3_sources_aliases_and_flags() -> None:
    graph = _load(DATA / "npm" / "edge-v3")
    assert graph.packages["gitdep@3.0.0"].source is Source.GIT
    assert graph.packages["gitdep@3.0.0"].integrity is None
    assert graph.packages["gitdep@3.0.0"].has_install_script is True
    assert graph.packages["tarball-dep@1.0.0"].source is Source.TARBALL
    assert graph.packages["localtgz@1.0.0"].source is Source.FILE
    assert graph.packages["a@1.0.0"].source is Source.REGISTRY
    b = graph.packages["b@2.1.0"]
    assert b.aliases == ("b-alias",) and b.license == "ISC"
    assert edges_from(graph, ROOT)["b-alias"] == ("b@2.1.0", "npm:b@^2.0.0", DepKind.PROD)
    assert graph.find("b-alias") == [b]
    assert graph.packages["c@1.0.0"].license == "BSD-3-Clause"  # {"type": ...} form
    inner = graph.packages["inner@1.0.0"]
    assert inner.bundled and inner.dev
    assert graph.packages["d@1.0.0"].dev and not graph.packages["d@1.0.0"].bundled
    opt = graph.packages["opt-present@1.0.0"]
    assert (opt.optional, opt.os, opt.cpu, opt.has_install_script, opt.license) == (
        True,
        ("darwin",),
        ("arm64",),
        True,
        "MIT",
    )
    assert len(graph) == 13


def test_v3_nested_resolution_follows_node() -> None:
    graph = _load(DATA / "npm" / "edge-v3")
    assert edges_from(graph, "a@1.0.0") == {
        "c": ("c@2.0.0", "^2.0.0", DepKind.PROD),
        "nested": ("nested@1.0.0", "^1.0.0", DepKind.PROD),
    }
    # nested is node_modules/a/node_modules/nested: its c is found in a's node_modules.
    assert edges_from(graph, "nested@1.0.0") == {"c": ("c@2.0.0", "^2.0.0", DepKind.PROD)}
    # The workspace finds a in packages/w/node_modules first, c at the root.
    w = importer_node("packages/w")
    assert edges_from(graph, w) == {
        "a": ("a@2.0.0", "^2.0.0", DepKind.PROD),
        "c": ("c@1.0.0", "^1.0.0", DepKind.PROD),
    }
    assert why(graph, "a@2.0.0") == [[w, "a@2.0.0"]]


def test_v3_links_become_importers() -> None:
    graph = _load(DATA / "npm" / "edge-v3")
    assert set(graph.importers) == {".", "packages/w", "libs/linked"}
    assert graph.importers["libs/linked"].name == "linked"
    linked = importer_node("libs/linked")
    assert edges_from(graph, ROOT)["linked"] == (linked, "file:libs/linked", DepKind.PROD)
    # A linked folder that is not a workspace: npm installs none of its devDependencies.
    assert edges_from(graph, linked) == {
        "@mono/w": (importer_node("packages/w"), "*", DepKind.PROD),
        "c": ("c@1.0.0", "^1.0.0", DepKind.PROD),
    }


def test_v3_missing_optional_and_peer_dependencies_are_skipped() -> None:
    graph = _load(DATA / "npm" / "edge-v3")
    names = {e.name for e in graph.edges}
    assert not names & {"opt-missing", "gone", "peer-missing"}
    assert edges_from(graph, ROOT)["opt-present"] == (
        "opt-present@1.0.0",
        "^1.0.0",
        DepKind.OPTIONAL,
    )
    assert edges_from(graph, ROOT)["d"][2] is DepKind.DEV
    assert edges_from(graph, "peerhost@1.0.0") == {"c": ("c@1.0.0", "*", DepKind.PEER)}


def test_v3_package_lines() -> None:
    path = DATA / "npm" / "edge-v3" / "package-lock.json"
    lines = path.read_text(encoding="utf-8").splitlines()
    graph = _load(path.parent)
    assert graph.packages["inner@1.0.0"].line is not None
    for package in graph:
        assert lines[package.line - 1].strip().startswith('"node_modules/') or lines[
            package.line - 1
        ].strip().startswith('"packages/w/node_modules/'), package.key
    assert graph.packages["b@2.1.0"].line == 1 + next(
        i for i, line in enumerate(lines) if '"node_modules/b-alias": {' in line
    )


def test_v2_reads_the_packages_map_and_ignores_the_legacy_tree(tmp_path: Path) -> None:
    source = DATA / "npm" / "edge-v3"
    data = json.loads((source / "package-lock.json").read_text(encoding="utf-8"))
    data["lockfileVersion"] = 2
    data["dependencies"] = {"legacy-only": {"version": "9.9.9"}}
    (tmp_path / "package-lock.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    shutil.copy(source / "package.json", tmp_path)
    graph = load_graph(tmp_path)
    assert graph.lockfile.version == "2"
    assert set(graph.packages) == set(_load(source).packages)
    assert not graph.find("legacy-only")


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    text = (DATA / "npm" / "edge-v3" / "package-lock.json").read_text(encoding="utf-8")
    path = tmp_path / "package-lock.json"
    graph = npm.parse(path, "\ufeff" + text)
    assert len(graph) == 13
    assert graph.packages["a@1.0.0"].line == npm.parse(path, text).packages["a@1.0.0"].line == 45


def test_shrinkwrap_is_read_like_a_package_lock(tmp_path: Path) -> None:
    shutil.copy(DATA / "npm" / "edge-v3" / "package-lock.json", tmp_path / "npm-shrinkwrap.json")
    graph = load_graph(tmp_path)
    assert graph.lockfile.path.name == "npm-shrinkwrap.json" and len(graph) == 13


# -- hand-written edge cases: v1 ----------------------------------------------------------


def test_v1_nested_requires_resolve_up_the_tree() -> None:
    graph = _load(DATA / "npm" / "edge-v1")
    assert edges_from(graph, "a@1.0.0") == {
        "c": ("c@2.0.0", "^2.0.0", DepKind.PROD),
        "o": ("o@1.0.0", "^1.0.0", DepKind.OPTIONAL),
    }
    assert edges_from(graph, "c@2.0.0") == {"e": ("e@1.0.0", "^1.0.0", DepKind.PROD)}
    assert edges_from(graph, "d@1.0.0")["c"][0] == "c@1.0.0"


def test_v1_sources_aliases_and_flags() -> None:
    graph = _load(DATA / "npm" / "edge-v1")
    git = graph.packages["gitdep@github:owner/gitdep#abc123def456"]
    assert git.source is Source.GIT and git.resolved == "github:owner/gitdep#abc123def456"
    assert graph.packages["localdir@file:../localdir"].source is Source.LINK
    b = graph.packages["b@2.1.0"]
    assert b.aliases == ("b-alias",) and b.integrity == "sha512-BBBBbbbb2222=="
    inner = graph.packages["inner@1.0.0"]
    assert inner.bundled and inner.dev
    assert graph.packages["c@1.0.0"].dev and not graph.packages["c@2.0.0"].dev
    assert graph.packages["o@1.0.0"].optional
    assert edges_from(graph, ROOT) == {
        "a": ("a@1.0.0", "^1.0.0", DepKind.PROD),
        "b-alias": ("b@2.1.0", "npm:b@^2.0.0", DepKind.PROD),
        "gitdep": (
            "gitdep@github:owner/gitdep#abc123def456",
            "github:owner/gitdep#abc123",
            DepKind.PROD,
        ),
        "localdir": ("localdir@file:../localdir", "file:../localdir", DepKind.PROD),
        "d": ("d@1.0.0", "^1.0.0", DepKind.DEV),
        "o": ("o@1.0.0", "^1.0.0", DepKind.OPTIONAL),
    }
    assert graph.packages["e@1.0.0"].line == 54
    assert why(graph, "e@1.0.0") == [[ROOT, "a@1.0.0", "c@2.0.0", "e@1.0.0"]]


def test_v1_without_package_json_roots_are_the_unrequired_entries(tmp_path: Path) -> None:
    shutil.copy(DATA / "npm" / "edge-v1" / "package-lock.json", tmp_path)
    graph = load_graph(tmp_path)
    assert {e.name: e.kind for e in graph.dependencies(ROOT)} == {
        "a": DepKind.PROD,
        "b-alias": DepKind.PROD,
        "gitdep": DepKind.PROD,
        "localdir": DepKind.PROD,
        "d": DepKind.DEV,
    }


def test_v1_out_of_sync_names_the_missing_dependency(tmp_path: Path) -> None:
    shutil.copy(DATA / "npm" / "edge-v1" / "package-lock.json", tmp_path)
    manifest = json.loads((DATA / "npm" / "edge-v1" / "package.json").read_text())
    manifest["dependencies"]["zzz-new"] = "^1.0.0"
    (tmp_path / "package.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'package-lock.json'}: lockfile out of sync with package.json: "
        "in package.json but not the lockfile: zzz-new"
    )


# -- malformed input ----------------------------------------------------------------------

_V3_HEAD = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "": {},\n'


@pytest.mark.parametrize(
    ("text", "fault", "line"),
    [
        (
            _V3_HEAD + '    "node_modules/a": {}\n    "node_modules/b": {}\n  }\n}\n',
            "malformed JSON: Expecting ',' delimiter",
            6,
        ),
        (
            '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {"version": "1',
            "truncated: the JSON ends before it is complete",
            4,
        ),
        ('{\n  "lockfileVersion": 3,\n  "packages": {\n', "truncated", 4),
        ("", "empty file", None),
        ("[1, 2]\n", "not a JSON object", None),
        (
            '{\n  "name": "x",\n  "lockfileVersion": 4,\n  "packages": {}\n}\n',
            "unknown lockfileVersion 4 (reviewer reads 1, 2 and 3)",
            3,
        ),
        ('{\n  "lockfileVersion": "3",\n  "packages": {}\n}\n', 'unknown lockfileVersion "3"', 2),
        ('{\n  "name": "x",\n  "packages": {}\n}\n', "no lockfileVersion", None),
        ('{\n  "lockfileVersion": 3\n}\n', '"packages" is missing or not an object', None),
        (
            _V3_HEAD + '    "node_modules/a": [1]\n  }\n}\n',
            'packages entry "node_modules/a" is not an object',
            5,
        ),
        (
            _V3_HEAD + '    "node_modules/a": {\n      "resolved": "x"\n    }\n  }\n}\n',
            'packages entry "node_modules/a" has no version',
            5,
        ),
        (
            _V3_HEAD + '    "node_modules/a": {\n      "link": true\n    }\n  }\n}\n',
            'link "node_modules/a" has no resolved target',
            5,
        ),
        (
            '{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": "1.0.0"\n  }\n}\n',
            'dependencies entry "a" is not an object',
            4,
        ),
        (
            '{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": {\n'
            '      "version": "1.0.0",\n      "requires": {\n        "b": "^1.0.0"\n'
            '      }\n    },\n    "b": "1.0.0"\n  }\n}\n',
            'dependencies entry "b" is not an object',
            10,
        ),
        (
            '{\n  "lockfileVersion": 1,\n  "dependencies": {\n    "a": {}\n  }\n}\n',
            'dependencies entry "a" has no version',
            4,
        ),
        (
            '{\n  "lockfileVersion": 1,\n  "dependencies": []\n}\n',
            '"dependencies" is not an object',
            None,
        ),
    ],
)
def test_malformed_lockfile_gives_one_line_naming_file_fault_and_line(
    tmp_path: Path, text: str, fault: str, line: int | None
) -> None:
    error = lockfile_error(npm.parse, tmp_path / "package-lock.json", text)
    assert fault in error.fault
    assert error.line == line
    where = (
        f"{tmp_path / 'package-lock.json'}:{line}: "
        if line
        else f"{tmp_path / 'package-lock.json'}: "
    )
    assert str(error).startswith(where)


def test_truncated_corpus_lockfile(tmp_path: Path) -> None:
    text = (corpus("mono-npm") / "package-lock.json").read_text(encoding="utf-8")
    cut = text[: len(text) // 2]
    error = lockfile_error(npm.parse, tmp_path / "package-lock.json", cut)
    assert error.fault.startswith("truncated")
    assert error.line == cut.count("\n") + 1


def test_v3_root_out_of_sync_with_package_json(tmp_path: Path) -> None:
    shutil.copy(corpus("mono-npm") / "package-lock.json", tmp_path)
    (tmp_path / "package.json").write_text(
        json.dumps({"name": "m", "devDependencies": {"vitest": "^2", "left-pad": "1.3.0"}}),
        encoding="utf-8",
    )
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path)
    assert caught.value.fault == (
        "lockfile out of sync with package.json: in package.json but not the lockfile: "
        "left-pad; in the lockfile but not package.json: prettier"
    )


def test_malformed_package_json_is_named(tmp_path: Path) -> None:
    shutil.copy(corpus("mono-npm") / "package-lock.json", tmp_path)
    (tmp_path / "package.json").write_text('{\n  "name": "x",\n  "dependencies": {\n', "utf-8")
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path)
    assert caught.value.path == tmp_path / "package.json"
    assert caught.value.fault.startswith("truncated") or "malformed JSON" in caught.value.fault


def test_cli_reports_a_bad_lockfile_in_one_line_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "package-lock.json").write_text('{\n  "lockfileVersion": 9\n}\n', "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "reviewer", "list", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"reviewer: error: {tmp_path / 'package-lock.json'}:2: unknown lockfileVersion 9 "
        "(reviewer reads 1, 2 and 3)"
    ]
    assert result.stdout == ""


# -- performance (pytest-benchmark; one plain run when benchmarks are disabled) ------------


def test_parse_large_npm_benchmark(benchmark) -> None:  # type: ignore[no-untyped-def]
    path = corpus("large-npm") / "package-lock.json"
    text = path.read_text(encoding="utf-8")
    graph = benchmark(npm.parse, path, text)
    assert len(graph) == 1501


@pytest.mark.parametrize(
    "lockfile",
    [
        DATA / "npm" / "edge-v3" / "package-lock.json",
        DATA / "npm" / "edge-v1" / "package-lock.json",
    ],
    ids=["v3", "v1"],
)
def test_damaged_lockfiles_load_or_raise_lockfile_error_only(
    tmp_path: Path, lockfile: Path
) -> None:
    """Odd values and keys, cuts and deletions: a graph or a LockfileError, nothing else."""
    text = lockfile.read_text(encoding="utf-8")
    path = tmp_path / "package-lock.json"
    documents = mutated_documents(json.loads(text), seed=7, count=300)
    outcomes = load_outcomes(npm.parse, path, documents + damaged_texts(text, seed=7, count=100))
    assert outcomes["loaded"] > 0 and outcomes["refused"] > 0


def test_member_lines_find_only_the_top_level_container() -> None:
    text = (
        '{\n  "name": "packages",\n  "w": {"packages": {\n    "q": 1}},\n  "packages": {\n'
        '    "a": {},\n    "b\\"c": {\n      "d": 1\n    }\n  },\n  "e": {\n    "f": 1\n  }\n}'
    )
    assert member_lines(text, "packages") == {"a": 6, 'b"c': 7}
    assert member_lines('{\n  "packages": {},\n  "x": {\n    "a": 1\n  }\n}', "packages") == {}
    assert member_lines('{"packages": {"a": {}}}', "packages") == {}  # minified: unknown
