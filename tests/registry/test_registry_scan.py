"""The whole-tree scan (core and `reviewer scan` / `reviewer cache`), over the fixture registry."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from reviewer.app.scan import Scanner
from reviewer.cli.main import main
from reviewer.graph import Graph
from reviewer.graph.model import LockfileInfo, Package, Source
from reviewer.registry.service import RegistryService

SCOPED = "@isaacs/string-locale-compare"


def _graph() -> Graph:
    graph = Graph(lockfile=LockfileInfo(Path("package-lock.json"), "npm", "3"))
    for name, version, source in [
        ("left-pad", "1.3.0", Source.REGISTRY), ("left-pad", "1.2.0", Source.REGISTRY),
        ("bufferutil", "4.1.0", Source.REGISTRY), (SCOPED, "1.1.0", Source.REGISTRY),
        ("not-there", "1.0.0", Source.REGISTRY), ("gitdep", "0.1.0", Source.GIT),
        ("local", "1.0.0", Source.LINK),
    ]:
        graph.add_package(Package(name=name, version=version, source=source))
    return graph


async def test_scan_summary_counts_and_skips(fixture_registry, registry_config):
    progress = []
    async with RegistryService(registry_config()) as service:
        summary = await Scanner(_graph(), service, on_progress=progress.append).run()
    assert summary.total == 4  # names, not versions; non-registry sources skipped
    assert (summary.fetched, summary.from_cache, summary.revalidated) == (3, 0, 0)
    assert [(f.name, "not found" in f.reason) for f in summary.failed] == [("not-there", True)]
    assert [(s.key, s.reason) for s in summary.skipped] == [
        ("gitdep@0.1.0", "git source: no registry metadata"),
        ("local@1.0.0", "link: no registry metadata")]
    assert summary.requests == 4 and summary.bytes_received > 10_000
    assert [p.done for p in progress] == [1, 2, 3, 4] and progress[-1].total == 4
    assert progress[-1].rate > 0 and progress[-1].eta == 0


async def test_warm_scan_makes_no_request_and_stale_revalidates(fixture_registry,
                                                                registry_config):
    async with RegistryService(registry_config()) as service:
        await Scanner(_graph(), service).run()
    before = len(fixture_registry.requests)
    async with RegistryService(registry_config()) as service:
        warm = await Scanner(_graph(), service).run()
    assert (warm.fetched, warm.from_cache, len(warm.failed)) == (0, 3, 1)
    assert len(fixture_registry.requests) == before + 1  # only the missing package again
    assert service.transfer_stats.requests == 1
    async with RegistryService(registry_config(freshness_seconds=0)) as service:
        stale = await Scanner(_graph(), service).run()
    assert stale.revalidated == 3


async def test_cancelled_scan_leaves_a_usable_cache(fixture_registry, registry_config):
    fixture_registry.slow("/bufferutil", 10.0)
    warnings: list[str] = []
    async with RegistryService(registry_config(), warn=warnings.append) as service:
        scanner = Scanner(_graph(), service)
        task = asyncio.ensure_future(scanner.run())
        for _ in range(200):  # until every fast document is in (bufferutil hangs)
            if scanner.summary.fetched + len(scanner.summary.failed) >= 3:
                break
            await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert scanner.summary.cancelled and scanner.summary.fetched == 2
    fixture_registry.faults.clear()
    async with RegistryService(registry_config(), warn=warnings.append) as service:
        again = await Scanner(_graph(), service).run()
    assert again.from_cache == scanner.summary.fetched and again.fetched == 3 - again.from_cache
    assert warnings == []


def _project(tmp_path: Path, registry_url: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "package.json").write_text(json.dumps({
        "name": "demo", "version": "1.0.0",
        "dependencies": {"left-pad": "^1.3.0", SCOPED: "^1.1.0"}}))
    packages = {
        "": {"name": "demo", "version": "1.0.0",
             "dependencies": {"left-pad": "^1.3.0", SCOPED: "^1.1.0"}},
        "node_modules/left-pad": {"version": "1.3.0",
                                  "resolved": f"{registry_url}left-pad/-/left-pad-1.3.0.tgz"},
        f"node_modules/{SCOPED}": {"version": "1.1.0"},
    }
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "demo", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
         "packages": packages}))
    return project


def test_scan_command_and_cache_command(fixture_registry, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NPM_CONFIG_USERCONFIG", str(tmp_path / "no-npmrc"))
    project = _project(tmp_path, fixture_registry.url)
    common = ["--registry", fixture_registry.url, "--cache-dir", str(tmp_path / "c")]
    assert main(["scan", str(project), *common]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("2 packages: 2 fetched, 0 from cache, 0 revalidated, 0 failed")
    assert out.err == ""  # stderr is not a terminal: no progress line
    assert main(["scan", str(project), *common]) == 0
    assert "0 fetched, 2 from cache" in capsys.readouterr().out
    assert main(["cache", "info", "--json", *common[2:]]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["documents"] == 2 and info["size_bytes"] > 0
    assert info["location"] == str(tmp_path / "c" / "metadata-v2")
    # the scan kept the parsed lockfile beside the documents
    assert info["graphs"] == 1 and info["graphs_size_bytes"] > 0
    assert info["graphs_location"] == str(tmp_path / "c" / "graphs-v1")
    assert main(["cache", "clear", *common[2:]]) == 0
    cleared = capsys.readouterr().out
    assert cleared.startswith("removed 2 documents")
    assert "removed 1 parsed lockfiles" in cleared
    assert main(["cache", "info", *common[2:]]) == 0
    out = capsys.readouterr().out
    assert "documents: 0" in out and "parsed lockfiles: 0 (0 B)" in out


def test_scan_command_failures_exit_1_and_offline_misses(fixture_registry, tmp_path, capsys,
                                                         monkeypatch):
    monkeypatch.setenv("NPM_CONFIG_USERCONFIG", str(tmp_path / "no-npmrc"))
    project = _project(tmp_path, fixture_registry.url)
    fixture_registry.remove("left-pad")
    common = ["--registry", fixture_registry.url, "--cache-dir", str(tmp_path / "c")]
    assert main(["scan", str(project), *common]) == 1
    out = capsys.readouterr().out
    assert "1 failed" in out and "failed left-pad: left-pad not found on 127.0.0.1" in out
    assert main(["scan", str(project), "--offline", *common]) == 1
    out = capsys.readouterr().out
    assert "1 from cache" in out
    assert "packument of left-pad is not in the cache (offline mode)" in out


def test_scan_command_bad_lockfile_is_exit_2(tmp_path, capsys):
    (tmp_path / "package-lock.json").write_text("{not json")
    (tmp_path / "package.json").write_text("{}")
    assert main(["scan", str(tmp_path), "--cache-dir", str(tmp_path / "c")]) == 2
    assert capsys.readouterr().err.startswith("reviewer: error: ")


def test_ctrl_c_stops_the_scan_command_cleanly(fixture_registry, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    project = _project(tmp_path, fixture_registry.url)
    fixture_registry.slow(f"/{SCOPED}", 5.0)
    cache = tmp_path / "c"
    env = {**os.environ, "NPM_CONFIG_USERCONFIG": str(tmp_path / "none"),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [sys.executable, "-m", "reviewer", "scan", str(project),
               "--registry", fixture_registry.url, "--cache-dir", str(cache)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not fixture_registry.requests_for(f"/{SCOPED}"):
        time.sleep(0.05)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 130, (out, err)
    assert "interrupted after 1 of 2" in out and "Traceback" not in err
    fixture_registry.faults.clear()
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert rerun.returncode == 0 and "1 fetched, 1 from cache" in rerun.stdout
    assert "warning" not in rerun.stderr
