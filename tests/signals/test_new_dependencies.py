"""new-dependency: what a candidate version adds, and its own signals in an upgrade."""

from __future__ import annotations

from pathlib import Path

from signal_fakes import NOW, FakeProvider, manifest, packument

from reviewer.graph.model import Graph, LockfileInfo, Package
from reviewer.signals.engine import review_upgrade
from reviewer.signals.finding import Severity
from reviewer.signals.new_dependencies import new_dependencies
from reviewer.signals.settings import ReviewSettings


def test_added_dependencies_only() -> None:
    old = manifest("p", "1.0.0", dependencies={"a": "^1.0.0"}, peer_dependencies={"react": "*"})
    new = manifest("p", "2.0.0", dependencies={"a": "^2.0.0", "b": "~1.2.0"},
                   optional_dependencies={"c": "1.0.0"}, peer_dependencies={"react": "*"},
                   dev_dependencies={"jest": "29"})
    findings = new_dependencies("p@2.0.0", old, new)
    assert [(f.details["dependency"], f.details["section"]) for f in findings] == [
        ("b", "dependencies"), ("c", "optionalDependencies")]
    assert all(f.severity is Severity.LOW for f in findings)
    assert new_dependencies("p@2.0.0", new, new) == []


async def test_unreachable_new_dependency_is_said_not_skipped() -> None:
    prov = FakeProvider(packuments={"p": packument("p", [
        manifest("p", "1.0.0"), manifest("p", "2.0.0", dependencies={"ghost-dep": "^1.0.0"})])})
    graph = Graph(LockfileInfo(Path("package-lock.json"), "npm", "3"))
    findings = await review_upgrade(Package("p", "1.0.0"), Package("p", "2.0.0"), graph, prov,
                                    ReviewSettings(now=NOW))
    dep = next(f for f in findings if f.id == "new-dependency")
    inner = dep.details["signals"]
    assert isinstance(inner, list) and inner[0]["unknown"] is True
    assert dep.severity is Severity.LOW  # unknown inner signals do not raise the severity
