"""yarn.lock, classic v1 and berry (__metadata 6-10): corpus, edge cases, malformed input."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from _npm_helpers import corpus, lockfile_error

from reviewer.errors import LockfileError
from reviewer.graph import DepKind, Graph, Source, importer_node
from reviewer.graph.queries import why
from reviewer.lockfiles import load_graph, yarn

DATA = Path(__file__).parent / "data" / "yarn"
ROOT = importer_node(".")
API, SHARED, WEB = (importer_node(f"packages/{n}") for n in ("api", "shared", "web"))
LIB, APP = importer_node("packages/lib"), importer_node("packages/app")

_CLASSIC_ENTRY = re.compile(
    r'^"?((?:@[^@"/\n]+/)?[^@"\n]+)@([^",\n]*)"?.*:\n  version "([^"]+)"', re.MULTILINE
)
_BERRY_ENTRY = re.compile(
    r'^  version: (\S+)\n  resolution: "((?:@[^@/]+/)?[^@]+)@([^"]+)"', re.MULTILINE
)


def classic_keys_counted(lockfile: Path) -> set[str]:
    """Distinct name@version of a yarn classic lockfile by a regex over header + version.

    The name is the first descriptor's, or the real name of an `npm:` alias descriptor.
    """
    keys = set()
    for name, range_, version in _CLASSIC_ENTRY.findall(lockfile.read_text(encoding="utf-8")):
        if range_.startswith("npm:"):
            name = range_[4:].rsplit("@", 1)[0]
        keys.add(f"{name}@{version}")
    return keys


def berry_keys_counted(lockfile: Path) -> set[str]:
    """Distinct name@version of a berry lockfile's resolutions, workspaces left out."""
    return {
        f"{name}@{version}"
        for version, name, reference in _BERRY_ENTRY.findall(lockfile.read_text(encoding="utf-8"))
        if not reference.startswith("workspace:")
    }


def _edges(graph: Graph, source: str) -> dict[str, tuple[str, str, DepKind]]:
    return {e.name: (e.target, e.spec, e.kind) for e in graph.dependencies(source)}


# -- the corpus ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("project", "count", "format_", "version", "counted"),
    [
        ("mono-yarn1", 206, "yarn-classic", "v1", classic_keys_counted),
        ("large-yarn1", 1512, "yarn-classic", "v1", classic_keys_counted),
        ("mono-yarnberry", 225, "yarn-berry", "10", berry_keys_counted),
        ("large-yarnberry", 1525, "yarn-berry", "10", berry_keys_counted),
    ],
)
def test_corpus_lockfile_loads_every_distinct_package(
    project: str, count: int, format_: str, version: str, counted: object
) -> None:
    graph = load_graph(corpus(project))
    assert callable(counted)
    assert set(graph.packages) == counted(corpus(project) / "yarn.lock")
    assert len(graph) == count
    assert (graph.lockfile.format, graph.lockfile.version) == (format_, version)


@pytest.mark.parametrize("project", ["mono-yarn1", "mono-yarnberry"])
def test_mono_workspaces_are_linked_importers_with_why_paths_through_them(project: str) -> None:
    graph = load_graph(corpus(project))
    assert list(graph.importers) == [".", "packages/api", "packages/shared", "packages/web"]
    assert {p: i.name for p, i in graph.importers.items()} == {
        ".": "mono-sample",
        "packages/api": "@mono/api",
        "packages/shared": "@mono/shared",
        "packages/web": "@mono/web",
    }
    spec = "*"  # yarn 1 and berry both: `"@mono/shared": "*"` (berry writes `npm:*`)
    for workspace in (API, WEB):
        assert _edges(graph, workspace)["@mono/shared"] == (SHARED, spec, DepKind.PROD)
    assert _edges(graph, ROOT) == {
        "prettier": ("prettier@3.10.1", "^3.3.0", DepKind.DEV),
        "vitest": ("vitest@2.1.9", "^2.1.0", DepKind.DEV),
    }
    assert _edges(graph, API)["prisma"] == ("prisma@5.22.0", "^5.18.0", DepKind.DEV)
    assert why(graph, "zod@3.25.76") == [[SHARED, "zod@3.25.76"]]
    assert why(graph, "bindings@1.5.0") == [[API, "better-sqlite3@11.10.0", "bindings@1.5.0"]]
    assert why(graph, "loose-envify@1.4.0") == [
        [WEB, "react-dom@18.3.1", "loose-envify@1.4.0"],
        [WEB, "react@18.3.1", "loose-envify@1.4.0"],
    ]
    assert graph.packages["vitest@2.1.9"].dev is True
    assert graph.packages["zod@3.25.76"].kind is DepKind.PROD
    esbuild = graph.packages["@esbuild/linux-x64@0.21.5"]
    assert (esbuild.dev, esbuild.optional) == (True, True)


def test_mono_yarn1_known_packages() -> None:
    path = corpus("mono-yarn1") / "yarn.lock"
    lines = path.read_text(encoding="utf-8").splitlines()
    graph = load_graph(corpus("mono-yarn1"))
    react_dom = graph.packages["react-dom@18.3.1"]
    assert react_dom.integrity == (
        "sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw=="
    )
    assert react_dom.resolved == "https://registry.yarnpkg.com/react-dom/-/react-dom-18.3.1.tgz"
    assert react_dom.source is Source.REGISTRY
    assert react_dom.line == 1036 and lines[1035] == "react-dom@^18.3.1:"
    assert _edges(graph, "react-dom@18.3.1")["scheduler"] == (
        "scheduler@0.23.2",
        "^0.23.2",
        DepKind.PROD,
    )
    # classic records no os/cpu and no install scripts
    assert graph.packages["@esbuild/linux-x64@0.21.5"].os == ()
    assert graph.packages["better-sqlite3@11.10.0"].has_install_script is None
    for package in graph:
        assert package.line is not None
        assert lines[package.line - 1].endswith(":")


def test_mono_yarnberry_known_packages() -> None:
    path = corpus("mono-yarnberry") / "yarn.lock"
    lines = path.read_text(encoding="utf-8").splitlines()
    graph = load_graph(corpus("mono-yarnberry"))
    react_dom = graph.packages["react-dom@18.3.1"]
    # berry's checksum hashes yarn's zip archive, it is not the tarball's integrity
    assert react_dom.integrity is None and react_dom.resolved is None
    assert react_dom.source is Source.REGISTRY
    assert lines[react_dom.line - 1] == '"react-dom@npm:^18.3.1":'
    esbuild = graph.packages["@esbuild/linux-x64@0.21.5"]
    assert (esbuild.os, esbuild.cpu) == (("linux",), ("x64",))
    fsevents = graph.packages["fsevents@2.3.3"]
    assert fsevents.source is Source.REGISTRY
    assert fsevents.resolved == (
        "patch:fsevents@npm%3A2.3.3#optional!builtin<compat/fsevents>::version=2.3.3&hash=df0bf1"
    )
    assert [p.key for p in graph.find("fsevents")] == ["fsevents@2.3.3"]
    # yarn injects `node-gyp: "npm:latest"` into packages that build with node-gyp; that
    # dependency and its own tree are the 19 packages the other package managers do not lock
    builders = {p.key for p in graph if p.has_install_script}
    assert builders == {"better-sqlite3@11.10.0", "fsevents@2.3.3"}
    assert graph.packages["react-dom@18.3.1"].has_install_script is None
    assert why(graph, "node-gyp@13.1.0") == [[API, "better-sqlite3@11.10.0", "node-gyp@13.1.0"]]
    only_berry = set(graph.packages) - set(load_graph(corpus("mono-yarn1")).packages)
    assert len(only_berry) == 19 and "node-gyp@13.1.0" in only_berry
    assert all(
        why(graph, key)[0][2] == "node-gyp@13.1.0" for key in only_berry - {"node-gyp@13.1.0"}
    )


@pytest.mark.parametrize("project", ["large-yarn1", "large-yarnberry"])
def test_large_yarn_aliases_resolve_to_the_real_packages(project: str) -> None:
    graph = load_graph(corpus(project))
    assert graph.packages["string-width@4.2.3"].aliases == ("string-width-cjs",)
    assert graph.packages["wrap-ansi@7.0.0"].aliases == ("wrap-ansi-cjs",)
    assert not graph.find("string-width-cjs", "4.2.3") == []
    assert [p.key for p in graph.find("string-width-cjs")] == ["string-width@4.2.3"]
    assert {
        e.spec for e in graph.dependents("string-width@4.2.3") if e.name == "string-width-cjs"
    } == {"npm:string-width@^4.2.0"}
    assert {p.name for p in graph.importers.values()} == {"large-sample"}
    assert set(_edges(graph, ROOT)) == {
        "react-scripts",
        "@nestjs/cli",
        "electron",
        "sqlite3",
        "@sentry/cli",
        "cypress",
        "nodemon",
    }


# -- hand-written edge cases ----------------------------------------------------------------


def test_classic_edge_cases() -> None:
    graph = load_graph(DATA / "classic-edge")
    packages = graph.packages
    assert set(graph.importers) == {".", "packages/app", "packages/lib"}
    assert _edges(graph, APP)["@edge/lib"] == (LIB, "*", DepKind.PROD)
    assert _edges(graph, APP)["c"] == ("c@3.0.0", "^3.0.0", DepKind.DEV)
    root = _edges(graph, ROOT)
    assert root["pad"] == ("left-pad@1.3.0", "npm:left-pad@^1.3.0", DepKind.PROD)
    assert root["left-pad"] == ("left-pad@1.3.0", "1.3.0", DepKind.DEV)
    assert root["spaced"] == ("spaced@1.5.0", ">= 1.0.0 < 2", DepKind.PROD)
    assert "not-installed" not in root  # a peer dependency yarn classic does not install
    assert packages["left-pad@1.3.0"].aliases == ("pad",)
    assert packages["left-pad@1.3.0"].dev is False  # also required as `pad` (prod)
    scoped = packages["@scope/a@1.1.0"]
    # no integrity field: the sha1 in the resolved URL's fragment, as SRI
    assert scoped.integrity == "sha1-ASNFZ4mrze8BI0VniavN7wEjRWc="
    assert scoped.resolved == "https://registry.yarnpkg.com/@scope/a/-/a-1.1.0.tgz"
    assert packages["b@2.0.1"].integrity.startswith("sha512-")  # type: ignore[union-attr]
    assert _edges(graph, "b@2.0.1")["c"] == ("c@3.0.0", "^3.0.0", DepKind.OPTIONAL)
    assert packages["c@3.0.0"].optional is False  # app requires it directly (dev)
    git = packages["gitdep@0.5.0"]
    assert (git.source, git.integrity) == (Source.GIT, None)
    assert (
        git.resolved
        == "git+https://github.com/user/gitdep.git#fedcba9876543210fedcba9876543210fedcba98"
    )
    tar = packages["tar@1.0.0"]
    assert (tar.source, tar.resolved) == (Source.TARBALL, "https://example.com/tar-1.0.0.tgz")
    local = packages["local@0.1.0"]
    assert (local.source, local.resolved, local.integrity) == (Source.FILE, "./vendor/local", None)
    assert why(graph, "b@2.0.1") == [
        [ROOT, "@scope/a@1.1.0", "b@2.0.1"],
        [LIB, "@scope/a@1.1.0", "b@2.0.1"],
    ]


def test_classic_without_package_json_roots_the_unrequired_packages(tmp_path: Path) -> None:
    shutil.copy(DATA / "classic-edge" / "yarn.lock", tmp_path / "yarn.lock")
    graph = load_graph(tmp_path)
    assert set(graph.importers) == {"."}
    assert set(_edges(graph, ROOT)) == {"gitdep", "left-pad", "local", "spaced", "tar"}


def test_berry_edge_cases() -> None:
    graph = load_graph(DATA / "berry-edge")
    packages = graph.packages
    assert graph.lockfile.version == "8"
    assert {p: i.name for p, i in graph.importers.items()} == {
        ".": "edge-root",
        "packages/lib": "lib",
    }
    root = _edges(graph, ROOT)
    assert root["lib"] == (LIB, "workspace:*", DepKind.PROD)
    assert root["pad"] == ("left-pad@1.3.0", "npm:left-pad@^1.3.0", DepKind.PROD)
    assert root["left-pad"] == ("left-pad@1.3.0", "1.3.0", DepKind.DEV)
    assert root["fsevents"] == ("fsevents@2.3.3", "^2.3.2", DepKind.OPTIONAL)
    assert root["local"] == ("local@0.1.0", "file:./vendor/local", DepKind.PROD)
    assert _edges(graph, LIB)["left-pad"] == ("left-pad@1.3.0", "1.3.0", DepKind.DEV)
    assert packages["left-pad@1.3.0"].aliases == ("pad",)
    assert packages["@scope/a@1.1.0"].integrity is None  # 10c0/... checksum
    assert packages["b@2.0.1"].integrity == (
        "sha512-YmItMi4wLjEtYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ=="
    )
    git = packages["gitdep@0.5.0"]
    assert (git.source, git.resolved) == (
        Source.GIT,
        "https://github.com/user/gitdep.git#commit=fedcba9876543210fedcba9876543210fedcba98",
    )
    assert (packages["tar@1.0.0"].source, packages["tar@1.0.0"].resolved) == (
        Source.TARBALL,
        "https://example.com/tar-1.0.0.tgz",
    )
    local = packages["local@0.1.0"]
    assert (local.source, local.resolved) == (Source.FILE, "./vendor/local")
    mirror = packages["mirror@1.0.0"]
    assert (mirror.source, mirror.resolved) == (
        Source.REGISTRY,
        "https://mirror.example.com/mirror/-/mirror-1.0.0.tgz",
    )
    patched = packages["patched@2.0.0"]
    assert patched.source is Source.REGISTRY
    assert patched.resolved is not None and patched.resolved.startswith(
        "patch:patched@npm%3A2.0.0#./.yarn/patches/patched.patch"
    )
    assert root["patched"][0] == "patched@2.0.0"
    assert _edges(graph, "patched@2.0.0")["b"] == ("b@2.0.1", "~2.0.0", DepKind.PROD)
    assert packages["fsevents@2.3.3"].optional is True
    assert packages["fsevents@2.3.3"].os == ("darwin",)


@pytest.mark.parametrize("version", ["6", "7", "9", "10"])
def test_berry_metadata_versions_6_to_10_load(tmp_path: Path, version: str) -> None:
    text = (DATA / "berry-edge" / "yarn.lock").read_text(encoding="utf-8")
    path = tmp_path / "yarn.lock"
    path.write_text(text.replace("  version: 8\n", f"  version: {version}\n", 1), encoding="utf-8")
    graph = yarn.parse(path, path.read_text(encoding="utf-8"))
    assert graph.lockfile.version == version and len(graph) == 9


# -- malformed input ----------------------------------------------------------------------

CLASSIC = "# yarn lockfile v1\n\n\n"
CLASSIC_OK = (
    CLASSIC
    + 'a@^1.0.0:\n  version "1.0.0"\n  dependencies:\n    b "^2"\n\nb@^2:\n  version "2.0.0"\n'
)
BERRY = "__metadata:\n  version: 10\n  cacheKey: 10c0\n\n"
BERRY_OK = BERRY + (
    '"a@npm:^1.0.0":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n  dependencies:\n'
    '    b: "npm:^2"\n  languageName: node\n  linkType: hard\n\n'
    '"b@npm:^2":\n  version: 2.0.0\n  resolution: "b@npm:2.0.0"\n  languageName: node\n  linkType: hard\n'
)


def test_the_minimal_valid_lockfiles_used_below_load(tmp_path: Path) -> None:
    for text in (CLASSIC_OK, BERRY_OK):
        path = tmp_path / "yarn.lock"
        path.write_text(text, encoding="utf-8")
        assert set(yarn.parse(path, text).packages) == {"a@1.0.0", "b@2.0.0"}


@pytest.mark.parametrize(
    ("text", "fault", "line"),
    [
        ("", "empty file", None),
        (
            '{"lockfileVersion": 3}\n',
            "not a yarn lockfile: neither the '# yarn lockfile v1' marker",
            None,
        ),
        (
            CLASSIC + 'a@^1\n  version "1"\n',
            "malformed yarn.lock: expected an entry header ending in ':'",
            4,
        ),
        (CLASSIC + 'a@^1:\n   version "1"\n', "malformed yarn.lock: unexpected indentation", 5),
        (CLASSIC + 'a@^1:\n  version "1\n', "malformed yarn.lock: unterminated string", 5),
        (CLASSIC + "a@^1:\n  version\n", "malformed yarn.lock: expected `key value` or `key:`", 5),
        (
            CLASSIC + '"a@^1, b@^2:\n  version "1"\n',
            "malformed yarn.lock: unterminated or malformed string",
            4,
        ),
        (CLASSIC + '    b "^2"\n', "malformed yarn.lock: unexpected indentation", 4),
        (
            CLASSIC_OK[: CLASSIC_OK.index('  version "2.0.0"')],
            "entry b@^2 has no version (truncated file?)",
            9,
        ),
        (CLASSIC_OK[: CLASSIC_OK.index("b@^2:")], "a@1.0.0 depends on b@^2, which has no entry", 4),
        (
            BERRY + '"a@npm:^1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0\n',
            "malformed YAML",
            7,
        ),
        (BERRY + '"a@npm:^1":\n  version: [1.0.0\n', "malformed YAML", 6),
        ("__metadata:\n  version: 4\n", "unknown __metadata version 4 (reviewer reads 6 to 10)", 2),
        ("__metadata:\n  cacheKey: 8\n  version: 11\n", "unknown __metadata version 11", 3),
        ("__metadata:\n  cacheKey: 8\n", "unknown __metadata version None", 1),
        ("__metadata: 10\n", "__metadata is not a mapping", 1),
        (BERRY + '"a@npm:^1": 1.0.0\n', "entry a@npm:^1 is not a mapping", 5),
        (
            BERRY_OK[: BERRY_OK.index('  resolution: "b@npm')],
            "entry b@npm:^2 needs string resolution and version (truncated",
            13,
        ),
        (
            BERRY_OK[: BERRY_OK.index('"b@npm:^2"')],
            "a@npm:^1.0.0 depends on b@npm:^2, which has no entry",
            5,
        ),
        (
            BERRY
            + '"a@npm:^1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n  dependencies: [b]\n',
            "dependencies is not a mapping",
            5,
        ),
    ],
)
def test_malformed_yarn_lockfiles_give_one_line_naming_file_fault_and_line(
    tmp_path: Path, text: str, fault: str, line: int | None
) -> None:
    path = tmp_path / "yarn.lock"
    error = lockfile_error(yarn.parse, path, text)
    assert fault in error.fault
    assert error.line == line
    assert str(error).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_classic_out_of_sync_with_package_json(tmp_path: Path) -> None:
    shutil.copytree(DATA / "classic-edge", tmp_path / "p")
    manifest = tmp_path / "p" / "packages" / "lib" / "package.json"
    manifest.write_text(
        '{"name": "@edge/lib", "dependencies": {"lodash": "^4.17.0"}}', encoding="utf-8"
    )
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path / "p")
    assert str(caught.value) == (
        f"{tmp_path / 'p' / 'yarn.lock'}: lockfile out of sync with package.json: "
        "packages/lib/package.json requires lodash@^4.17.0, which yarn.lock does not have"
    )


def test_berry_root_out_of_sync_with_package_json(tmp_path: Path) -> None:
    shutil.copytree(corpus("mono-yarnberry"), tmp_path / "p")
    (tmp_path / "p" / "package.json").write_text(
        '{"name": "mono-sample", "workspaces": ["packages/*"],'
        ' "devDependencies": {"vitest": "^2.1.0", "prettier": "^3.3.0", "eslint": "^9"}}',
        encoding="utf-8",
    )
    with pytest.raises(LockfileError) as caught:
        load_graph(tmp_path / "p")
    assert str(caught.value) == (
        f"{tmp_path / 'p' / 'yarn.lock'}: lockfile out of sync with package.json: "
        "in package.json but not the lockfile: eslint"
    )
