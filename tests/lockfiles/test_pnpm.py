"""pnpm-lock.yaml 6.x and 9.0: the corpus, hand-written edge cases and malformed input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from _npm_helpers import corpus, lockfile_error

from reviewer.errors import LockfileError
from reviewer.graph import DepKind, Graph, Source, importer_node
from reviewer.graph.queries import why
from reviewer.lockfiles import load_graph, pnpm

DATA = Path(__file__).parent / "data" / "pnpm"
ROOT = importer_node(".")
API, SHARED, WEB = (importer_node(f"packages/{n}") for n in ("api", "shared", "web"))
LIB = importer_node("packages/lib")

_TOP_KEY = re.compile(r"^  (?:'([^']+)'|([^\s'][^:]*?|[^\s']\S*)):", re.MULTILINE)


def pnpm_keys_counted(lockfile: Path) -> set[str]:
    """Distinct name@version of a pnpm lockfile's `packages` section, by a line regex.

    Independent of the parser: the keys at two spaces' indent between `packages:` and the
    next top-level key, without v6's leading `/` and without peer suffixes.
    """
    text = lockfile.read_text(encoding="utf-8")
    start = text.index("\npackages:\n")
    end = text.find("\nsnapshots:\n", start)
    section = text[start : end if end > 0 else len(text)]
    keys = set()
    for quoted, plain in _TOP_KEY.findall(section):
        key = (quoted or plain).removeprefix("/")
        keys.add(key.split("(", 1)[0])
    return keys


def _edges(graph: Graph, source: str) -> dict[str, tuple[str, str, DepKind]]:
    return {e.name: (e.target, e.spec, e.kind) for e in graph.dependencies(source)}


def _load(path: Path) -> Graph:
    return pnpm.parse(path, path.read_text(encoding="utf-8"))


# -- the corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("project", "count", "version"),
    [("mono-pnpm", 206, "9.0"), ("large-pnpm", 1509, "9.0"), ("single-pnpm6", 341, "6.0")],
)
def test_corpus_lockfile_loads_every_distinct_package(
    project: str, count: int, version: str
) -> None:
    graph = load_graph(corpus(project))
    assert set(graph.packages) == pnpm_keys_counted(corpus(project) / "pnpm-lock.yaml")
    assert len(graph) == count
    assert graph.lockfile.format == "pnpm" and graph.lockfile.version == version
    assert not [key for key in graph.packages if "(" in key]


def test_corpus_package_lines_point_at_their_keys() -> None:
    path = corpus("mono-pnpm") / "pnpm-lock.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    graph = _load(path)
    for package in graph:
        assert package.line is not None
        assert lines[package.line - 1].strip(" ':").startswith(package.key), package.key


def test_mono_pnpm_workspaces_are_linked_importers() -> None:
    graph = load_graph(corpus("mono-pnpm"))
    assert {p: i.name for p, i in graph.importers.items()} == {
        ".": "mono-sample",
        "packages/api": "@mono/api",
        "packages/shared": "@mono/shared",
        "packages/web": "@mono/web",
    }
    for workspace in (API, WEB):
        assert _edges(graph, workspace)["@mono/shared"] == (SHARED, "workspace:*", DepKind.PROD)
    assert _edges(graph, ROOT) == {
        "prettier": ("prettier@3.10.1", "^3.3.0", DepKind.DEV),
        "vitest": ("vitest@2.1.9", "^2.1.0", DepKind.DEV),
    }
    assert _edges(graph, API)["@prisma/client"] == (
        "@prisma/client@5.22.0",
        "^5.18.0",
        DepKind.PROD,
    )
    assert _edges(graph, API)["prisma"] == ("prisma@5.22.0", "^5.18.0", DepKind.DEV)


def test_mono_pnpm_why_paths_go_through_the_workspaces() -> None:
    graph = load_graph(corpus("mono-pnpm"))
    assert why(graph, "zod@3.25.76") == [[SHARED, "zod@3.25.76"]]
    assert why(graph, "bindings@1.5.0") == [[API, "better-sqlite3@11.10.0", "bindings@1.5.0"]]
    assert why(graph, "loose-envify@1.4.0") == [
        [WEB, "react-dom@18.3.1", "loose-envify@1.4.0"],
        [WEB, "react@18.3.1", "loose-envify@1.4.0"],
    ]


def test_mono_pnpm_known_packages() -> None:
    graph = load_graph(corpus("mono-pnpm"))
    react_dom = graph.packages["react-dom@18.3.1"]
    assert react_dom.integrity == (
        "sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw=="
    )
    assert react_dom.source is Source.REGISTRY and react_dom.resolved is None
    assert react_dom.has_install_script is None  # 9.0 does not record requiresBuild
    assert _edges(graph, "react-dom@18.3.1") == {
        "loose-envify": ("loose-envify@1.4.0", "1.4.0", DepKind.PROD),
        "react": ("react@18.3.1", "^18.3.1", DepKind.PEER),
        "scheduler": ("scheduler@0.23.2", "0.23.2", DepKind.PROD),
    }
    # `@prisma/client@5.22.0(prisma@5.22.0)` collapses into the one package
    client = graph.packages["@prisma/client@5.22.0"]
    assert client.line == 220
    assert _edges(graph, client.key)["prisma"] == ("prisma@5.22.0", "*", DepKind.PEER)
    esbuild = graph.packages["@esbuild/linux-x64@0.21.5"]
    assert (esbuild.os, esbuild.cpu, esbuild.optional, esbuild.dev) == (
        ("linux",),
        ("x64",),
        True,
        True,
    )
    assert graph.packages["vitest@2.1.9"].dev is True
    assert graph.packages["zod@3.25.76"].dev is False
    assert graph.packages["fastify@4.29.1"].kind is DepKind.PROD


def test_single_pnpm6_records_dev_optional_and_requires_build() -> None:
    path = corpus("single-pnpm6") / "pnpm-lock.yaml"
    text = path.read_text(encoding="utf-8")
    graph = load_graph(corpus("single-pnpm6"))
    assert sum(p.dev for p in graph) == text.count("\n    dev: true\n") == 89
    assert sum(bool(p.has_install_script) for p in graph) == text.count("requiresBuild: true") == 55
    node_sass = graph.packages["node-sass@9.0.0"]
    assert (node_sass.has_install_script, node_sass.dev, node_sass.line) == (True, False, 1672)
    assert graph.packages["left-pad@1.3.0"].has_install_script is False
    assert graph.packages["vitest@2.1.9"].dev is True
    aix = graph.packages["@esbuild/aix-ppc64@0.21.5"]
    assert (aix.dev, aix.optional, aix.os, aix.cpu) == (True, True, ("aix",), ("ppc64",))
    assert _edges(graph, ROOT)["left-pad"] == ("left-pad@1.3.0", "1.3.0", DepKind.PROD)
    assert "ajv-formats@2.1.1" in graph.packages


# -- hand-written edge cases ----------------------------------------------------------------


def test_v9_edge_cases_sources_aliases_links_and_flags() -> None:
    graph = load_graph(DATA / "v9-edge")
    packages = graph.packages
    assert {p: i.name for p, i in graph.importers.items()} == {
        ".": "edge-root",
        "packages/lib": "@mono/lib",
    }
    root = _edges(graph, ROOT)
    assert root["@mono/lib"] == (LIB, "workspace:*", DepKind.PROD)
    # alias: installed as `pad`, locked as the real left-pad
    assert root["pad"] == ("left-pad@1.3.0", "npm:left-pad@^1.3.0", DepKind.PROD)
    assert packages["left-pad@1.3.0"].aliases == ("pad",)
    assert packages["util@2.0.0"].aliases == ("dev-helper",)
    git = packages["git-dep@2.0.0"]
    assert (git.source, git.resolved) == (
        Source.GIT,
        "https://gitlab.com/user/git-dep.git#0123456789abcdef0123456789abcdef01234567",
    )
    remote = packages["remote-tar@1.0.0"]
    assert (remote.source, remote.resolved, remote.integrity) == (
        Source.TARBALL,
        "https://example.com/remote-tar-1.0.0.tgz",
        None,
    )
    registry_tarball = packages["reg-tar@1.2.0"]
    assert registry_tarball.source is Source.REGISTRY
    assert registry_tarball.integrity is not None and registry_tarball.integrity.startswith(
        "sha512-cmVn"
    )
    local = packages["local-dir@0.1.0"]
    assert (local.source, local.resolved) == (Source.FILE, "vendor/local-dir")
    outside = packages["outside@link:../outside"]
    assert (outside.source, outside.resolved) == (Source.LINK, "../outside")
    assert packages["native@1.0.0"].has_install_script is True
    assert packages["host@1.0.0"].has_install_script is None
    native_linux = packages["@opt/native-linux@1.0.0"]
    assert (native_linux.optional, native_linux.os, native_linux.cpu) == (
        True,
        ("linux",),
        ("x64", "arm64"),
    )
    assert packages["devtool@1.0.0"].dev is True
    assert packages["util@1.0.0"].dev is False  # also reached through plugin (prod)


def test_v9_peer_variants_collapse_and_union_their_edges() -> None:
    graph = load_graph(DATA / "v9-edge")
    assert [p.key for p in graph.find("plugin")] == ["plugin@1.0.0"]
    plugin_edges = {(e.target, e.kind) for e in graph.dependencies("plugin@1.0.0")}
    assert plugin_edges == {
        ("host@1.0.0", DepKind.PEER),
        ("host@2.0.0", DepKind.PEER),
        ("util@1.0.0", DepKind.PROD),
        ("util@2.0.0", DepKind.PROD),
    }
    assert _edges(graph, LIB)["plugin"] == ("plugin@1.0.0", "^1.0.0", DepKind.PROD)
    # one node for both variants: its edges are the union, so the path from the root through
    # plugin exists even though the root's plugin variant uses util@1.0.0
    assert why(graph, "util@2.0.0") == [
        [ROOT, "devtool@1.0.0", "util@2.0.0"],
        [ROOT, "plugin@1.0.0", "util@2.0.0"],
        [LIB, "plugin@1.0.0", "util@2.0.0"],
    ]


def test_v6_edge_cases() -> None:
    graph = _load(DATA / "v6-edge" / "pnpm-lock.yaml")
    packages = graph.packages
    assert set(packages) == {
        "devtool@1.0.0",
        "gitpkg@3.1.0",
        "host@1.0.0",
        "host@2.0.0",
        "left-pad@1.3.0",
        "native@1.0.0",
        "plugin@1.0.0",
    }
    assert graph.importers["."].name is None  # no package.json next to it
    gitpkg = packages["gitpkg@3.1.0"]
    assert (gitpkg.source, gitpkg.resolved, gitpkg.line) == (
        Source.GIT,
        "https://gitlab.com/user/gitpkg.git#0123456789abcdef0123456789abcdef01234567",
        72,
    )
    assert _edges(graph, ROOT)["pad"] == ("left-pad@1.3.0", "npm:left-pad@^1.3.0", DepKind.PROD)
    assert packages["left-pad@1.3.0"].aliases == ("pad",)
    # one variant is dev, the other is not: the package is not dev
    assert packages["plugin@1.0.0"].dev is False
    assert packages["plugin@1.0.0"].line == 54
    assert packages["devtool@1.0.0"].dev is True
    native = packages["native@1.0.0"]
    assert (native.optional, native.has_install_script, native.os, native.cpu) == (
        True,
        True,
        ("darwin",),
        ("x64",),
    )
    assert _edges(graph, "plugin@1.0.0")["native"] == ("native@1.0.0", "1.0.0", DepKind.OPTIONAL)


# -- malformed input ----------------------------------------------------------------------

V9_HEAD = "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      a:\n        specifier: ^1.0.0\n        version: 1.0.0\n"
V9_BODY = (
    "\npackages:\n\n  a@1.0.0:\n    resolution: {integrity: sha512-AAAA}\n\n"
    "snapshots:\n\n  a@1.0.0: {}\n"
)


def test_the_minimal_valid_lockfile_used_below_loads(tmp_path: Path) -> None:
    path = tmp_path / "pnpm-lock.yaml"
    path.write_text(V9_HEAD + V9_BODY, encoding="utf-8")
    assert set(_load(path).packages) == {"a@1.0.0"}


@pytest.mark.parametrize(
    ("text", "fault", "line"),
    [
        (
            "lockfileVersion: '9.0'\nimporters:\n  .: {dependencies: {a: {specifier: x\n",
            "malformed YAML",
            3,
        ),
        ("lockfileVersion: '9.0'\nimporters:\n\t.: {}\n", "malformed YAML", 3),
        ("lockfileVersion: '5.4'\n", "unknown lockfileVersion 5.4 (reviewer reads 6.x and 9.0)", 1),
        ("settings: {}\nlockfileVersion: '10.0'\n", "unknown lockfileVersion 10.0", 2),
        ("importers: {}\n", "no lockfileVersion", None),
        ("- a\n- b\n", "not a YAML mapping", None),
        ("", "empty file", None),
        ("lockfileVersion: '9.0'\npackages: [a, b]\n", "packages is not a mapping", 2),
        (
            "lockfileVersion: '9.0'\npackages:\n  a@1.0.0: just-a-string\n",
            "packages entry a@1.0.0 is not a mapping",
            3,
        ),
        (
            "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a: 1.0.0\n",
            "importer .: dependencies a is not a mapping",
            3,
        ),
        (V9_HEAD, "importer . depends on a 1.0.0, which has no entry in packages (truncated", 5),
        (
            V9_HEAD + V9_BODY.split("snapshots:")[0],
            "packages entry a@1.0.0 has no snapshot (truncated or edited file?)",
            13,
        ),
        (
            (V9_HEAD + V9_BODY)[: (V9_HEAD + V9_BODY).index("AAAA")],
            "malformed YAML",
            14,
        ),
        (
            "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    resolution: {integrity: x}\n"
            "    dependencies:\n      b: 2.0.0\n",
            "a@1.0.0 depends on b 2.0.0, which has no entry in packages",
            3,
        ),
        (
            "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    dev: false\n",
            "packages entry /a@1.0.0 has no resolution (truncated or edited file?)",
            3,
        ),
        (
            "lockfileVersion: '6.0'\npackages:\n  github.com/u/r/abc:\n    resolution: {tarball: x}\n",
            "packages entry github.com/u/r/abc has no name",
            3,
        ),
    ],
)
def test_malformed_pnpm_lockfiles_give_one_line_naming_file_fault_and_line(
    tmp_path: Path, text: str, fault: str, line: int | None
) -> None:
    error = lockfile_error(pnpm.parse, tmp_path / "pnpm-lock.yaml", text)
    assert fault in error.fault
    assert error.line == line
    expected_prefix = (
        f"{tmp_path / 'pnpm-lock.yaml'}:{line}: " if line else f"{tmp_path / 'pnpm-lock.yaml'}: "
    )
    assert str(error).startswith(expected_prefix)


def test_root_out_of_sync_with_package_json(tmp_path: Path) -> None:
    shutil.copy(corpus("single-pnpm6") / "pnpm-lock.yaml", tmp_path / "pnpm-lock.yaml")
    (tmp_path / "package.json").write_text(
        '{"dependencies": {"react": "^18.3.1", "fastify": "^4.28.0", "node-sass": "^9.0.0",'
        ' "left-pad": "1.3.0", "lodash": "^4"}, "devDependencies": {"vitest": "^2.1.0"}}',
        encoding="utf-8",
    )
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path)
    message = str(caught.value)
    assert message.startswith(
        f"{tmp_path / 'pnpm-lock.yaml'}: lockfile out of sync with package.json"
    )
    assert "in package.json but not the lockfile: lodash" in message
    assert "in the lockfile but not package.json: prettier" in message


def test_a_package_named_with_control_characters_is_printed_safely(tmp_path: Path) -> None:
    text = "lockfileVersion: '9.0'\npackages:\n  \"evil\\e[31m@1.0.0\": nope\n"
    error = lockfile_error(pnpm.parse, tmp_path / "pnpm-lock.yaml", text)
    assert "\x1b" not in str(error) and "\\x1b" in str(error)


def test_root_peer_dependencies_pnpm_did_not_install_are_not_out_of_sync(tmp_path: Path) -> None:
    shutil.copy(corpus("single-pnpm6") / "pnpm-lock.yaml", tmp_path / "pnpm-lock.yaml")
    manifest = (corpus("single-pnpm6") / "package.json").read_text(encoding="utf-8")
    (tmp_path / "package.json").write_text(
        manifest.replace(
            '"private": true,', '"private": true, "peerDependencies": {"react-native": "*"},'
        ),
        encoding="utf-8",
    )
    assert "react-native" in (tmp_path / "package.json").read_text(encoding="utf-8")
    assert len(load_graph(tmp_path)) == 341


def test_v6_workspace_importers(tmp_path: Path) -> None:
    text = (
        "lockfileVersion: '6.0'\n\nimporters:\n\n  .:\n    devDependencies:\n      a:\n"
        "        specifier: ^1.0.0\n        version: 1.0.0\n\n  packages/x:\n    dependencies:\n"
        "      root-link:\n        specifier: link:../..\n        version: link:../..\n"
        "      a:\n        specifier: ^1.0.0\n        version: 1.0.0\n\npackages:\n\n  /a@1.0.0:\n"
        "    resolution: {integrity: sha512-AAAA}\n    dev: false\n"
    )
    path = tmp_path / "pnpm-lock.yaml"
    path.write_text(text, encoding="utf-8")
    graph = _load(path)
    assert set(graph.importers) == {".", "packages/x"}
    assert _edges(graph, importer_node("packages/x")) == {
        "root-link": (ROOT, "link:../..", DepKind.PROD),
        "a": ("a@1.0.0", "^1.0.0", DepKind.PROD),
    }
    assert graph.packages["a@1.0.0"].dev is False


def test_large_pnpm_aliases_resolve_to_the_real_packages() -> None:
    graph = load_graph(corpus("large-pnpm"))
    assert {p.key: p.aliases for p in graph if p.aliases} == {
        "string-width@4.2.3": ("string-width-cjs",),
        "strip-ansi@6.0.1": ("strip-ansi-cjs",),
        "wrap-ansi@7.0.0": ("wrap-ansi-cjs",),
    }
    assert {e.spec for e in graph.dependents("wrap-ansi@7.0.0") if e.name == "wrap-ansi-cjs"} == {
        "npm:wrap-ansi@7.0.0"
    }
    assert all(p.integrity and p.source is Source.REGISTRY for p in graph)
