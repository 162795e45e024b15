"""Benchmark (SPEC §6, issues 3 and 17): `reviewer scan` cold, warm and an hour later.

    python tests/bench/bench_scan.py [--project DIR] [--runs N] [--real] [--rescan]
                                     [--compare TREE]

`--compare TREE` runs every case on a second source tree too (e.g. `git archive main`
unpacked in a temporary directory), interleaved A, B, A, B..., and prints the ratio.
Wall times on a shared machine are noisy: CPU seconds and bytes are printed beside them.
Python runs with bytecode compiled once, as an installed package does (PYTHONPYCACHEPREFIX
in a temporary directory; `--no-bytecode-cache` compiles every module at every launch).

1. Loopback: a fixture registry on 127.0.0.1 serves a synthetic full packument for every
   package name of the project (the locked versions plus earlier ones, with scripts,
   dependencies, maintainers, `_npmUser`, times, signatures: realistic shapes) and a small
   valid tarball per version; the project is copied with its lockfile's integrities set to
   those tarballs' (`synthetic_project`), so that code analysis is cached as for a real
   registry. Times cold
   `reviewer scan`s (each into an empty cache dir, interleaved, after a first scan that is not
   counted: the server renders each document once) and warm ones (fresh cache: no request), and a warm
   `reviewer report --format json` when that command exists (after a first one, not
   counted, that fetches and analyses the tarballs). Target: warm scan under 1 s.
2. `--rescan` (issue 17): the same loopback registry without ETags or Last-Modified (like
   the mirror these machines reach). A cold scan, then scans with the clock moved one hour
   and 25 hours later (the default schedule, a day, is then due) and one with `--refresh`;
   bytes counted by the server. Target: the re-scan an hour later under 5% of the cold
   bytes (and the due revalidation too). With `--real`, the same on the real registry
   (bytes counted by the client).
3. `--real` (needs the public registry or its mirror): in the same run, interleaved, a
   bare HTTP/2 fetch (httpx, same concurrency) of the documents the scan needs, and a
   cold `reviewer scan` of the project (whole processes; target: within 1.5x of the bare
   fetch), then `npm install --package-lock-only --ignore-scripts` with an empty `--cache`
   for the same package.json (target: reviewer at most half of npm). Bounded: `--runs`
   rounds of one request per package name each.
"""

from __future__ import annotations

import argparse
import json
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
    """A realistic full packument: the locked versions and 12 earlier ones. With `tarballs`,
    every version gets a small valid tarball (put in `tarballs`, by version) whose integrity
    its `dist` carries: each locked version its own (package.json as the manifest says, an
    index.js, and an install.js that reaches the network for versions with a postinstall),
    the earlier versions one shared per name (read only to compare code with)."""
    versions = {}
    times = {"created": "2015-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z"}
    base = name.rsplit("/", 1)[-1]
    earlier = [v for v in (f"0.{i}.0" for i in range(12)) if v not in locked]
    all_versions = earlier + sorted(set(locked))
    shared: tuple[bytes, str, str] | None = None
    for index, version in enumerate(all_versions):
        deps = {f"dep-{(index + k) % 40}": f"^{k}.0.0" for k in range(6)}
        manifest = {
            "name": name, "version": version, "description": f"The {name} package",
            "main": "index.js", "license": "MIT",
            "scripts": {"test": "mocha", "build": "tsc -p .",
                        **({"postinstall": "node install.js"} if index % 9 == 0 else {})},
            "dependencies": deps, "devDependencies": {"typescript": "^5", "mocha": "^10"},
            "repository": {"type": "git", "url": f"git+https://github.com/example/{base}.git"},
        }
        versions[version] = {
            **manifest,
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
        if tarballs is not None:
            if version in earlier and shared is not None:
                data, integrity, shasum = shared
            else:
                data = synthetic_tarball(manifest)
                integrity, shasum = integrity_of(data)
                if version in earlier:
                    shared = (data, integrity, shasum)
            versions[version]["dist"]["integrity"] = integrity
            versions[version]["dist"]["shasum"] = shasum
            tarballs[version] = data
        times[version] = f"20{15 + index % 10}-0{1 + index % 9}-1{index % 10}T10:00:00.000Z"
    return {"_id": name, "name": name, "dist-tags": {"latest": all_versions[-1]},
            "versions": versions, "time": times,
            "maintainers": [{"name": "alice", "email": "alice@example.test"}],
            "readme": "# " + name + "\n" + "lorem ipsum " * 100}


def synthetic_tarball(manifest: dict) -> bytes:
    """A small deterministic `npm pack`-like tarball for `manifest` (same bytes every run)."""
    import gzip
    import io
    import tarfile

    files = {"package.json": json.dumps(manifest, indent=2) + "\n",
             "index.js": "'use strict';\nconst path = require('path');\n"
                         "module.exports = function join(a, b) { return path.join(a, b); };\n"}
    if "postinstall" in manifest["scripts"]:
        files["install.js"] = ("const https = require('https');\n"
                               "https.get('https://example.test/setup', () => {});\n")
    raw = io.BytesIO()
    with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as packed, \
            tarfile.open(fileobj=packed, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for path, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"package/{path}")
            info.size, info.mtime, info.mode = len(data), 499162500, 0o644
            archive.addfile(info, io.BytesIO(data))
    return raw.getvalue()


def integrity_of(data: bytes) -> tuple[str, str]:
    import base64
    import hashlib

    return (f"sha512-{base64.b64encode(hashlib.sha512(data).digest()).decode()}",
            hashlib.sha1(data).hexdigest())


CPU_TIMES: list[float] = []
"""CPU seconds (user + sys) of each child process and the processes it waited for, in
order: wall time on a shared machine says little, so both are printed."""
MAIN_CPU: list[float] = []
"""CPU seconds of the reviewer process alone (without its worker processes): what the
event loop that reads the network competes with."""

LAST_STDERR: list[str] = [""]
"""The standard error of the last child."""

REVIEWER_CHILD = r"""
import resource, sys
from reviewer.cli.main import main
try:
    code = main(sys.argv[1:])
finally:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"BENCH-SELF-CPU {usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
raise SystemExit(code)
"""


def run_child(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_TIMES.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[:4])} failed ({done.returncode}): "
                         f"{done.stderr.strip()[-800:]}")
    MAIN_CPU.extend(float(line.split()[1]) for line in done.stderr.splitlines()
                    if line.startswith("BENCH-SELF-CPU "))
    LAST_STDERR[:] = [done.stderr]
    return elapsed, done.stdout.strip()


def run_reviewer(args: list[str], env: dict[str, str], tree: Path = ROOT) -> tuple[float, str]:
    env = {**env, "PYTHONPATH": str(tree)}
    elapsed, out = run_child([python_of(tree), "-c", REVIEWER_CHILD, *args], env, tree)
    return elapsed, out.splitlines()[0] if out else ""


def python_of(tree: Path) -> str:
    """The tree's own virtual environment when it has one (its dependencies as they were)."""
    own = tree / ".venv" / "bin" / "python"
    return str(own) if tree != ROOT and own.exists() else sys.executable


def trees(args: argparse.Namespace) -> list[tuple[str, Path]]:
    found = [("this tree", ROOT)]
    if args.compare is not None:
        found.append((f"{args.compare}", args.compare.resolve()))
    return found


def locked_versions(project: Path) -> dict[str, list[str]]:
    from reviewer.graph.model import Source
    from reviewer.lockfiles import load_graph

    locked: dict[str, list[str]] = {}
    for package in load_graph(project, None):
        if package.source is Source.REGISTRY:
            locked.setdefault(package.name, []).append(package.version)
    return locked


def serve_synthetic(registry, locked: dict[str, list[str]]) -> dict[tuple[str, str], str]:  # noqa: ANN001
    """Serve a synthetic packument and tarballs for every name; the integrity of each locked
    `(name, version)`'s tarball (for `synthetic_project`)."""
    integrities: dict[tuple[str, str], str] = {}
    for name, versions in locked.items():
        tarballs: dict[str, bytes] = {}
        document = synthetic_packument(name, versions, registry.url, tarballs)
        registry.add_packument(document)
        for version, data in tarballs.items():
            registry.add_tarball(name, version, data)
        integrities.update(((name, version), document["versions"][version]["dist"]["integrity"])
                           for version in versions)
    return integrities


def synthetic_project(project: Path, integrities: dict[tuple[str, str], str], into: Path) -> Path:
    """A copy of `project` (its package.json files and lockfile, not node_modules) whose
    npm lockfile carries the synthetic tarballs' integrities: the real ones cannot match a
    synthetic tarball, and a mismatch is a finding (and nothing would be cached). Other
    lockfile formats are copied unchanged (their tarballs then fail their integrity)."""
    target = into / "project"
    shutil.copytree(project, target, ignore=shutil.ignore_patterns("node_modules", ".git"),
                    dirs_exist_ok=True)
    for lockname in ("package-lock.json", "npm-shrinkwrap.json"):
        lockfile = target / lockname
        if not lockfile.is_file():
            continue
        lock = json.loads(lockfile.read_text())
        for key, entry in (lock.get("packages") or {}).items():
            if "node_modules/" not in key or not isinstance(entry, dict) or "link" in entry:
                continue
            name = entry.get("name") or key.rsplit("node_modules/", 1)[-1]
            integrity = integrities.get((name, entry.get("version")))
            if integrity is not None and "integrity" in entry:
                entry["integrity"] = integrity
        lockfile.write_text(json.dumps(lock, indent=2) + "\n")
    return target


def median_line(label: str, times: list[float], cpus: list[float], extra: str = "") -> str:
    return (f"{label}: {statistics.median(times):6.2f} s (cpu {statistics.median(cpus):.2f} s,"
            f" median of {len(times)}){extra}")


def loopback(project: Path, runs: int, code: list[tuple[str, Path]]) -> bool:
    from servers.fixture_registry import FixtureRegistry

    locked = locked_versions(project)
    ok = True
    with FixtureRegistry(load_data=False, memoize=True) as registry, \
            tempfile.TemporaryDirectory(prefix="bench-scan-") as temp:
        project = synthetic_project(project, serve_synthetic(registry, locked), Path(temp))
        env = {**os.environ, "NPM_CONFIG_USERCONFIG": "/dev/null"}
        caches = {label: Path(temp) / f"cache-{index}" for index, (label, _) in enumerate(code)}
        results: dict[str, dict[str, list[tuple[float, float]]]] = {
            label: {"cold": [], "warm": [], "report": []} for label, _ in code}
        # the server renders each document once (memoized): a first scan, not counted,
        # so that no tree pays for it; then cold scans interleaved, each into an empty cache
        run_reviewer(["scan", str(project), "--registry", registry.url, "--cache-dir",
                      str(Path(temp) / "warm-up")], env, code[0][1])
        for _ in range(runs):
            for label, tree in code:
                shutil.rmtree(caches[label], ignore_errors=True)
                common = ["--registry", registry.url, "--cache-dir", str(caches[label])]
                elapsed, line = run_reviewer(["scan", str(project), *common], env, tree)
                results[label]["cold"].append((elapsed, CPU_TIMES[-1]))
                print(f"[{label}] loopback cold scan: {elapsed:6.2f} s "
                      f"(cpu {CPU_TIMES[-1]:.2f} s)   {line}")
        for label, tree in code:
            common = ["--registry", registry.url, "--cache-dir", str(caches[label])]
            if (tree / "reviewer" / "cli" / "commands" / "report_cmd.py").exists():
                # the first report fetches and analyses every tarball: not a warm report
                elapsed, _ = run_reviewer(["report", str(project), "--format", "json",
                                           *common], env, tree)
                print(f"[{label}] loopback first report (tarballs fetched and analysed): "
                      f"{elapsed:6.2f} s (cpu {CPU_TIMES[-1]:.2f} s)")
        for _ in range(runs):  # interleaved: A, B, A, B...
            for label, tree in code:
                common = ["--registry", registry.url, "--cache-dir", str(caches[label])]
                elapsed, line = run_reviewer(["scan", str(project), *common], env, tree)
                results[label]["warm"].append((elapsed, CPU_TIMES[-1]))
                if (tree / "reviewer" / "cli" / "commands" / "report_cmd.py").exists():
                    elapsed, _ = run_reviewer(["report", str(project), "--format", "json",
                                               *common], env, tree)
                    results[label]["report"].append((elapsed, CPU_TIMES[-1]))
        for label, _ in code:
            for case, target in (("cold", 0.0), ("warm", 1.0), ("report", 2.0)):
                pairs = results[label][case]
                if not pairs:
                    continue
                print(median_line(f"[{label}] loopback {case}", [p[0] for p in pairs],
                                  [p[1] for p in pairs],
                                  f"   target < {target:.0f} s" if target else ""))
                if label == code[0][0] and case == "warm":
                    ok = statistics.median(p[0] for p in pairs) < target
            size = sum(f.stat().st_size for f in caches[label].rglob("*") if f.is_file())
            print(f"[{label}] cache size: {size / 1e6:.1f} MB for {len(locked)} packuments")
        if len(code) == 2:
            for case in ("cold", "warm", "report"):
                a, b = (results[label][case] for label, _ in code)
                if a and b:
                    print(f"ratio {case} this/other: wall "
                          f"{statistics.median(p[0] for p in a) / statistics.median(p[0] for p in b):.2f}"
                          f", cpu {statistics.median(p[1] for p in a) / statistics.median(p[1] for p in b):.2f}")
    return ok


# -- the re-scan an hour later (issue 17) ----------------------------------------------------

RESCAN_CHILD = r"""
import asyncio, json, sys, time
from pathlib import Path
from reviewer.lockfiles import load_graph
from reviewer.registry.config import RegistryConfig
try:
    from reviewer.app.scan import Scanner
except ImportError:  # a tree from before the application core (issue 11)
    from reviewer.registry.scan import Scanner
from reviewer.registry.service import RegistryService

project, cache, registry, offset, refresh = sys.argv[1:6]
config = RegistryConfig.from_npmrc(Path(project), registry=registry or None,
                                   cache_dir=Path(cache))
if refresh == "1":
    config = config.with_options(refresh=True)
later = float(offset)
graph = load_graph(Path(project), None)

async def main():
    async with RegistryService(config, clock=lambda: time.time() + later) as service:
        summary = await Scanner(graph, service).run()
    print(json.dumps({"elapsed": summary.elapsed, "requests": summary.requests,
                      "bytes": summary.bytes_received, "fetched": summary.fetched,
                      "revalidated": summary.revalidated, "cached": summary.from_cache,
                      "failed": len(summary.failed)}))

asyncio.run(main())
"""

RESCAN_STEPS = [("cold", 0.0, False), ("+1 h", 3600.0, False), ("+25 h", 90000.0, False),
                ("+25 h --refresh", 90000.0, True)]


def rescan_steps(project: Path, registry_url: str, cache: Path, tree: Path,
                 counted: object | None = None) -> list[tuple[str, dict, int | None]]:
    """Run the steps for one tree; `counted()` gives the server's byte count, if any."""
    env = {**os.environ, "PYTHONPATH": str(tree), "NPM_CONFIG_USERCONFIG": "/dev/null"}
    out = []
    has_refresh = "refresh" in (tree / "reviewer" / "registry" / "config.py").read_text()
    for label, offset, refresh in RESCAN_STEPS:
        if refresh and not has_refresh:
            continue
        before = counted() if callable(counted) else None
        _, text = run_child([python_of(tree), "-c", RESCAN_CHILD, str(project), str(cache),
                             registry_url, str(offset), "1" if refresh else "0"], env, tree)
        server = counted() - before if callable(counted) else None
        out.append((label, json.loads(text.splitlines()[-1]), server))
    return out


def print_rescan(label: str, steps: list[tuple[str, dict, int | None]]) -> None:
    cold = steps[0][2] if steps[0][2] is not None else steps[0][1]["bytes"]
    for step, data, server in steps:
        sent = server if server is not None else data["bytes"]
        print(f"[{label}] {step:16s}: {sent / 1e6:8.2f} MB ({100 * sent / max(1, cold):5.1f}% "
              f"of cold) {data['requests']:5d} requests  {data['elapsed']:6.2f} s   fetched "
              f"{data['fetched']}, revalidated {data['revalidated']}, cached {data['cached']}, "
              f"failed {data['failed']}")


def rescan(project: Path, code: list[tuple[str, Path]], real: bool) -> bool:
    from servers.fixture_registry import FixtureRegistry

    ok = True
    locked = locked_versions(project)
    with FixtureRegistry(load_data=False, memoize=True) as registry, \
            tempfile.TemporaryDirectory(prefix="bench-rescan-") as temp:
        registry.etag = False
        registry.last_modified = False
        serve_synthetic(registry, locked)
        for index, (label, tree) in enumerate(code):
            steps = rescan_steps(project, registry.url, Path(temp) / f"cache-{index}", tree,
                                 lambda: registry.bytes_sent)
            print_rescan(f"{label}, loopback without ETags", steps)
            if index == 0:
                cold = steps[0][2] or 1
                ok = all(server is not None and server < 0.05 * cold
                         for _, _, server in steps[1:])
    if real:
        with tempfile.TemporaryDirectory(prefix="bench-rescan-real-") as temp:
            for index, (label, tree) in enumerate(code[:1]):
                steps = rescan_steps(project, "", Path(temp) / f"cache-{index}", tree)
                print_rescan(f"{label}, real registry", steps)
    return ok


# -- cold scan against the real registry beside a bare HTTP/2 fetch --------------------------

BARE_CHILD = r"""
import asyncio, json, sys, time
import httpx

urls = sys.argv[2].split()
concurrency = int(sys.argv[1])

async def main():
    limit = asyncio.Semaphore(concurrency)
    total = 0
    limits = httpx.Limits(max_connections=concurrency + 4,
                          max_keepalive_connections=concurrency + 4)
    async with httpx.AsyncClient(http2=True, limits=limits, timeout=60) as client:
        async def one(url):
            nonlocal total
            async with limit:
                response = await client.get(url, headers={"accept": "application/json"})
                body = await response.aread()
                total += len(body)
        await asyncio.gather(*(one(url) for url in urls))
    print(json.dumps({"bytes": total, "documents": len(urls)}))

asyncio.run(main())
"""


def real_registry(project: Path, runs: int, code: list[tuple[str, Path]]) -> None:
    from reviewer.registry.config import RegistryConfig

    config = RegistryConfig.from_npmrc(project)
    urls = [config.document_url(name) for name in sorted(locked_versions(project))]
    env = {**os.environ}
    bare: list[tuple[float, float]] = []
    scans: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in code}
    main_cpu: dict[str, list[float]] = {label: [] for label, _ in code}
    lines: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-real-") as temp:
        work = Path(temp)
        for round_ in range(runs):  # interleaved: bare, A, B, bare, A, B...
            elapsed, out = run_child([sys.executable, "-c", BARE_CHILD, "16", " ".join(urls)],
                                     env, ROOT)
            bare.append((elapsed, CPU_TIMES[-1]))
            bare_bytes = json.loads(out)["bytes"]
            for label, tree in code:
                cache = work / f"rcache-{label.replace('/', '_')}-{round_}"
                elapsed, line = run_reviewer(["scan", str(project), "--cache-dir", str(cache)],
                                             env, tree)
                scans[label].append((elapsed, CPU_TIMES[-1]))
                main_cpu[label].append(MAIN_CPU[-1])
                lines[label] = line
                shutil.rmtree(cache, ignore_errors=True)
        print(median_line(f"real registry: bare HTTP/2 fetch of {len(urls)} packuments",
                          [p[0] for p in bare], [p[1] for p in bare],
                          f"   {bare_bytes / 1e6:.1f} MB"))
        for label, _ in code:
            pairs = scans[label]
            ratio = statistics.median(p[0] for p in pairs) / statistics.median(p[0] for p in bare)
            cpu = statistics.median(p[1] for p in pairs) / statistics.median(p[1] for p in bare)
            print(median_line(f"[{label}] real registry: reviewer scan (cold)",
                              [p[0] for p in pairs], [p[1] for p in pairs],
                              f", main process cpu {statistics.median(main_cpu[label]):.2f} s"
                              f"   ratio to bare fetch: wall {ratio:.2f} (target <= 1.5), "
                              f"cpu {cpu:.2f}   {lines[label]}"))
        npm_vs_reviewer(project, work, statistics.median(p[0] for p in scans[code[0][0]]))


def npm_vs_reviewer(project: Path, work: Path, ours: float) -> None:
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
    print(f"real registry: npm install --package-lock-only (empty cache): {npm_time:6.2f} s, "
          f"npm cache {npm_bytes / 1e6:.1f} MB; ratio reviewer/npm: {ours / npm_time:.2f} "
          "(target <= 0.5)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--real", action="store_true", help="also measure against the real "
                        "registry (bare fetch, npm)")
    parser.add_argument("--rescan", action="store_true", help="the re-scan an hour later")
    parser.add_argument("--no-loopback", action="store_true")
    parser.add_argument("--compare", type=Path, default=None, metavar="TREE",
                        help="another source tree to measure beside this one")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module at every launch (PYTHONDONTWRITEBYTECODE)")
    args = parser.parse_args()
    code = trees(args)
    if not args.no_bytecode_cache:
        # as an installed package runs: its modules compiled once (pip does it at install),
        # the bytecode kept apart from the trees
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="bench-scan-bytecode-")
        for _, tree in code:
            subprocess.run([python_of(tree), "-m", "compileall", "-q", str(tree / "reviewer")],
                           check=False, capture_output=True)
    ok = True
    if not args.no_loopback:
        ok = loopback(args.project, args.runs, code)
    if args.rescan:
        ok = rescan(args.project, code, args.real) and ok
    if args.real:
        real_registry(args.project, args.runs, code)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
