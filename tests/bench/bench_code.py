"""Benchmark (issue 12): deep code analysis of every tarball the large-npm corpus project locks.

    python tests/bench/bench_code.py [--project DIR] [--tarballs DIR] [--jobs 2] [--fetch-only]

1. Fetches every locked tarball from the registry its lockfile names (the real registry or
   its mirror; benchmark only, tests never do) into `--tarballs` (default
   ~/.cache/reviewer-bench/tarballs, outside the repository), verified against the
   lockfile's integrity. Fetched once; later runs read the disk.
2. Cold: analyses each tarball (`reviewer.code.analyze_package` + `grade`, results stored in
   the engine's results cache `reviewer.code.cache`, started empty) in `--jobs` processes; prints the wall time, MB of JavaScript (and shell) read per second,
   the slowest packages and the verdict counts. Target: under 60 s on 2 cores.
3. Warm: the same again, one process, the in-memory layer dropped: reads results from the
   disk cache, not tarballs; target under 1 s.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
DEFAULT_PROJECT = ROOT.parent / "shared" / "corpus" / "large-npm"
DEFAULT_TARBALLS = Path.home() / ".cache" / "reviewer-bench" / "tarballs"


# -- fetching ------------------------------------------------------------------------------

def locked_tarballs(project: Path) -> list[tuple[str, str, str]]:
    """(key, resolved URL, integrity) of every registry package in package-lock.json."""
    lock = json.loads((project / "package-lock.json").read_text())
    seen: dict[str, tuple[str, str, str]] = {}
    for path, entry in lock.get("packages", {}).items():
        url, integrity = entry.get("resolved"), entry.get("integrity")
        if not path or not url or not integrity or not url.startswith("http"):
            continue
        name = path.rsplit("node_modules/", 1)[-1]
        seen.setdefault(integrity, (f"{name}@{entry.get('version')}", url, integrity))
    return sorted(seen.values())


def file_for(directory: Path, integrity: str) -> Path:
    digest = hashlib.sha256(integrity.encode()).hexdigest()[:32]
    return directory / f"{digest}.tgz"


def verify(data: bytes, integrity: str) -> bool:
    for token in integrity.split():
        algorithm, _, expected = token.partition("-")
        if algorithm in ("sha512", "sha384", "sha256", "sha1"):
            actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
            if actual == expected.split("?")[0]:
                return True
    return False


def fetch_one(directory: Path, url: str, integrity: str) -> tuple[bool, int]:
    target = file_for(directory, integrity)
    if target.is_file():
        return True, target.stat().st_size
    for _ in range(3):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = response.read()
        except OSError:
            time.sleep(1)
            continue
        if verify(data, integrity):
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(target)
            return True, len(data)
        return False, 0
    return False, 0


def fetch_all(directory: Path, items: list[tuple[str, str, str]]) -> list[tuple[str, Path, str]]:
    directory.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda it: fetch_one(directory, it[1], it[2]), items))
    ok = [(key, file_for(directory, integrity), integrity)
          for (key, _, integrity), (good, _) in zip(items, results, strict=True) if good]
    total = sum(size for good, size in results if good)
    print(f"tarballs: {len(ok)}/{len(items)} on disk ({total / 1e6:.0f} MB compressed) "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return ok


# -- analysis ------------------------------------------------------------------------------

HARD_LIMIT_S = 120
"""A package that runs past this (far beyond the engine's own 20 s budget) is stopped and
counted as "hung": a bug to report, not a result."""


class _Hung(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hung


def _summary(code: Any, findings: list[Any]) -> dict[str, Any]:
    severity = max((f.severity for f in findings), default=None)
    top = max(findings, key=lambda f: int(f.severity), default=None)
    return {"severity": str(severity) if severity is not None else "none",
            "summary": top.summary if top is not None else "",
            "incomplete": code.incomplete, "bytes_read": code.bytes_read,
            "js_bytes": sum(f.size for f in code.files if f.language == "js"),
            "files": len(code.files)}


def _analyse(job: tuple[str, str, str, str]) -> dict[str, Any]:
    """In a worker: one tarball through the engine and its results cache
    (`reviewer.code.cache`, keyed by integrity and ANALYZER_VERSION, as `report` uses it).
    A cached result is read without opening the tarball, as a warm run does."""
    import signal

    key, path, integrity, cache_dir = job
    from reviewer.code import analyze_package, grade
    from reviewer.code import cache as results
    from reviewer.code.tarballs import files_of_tgz

    started = time.perf_counter()
    root = Path(cache_dir)
    code = results.load(root, key, integrity)
    cached = code is not None
    size = 0
    if code is None:
        data = Path(path).read_bytes()
        size = len(data)
        signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(HARD_LIMIT_S)
        try:
            code = analyze_package(files_of_tgz(data))
        except _Hung:
            return {"key": key, "seconds": time.perf_counter() - started, "tgz_bytes": size,
                    "severity": "hung", "summary": f"stopped after {HARD_LIMIT_S} s",
                    "incomplete": "hung", "bytes_read": 0, "js_bytes": 0, "files": 0,
                    "cached": False}
        finally:
            signal.alarm(0)
        results.store(root, key, integrity, code)
    result = _summary(code, grade(code))
    result.update({"key": key, "seconds": time.perf_counter() - started, "tgz_bytes": size,
                   "cached": cached})
    return result


def run(jobs: list[tuple[str, str, str, str]], workers: int) -> tuple[float, list[dict[str, Any]]]:
    started = time.perf_counter()
    results: list[dict[str, Any]] = []
    if workers <= 1:
        results = [_analyse(job) for job in jobs]
    else:
        with ProcessPoolExecutor(workers) as pool:
            for index, result in enumerate(pool.map(_analyse, jobs, chunksize=2), 1):
                results.append(result)
                if index % 250 == 0:
                    print(f"  {index}/{len(jobs)} in {time.perf_counter() - started:.0f} s",
                          flush=True)
    return time.perf_counter() - started, results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--tarballs", type=Path, default=DEFAULT_TARBALLS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--fetch-only", action="store_true")
    parser.add_argument("--json", type=Path, help="write the per-package results here")
    args = parser.parse_args(argv)

    items = locked_tarballs(args.project)
    tarballs = fetch_all(args.tarballs, items)
    if args.fetch_only:
        return 0
    from reviewer.code import ANALYZER_VERSION

    with tempfile.TemporaryDirectory(prefix="bench-code-") as tmp:
        cache = Path(tmp) / "cache"
        jobs = [(key, str(path), integrity, str(cache)) for key, path, integrity in tarballs]
        import resource

        load_before = os.getloadavg()
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cold, results = run(jobs, args.jobs)
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
        from reviewer.code import cache as results_cache

        results_cache.forget_memory()  # the warm run reads the disk, as a new process would
        done = {r["key"] for r in results if r.get("severity") != "hung"}
        warm, warm_results = run([j for j in jobs if j[0] in done], 1)
        warm_hits = sum(1 for r in warm_results if r.get("cached"))
    read = sum(int(r.get("bytes_read", 0)) for r in results)
    js_bytes = sum(int(r.get("js_bytes", 0)) for r in results)
    verdicts = Counter(str(r.get("severity")) for r in results)
    incomplete = [r["key"] for r in results if r.get("incomplete")]
    slow = sorted(results, key=lambda r: -r["seconds"])[:8]
    print(f"machine: {os.cpu_count()} cores, load average {load_before[0]:.1f} before the cold "
          f"run, {os.getloadavg()[0]:.1f} after (other processes share the cores)")
    hung = [r["key"] for r in results if r.get("severity") == "hung"]
    print(f"hung (stopped after {HARD_LIMIT_S} s): {len(hung)} {hung}")
    print(f"analyzer {ANALYZER_VERSION}: {len(results)} tarballs, "
          f"{read / 1e6:.1f} MB of code read ({js_bytes / 1e6:.1f} MB JavaScript), {args.jobs} jobs")
    busy = sum(r["seconds"] for r in results if r.get("severity") != "hung")
    print(f"cold: {cpu:.1f} s of CPU in the workers (user + system): about "
          f"{cpu / max(1, args.jobs):.1f} s on {args.jobs} idle cores; "
          f"{busy:.1f} s of wall time summed over packages")
    print(f"cold: {cold:.1f} s total (target < 60 s): {read / 1e6 / cold:.1f} MB/s of code, "
          f"median {statistics.median(r['seconds'] for r in results) * 1000:.0f} ms per package")
    print(f"warm: {warm:.2f} s from the results cache (target < 1 s), "
          f"{warm_hits}/{len(warm_results)} served by the cache (hung packages left out)")
    print("verdicts: " + ", ".join(f"{k}: {v}" for k, v in sorted(verdicts.items())))
    print(f"incomplete (time budget hit): {len(incomplete)} {incomplete[:10]}")
    print("slowest: " + ", ".join(f"{r['key']} {r['seconds']:.2f} s "
                                  f"({int(r.get('bytes_read', 0)) / 1e6:.1f} MB)" for r in slow))
    high = [r for r in results if str(r.get("severity")) in ("high", "critical")]
    for r in high:
        print(f"  {r['severity']}: {r['key']}: {r.get('summary', '')}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
