"""Unit tests of the graph model and its queries, on hand-built graphs."""

from __future__ import annotations

from pathlib import Path

from reviewer.graph import DepKind, Edge, Graph, Importer, LockfileInfo, Package, importer_node
from reviewer.graph.queries import (
    derive_flags,
    direct_keys,
    duplicates,
    importers_reaching,
    why,
    why_all,
)

ROOT = importer_node(".")
API = importer_node("packages/api")


def _graph() -> Graph:
    """root -> a (prod), root -> t (dev), root -> @mono/api (workspace);
    api -> b (prod), a -> c, b -> c, t -> c@2, a -> o (optional)."""
    g = Graph(LockfileInfo(Path("package-lock.json"), "npm", "3"))
    g.add_importer(Importer(".", "root"))
    g.add_importer(Importer("packages/api", "@mono/api", "1.0.0"))
    for name, version in [("a", "1.0.0"), ("b", "1.0.0"), ("c", "1.0.0"), ("c", "2.0.0"),
                          ("t", "1.0.0"), ("o", "1.0.0")]:
        g.add_package(Package(name, version))
    g.add_edge(Edge(ROOT, "a@1.0.0", "a", "^1"))
    g.add_edge(Edge(ROOT, "t@1.0.0", "t", "^1", DepKind.DEV))
    g.add_edge(Edge(ROOT, API, "@mono/api", "workspace:*"))
    g.add_edge(Edge(API, "b@1.0.0", "b", "^1"))
    g.add_edge(Edge("a@1.0.0", "c@1.0.0", "c", "^1"))
    g.add_edge(Edge("b@1.0.0", "c@1.0.0", "c", "^1"))
    g.add_edge(Edge("t@1.0.0", "c@2.0.0", "c", "^2"))
    g.add_edge(Edge("a@1.0.0", "o@1.0.0", "o", "^1", DepKind.OPTIONAL))
    return g


def test_direct_keys_include_workspace_dependencies() -> None:
    assert direct_keys(_graph()) == {"a@1.0.0", "t@1.0.0", "b@1.0.0"}


def test_why_returns_every_shortest_path() -> None:
    g = _graph()
    assert why(g, "c@1.0.0") == [[ROOT, "a@1.0.0", "c@1.0.0"], [API, "b@1.0.0", "c@1.0.0"]]
    assert why(g, "c@2.0.0") == [[ROOT, "t@1.0.0", "c@2.0.0"]]
    assert why(g, "missing@1.0.0") == []


def test_why_respects_limit() -> None:
    assert len(why(_graph(), "c@1.0.0", limit=1)) == 1


def test_why_all_returns_every_dependent_chain() -> None:
    g = _graph()
    # a -> d -> c adds a longer chain that `why` (shortest only) leaves out; the workspace
    # importer is followed up to the root that depends on it, as `npm explain` does.
    g.add_package(Package("d", "1.0.0"))
    g.add_edge(Edge("a@1.0.0", "d@1.0.0", "d", "^1"))
    g.add_edge(Edge("d@1.0.0", "c@1.0.0", "c", "^1"))
    assert why_all(g, "c@1.0.0") == [
        [ROOT, "a@1.0.0", "c@1.0.0"],
        [ROOT, "a@1.0.0", "d@1.0.0", "c@1.0.0"],
        [ROOT, API, "b@1.0.0", "c@1.0.0"],
    ]
    assert len(why(g, "c@1.0.0")) == 2
    assert why_all(g, "c@1.0.0", limit=2) and len(why_all(g, "c@1.0.0", limit=2)) == 2
    assert why_all(g, "missing@1.0.0") == []


def test_why_all_survives_cycles() -> None:
    g = _graph()
    g.add_edge(Edge("c@1.0.0", "a@1.0.0", "a", "^1"))  # a <-> c
    assert why_all(g, "c@1.0.0") == [[ROOT, "a@1.0.0", "c@1.0.0"],
                                      [ROOT, API, "b@1.0.0", "c@1.0.0"]]
    assert why_all(g, "a@1.0.0") == [[ROOT, "a@1.0.0"], [ROOT, API, "b@1.0.0", "c@1.0.0",
                                                         "a@1.0.0"]]


def test_duplicates() -> None:
    dups = duplicates(_graph())
    assert list(dups) == ["c"]
    assert [p.version for p in dups["c"]] == ["1.0.0", "2.0.0"]


def test_importers_reaching_follows_workspace_links() -> None:
    reach = importers_reaching(_graph())
    assert reach["b@1.0.0"] == [".", "packages/api"]
    assert reach["t@1.0.0"] == ["."]


def test_derive_flags() -> None:
    g = _graph()
    derive_flags(g)
    flags = {p.key: (p.dev, p.optional) for p in g}
    assert flags["t@1.0.0"] == (True, False)
    assert flags["c@2.0.0"] == (True, False)
    assert flags["c@1.0.0"] == (False, False)
    assert flags["o@1.0.0"] == (False, True)
    assert g.packages["a@1.0.0"].kind is DepKind.PROD
    assert g.packages["t@1.0.0"].kind is DepKind.DEV


def test_add_package_merges_instances() -> None:
    g = Graph(LockfileInfo(Path("x"), "npm", "3"))
    g.add_package(Package("a", "1.0.0", dev=True, aliases=("x",)))
    merged = g.add_package(Package("a", "1.0.0", integrity="sha512-z", dev=False, aliases=("y",)))
    assert len(g) == 1
    assert merged.integrity == "sha512-z"
    assert merged.dev is False
    assert merged.aliases == ("x", "y")
    assert g.find("y")[0] is merged


def test_duplicate_edges_are_ignored() -> None:
    g = _graph()
    before = len(g.edges)
    g.add_edge(Edge(ROOT, "a@1.0.0", "a", "^1"))
    assert len(g.edges) == before


def test_an_edge_is_held_once_however_it_is_added() -> None:
    """A package installed at several places declares its edges again: `connect` and
    `add_edge` keep one edge per source, target, name and kind, and no edge to itself."""
    g = _graph()
    held = len(g.edges)
    g.connect("a@1.0.0", "c@1.0.0", "c", "~1.0")  # the same edge, another spec: not new
    g.add_edge(Edge("b@1.0.0", "c@1.0.0", "c", "^1"))
    g.connect("c@1.0.0", "c@1.0.0", "c", "^1")  # to itself
    assert len(g.edges) == held
    assert [e.spec for e in g.dependents("c@1.0.0") if e.source == "a@1.0.0"] == ["^1"]
    g.connect("a@1.0.0", "c@1.0.0", "c", "^1", DepKind.PEER)  # another kind: a new edge
    g.connect("o@1.0.0", "c@2.0.0", "c", "^2")
    assert len(g.edges) == held + 2
    new = g.dependencies("o@1.0.0")
    assert new == [Edge("o@1.0.0", "c@2.0.0", "c", "^2", DepKind.PROD)]
    assert new[0] in g.dependents("c@2.0.0") and new[0] is g.edges[-1]
