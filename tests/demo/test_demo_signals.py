"""Every planted story produces its signal through the review engine, offline."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from reviewer.app.review import review_all
from reviewer.demo import DemoBundle, load_demo
from reviewer.lockfiles.detect import load_graph
from reviewer.signals.finding import Finding, Severity

NOW = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def bundle() -> DemoBundle:
    with load_demo(now=NOW) as demo:
        yield demo  # type: ignore[misc]


@pytest.fixture(scope="module")
def findings(bundle: DemoBundle) -> dict[str, list[Finding]]:
    graph = load_graph(bundle.project_dir)
    reviews = asyncio.run(review_all(graph, bundle.provider, bundle.settings()))
    return {r.package.key: list(r.findings) for r in reviews}


def decided(findings: dict[str, list[Finding]], key: str) -> dict[str, Finding]:
    return {f.id: f for f in findings[key] if not f.unknown}


def test_takeover_gets_install_script_code_and_publisher_signals(findings: dict[str, list[Finding]]) -> None:
    got = decided(findings, "tiny-json-merge@1.3.2")
    assert {"install-script", "suspicious-code", "new-publisher", "maintainers-changed", "recent-release"} <= set(got)
    assert got["suspicious-code"].severity >= Severity.HIGH
    rules = " ".join(f"{e.file}:{e.line}" for e in got["suspicious-code"].evidence)
    assert "scripts/setup.js" in rules
    assert "jsdelivery-ops" in got["new-publisher"].summary
    assert "suspicious-code" not in decided(findings, "@quickbuild/core@0.24.2")


def test_trust_downgrade(findings: dict[str, list[Finding]]) -> None:
    got = decided(findings, "@swiftkit/logger@3.2.1")
    assert "trust-downgrade" in got and got["trust-downgrade"].severity >= Severity.MODERATE


def test_typosquat_only_where_planted(findings: dict[str, list[Finding]]) -> None:
    squats = sorted(key for key, found in findings.items() if "typosquat" in decided(findings, key))
    assert squats == ["crossenv@7.0.3"]
    assert "cross-env" in decided(findings, "crossenv@7.0.3")["typosquat"].summary


def test_deprecations(findings: dict[str, list[Finding]]) -> None:
    for key in ("env-config-loader@2.3.0", "inflight@1.0.6"):
        assert "deprecated" in decided(findings, key), key


def test_advisories_from_the_bundled_registry(findings: dict[str, list[Finding]]) -> None:
    wds = [f for f in findings["webpack-dev-server@4.15.2"] if f.id == "advisory" and not f.unknown]
    assert len(wds) == 2
    assert "advisory" in decided(findings, "postcss@7.0.39")
    assert "advisory" not in decided(findings, "postcss@8.5.33")


def test_native_module_has_implicit_node_gyp_script(findings: dict[str, list[Finding]]) -> None:
    got = decided(findings, "hashwire-native@2.1.0")
    assert "node-gyp rebuild" in got["install-script"].summary


def test_recent_release_only_for_the_recent_ones(findings: dict[str, list[Finding]]) -> None:
    recent = sorted(key for key in findings if "recent-release" in decided(findings, key))
    assert recent == ["@swiftkit/config@1.8.0", "tiny-json-merge@1.3.2"]


def test_ordinary_packages_are_mostly_quiet(findings: dict[str, list[Finding]]) -> None:
    noisy = [key for key in findings if decided(findings, key)]
    assert len(findings) >= 300
    assert len(noisy) < 40
    unknown_ids = {f.id for found in findings.values() for f in found if f.unknown}
    assert unknown_ids <= {"suspicious-code"}, unknown_ids


def test_upgrade_review_from_the_base_lockfile(bundle: DemoBundle) -> None:
    from reviewer.review.base import load_review_graphs
    from reviewer.review.changes import compute_changes
    from reviewer.signals.engine import review_upgrade

    graphs = load_review_graphs(bundle.project_dir, base_lockfile=bundle.base_lockfile)
    changes = {c.id: c for c in compute_changes(graphs.base, graphs.head)}
    assert set(changes) == {
        "@swiftkit/config@1.7.1->1.8.0", "@swiftkit/logger@3.2.0->3.2.1", "crossenv@->7.0.3",
        "env-config-loader@2.2.0->2.3.0", "tiny-json-merge@1.3.1->1.3.2",
    }

    async def review(change_id: str) -> dict[str, Finding]:
        change = changes[change_id]
        found = await review_upgrade(change.base, change.head, graphs.head, bundle.provider, bundle.settings())
        return {f.id: f for f in found if not f.unknown}

    takeover = asyncio.run(review("tiny-json-merge@1.3.1->1.3.2"))
    assert takeover["install-script"].severity >= Severity.HIGH
    assert "new postinstall" in takeover["install-script"].summary
    loader = asyncio.run(review("env-config-loader@2.2.0->2.3.0"))
    assert "crossenv" in loader["new-dependency"].summary
    assert "typosquat" in loader["new-dependency"].summary
    logger = asyncio.run(review("@swiftkit/logger@3.2.0->3.2.1"))
    assert "3.2.0" in logger["trust-downgrade"].summary


def test_imported_advisories_work_without_the_registry(bundle: DemoBundle) -> None:
    from reviewer.signals.engine import review_package

    settings = bundle.settings(query_registry_advisories=False)
    assert settings.advisories and {a.source for a in settings.advisories} == {"npm-v2"}
    graph = load_graph(bundle.project_dir)
    (package,) = [p for p in graph.find("postcss") if p.version.startswith("7.")]
    found = asyncio.run(review_package(package, graph, bundle.provider, settings))
    advisories = [f for f in found if f.id == "advisory" and not f.unknown]
    assert [f.details["advisory"] for f in advisories] == ["GHSA-7fh5-64p2-3v2j"]
    assert advisories[0].details["source"] == "npm-v2"
