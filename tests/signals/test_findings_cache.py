"""The findings cache (reviewer.signals.findings_cache) against the fixture registry: a warm
`report` gives the same JSON without deriving a signal again; a changed registry document,
a different clock, different settings or rules, and a failed request are never served from
it; an unreadable cache file is rebuilt."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from servers.fixture_registry import FixtureRegistry
from servers.verdaccio import build_tarball

from reviewer.cli.main import main
from reviewer.graph.model import Graph, LockfileInfo, Package
from reviewer.registry.cache import CacheRecord, MetadataCache
from reviewer.registry.config import RegistryConfig
from reviewer.registry.service import RegistryService
from reviewer.signals import engine, findings_cache
from reviewer.signals.settings import ReviewSettings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "code"))
from payloads import drainer  # noqa: E402
from sets import Locked, serve, write_project  # noqa: E402

CLEAN = "'use strict';\nmodule.exports = function debug(name) {\n  return () => name;\n};\n"


def _tgz(name: str, version: str, body: str, **manifest: Any) -> bytes:
    meta = {"name": name, "version": version, "main": "index.js", **manifest}
    return build_tarball({"package.json": json.dumps(meta), "index.js": body})


def _publish(registry: FixtureRegistry, name: str, **extra: Any) -> dict[str, Locked]:
    payload = drainer("cache", hex_escape=True, filler=200)
    tarballs = {"1.0.0": _tgz(name, "1.0.0", CLEAN),
                "1.0.1": _tgz(name, "1.0.1", CLEAN + payload + "\n")}
    return serve(registry, name, tarballs, {v: {"main": "index.js", **extra} for v in tarballs})


def _package(registry: FixtureRegistry, name: str, version: str) -> Package:
    """`name`, published with two releases, as a lockfile locks `version`."""
    locked = _publish(registry, name)[version]
    return Package(locked.name, locked.version, locked.integrity, locked.tarball_url)


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The packages whose registry findings were derived (not read from the cache)."""
    seen: list[str] = []
    real = engine.registry_findings

    async def counting(package: Package, provider: Any, settings: ReviewSettings) -> Any:
        seen.append(package.key)
        return await real(package, provider, settings)

    monkeypatch.setattr(engine, "registry_findings", counting)
    yield seen
    findings_cache.close_all()


def _report(project: Path, registry: FixtureRegistry, cache: Path,
            capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    code = main(["report", str(project), "--format", "json", "--registry", registry.url,
                 "--cache-dir", str(cache), *extra])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    return json.loads(captured.out)  # type: ignore[no-any-return]


def _signals(report: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    (package,) = [p for p in report["packages"] if p["name"] == name]
    return {s["id"]: s for s in package["signals"]}


def test_a_warm_report_reads_the_cache_and_says_the_same(
        fixture_registry: FixtureRegistry, tmp_path: Path, computed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    locked = _publish(fixture_registry, "fc-same")
    other = _publish(fixture_registry, "fc-other")
    project = write_project(tmp_path / "app", [locked["1.0.1"], other["1.0.0"]])
    cache = tmp_path / "cache"
    cold = _report(project, fixture_registry, cache, capsys)
    assert sorted(computed) == ["fc-other@1.0.0", "fc-same@1.0.1"]
    assert _signals(cold, "fc-same")["suspicious-code"]["severity"] == "critical"
    assert (cache / "findings" / "findings-v1.sqlite").is_file()

    computed.clear()
    warm = _report(project, fixture_registry, cache, capsys)
    assert computed == []  # every package from the cache
    assert warm == cold


def test_a_changed_registry_document_is_reviewed_again(
        fixture_registry: FixtureRegistry, tmp_path: Path, computed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    locked = _publish(fixture_registry, "fc-change")
    project = write_project(tmp_path / "app", [locked["1.0.0"]])
    cache = tmp_path / "cache"
    before = _report(project, fixture_registry, cache, capsys)
    assert "deprecated" not in _signals(before, "fc-change")

    # the registry now deprecates the locked version: a forced revalidation stores a new
    # document, whose digest is a new key
    packument = fixture_registry.packuments["fc-change"]
    packument["versions"]["1.0.0"]["deprecated"] = "use something else"
    computed.clear()
    after = _report(project, fixture_registry, cache, capsys, "--refresh")
    assert computed == ["fc-change@1.0.0"]
    assert _signals(after, "fc-change")["deprecated"]["severity"] == "low"

    computed.clear()  # and that new result is what the next warm run reads
    assert _report(project, fixture_registry, cache, capsys) == after and computed == []


def test_a_failed_request_is_not_kept(
        fixture_registry: FixtureRegistry, tmp_path: Path, computed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    locked = _publish(fixture_registry, "fc-flaky")
    old_path = "/" + locked["1.0.0"].tarball_url.split("/", 3)[3]
    fixture_registry.fail(old_path, 503, 503, 503, 503)  # the first try and three retries
    project = write_project(tmp_path / "app", [locked["1.0.1"]])
    cache = tmp_path / "cache"
    first = _signals(_report(project, fixture_registry, cache, capsys),
                     "fc-flaky")
    assert first["suspicious-code"]["details"]["compared_with"] is None

    fixture_registry.faults.clear()  # the registry answers again
    computed.clear()
    second = _signals(_report(project, fixture_registry, cache, capsys), "fc-flaky")
    assert computed == ["fc-flaky@1.0.1"]
    assert second["suspicious-code"]["details"]["compared_with"] == "1.0.0"


def _review(config: RegistryConfig, package: Package, settings: ReviewSettings) -> list[Any]:
    async def run() -> list[Any]:
        async with RegistryService(config) as service:
            graph = Graph(LockfileInfo(Path("package-lock.json"), "npm", "3"))
            return await engine.review_package(package, graph, service, settings,
                                               registry_advisories=None)

    try:
        return asyncio.run(run())
    finally:
        findings_cache.flush(settings.scan_cache_dir)


def test_release_age_settings_and_rules(
        fixture_registry: FixtureRegistry, registry_config: Any, tmp_path: Path,
        computed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    package = _package(fixture_registry, "fc-age", "1.0.1")
    config = registry_config()
    published = datetime(2025, 2, 1, tzinfo=UTC)  # serve() publishes 1.0.1 on Feb 1st
    young = ReviewSettings(now=published + timedelta(days=2), scan_cache_dir=config.cache_dir)
    old = ReviewSettings(now=published + timedelta(days=30), scan_cache_dir=config.cache_dir)

    first = _review(config, package, young)
    assert [f.id for f in first if f.id == "recent-release"] == ["recent-release"]
    assert computed == [package.key]

    # the clock moved on: the same cache entry, release age decided again
    later = _review(config, package, old)
    assert computed == [package.key]
    assert "recent-release" not in {f.id for f in later}
    assert [f.to_json() for f in later] == [f.to_json() for f in first
                                            if f.id != "recent-release"]

    # settings that change the findings are part of the key
    no_tarballs = ReviewSettings(now=old.now, scan_cache_dir=config.cache_dir,
                                 read_tarballs=False)
    _review(config, package, no_tarballs)
    assert computed == [package.key] * 2

    # so are the rules
    monkeypatch.setattr(findings_cache, "_RULES", "other rules")
    _review(config, package, old)
    assert computed == [package.key] * 3


def test_an_unreadable_cache_file_is_rebuilt(
        fixture_registry: FixtureRegistry, tmp_path: Path, computed: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    locked = _publish(fixture_registry, "fc-garbage")
    project = write_project(tmp_path / "app", [locked["1.0.1"]])
    cache = tmp_path / "cache"
    cold = _report(project, fixture_registry, cache, capsys)
    findings_cache.close_all()
    store = cache / "findings" / "findings-v1.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    store.write_bytes(b"this is not a database" * 100)
    computed.clear()
    assert _report(project, fixture_registry, cache, capsys) == cold
    assert computed == ["fc-garbage@1.0.1"]
    computed.clear()
    assert _report(project, fixture_registry, cache, capsys) == cold and computed == []


def test_a_stored_row_that_is_not_findings_is_computed_again(
        fixture_registry: FixtureRegistry, registry_config: Any, computed: list[str]) -> None:
    package = _package(fixture_registry, "fc-row", "1.0.0")
    config = registry_config()
    settings = ReviewSettings(scan_cache_dir=config.cache_dir)
    first = _review(config, package, settings)
    store = findings_cache._store(config.cache_dir)
    connection = store._open()
    assert connection is not None
    connection.execute("UPDATE findings SET value = ?", (b'{"f": [{"id": 1}], "p": 3}',))
    computed.clear()
    assert [f.to_json() for f in _review(config, package, settings)] == \
        [f.to_json() for f in first]
    assert computed == [package.key]


def test_the_record_keeps_its_digest_and_old_records_get_one(tmp_path: Path) -> None:
    cache = MetadataCache(tmp_path)
    cache.store("full:x", b'{"a": 1}', CacheRecord(1.0, None, None, 8))
    stored = cache.record("full:x")
    assert stored is not None and stored.digest is not None
    cache.renew("full:x", CacheRecord(2.0, None, None, 8, stored.digest))
    renewed = cache.record("full:x")
    assert renewed is not None and renewed.fetched_at == 2.0 and renewed.digest == stored.digest
    cache.store("full:x", b'{"a": 2}', CacheRecord(3.0, None, None, 8))
    changed = cache.record("full:x")
    assert changed is not None and changed.digest != stored.digest
    cache.close()


async def test_a_record_written_before_digests_is_given_one(
        fixture_registry: FixtureRegistry, registry_config: Any) -> None:
    _publish(fixture_registry, "fc-old")
    config = registry_config()
    async with RegistryService(config) as service:
        await service.packument("fc-old")
        stamp = await service.packument_stamp("fc-old")
    assert stamp is not None
    cache = MetadataCache(config.cache_dir)
    key = f"full:{config.document_url('fc-old')}"
    held = cache.entry(key)
    assert held is not None
    body, record = held
    # as written by an older reviewer: no digest in either copy of the record
    raw = cache._open()
    assert raw is not None
    text = json.dumps({"t": record.fetched_at, "n": record.size})
    raw.set("body:" + key, body, tag=text)
    raw.set("meta:" + key, text)
    assert cache.record(key) is not None and cache.record(key).digest is None  # type: ignore[union-attr]
    cache.close()
    async with RegistryService(config) as service:
        assert await service.packument_stamp("fc-old") == stamp
    cache = MetadataCache(config.cache_dir)
    assert cache.record(key).digest == stamp  # type: ignore[union-attr]
    cache.close()


def test_many_records_are_read_at_once_as_one_by_one(tmp_path: Path) -> None:
    cache = MetadataCache(tmp_path)
    keys = [f"full:https://r.example/p{i}" for i in range(1203)]  # three batches
    for index, key in enumerate(keys[:1100]):
        cache.store(key, f'{{"n": {index}}}'.encode(), CacheRecord(float(index), None, None, 9))
    found = cache.records(keys)
    assert len(found) == 1100 and set(found) == set(keys[:1100])
    assert all(found[key] == cache.record(key) for key in keys[:1100])
    assert cache.records([]) == {}
    cache.close()


async def test_stamps_read_at_once_are_the_stamps_read_one_by_one(
        fixture_registry: FixtureRegistry, registry_config: Any) -> None:
    for name in ("fc-s1", "fc-s2"):
        _publish(fixture_registry, name)
    config = registry_config()
    async with RegistryService(config) as service:
        single = {name: await service.packument_stamp(name) for name in ("fc-s1", "fc-s2")}
    async with RegistryService(config) as service:
        before = len(fixture_registry.requests)
        service.prefetch_stamps(["fc-s1", "fc-s2", "fc-unknown"])
        assert set(service._stamps.values()) == set(single.values())
        assert {name: await service.packument_stamp(name) for name in single} == single
        assert len(fixture_registry.requests) == before  # nothing asked of the registry


def test_a_cache_file_past_its_bound_starts_afresh(
        fixture_registry: FixtureRegistry, registry_config: Any, computed: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    package = _package(fixture_registry, "fc-big", "1.0.0")
    config = registry_config()
    settings = ReviewSettings(scan_cache_dir=config.cache_dir)
    _review(config, package, settings)
    findings_cache.close_all()
    _review(config, package, settings)
    assert computed == [package.key]  # read back
    findings_cache.close_all()
    monkeypatch.setattr(findings_cache, "MAX_BYTES", 1)
    _review(config, package, settings)
    assert computed == [package.key] * 2  # the file was over the bound: computed again


def test_a_cache_that_cannot_be_written_only_costs_time(
        fixture_registry: FixtureRegistry, registry_config: Any, tmp_path: Path,
        computed: list[str]) -> None:
    package = _package(fixture_registry, "fc-ro", "1.0.0")
    config = registry_config()
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the findings folder would go")
    settings = ReviewSettings(scan_cache_dir=blocked)
    first = _review(config, package, settings)
    again = _review(config, package, settings)
    assert [f.to_json() for f in again] == [f.to_json() for f in first]
    assert computed == [package.key] * 2  # no cache, no error
