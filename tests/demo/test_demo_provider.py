"""DemoProvider and load_demo: offline documents, verified tarballs, rebased times."""

from __future__ import annotations

import inspect
import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from reviewer.demo import load_demo
from reviewer.demo.provider import DemoProvider
from reviewer.errors import IntegrityError, RegistryError
from reviewer.lockfiles.detect import load_graph
from reviewer.registry.interface import MetadataProvider

NOW = datetime(2031, 3, 4, 5, 6, 7, tzinfo=UTC)


@pytest.fixture(scope="module")
def provider() -> DemoProvider:
    return DemoProvider(now=NOW)


def test_provider_is_a_metadata_provider(provider: DemoProvider) -> None:
    checked: MetadataProvider = provider  # static check of the protocol
    for method in ("packument", "tarball", "bulk_advisories", "version_document"):
        assert inspect.iscoroutinefunction(getattr(checked, method)), method
    assert provider.registry_url == "https://registry.npmjs.org/"


async def test_times_are_rebased_so_recent_stays_recent(provider: DemoProvider) -> None:
    config = await provider.packument("@swiftkit/config")
    age = NOW - config.published("1.8.0")  # type: ignore[operator]
    assert timedelta(days=1) < age < timedelta(days=3)
    takeover = await provider.packument("tiny-json-merge")
    assert NOW - takeover.published("1.3.2") < timedelta(days=7)  # type: ignore[operator]
    assert NOW - takeover.published("1.3.1") > timedelta(days=300)  # type: ignore[operator]
    later = DemoProvider(now=NOW + timedelta(days=400))
    again = await later.packument("@swiftkit/config")
    assert again.published("1.8.0") - config.published("1.8.0") == timedelta(days=400)  # type: ignore[operator]


async def test_packument_is_parsed_with_publishers_and_provenance(provider: DemoProvider) -> None:
    logger = await provider.packument("@swiftkit/logger")
    assert logger.versions["3.2.0"].trusted is True
    assert logger.versions["3.2.1"].trusted is False
    assert logger.versions["3.2.1"].publisher.name == "tbrandt"  # type: ignore[union-attr]
    assert (await provider.version_document("inflight", "1.0.6")).deprecated


async def test_unknown_package_is_a_registry_error(provider: DemoProvider) -> None:
    with pytest.raises(RegistryError, match="not in the demo registry"):
        await provider.packument("left-pad")
    with pytest.raises(RegistryError, match="version not in the demo registry"):
        await provider.version_document("tiny-json-merge", "9.9.9")


async def test_tarball_is_verified_and_read_in_memory(provider: DemoProvider) -> None:
    manifest = await provider.version_document("tiny-json-merge", "1.3.2")
    tarball = await provider.tarball("tiny-json-merge", "1.3.2", manifest.integrity)
    assert "scripts/setup.js" in {e.path for e in tarball.entries}
    assert "203.0.113.47" in tarball.read_text("scripts/setup.js")
    without = await provider.tarball("tiny-json-merge", "1.3.2", None)
    assert without.read_text("index.js") == tarball.read_text("index.js")


async def test_tarball_with_wrong_integrity_is_refused(provider: DemoProvider) -> None:
    other = (await provider.version_document("tiny-json-merge", "1.3.1")).integrity
    with pytest.raises(IntegrityError):
        await provider.tarball("tiny-json-merge", "1.3.2", other)


async def test_ordinary_tarball_is_not_bundled(provider: DemoProvider) -> None:
    with pytest.raises(RegistryError, match="not bundled in the demo"):
        await provider.tarball("express", "4.22.3", None)


async def test_bulk_advisories_answer_only_names_asked(provider: DemoProvider) -> None:
    answer = await provider.bulk_advisories({"webpack-dev-server": ["4.15.2"], "express": ["4.22.3"]})
    assert answer is not None and set(answer) == {"webpack-dev-server"}
    assert {a["url"].rsplit("/", 1)[-1] for a in answer["webpack-dev-server"]} == {
        "GHSA-9jgg-88mc-972h", "GHSA-4v9v-hfq4-rm2v",
    }


def test_load_demo_copies_a_writable_project() -> None:
    with load_demo(now=NOW) as bundle:
        project = bundle.project_dir
        assert bundle.demo_registry_url == "https://registry.npmjs.org/"
        assert (project / "package-lock.json").is_file() and bundle.audit_report.is_file()
        policy = project / "reviewer-policy.toml"
        policy.write_text("version = 1\n\n[settings]\nminimum_release_age_days = 3\n",
                          encoding="utf-8")
        assert os.stat(project).st_mode & stat.S_IWUSR
        graph = load_graph(project)
        assert len(list(graph.sorted_packages())) >= 300
        assert bundle.settings().now == NOW
        assert bundle.settings().release_age_days == 3  # the demo honours its policy too
    assert not project.exists()


def test_two_bundles_do_not_share_a_directory() -> None:
    with load_demo() as first, load_demo() as second:
        assert first.project_dir != second.project_dir
        (first.project_dir / "package.json").write_text("{}", encoding="utf-8")
        assert (second.project_dir / "package.json").read_text(encoding="utf-8") != "{}"
