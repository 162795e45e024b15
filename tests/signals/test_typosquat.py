"""typosquat: the table of documented and synthetic squats that must be flagged, popular and
legitimate names that must not, and the shipped download list.

Recall and false alarms measured on the whole npm list: tests/bench/eval_typosquat.py."""

from __future__ import annotations

import time
from importlib import resources

import pytest
from typosquat_cases import DOCUMENTED, LEGITIMATE, SHAPES, synthetic
from typosquat_cases import POPULAR as POPULAR_NAMES

from reviewer.signals.typosquat import (
    DATA_FILE,
    POPULAR,
    build_popular,
    edit_kind,
    find_lookalike,
    popular_names,
    typosquat,
)

WITH_TARGET = {name: target for name, target in DOCUMENTED.items() if target is not None}


def test_documented_squats_recall() -> None:
    """Documented squats whose target is an npm package: at least 90% flagged, each with
    its real target (or a bigger package of the same shape)."""
    flagged = {name: hit for name in WITH_TARGET if (hit := find_lookalike(name)) is not None}
    assert len(flagged) >= 0.9 * len(WITH_TARGET) - 1, sorted(set(WITH_TARGET) - set(flagged))
    # the famous ones, exactly
    for name in ("crossenv", "jquery.js", "nodesass", "nodemailer.js", "mssql-node", "electorn",
                 "@typescript_eslinter/eslint", "@acitons/artifact", "mongose", "babelcli"):
        assert name in flagged, name
    assert flagged["crossenv"].target == "cross-env"
    assert flagged["jquery.js"].target == "jquery"
    assert flagged["mssql-node"].target == "mssql"
    assert flagged["electorn"].target == "electron"
    assert flagged["@acitons/artifact"].target == "@actions/artifact"
    assert flagged["@typescript_eslinter/eslint"].target.startswith("@typescript-eslint/")


@pytest.mark.parametrize(("name", "target"), sorted(SHAPES.items()))
def test_shapes(name: str, target: str) -> None:
    hit = find_lookalike(name)
    assert hit is not None, name
    assert hit.target == target


@pytest.mark.parametrize(("name", "target", "kind"), [
    ("crossenv", "cross-env", "separator"), ("cross_env", "cross-env", "separator"),
    ("jquery.js", "jquery", "affix"), ("noderequest", "request", "affix"),
    ("mssql-node", "mssql", "affix"), ("@acitons/artifact", "@actions/artifact", "scope"),
    ("@types-node/x", "@types/node", "scope"), ("types-node", "@types/node", "joined-scope"),
    ("l0dash", "lodash", "homoglyph"), ("rnoment", "moment", "homoglyph"),
    ("lodahs", "lodash", "transposition"), ("electorn", "electron", "transposition"),
    ("mongose", "mongoose", "doubled-letter"), ("expresss", "express", "doubled-letter"),
    ("webpack-dev-servr", "webpack-dev-server", "omission"),
    ("typescrjpt", "typescript", "substitution"), ("colours", "colors", "insertion"),
])
def test_kinds(name: str, target: str, kind: str) -> None:
    hit = find_lookalike(name)
    assert hit is not None and (hit.target, hit.kind) == (target, kind), hit


def test_synthetic_one_edit_squats_recall() -> None:
    """Seeded one-edit squats (each kind) of the 10,000 most downloaded names: >= 90%."""
    popular = popular_names()
    names = list(popular.downloads)
    squats = synthetic(names[:10_000], set(names), 400, seed=2026)
    missed = [s for s in squats if find_lookalike(s[0]) is None]
    assert len(missed) <= 0.1 * len(squats), missed[:20]


@pytest.mark.parametrize("name", POPULAR_NAMES)
def test_popular_names_never_flagged(name: str) -> None:
    assert popular_names().downloads[name] >= POPULAR
    assert find_lookalike(name) is None


@pytest.mark.parametrize("name", LEGITIMATE)
def test_legitimate_names_not_flagged(name: str) -> None:
    assert find_lookalike(name) is None, name


def test_false_alarms_on_lower_ranked_names() -> None:
    """Listed names ranked 20,001-40,000 by downloads: at most 0.2% flagged with their own
    figures, and at most 1.5% even when judged as if unlisted (the stricter measure)."""
    names = list(popular_names().downloads)[20_000:40_000]
    own = [n for n in names if find_lookalike(n) is not None]
    assert len(own) <= 0.002 * len(names), own
    strict = [n for n in names if find_lookalike(n, as_unlisted=True) is not None]
    assert len(strict) <= 0.015 * len(names), len(strict)


def test_companions_and_owners_not_flagged() -> None:
    popular = popular_names()
    assert find_lookalike("@babel/coer") is None            # the target's own scope
    assert find_lookalike("@types/lodahs") is None          # a name in @types is @types' own
    assert find_lookalike("electron-rebuild", as_unlisted=True) is None  # @electron/rebuild
    assert find_lookalike("tslint-plugin-prettier", as_unlisted=True) is None  # parallel family
    assert find_lookalike("@iconify-json/mdi", as_unlisted=True) is None  # an established scope
    assert find_lookalike("pngjs2") is None                 # a numbered fork
    assert find_lookalike("@best/runner-abstract") is None  # @jest is one edit, no @jest/runner-abstract
    assert find_lookalike("@jset/types") is not None         # ... but @jest/types is copied
    assert find_lookalike("watcher", as_unlisted=True) is None  # another first letter: another word
    assert find_lookalike("@koa/bodyparser", as_unlisted=True) is None  # @koa is an owner with a record
    assert popular.downloads["eslint-plugin-prettier"] > 0


def test_ratio_decides() -> None:
    """The same shape is flagged against a target that dwarfs the candidate, not otherwise."""
    lines = ["# test", "cross-env\t60000000", "smallthing\t540000", "other\t60000"]
    popular = build_popular(lines)
    assert find_lookalike("crossenv", popular) is not None       # unlisted: < 60,000
    assert find_lookalike("small-thing", popular) is None         # 540,000 / 60,000 = 9 ...
    lines[2] = "smallthing\t660000"
    assert find_lookalike("small-thing", build_popular(lines)) is not None  # ... 11: enough
    both = build_popular(["cross-env\t60000000", "crossenv\t100000", "z\t1"])
    assert find_lookalike("crossenv", both) is None  # listed: needs 2,000x its own 100,000


def test_edit_kinds() -> None:
    assert edit_kind("lodahs", "lodash") == "transposition"
    assert edit_kind("expresss", "express") == "doubled-letter"
    assert edit_kind("mongose", "mongoose") == "doubled-letter"
    assert edit_kind("colors", "color") == "plural"
    assert edit_kind("esbuld", "esbuild") == "omission"
    assert edit_kind("reactx", "react") == "insertion"
    assert edit_kind("reacr", "react") == "substitution"   # r is next to t
    assert edit_kind("reacm", "react") == "replacement"


def test_finding_names_target_kind_and_both_downloads() -> None:
    finding = typosquat("crossenv@1.0.0", "crossenv")
    assert finding is not None and finding.id == "typosquat" and finding.severity.name == "HIGH"
    details = finding.details
    assert details["target"] == "cross-env" and details["kind"] == "separator"
    assert details["target_downloads"] == popular_names().downloads["cross-env"]
    assert details["downloads"] is None and details["downloads_below"] == popular_names().floor
    assert finding.summary == "crossenv looks like cross-env (separators; 59.9M vs under 53.2K downloads a month)"
    listed = typosquat("x@1", "loadash")  # listed (typo traffic): its own figure is shown
    if listed is not None:
        assert listed.details["downloads"] == popular_names().downloads["loadash"]


def test_fast_on_a_large_tree() -> None:
    popular_names()
    names = [f"some-internal-package-{i}" for i in range(2000)]
    started = time.perf_counter()
    for name in names:
        find_lookalike(name)
    assert time.perf_counter() - started < 1.0


def test_data_file_documents_its_derivation() -> None:
    text = resources.files("reviewer.signals").joinpath(DATA_FILE).read_text("utf-8")
    header = [line for line in text.splitlines()[:20] if line.startswith("#")]
    assert any("downloads_a_month" in line for line in header)
    assert any("sort" in line for line in header)  # the command
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) == 50_000 and all(len(r) == 2 and r[1].isdigit() for r in rows)
    counts = [int(r[1]) for r in rows]
    assert counts == sorted(counts, reverse=True)
