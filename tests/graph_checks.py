"""Shared by the graph and lockfile tests: where the lockfile corpus is, and whether two
graphs are the same in everything a query can see."""

from __future__ import annotations

import os
from pathlib import Path

from reviewer.graph import Graph

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", REPO.parent / "shared" / "corpus"))


def assert_same_graph(got: Graph, expected: Graph) -> None:
    assert got.lockfile == expected.lockfile
    assert list(got.packages.items()) == list(expected.packages.items())
    assert list(got.importers.items()) == list(expected.importers.items())
    assert got.edges == expected.edges
    assert got.notes == expected.notes
    for node in [*expected.packages, *(i.node for i in expected.importers.values())]:
        assert got.dependencies(node) == expected.dependencies(node)
        assert got.dependents(node) == expected.dependents(node)
    assert got._edge_set == expected._edge_set
