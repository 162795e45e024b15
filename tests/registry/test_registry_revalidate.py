"""The cache knows what is immutable (issue 17): on a registry without ETags, a stale
packument is revalidated through its dist-tags and the per-version documents of the locked
versions, never downloaded again unless a version was published; bytes counted by the
fixture registry itself."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import pytest

from reviewer.app.scan import Scanner
from reviewer.cli.main import main
from reviewer.graph import Graph
from reviewer.graph.model import LockfileInfo, Package, Source
from reviewer.registry.config import parse_duration
from reviewer.registry.service import Origin, RegistryService

HOUR = 3600.0
DAY = 86400.0


def _packument(name: str, count: int) -> dict:
    """A packument shaped like the registry's: `count` versions with scripts, dependencies,
    maintainers and publish times."""
    versions, times = {}, {"created": "2015-01-01T00:00:00.000Z",
                           "modified": "2026-01-01T00:00:00.000Z"}
    for index in range(count):
        version = f"1.{index}.0"
        versions[version] = {
            "name": name, "version": version, "description": f"the {name} package",
            "license": "MIT", "main": "index.js",
            "scripts": {"test": "mocha", "build": f"tsc -p . --v{index}"},
            "dependencies": {f"dep-{(index + k) % 30}": f"^{k}.{index}.0" for k in range(8)},
            "repository": {"type": "git", "url": f"git+https://github.com/example/{name}.git"},
            "maintainers": [{"name": "alice", "email": "alice@example.test"}],
            "_npmUser": {"name": "alice", "email": "alice@example.test"},
            "dist": {"integrity": f"sha512-{index:04d}" + "A" * 82 + "==",
                     "shasum": f"{index:040d}",
                     "tarball": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"},
        }
        times[version] = f"2020-01-{1 + index % 28:02d}T00:00:00.000Z"
    return {"_id": name, "name": name, "dist-tags": {"latest": f"1.{count - 1}.0"},
            "versions": versions, "time": times,
            "maintainers": [{"name": "alice", "email": "alice@example.test"}]}


NAMES = {"alpha": 80, "beta": 40, "gamma": 120}
LOCKED = [("alpha", "1.79.0"), ("alpha", "1.12.0"), ("beta", "1.30.0"), ("gamma", "1.119.0")]


def _graph() -> Graph:
    graph = Graph(lockfile=LockfileInfo(Path("package-lock.json"), "npm", "3"))
    for name, version in LOCKED:
        graph.add_package(Package(name=name, version=version, source=Source.REGISTRY))
    return graph


@pytest.fixture
def plain_registry(fixture_registry):
    """The fixture registry serving three many-version packages, with no validators."""
    fixture_registry.etag = False
    fixture_registry.last_modified = False
    for name, count in NAMES.items():
        fixture_registry.add_packument(_packument(name, count))
    return fixture_registry


async def _scan(config, clock=time.time):
    async with RegistryService(config, clock=clock) as service:
        return await Scanner(_graph(), service).run()


async def test_rescan_an_hour_later_transfers_nothing_by_default(plain_registry,
                                                                 registry_config):
    cold = await _scan(registry_config())
    assert cold.fetched == 3 and plain_registry.bytes_sent > 100_000
    sent, asked = plain_registry.bytes_sent, len(plain_registry.requests)
    later = time.time() + HOUR
    warm = await _scan(registry_config(), clock=lambda: later)
    assert (warm.from_cache, warm.requests) == (3, 0)
    assert (plain_registry.bytes_sent, len(plain_registry.requests)) == (sent, asked)


async def test_due_revalidation_asks_only_what_can_change(plain_registry, registry_config):
    await _scan(registry_config())
    cold_bytes = plain_registry.bytes_sent
    plain_registry.requests.clear()
    later = time.time() + DAY + HOUR  # the default schedule (a day) is due
    again = await _scan(registry_config(), clock=lambda: later)
    assert (again.revalidated, again.fetched, again.failed) == (3, 0, [])
    paths = sorted(r.path for r in plain_registry.requests)
    assert paths == sorted([f"/-/package/{n}/dist-tags" for n in NAMES] +
                           [f"/{n}/{v}" for n, v in LOCKED])
    spent = plain_registry.bytes_sent - cold_bytes
    assert 0 < spent < 0.05 * cold_bytes, (spent, cold_bytes)
    # renewed: right after, nothing is asked again
    plain_registry.requests.clear()
    after = await _scan(registry_config(), clock=lambda: later + 60)
    assert after.from_cache == 3 and plain_registry.requests == []


async def test_deprecation_of_a_locked_version_is_seen(plain_registry, registry_config):
    await _scan(registry_config())
    changed = copy.deepcopy(plain_registry.packuments["alpha"])
    changed["versions"]["1.12.0"]["deprecated"] = "use 2.x, this one leaks tokens"
    changed["versions"]["1.12.0"]["maintainers"] = [{"name": "mallory", "email": "m@x.test"}]
    plain_registry.add_packument(changed)
    plain_registry.requests.clear()
    async with RegistryService(registry_config(refresh=True)) as service:
        service.track(LOCKED)
        assert await service.prefetch("alpha") is Origin.REVALIDATED
        manifest = (await service.packument("alpha")).versions["1.12.0"]
    assert manifest.deprecated == "use 2.x, this one leaks tokens"
    assert [p.name for p in manifest.maintainers or ()] == ["mallory"]
    assert "/alpha" not in [r.path for r in plain_registry.requests]  # not downloaded again
    # what was spliced in is in the cache: offline sees it too
    async with RegistryService(registry_config(offline=True)) as service:
        cached = (await service.packument("alpha")).versions
    assert cached["1.12.0"].deprecated == "use 2.x, this one leaks tokens"
    assert cached["1.13.0"].deprecated is None and len(cached) == 80


async def test_a_new_version_fetches_the_packument_again(plain_registry, registry_config):
    await _scan(registry_config())
    plain_registry.add_packument(_packument("beta", 41))  # 1.40.0 published, latest moved
    plain_registry.requests.clear()
    async with RegistryService(registry_config(refresh=True)) as service:
        service.track(LOCKED)
        assert await service.prefetch("beta") is Origin.FETCHED
        assert "1.40.0" in (await service.packument("beta")).versions
    # the tags moved: the packument comes again (the locked version's document was asked
    # for side by side, in the same round trip)
    assert sorted(r.path for r in plain_registry.requests) == [
        "/-/package/beta/dist-tags", "/beta", "/beta/1.30.0"]


async def test_unpublished_locked_version_or_no_dist_tags_endpoint_fall_back(
        plain_registry, registry_config):
    await _scan(registry_config())
    gone = copy.deepcopy(plain_registry.packuments["gamma"])
    del gone["versions"]["1.119.0"]
    plain_registry.add_packument(gone)
    plain_registry.fail("/-/package/alpha/dist-tags", 404)
    plain_registry.requests.clear()
    async with RegistryService(registry_config(refresh=True)) as service:
        service.track(LOCKED)
        assert await service.prefetch("alpha") is Origin.FETCHED
        assert await service.prefetch("gamma") is Origin.FETCHED
        assert "1.119.0" not in (await service.packument("gamma")).versions
    paths = [r.path for r in plain_registry.requests]
    assert paths.count("/alpha") == 1 and paths.count("/gamma") == 1


async def test_refresh_asks_once_per_run(plain_registry, registry_config):
    await _scan(registry_config())
    plain_registry.requests.clear()
    async with RegistryService(registry_config(refresh=True)) as service:
        assert await service.prefetch("beta") is Origin.REVALIDATED
        assert await service.prefetch("beta") is Origin.CACHE
        await service.packument("beta")
    assert [r.path for r in plain_registry.requests] == ["/-/package/beta/dist-tags"]


async def test_registry_with_etags_still_revalidates_with_them(fixture_registry,
                                                               registry_config):
    fixture_registry.add_packument(_packument("alpha", 10))
    async with RegistryService(registry_config()) as service:
        await service.packument("alpha")
    later = time.time() + 2 * DAY
    async with RegistryService(registry_config(), clock=lambda: later) as service:
        assert await service.prefetch("alpha") is Origin.REVALIDATED
    second = fixture_registry.requests_for("/alpha")[1]
    assert second.headers["if-none-match"].startswith('"')
    assert fixture_registry.requests_for("/-/package/alpha/dist-tags") == []


@pytest.mark.parametrize(("text", "seconds"), [("90", 90.0), ("90s", 90.0), ("30m", 1800.0),
                                               ("12h", 43200.0), ("2d", 172800.0),
                                               ("0", 0.0)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-1h", "1w", "nan", "inf"])
def test_bad_durations(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_cli_refresh_and_schedule(plain_registry, tmp_path, capsys):
    project = tmp_path / "project"
    project.mkdir()
    (project / "package.json").write_text(
        '{"name": "p", "version": "1.0.0", "dependencies": {"beta": "^1.0.0"}}')
    packages = {"": {"name": "p", "version": "1.0.0", "dependencies": {"beta": "^1.0.0"}},
                "node_modules/beta": {"version": "1.30.0",
                                      "resolved": f"{plain_registry.url}beta/-/beta-1.30.0.tgz"}}
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "p", "version": "1.0.0", "lockfileVersion": 3, "packages": packages}))
    common = ["--registry", plain_registry.url, "--cache-dir", str(tmp_path / "cache")]
    assert main(["scan", str(project), *common]) == 0
    assert "1 fetched" in capsys.readouterr().out
    assert main(["scan", str(project), *common]) == 0
    assert "1 from cache" in capsys.readouterr().out
    plain_registry.requests.clear()
    assert main(["scan", str(project), "--refresh", *common]) == 0
    assert "1 revalidated" in capsys.readouterr().out
    assert sorted(r.path for r in plain_registry.requests) == [
        "/-/package/beta/dist-tags", "/beta/1.30.0"]
    assert main(["scan", str(project), "--revalidate-after", "0s", *common]) == 0
    assert "1 revalidated" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        main(["scan", str(project), "--revalidate-after", "soon", *common])
    assert exit_info.value.code == 2
    assert "not a duration" in capsys.readouterr().err
