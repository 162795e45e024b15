"""The five mono-* corpus projects are one project resolved by five package managers:
their locked registry name@version sets must agree, except for differences we can name."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import deque
from pathlib import Path

import pytest

from reviewer.graph import Graph, Source, importer_node
from reviewer.graph.queries import why
from reviewer.lockfiles import load_graph

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
MONO = ["mono-npm", "mono-pnpm", "mono-yarn1", "mono-yarnberry", "mono-bun"]
WORKSPACES = {"packages/api": "@mono/api", "packages/shared": "@mono/shared",
              "packages/web": "@mono/web"}


def _load(project: str) -> Graph:
    return load_graph(CORPUS / project)


def _registry_set(graph: Graph) -> set[str]:
    return {p.key for p in graph if p.source is Source.REGISTRY}


def _closure(graph: Graph, key: str) -> set[str]:
    seen, queue = {key}, deque([key])
    while queue:
        for edge in graph.dependencies(queue.popleft()):
            if edge.target not in seen:
                seen.add(edge.target)
                queue.append(edge.target)
    return seen


@pytest.mark.parametrize("project", [p for p in MONO if p != "mono-yarnberry"])
def test_same_registry_packages_as_npm(project: str) -> None:
    assert _registry_set(_load(project)) == _registry_set(_load("mono-npm"))


def test_yarn_berry_differs_only_by_injected_node_gyp() -> None:
    """Yarn berry adds `node-gyp: npm:latest` to packages that build with node-gyp
    (better-sqlite3 here), so it locks node-gyp and its own dependency tree; npm, pnpm,
    yarn classic and bun do not lock it. Every other package is the same."""
    berry = _load("mono-yarnberry")
    npm = _registry_set(_load("mono-npm"))
    extra = _registry_set(berry) - npm
    assert _registry_set(berry) >= npm
    node_gyp = [p.key for p in berry.find("node-gyp")]
    assert node_gyp == ["node-gyp@13.1.0"]
    assert extra <= _closure(berry, node_gyp[0])
    assert "node-gyp@13.1.0" in extra
    requirers = {e.source for e in berry.dependents("node-gyp@13.1.0")}
    assert any(r.startswith("better-sqlite3@") for r in requirers)


@pytest.mark.parametrize("project", MONO)
def test_workspaces_are_linked_importers(project: str) -> None:
    graph = _load(project)
    assert set(graph.importers) == {".", *WORKSPACES}
    for path, name in WORKSPACES.items():
        assert graph.importers[path].name == name
    # @mono/api and @mono/web depend on @mono/shared through a workspace link.
    for dependent in ("packages/api", "packages/web"):
        targets = {e.target for e in graph.dependencies(importer_node(dependent))}
        assert importer_node("packages/shared") in targets


@pytest.mark.parametrize("project", MONO)
def test_why_goes_through_workspaces(project: str) -> None:
    graph = _load(project)
    zod = graph.find("zod")
    assert len(zod) == 1
    paths = why(graph, zod[0].key)
    assert paths == [[importer_node("packages/shared"), zod[0].key]]
    fastify = graph.find("fastify")[0]
    assert why(graph, fastify.key)[0][0] == importer_node("packages/api")


@pytest.mark.parametrize("project", sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
def test_every_corpus_project_lists_as_json(project: str) -> None:
    """`reviewer list --json` as a process, on every corpus lockfile (SPEC §7 fields)."""
    out = subprocess.run([sys.executable, "-m", "reviewer", "list", "--json", str(CORPUS / project)],
                         capture_output=True, text=True, check=True).stdout
    rows = json.loads(out)
    assert len(rows) > 50
    required = {"name", "version", "integrity", "source", "dev", "optional", "direct", "importers"}
    for row in rows:
        assert required <= row.keys()
        assert row["source"] in {"registry", "git", "tarball", "file", "link", "workspace"}
        assert all(isinstance(row[k], bool) for k in ("dev", "optional", "direct"))
    assert any(row["direct"] for row in rows)
    assert all(row["importers"] for row in rows if row["direct"])
