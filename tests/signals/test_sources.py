"""Source signals (lockfile-lint parity)."""

from __future__ import annotations

from reviewer.graph.model import Package, Source
from reviewer.signals.sources import source_findings


def registry_for(name: str) -> str:
    return "https://npm.corp.example/" if name.startswith("@corp/") else "https://registry.npmjs.org/"


def ids(package: Package) -> set[str]:
    return {f.id for f in source_findings(package, registry_for)}


def test_registry_package_is_clean() -> None:
    pkg = Package("a", "1.0.0", integrity="sha512-x", resolved="https://registry.npmjs.org/a/-/a-1.0.0.tgz")
    assert ids(pkg) == set()


def test_non_registry_and_insecure() -> None:
    git = Package("g", "1.0.0", resolved="git+http://example.com/g.git#abc", source=Source.GIT)
    assert ids(git) == {"non-registry-source", "insecure-source"}
    tarball = Package("t", "1.0.0", resolved="https://example.com/t.tgz", source=Source.TARBALL)
    assert ids(tarball) == {"non-registry-source", "missing-integrity"}
    assert ids(Package("w", "1.0.0", source=Source.WORKSPACE)) == set()


def test_missing_integrity_and_http_registry() -> None:
    pkg = Package("a", "1.0.0", resolved="http://registry.npmjs.org/a/-/a-1.0.0.tgz")
    assert ids(pkg) == {"missing-integrity", "insecure-source"}


def test_unexpected_registry_by_scope() -> None:
    scoped_elsewhere = Package("@corp/x", "1.0.0", integrity="sha512-x",
                               resolved="https://registry.npmjs.org/@corp/x/-/x-1.0.0.tgz")
    # the public registry is always accepted (npm rewrites it: replace-registry-host)
    assert ids(scoped_elsewhere) == set()
    evil = Package("@corp/x", "1.0.0", integrity="sha512-x", resolved="https://evil.example/@corp/x/-/x-1.0.0.tgz")
    findings = source_findings(evil, registry_for)
    assert [f.id for f in findings] == ["unexpected-registry"]
    assert findings[0].details == {"host": "evil.example", "expected": "npm.corp.example"}
    internal = Package("@corp/x", "1.0.0", integrity="sha512-x", resolved="https://npm.corp.example/@corp/x/-/x-1.0.0.tgz")
    assert ids(internal) == set()
    assert source_findings(evil, registry_for, allowed_hosts=["evil.example"]) == []


def test_yarn_berry_checksum_counts_as_integrity() -> None:
    pkg = Package("a", "1.0.0", checksum="10c0/abcdef")
    assert "missing-integrity" not in ids(pkg)
