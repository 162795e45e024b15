"""typosquat: true positives, and popular names that must never be flagged."""

from __future__ import annotations

import time

import pytest

from reviewer.signals.typosquat import find_lookalike, popular_names, typosquat

TRUE_POSITIVES = [
    ("crossenv", "cross-env", "separator"),     # the 2017 crossenv attack
    ("cross_env", "cross-env", "separator"),
    ("lodahs", "lodash", "edit-distance"),      # swap counts as one edit
    ("expresss", "express", "edit-distance"),
    ("jquerry", "jquery", "edit-distance"),
    ("mongose", "mongoose", "edit-distance"),   # the 2017 mongose attack
    ("babelcli", "@babel/cli", "scope"),        # the 2017 babelcli attack
    ("@types-node/x", "@types/node", "scope"),
    ("types-node", "@types/node", "scope"),
    ("@bable/core", "@babel/core", "scope"),
    ("axois", "axios", "edit-distance"),
    ("reqeust", "request", "edit-distance"),
    ("webpack-dev-servr", "webpack-dev-server", "edit-distance"),
    ("eslint-plugin-reactt", "eslint-plugin-react", "edit-distance"),
]

POPULAR = [
    "cross-env", "lodash", "react", "react-dom", "express", "@types/node", "@babel/core",
    "debug", "semver", "chalk", "colors", "classnames", "uuid", "ws", "mime", "mime-types",
    "request", "core-js", "tslib", "typescript", "esbuild", "webpack", "electron",
    "node-fetch", "event-stream", "jest", "eslint", "prettier", "axios", "moment",
]


@pytest.mark.parametrize(("name", "target", "kind"), TRUE_POSITIVES)
def test_true_positives(name: str, target: str, kind: str) -> None:
    hit = find_lookalike(name)
    assert hit is not None, name
    assert (hit.target, hit.kind) == (target, kind)


@pytest.mark.parametrize("name", POPULAR)
def test_popular_names_never_flagged(name: str) -> None:
    assert name in popular_names().names
    assert find_lookalike(name) is None


@pytest.mark.parametrize("name", ["abc", "left-pad-xyz-unique", "@myorg/lodash", "@babel/coer",
                                  "pngjs2", "bootstrap-4"])
def test_not_flagged(name: str) -> None:
    # short names, unrelated names, same-scope neighbours, numbered forks
    assert find_lookalike(name) is None


def test_finding_shape() -> None:
    finding = typosquat("crossenv@1.0.0", "crossenv")
    assert finding is not None and finding.id == "typosquat" and finding.severity.name == "HIGH"
    assert finding.details["target"] == "cross-env"


def test_fast_on_a_large_tree() -> None:
    popular_names()
    names = [f"some-internal-package-{i}" for i in range(2000)]
    started = time.perf_counter()
    for name in names:
        find_lookalike(name)
    assert time.perf_counter() - started < 1.0


def test_data_file_documents_its_derivation() -> None:
    from importlib import resources

    head = resources.files("reviewer.signals").joinpath("data/popular-packages.txt").read_text("utf-8")[:800]
    assert head.startswith("#") and "downloads" in head
    assert len(popular_names().names) >= 5000
