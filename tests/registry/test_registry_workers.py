"""Big documents are converted in a worker process (issue 17), with the same result as in
this process, errors carried back, and a thread when the pool is off or broken."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from reviewer import workers
from reviewer.errors import RegistryError
from reviewer.registry.parse import parse_packument
from reviewer.registry.service import _WORKER_THRESHOLD, RegistryService


def _big_packument(name: str) -> dict:
    versions = {}
    for index in range(150):
        version = f"2.{index}.0"
        versions[version] = {
            "name": name, "version": version, "license": "MIT",
            "scripts": {"postinstall": f"node setup-{index % 3}.js"},
            "dependencies": {f"dep-{k}": f"^{index}.{k}.0" for k in range(10)},
            "maintainers": [{"name": "alice", "email": "alice@example.test"}],
            "_npmUser": {"name": "alice" if index % 7 else "bob", "email": "a@example.test"},
            "dist": {"integrity": f"sha512-{index:05d}" + "B" * 81 + "==",
                     "tarball": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz"},
        }
    return {"name": name, "dist-tags": {"latest": "2.149.0"}, "versions": versions,
            "time": {"created": "2015-01-01T00:00:00.000Z",
                     **{v: f"2021-02-{1 + i % 28:02d}T00:00:00.000Z"
                        for i, v in enumerate(versions)}}}


@pytest.fixture
def fresh_pool():
    workers.shutdown()
    yield
    workers.shutdown()


async def test_big_documents_are_converted_in_a_worker(fixture_registry, registry_config,
                                                       fresh_pool):
    if workers.worker_count() == 0:
        pytest.fail("this machine has one CPU: the pool path cannot be exercised")
    raw = _big_packument("heavy")
    fixture_registry.add_packument(raw)
    async with RegistryService(registry_config()) as service:
        document = await service.packument("heavy")
    assert workers._pool is not None  # the document went through the pool
    assert fixture_registry.bytes_sent > _WORKER_THRESHOLD
    expected = parse_packument(raw)
    assert list(document.versions) == list(expected.versions)
    for version in ("2.0.0", "2.77.0", "2.149.0"):
        got, want = document.versions[version], expected.versions[version]
        assert (got.scripts, got.dependencies, got.publisher, got.integrity) == (
            want.scripts, want.dependencies, want.publisher, want.integrity)
    assert document.versions["2.7.0"].publisher.name == "bob"


async def test_errors_come_back_from_the_worker(fixture_registry, registry_config, fresh_pool):
    fixture_registry.add_packument(_big_packument("heavy"))
    fixture_registry.malformed("/heavy")
    async with RegistryService(registry_config(retries=0)) as service:
        with pytest.raises(RegistryError, match="sent malformed JSON"):
            await service.packument("heavy")


async def test_no_pool_or_a_broken_pool_runs_in_a_thread(fixture_registry, registry_config,
                                                         fresh_pool, monkeypatch):
    if workers.worker_count() > 0:
        pid = await workers.run(os.getpid)
        assert pid != os.getpid()
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # until the executor notices its lost worker
            if await workers.run(os.getpid) == os.getpid():
                break
        assert await workers.run(os.getpid) == os.getpid()  # broken: in a thread now
    workers.shutdown()
    monkeypatch.setenv("REVIEWER_WORKERS", "0")
    assert workers.worker_count() == 0
    assert await workers.run(os.getpid) == os.getpid()
    fixture_registry.add_packument(_big_packument("heavy"))
    async with RegistryService(registry_config()) as service:
        assert len((await service.packument("heavy")).versions) == 150
    assert workers._pool is None


async def test_a_spared_process_leaves_the_work_to_the_workers(fresh_pool):
    """The terminal UI's process is spared: past two waiting jobs per worker, work waits for
    a worker instead of running in a thread here (where it would hold the GIL the screen's
    event loop needs); elsewhere it runs here."""
    count = workers.worker_count()
    if count == 0:
        pytest.fail("this machine has one CPU: the pool path cannot be exercised")
    assert await workers.run(os.getpid) != os.getpid()  # the pool is up

    async def with_the_workers_busy() -> int:
        busy = [asyncio.ensure_future(workers.run(time.sleep, 0.5)) for _ in range(2 * count)]
        await asyncio.sleep(0)  # each has taken its place in the pool
        pid = await workers.run(os.getpid)
        await asyncio.gather(*busy)
        return pid

    assert await with_the_workers_busy() == os.getpid()  # not spared: done here
    workers.spare_this_process()
    assert await with_the_workers_busy() != os.getpid()  # spared: it waited for a worker


async def test_shutdown_stops_a_running_job_and_it_is_not_redone_here(fresh_pool):
    if workers.worker_count() == 0:
        pytest.fail("this machine has one CPU: the pool path cannot be exercised")
    assert await workers.run(os.getpid) != os.getpid()
    job = asyncio.ensure_future(workers.run(time.sleep, 60))
    await asyncio.sleep(0.5)  # the worker sleeps
    started = time.monotonic()
    workers.shutdown()
    with pytest.raises(asyncio.CancelledError):
        await job
    assert time.monotonic() - started < 10  # terminated, not waited for (nor slept here)
    assert await workers.run(os.getpid) != os.getpid()  # a new pool after a shutdown
