"""The fetch helper: a second process that fetches documents beside a large scan
(`registry/fetch_helper.py`, `app/scan.py`), against the fixture registry on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from reviewer import workers
from reviewer.app.scan import HELPER_MIN_NAMES, Scanner
from reviewer.graph import Graph
from reviewer.graph.model import LockfileInfo, Package, Source
from reviewer.registry.cache import MetadataCache
from reviewer.registry.fetch_helper import FetchHelper, HelperOutcome
from reviewer.registry.service import DocKind, RegistryService

COUNT = HELPER_MIN_NAMES + 36
MISSING = "zz-not-there"
"""Last in name order: the helper takes names from that end."""



def _names() -> list[str]:
    return [f"pkg-{index:03d}" for index in range(COUNT)]


def _packument(name: str) -> dict[str, Any]:
    versions = {
        version: {"name": name, "version": version, "description": f"{name} {version}",
                  "scripts": {"postinstall": "node x.js"} if version == "2.0.0" else {},
                  "dist": {"tarball": f"http://example.invalid/{name}-{version}.tgz"}}
        for version in ("1.0.0", "2.0.0")
    }
    return {"name": name, "dist-tags": {"latest": "2.0.0"}, "versions": versions,
            "time": {"1.0.0": "2020-01-01T00:00:00.000Z", "2.0.0": "2021-01-01T00:00:00.000Z"},
            "padding": "x" * 2000}


@pytest.fixture(autouse=True)
def processes_allowed():
    """A TUI test earlier in this process turns worker processes off for it (as the app
    does for its own process): each test here starts from a process that allows them."""
    workers.shutdown()
    yield
    workers.shutdown()


@pytest.fixture
def many(fixture_registry):
    for name in _names():
        fixture_registry.add_packument(_packument(name))
    return fixture_registry


def _graph(names: list[str]) -> Graph:
    graph = Graph(lockfile=LockfileInfo(Path("package-lock.json"), "npm", "3"))
    for name in names:
        graph.add_package(Package(name=name, version="2.0.0", source=Source.REGISTRY))
    return graph


def _helpers() -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "reviewer-fetch"]


async def test_a_large_scan_fetches_half_in_a_helper_process(many, registry_config):
    progress = []
    warnings: list[str] = []
    async with RegistryService(registry_config(), warn=warnings.append) as service:
        summary = await Scanner(_graph([*_names(), MISSING]), service,
                                on_progress=progress.append).run()
        own = service.client.stats.requests
    assert (summary.fetched, summary.total) == (COUNT, COUNT + 1)
    assert [(f.name, "not found" in f.reason) for f in summary.failed] == [(MISSING, True)]
    assert [p.done for p in progress] == list(range(1, COUNT + 2))
    assert {p.name for p in progress} == {*_names(), MISSING}
    # every document asked for once, by one of the two processes; both did a share
    asked = [r.path for r in many.requests]
    assert sorted(asked) == sorted(f"/{name}" for name in [*_names(), MISSING])
    assert summary.requests == COUNT + 1
    assert 0 < own < COUNT + 1
    assert summary.bytes_received > COUNT * 2000
    assert warnings == [] and _helpers() == []
    # what the helper stored is whole and usable here: a warm scan asks for nothing
    before = len(many.requests)
    async with RegistryService(registry_config()) as service:
        warm = await Scanner(_graph(_names()), service).run()
        last = await service.packument(_names()[-1])
    assert (warm.fetched, warm.from_cache, warm.requests) == (0, COUNT, 0)
    assert len(many.requests) == before
    assert last.versions["2.0.0"].scripts == {"postinstall": "node x.js"}


async def test_the_helper_revalidates_what_the_lockfile_names(many, registry_config):
    many.etag = False  # as the mirror: no validators
    async with RegistryService(registry_config()) as service:
        await Scanner(_graph(_names()), service).run()
    # a day later, on a registry without validators: only the small documents are asked for
    before = len(many.requests)
    async with RegistryService(registry_config(freshness_seconds=0)) as service:
        stale = await Scanner(_graph(_names()), service).run()
    assert stale.revalidated == COUNT and stale.fetched == 0
    asked = sorted(r.path for r in many.requests[before:])
    assert asked == sorted([f"/-/package/{n}/dist-tags" for n in _names()]
                           + [f"/{n}/2.0.0" for n in _names()])


async def _scan_until_the_helper_asks(
        service: RegistryService, registry: Any) -> tuple[Scanner, asyncio.Future[Any]]:
    """A scan of every name, running, once its helper asked for its first name (the last)."""
    scanner = Scanner(_graph(_names()), service)
    task = asyncio.ensure_future(scanner.run())
    deadline = time.monotonic() + 30
    while not registry.requests_for(f"/{_names()[-1]}") and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    return scanner, task


async def test_a_helper_that_dies_leaves_its_names_to_the_scan(many, registry_config):
    for name in _names()[-20:]:  # the helper's end of the list is slow
        many.slow(f"/{name}", 1.0)
    async with RegistryService(registry_config()) as service:
        scanner, task = await _scan_until_the_helper_asks(service, many)
        (helper,) = _helpers()
        os.kill(helper.pid, signal.SIGKILL)
        summary = await asyncio.wait_for(task, 60)
    assert summary.fetched == COUNT and summary.failed == []
    async with RegistryService(registry_config()) as service:
        warm = await Scanner(_graph(_names()), service).run()
    assert warm.from_cache == COUNT


async def test_a_cancelled_scan_stops_its_helper(many, registry_config):
    for name in _names():
        many.slow(f"/{name}", 0.5)
    async with RegistryService(registry_config()) as service:
        scanner, task = await _scan_until_the_helper_asks(service, many)
        assert _helpers()
        await asyncio.sleep(1.0)  # the helper's first answer (0.5 s) is in and reported
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert scanner.summary.cancelled
    # what both processes fetched counts, the killed helper's share too
    assert 0 < scanner.summary.fetched <= scanner.summary.requests
    assert scanner.summary.requests > service.client.stats.requests  # the helper's share
    deadline = time.monotonic() + 10
    while _helpers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _helpers() == []


async def test_no_helper_where_it_cannot_help_or_be_exact(many, registry_config, monkeypatch):
    def started(**options: Any) -> bool:
        service = RegistryService(registry_config(**options))
        helper = service.fetch_helper(DocKind.FULL, 4, lambda *args: None)
        if helper is None:
            return False
        helper.kill()
        return True

    assert started()
    assert not started(offline=True)
    assert not started(cache_dir=None)  # its documents would be lost
    with_clock = RegistryService(registry_config(), clock=lambda: time.time() + 3600)
    assert with_clock.fetch_helper(DocKind.FULL, 4, lambda *args: None) is None
    monkeypatch.setenv("REVIEWER_WORKERS", "0")
    assert not started()
    # a small scan does it all here
    monkeypatch.delenv("REVIEWER_WORKERS")
    async with RegistryService(registry_config()) as service:
        small = await Scanner(_graph(_names()[:HELPER_MIN_NAMES - 1]), service).run()
        assert service.client.stats.requests == small.requests == HELPER_MIN_NAMES - 1


def test_a_worker_s_cache_never_rebuilds_what_it_cannot_read(tmp_path):
    root = tmp_path / "cache"
    directory = MetadataCache(root).directory
    directory.mkdir(parents=True)
    (directory / "cache.db").write_bytes(b"not a database" * 100)
    warnings: list[str] = []
    cache = MetadataCache(root, warn=warnings.append, rebuild=False)
    assert cache.record("full:x") is None
    assert (directory / "cache.db").read_bytes().startswith(b"not a database")
    assert len(warnings) == 1 and "disabled for this run" in warnings[0]


def test_ctrl_c_stops_a_large_scan_and_its_helper(many, tmp_path):
    for name in _names():
        many.slow(f"/{name}", 1.0)
    project = tmp_path / "project"
    project.mkdir()
    dependencies = dict.fromkeys(_names(), "^2.0.0")
    (project / "package.json").write_text(json.dumps(
        {"name": "demo", "version": "1.0.0", "dependencies": dependencies}))
    packages: dict[str, Any] = {"": {"name": "demo", "version": "1.0.0",
                                     "dependencies": dependencies}}
    packages.update({f"node_modules/{name}": {"version": "2.0.0"} for name in _names()})
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "demo", "version": "1.0.0", "lockfileVersion": 3, "packages": packages}))
    mark = uuid.uuid4().hex
    env = {**os.environ, "NPM_CONFIG_USERCONFIG": str(tmp_path / "none"),
           "REVIEWER_TEST_MARK": mark, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [sys.executable, "-m", "reviewer", "scan", str(project),
               "--registry", many.url, "--cache-dir", str(tmp_path / "c")]
    # Ctrl-C as a terminal sends it, even where this test runs with SIGINT ignored (a
    # background job of a shell): the scan starts with the default disposition
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not many.requests_for(f"/{_names()[-1]}"):
        time.sleep(0.05)  # the helper asked for its first name (the last one)
    assert len(_marked(mark)) >= 2  # the scan and its helper
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, (out, err)
    assert "interrupted after" in out and "Traceback" not in err
    deadline = time.monotonic() + 10
    while _marked(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _marked(mark) == []


def _marked(mark: str) -> list[int]:
    """Live processes (not zombies) started with REVIEWER_TEST_MARK=mark."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f"REVIEWER_TEST_MARK={mark}".encode() not in (entry / "environ").read_bytes():
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            found.append(int(entry.name))
    return found


async def test_a_helper_that_fails_says_so_once_without_a_traceback(many, registry_config,
                                                                    capfd):
    finished: list[str] = []
    over: list[HelperOutcome] = []
    # an unexpected error in the helper (here: a kind of document it does not know)
    helper = FetchHelper.start(registry_config(), "no-such-kind", 4,
                               lambda name, origin, error: finished.append(name), over.append)
    assert helper is not None
    assert helper.give("pkg-000", ["2.0.0"]) and helper.give("pkg-001", [])
    outcome = await asyncio.wait_for(helper.finish(), 30)
    assert finished == [] and outcome.lost == ["pkg-000", "pkg-001"]
    assert over == [outcome] and len(outcome.warnings) == 1
    assert outcome.warnings[0].startswith("the fetch helper process stopped (ValueError: ")
    assert "Traceback" not in capfd.readouterr().err
    assert not helper.give("pkg-002", [])  # over: the caller keeps its names
