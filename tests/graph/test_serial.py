"""A Graph as plain data and back (`reviewer.graph.serial`): the same graph, on every
project of the lockfile corpus and every lockfile the tests keep."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from graph_checks import CORPUS, assert_same_graph

from reviewer.errors import LockfileError
from reviewer.graph.serial import graph_from_data, graph_to_data
from reviewer.lockfiles import FORMATS, load_graph

TEST_DATA = Path(__file__).resolve().parents[1] / "lockfiles" / "data"


def _projects() -> list[Path]:
    """The corpus's projects and the test lockfiles that load (some are meant to fail)."""
    projects = sorted(p for p in CORPUS.iterdir() if p.is_dir())
    projects += sorted({p.parent for name in FORMATS for p in TEST_DATA.rglob(name)})
    return [p for p in projects if _loads(p)]


def _loads(project: Path) -> bool:
    try:
        load_graph(project)
    except LockfileError:
        return False
    return True


@pytest.mark.parametrize("project", _projects(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_through_json_gives_the_same_graph(project: Path) -> None:
    graph = load_graph(project)
    data = orjson.loads(orjson.dumps(graph_to_data(graph)))
    assert_same_graph(graph_from_data(data), graph)


def test_the_corpus_and_test_lockfiles_are_all_covered() -> None:
    # every corpus project and lockfiles of each format are round-tripped above
    projects = _projects()
    assert len(projects) >= 19
    assert len([p for p in projects if p.parent == CORPUS]) == 12
    assert {f for p in projects for f in FORMATS if (p / f).exists()} >= {
        "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock"}


@pytest.mark.parametrize("broken", [
    [], [2, ["p", "npm", "3"], [], [], [], []], [1, ["p", "npm", "3"], [["a"]], [], [], []],
    [1, ["p", "npm", "3"], [], [], [["a", "b", "c", "d", "nope"]], []],
    json.loads('[1, ["p", "npm", "3"], [], [[1, 2]], [], []]'),
])
def test_data_of_another_shape_is_refused(broken: list[object]) -> None:
    with pytest.raises((ValueError, KeyError, TypeError, IndexError)):
        graph_from_data(broken)
