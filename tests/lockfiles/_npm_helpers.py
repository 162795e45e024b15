"""Helpers for the npm and bun lockfile tests: corpus location, independent counts, errors."""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reviewer.errors import LockfileError
from reviewer.graph import DepKind, Graph

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]


def corpus(name: str) -> Path:
    """A project of the shared lockfile corpus ($REVIEWER_CORPUS or ../shared/corpus)."""
    root = Path(os.environ.get("REVIEWER_CORPUS", REPO.parent / "shared" / "corpus"))
    project = root / name
    if not project.is_dir():
        pytest.fail(f"lockfile corpus project missing: {project} (set REVIEWER_CORPUS)")
    return project


def npm_keys_counted(lockfile: Path) -> set[str]:
    """Distinct real name@version in a package-lock.json, counted straight from the JSON."""
    data = json.loads(lockfile.read_text(encoding="utf-8"))
    keys: set[str] = set()
    if data["lockfileVersion"] == 1:
        pending: list[dict[str, Any]] = [data.get("dependencies", {})]
        while pending:
            for name, entry in pending.pop().items():
                version = entry["version"]
                if version.startswith("npm:"):
                    keys.add(version[4:])
                else:
                    keys.add(f"{name}@{version}")
                pending.append(entry.get("dependencies", {}))
        return keys
    for location, entry in data["packages"].items():
        if "node_modules/" not in location or entry.get("link"):
            continue
        name = entry.get("name") or location.rsplit("node_modules/", 1)[1]
        keys.add(f"{name}@{entry['version']}")
    return keys


_BUN_ENTRY = re.compile(r'^    "[^"]+": \["([^"]+)"', re.MULTILINE)


def bun_keys_counted(lockfile: Path) -> set[str]:
    """Distinct resolutions (`name@version`) of a bun.lock's packages, by a line regex."""
    text = lockfile.read_text(encoding="utf-8")
    return {r for r in _BUN_ENTRY.findall(text) if "@workspace:" not in r}


def lockfile_error(parse: Callable[[Path, str], Graph], path: Path, text: str) -> LockfileError:
    """The LockfileError `parse` raises for `text` written at `path` (fails if none)."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LockfileError) as caught:
        parse(path, text)
    message = str(caught.value)
    assert "\n" not in message, message
    assert message.startswith(str(path)), message
    return caught.value


_ODD_VALUES: list[object] = [None, 1, True, "x", [], {}, ["a"], {"a": 1}, "npm:", "@", 3.5]
_ODD_KEYS = [
    "",
    "node_modules/",
    "node_modules/a/node_modules/",
    "../x",
    "/",
    "@",
    "@s/",
    "a/b/c",
    "node_modules/c",
    "c",
    "a/c",
    "workspace:",
]


def mutated_documents(data: object, seed: int, count: int) -> list[str]:
    """`count` pretty-printed copies of `data`, each with 1-3 values or keys made odd."""
    rng = random.Random(seed)
    documents: list[str] = []
    for _ in range(count):
        copy = json.loads(json.dumps(data))
        for _ in range(rng.randint(1, 3)):
            _mutate_once(copy, rng)
        documents.append(json.dumps(copy, indent=2))
    return documents


def _mutate_once(data: object, rng: random.Random) -> None:
    containers: list[dict[str, Any] | list[Any]] = []
    pending = [data]
    while pending:
        node = pending.pop()
        if isinstance(node, dict | list) and node:
            containers.append(node)
            pending.extend(node.values() if isinstance(node, dict) else node)
    container = rng.choice(containers)
    if isinstance(container, dict):
        key = rng.choice(list(container))
        if rng.random() < 0.4:
            container[rng.choice(_ODD_KEYS)] = container.pop(key)
        else:
            container[key] = json.loads(json.dumps(rng.choice(_ODD_VALUES)))
    else:
        container[rng.randrange(len(container))] = json.loads(json.dumps(rng.choice(_ODD_VALUES)))


def damaged_texts(text: str, seed: int, count: int) -> list[str]:
    """`count` copies of `text`, cut short or with a few characters deleted."""
    rng = random.Random(seed)
    damaged: list[str] = []
    for index in range(count):
        cut = rng.randrange(len(text))
        damaged.append(text[:cut] if index % 2 else text[:cut] + text[cut + rng.randint(1, 20) :])
    return damaged


def edges_from(graph: Graph, source: str) -> dict[str, tuple[str, str, DepKind]]:
    """The edges out of `source`, by dependency name: (target, spec, kind)."""
    return {e.name: (e.target, e.spec, e.kind) for e in graph.dependencies(source)}


def load_outcomes(
    parse: Callable[[Path, str], Graph], path: Path, documents: list[str]
) -> dict[str, int]:
    """Parse each document: count graphs and one-line LockfileErrors; anything else fails."""
    outcomes = {"loaded": 0, "refused": 0}
    for document in documents:
        try:
            parse(path, document)
            outcomes["loaded"] += 1
        except LockfileError as error:
            assert "\n" not in str(error) and str(error).startswith(str(path))
            outcomes["refused"] += 1
    return outcomes
