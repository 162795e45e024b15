"""Benchmark (SPEC §6, issue 3): `reviewer scan` cold and warm, as whole processes.

    python tests/bench/bench_scan.py [--project DIR] [--runs N] [--real]

1. Loopback: a fixture registry on 127.0.0.1 serves a synthetic full packument for every
   package name of the project (the locked versions plus earlier ones, with scripts,
   dependencies, maintainers, `_npmUser`, times, signatures: realistic shapes). Times a cold
   `reviewer scan` (empty cache dir) and warm ones (fresh cache: no request), and a warm
   `reviewer report --format json` when that command exists. Target: warm scan under 1 s.
2. `--real` (needs the public registry or its mirror): in the same run, a cold
   `reviewer scan` of the project against the configured registry vs
   `npm install --package-lock-only --ignore-scripts` with an empty `--cache` for the
   same package.json. Prints both times, the ratio (target: reviewer at most half of npm)
   and bytes transferred (reviewer: counted by the client; npm: size of its cache dir).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
DEFAULT_PROJECT = ROOT.parent / "shared" / "corpus" / "large-npm"


def synthetic_packument(name: str, locked: list[str], registry_url: str,
                        tarballs: dict[str, bytes] | None = None) -> dict:
    """A realistic full packument: the locked versions and 12 earlier ones. Versions with
    an install script get a real tarball (put in `tarballs`, by version) and its integrity."""
    from servers.verdaccio import build_tarball, integrity_of

    versions = {}
    times = {"created": "2015-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"}
    base = name.rsplit("/", 1)[-1]
    all_versions = [f"0.{i}.0" for i in range(12)] + sorted(set(locked))
    for index, version in enumerate(all_versions):
        deps = {f"dep-{(index + k) % 40}": f"^{k}.0.0" for k in range(6)}
        versions[version] = {
            "name": name, "version": version, "description": f"The {name} package",
            "main": "index.js", "license": "MIT",
            "scripts": {"test": "mocha", "build": "tsc -p .",
                        **({"postinstall": "node install.js"} if index % 9 == 0 else {})},
            "dependencies": deps, "devDependencies": {"typescript": "^5", "mocha": "^10"},
            "repository": {"type": "git", "url": f"git+https://github.com/example/{base}.git"},
            "maintainers": [{"name": "alice", "email": "alice@example.test"},
                            {"name": "bob", "email": "bob@example.test"}],
            "_npmUser": {"name": "alice" if index % 5 else "bob", "email": "x@example.test"},
            "_id": f"{name}@{version}", "_nodeVersion": "20.1.0", "_npmVersion": "10.2.0",
            "readme": "x" * 200,
            "dist": {
                "integrity": "sha512-" + "A" * 86 + "==", "shasum": "0" * 40,
                "tarball": f"{registry_url}{name}/-/{base}-{version}.tgz",
                "fileCount": 12, "unpackedSize": 34567,
                "signatures": [{"keyid": "SHA256:fixture", "sig": "MEUCIQ" + "b" * 90}],
            },
        }
        if index % 9 == 0 and tarballs is not None:
            data = build_tarball({"package.json": f'{{"name":"{name}","version":"{version}"}}',
                                  "install.js": "require('https').get('https://example.test')"})
            versions[version]["dist"]["integrity"], versions[version]["dist"]["shasum"] = (
                integrity_of(data))
            tarballs[version] = data
        times[version] = f"20{15 + index % 10}-0{1 + index % 9}-1{index % 10}T10:00:00.000Z"
    return {"_id": name, "name": name, "dist-tags": {"latest": all_versions[-1]},
            "versions": versions, "time": times,
            "maintainers": [{"name": "alice", "email": "alice@example.test"}],
            "readme": "# " + name + "\n" + "lorem ipsum " * 100}


CPU_TIMES: list[float] = []
"""CPU seconds (user + sys) of each reviewer run, in order: wall time on a shared machine
says little, so both are printed."""


def run_reviewer(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reviewer", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_TIMES.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"reviewer {' '.join(args)} failed ({done.returncode}): "
                         f"{done.stderr.strip()[-500:]}")
    return elapsed, done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""


def loopback(project: Path, runs: int) -> bool:
    from servers.fixture_registry import FixtureRegistry

    from reviewer.lockfiles import load_graph

    graph = load_graph(project, None)
    locked: dict[str, list[str]] = {}
    for package in graph:
        locked.setdefault(package.name, []).append(package.version)
    ok = True
    with FixtureRegistry(load_data=False, memoize=True) as registry, \
            tempfile.TemporaryDirectory(prefix="bench-scan-") as temp:
        for name, versions in locked.items():
            tarballs: dict[str, bytes] = {}
            registry.add_packument(synthetic_packument(name, versions, registry.url, tarballs))
            for version, data in tarballs.items():
                registry.add_tarball(name, version, data)
        cache = Path(temp) / "cache"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NPM_CONFIG_USERCONFIG": "/dev/null"}
        common = ["--registry", registry.url, "--cache-dir", str(cache)]
        cold, line = run_reviewer(["scan", str(project), *common], env)
        print(f"loopback cold scan : {cold:6.2f} s (cpu {CPU_TIMES[-1]:.2f} s)   {line}")
        warm_times = []
        for _ in range(runs):
            elapsed, line = run_reviewer(["scan", str(project), *common], env)
            warm_times.append(elapsed)
        warm = statistics.median(warm_times)
        cpu = statistics.median(CPU_TIMES[-runs:])
        print(f"loopback warm scan : {warm:6.2f} s (cpu {cpu:.2f} s)   (median of {runs}; "
              f"target < 1 s)   {line}")
        ok = warm < 1.0
        if (ROOT / "reviewer" / "cli" / "commands" / "report_cmd.py").exists():
            report_times = [run_reviewer(["report", str(project), "--format", "json", *common],
                                         env)[0] for _ in range(runs)]
            report = statistics.median(report_times)
            cpu = statistics.median(CPU_TIMES[-runs:])
            print(f"loopback warm report: {report:6.2f} s (cpu {cpu:.2f} s)   (median of {runs}; "
                  "target < 2 s)")
        size = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
        print(f"cache size: {size / 1e6:.1f} MB for {len(locked)} packuments")
    return ok


def real_registry(project: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-real-") as temp:
        work = Path(temp)
        npm_project = work / "npm-project"
        npm_project.mkdir()
        shutil.copy(project / "package.json", npm_project / "package.json")
        npm_cache = work / "npm-cache"
        npmrc = work / "npmrc"
        npmrc.write_text("fund=false\naudit=false\nupdate-notifier=false\n")
        start = time.perf_counter()
        done = subprocess.run(
            ["npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit",
             "--no-fund", "--cache", str(npm_cache), "--userconfig", str(npmrc)],
            cwd=npm_project, capture_output=True, text=True)
        npm_time = time.perf_counter() - start
        if done.returncode != 0:
            print(f"npm failed: {done.stderr.strip()[-300:]}")
            return
        npm_bytes = sum(f.stat().st_size for f in npm_cache.rglob("*") if f.is_file())
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        ours, line = run_reviewer(["scan", str(project), "--cache-dir", str(work / "rcache")],
                                  env)
        print(f"real registry: npm install --package-lock-only (empty cache): {npm_time:6.2f} s, "
              f"npm cache {npm_bytes / 1e6:.1f} MB")
        print(f"real registry: reviewer scan (cold cache): {ours:6.2f} s "
              f"(cpu {CPU_TIMES[-1]:.2f} s)   {line}")
        print(f"ratio reviewer/npm: {ours / npm_time:.2f} (target <= 0.5)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--real", action="store_true", help="also compare with npm on the "
                        "real registry")
    args = parser.parse_args()
    ok = loopback(args.project, args.runs)
    if args.real:
        real_registry(args.project)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
