"""Project: the review settings built once from registries, imported advisories, the
policy and options; cached findings that never touch the network."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.app import Project, ProjectOptions
from reviewer.graph.model import Graph, Package
from reviewer.paths import metadata_cache_dir

POLICY = """\
version = 1

[settings]
minimum_release_age_days = 30
allowed_registries = ["https://npm.corp.example/"]
"""
NPMRC = "registry=https://registry.example/\n@corp:registry=https://npm.corp.example/\n"


def project(tmp_path: Path, **options: object) -> Project:
    (tmp_path / ".npmrc").write_text(NPMRC)
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0"}')
    (tmp_path / "package-lock.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
         "packages": {"": {"name": "app", "version": "1.0.0"}}}))
    values: dict[str, object] = {"path": tmp_path, "cache_dir": tmp_path / "cache", **options}
    return Project.open(ProjectOptions(**values))  # type: ignore[arg-type]


def test_defaults_without_policy_or_imports(tmp_path: Path) -> None:
    settings = project(tmp_path).settings
    assert settings.advisories is None and settings.release_age_days == 7
    assert settings.registry_for is not None
    assert settings.registry_for("@corp/x").startswith("https://npm.corp.example")
    assert settings.scan_cache_dir == tmp_path / "cache"


def test_policy_settings_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "reviewer-policy.toml").write_text(POLICY)
    settings = project(tmp_path).settings
    assert settings.release_age_days == 30 and settings.allowed_hosts == ("npm.corp.example",)
    assert project(tmp_path, release_age_days=2.0).settings.release_age_days == 2.0
    assert project(tmp_path, read_tarballs=False).settings.read_tarballs is False


def test_imported_advisories_are_loaded(tmp_path: Path) -> None:
    (tmp_path / "reviewer-advisories.json").write_text(
        '{"version": 1, "imports": [], "advisories": [{"id": "GHSA-x", "package": "a", '
        '"vulnerable_range": "<2", "severity": "high", "title": "t"}]}')
    opened = project(tmp_path)
    assert opened.settings.advisories is not None and opened.settings.advisories[0].id == "GHSA-x"
    assert [a.id for a in opened.imported_advisories()] == ["GHSA-x"]


def test_cached_findings_never_touch_the_network(tmp_path: Path) -> None:
    pkg = Package("calm", "2.0.1", integrity="sha512-x")
    opened = project(tmp_path, registry="http://127.0.0.1:9/")
    graph = Graph(opened.graph.lockfile)
    graph.add_package(pkg)
    absent = Project(ProjectOptions(path=tmp_path, cache_dir=tmp_path / "absent"), graph)
    assert absent.cached_findings() is None
    # opening the project kept its parsed lockfile in the cache folder: still no metadata
    assert (tmp_path / "cache" / "graphs-v1").is_dir()
    assert Project(opened.options, graph).cached_findings() is None
    metadata_cache_dir(tmp_path / "cache").mkdir()  # a metadata cache holding nothing
    findings = Project(opened.options, graph).cached_findings()
    assert findings is not None and findings
    assert all(f.unknown for f in findings)  # nothing cached: every signal unknown, no request
