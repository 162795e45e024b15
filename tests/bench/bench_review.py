"""Benchmark (SPEC §6 / issue 7): `reviewer review --base HEAD~1` on large-npm with ~20
changed packages and a warm cache, as a whole process. Target: under 2 s.

    python tests/bench/bench_review.py [--runs N] [--changes N] [--corpus DIR]

Self-contained and offline: a temporary git repository holds large-npm's lockfile (commit 1)
and the same lockfile with N packages bumped one patch version (commit 2). A fixture
registry on 127.0.0.1 serves a packument for each of them (old and new version, with a
publisher change on some, a new postinstall on some and a new dependency on some) and
the tarballs of the new versions. One run warms the metadata cache; then the median of
`--runs` timed runs of `reviewer review --base HEAD~1 --format json` is printed. Exits 1
when the median misses the target.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))

from servers.fixture_registry import FixtureRegistry  # noqa: E402
from servers.verdaccio import build_tarball, integrity_of  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("REVIEWER_CORPUS", TESTS.parents[1] / "shared" / "corpus"))
TARGET_SECONDS = 2.0
GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.test",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.test",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


def bumped(version: str) -> str:
    major, minor, patch = version.split(".")
    return f"{major}.{minor}.{int(patch) + 1}"


def pick_packages(lock: dict[str, Any], count: int) -> list[tuple[str, str]]:
    """`count` hoisted, unscoped registry packages with a plain x.y.z version."""
    picked = []
    for path, entry in sorted(lock["packages"].items()):
        name = path.removeprefix("node_modules/")
        if not path.startswith("node_modules/") or "/" in name or entry.get("link"):
            continue
        version = str(entry.get("version", ""))
        if version.count(".") == 2 and version.replace(".", "").isdigit() and entry.get("integrity"):
            picked.append((name, version))
        if len(picked) == count:
            break
    return picked


def manifest(registry: FixtureRegistry, name: str, version: str, data: bytes,
             publisher: str, extra: dict[str, Any]) -> dict[str, Any]:
    integrity, shasum = integrity_of(data)
    return {"name": name, "version": version, **extra,
            "_npmUser": {"name": publisher, "email": f"{publisher}@example.test"},
            "maintainers": [{"name": publisher, "email": f"{publisher}@example.test"}],
            "dist": {"integrity": integrity, "shasum": shasum,
                     "tarball": registry.tarball_url(name, version)}}


def serve_changes(registry: FixtureRegistry, changes: list[tuple[str, str]]) -> dict[str, bytes]:
    """Packuments for every changed package; returns the new tarballs by name."""
    tarballs: dict[str, bytes] = {}
    for index, (name, old) in enumerate(changes):
        new = bumped(old)
        extra_new: dict[str, Any] = {}
        if index % 5 == 0:
            extra_new["scripts"] = {"postinstall": "node install.js"}
        if index % 4 == 0:
            extra_new["dependencies"] = {f"bench-dep-{index}": "^1.0.0"}
        files_old = {"package.json": json.dumps({"name": name, "version": old}),
                     "index.js": "module.exports = 1;\n"}
        files_new = {"package.json": json.dumps({"name": name, "version": new, **extra_new}),
                     "index.js": "module.exports = 2;\n",
                     "install.js": "require('https').get('https://example.test/x');\n"}
        old_data, new_data = build_tarball(files_old), build_tarball(files_new)
        publisher_new = "mallory" if index % 3 == 0 else "alice"
        registry.add_packument({
            "name": name, "dist-tags": {"latest": new},
            "versions": {old: manifest(registry, name, old, old_data, "alice", {}),
                         new: manifest(registry, name, new, new_data, publisher_new, extra_new)},
            "time": {"created": "2020-01-01T00:00:00.000Z", "modified": "2026-01-02T00:00:00.000Z",
                     old: "2020-01-01T00:00:00.000Z", new: "2026-01-02T00:00:00.000Z"},
        })
        registry.add_tarball(name, old, old_data)
        registry.add_tarball(name, new, new_data)
        tarballs[name] = new_data
        if "dependencies" in extra_new:
            dep = f"bench-dep-{index}"
            dep_data = build_tarball({"package.json": json.dumps({"name": dep, "version": "1.0.0"})})
            registry.add_packument({
                "name": dep, "dist-tags": {"latest": "1.0.0"},
                "versions": {"1.0.0": manifest(registry, dep, "1.0.0", dep_data, "alice", {})},
                "time": {"1.0.0": "2021-01-01T00:00:00.000Z"},
            })
    return tarballs


def make_repo(corpus: Path, workdir: Path, registry: FixtureRegistry, count: int) -> tuple[Path, int]:
    repo = workdir / "large-npm"
    shutil.copytree(corpus / "large-npm", repo, copy_function=shutil.copyfile)
    for directory, _, _ in os.walk(repo):
        os.chmod(directory, 0o755)
    # The project installs from our registry, as a project with its own registry would:
    # every resolved URL points at it in both commits (so the bumps stay "upgraded").
    lockfile = repo / "package-lock.json"
    text = lockfile.read_text(encoding="utf-8")
    lockfile.write_text(text.replace("https://registry.npmjs.org/", registry.url), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    lock = json.loads(lockfile.read_text(encoding="utf-8"))
    changes = pick_packages(lock, count)
    tarballs = serve_changes(registry, changes)
    for name, old in changes:
        entry = lock["packages"][f"node_modules/{name}"]
        new = bumped(old)
        entry["version"] = new
        entry["resolved"] = registry.tarball_url(name, new)
        entry["integrity"] = integrity_of(tarballs[name])[0]
    lockfile.write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"bump {len(changes)} packages")
    return repo, len(changes)


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"reviewer failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as temp, \
            FixtureRegistry(load_data=False) as registry:
        workdir = Path(temp)
        repo, count = make_repo(args.corpus, workdir, registry, args.changes)
        argv = [sys.executable, "-m", "reviewer", "review", "--base", "HEAD~1", str(repo),
                "--format", "json", "--registry", registry.url,
                "--cache-dir", str(workdir / "cache")]
        # Bytecode as an installed package has it (pip compiles on install), kept out of
        # the source tree; the cold run writes it.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
        cold, output = timed(argv, env)
        reported = len(json.loads(output)["changes"])
        requests_cold = len(registry.requests)
        runs = [timed(argv, env)[0] for _ in range(args.runs)]
        requests_warm = (len(registry.requests) - requests_cold) / max(1, args.runs)
    median = statistics.median(runs)
    print(f"reviewer review --base HEAD~1 (large-npm, {count} changed packages, "
          f"{reported} changes reported)")
    print(f"  cold cache: {cold * 1000:7.0f} ms ({requests_cold} requests)")
    print(f"  warm cache: {median * 1000:7.0f} ms median of {args.runs} "
          f"(min {min(runs) * 1000:.0f}, max {max(runs) * 1000:.0f}; "
          f"{requests_warm:.0f} requests per run)  target < {TARGET_SECONDS * 1000:.0f} ms")
    return 0 if median < TARGET_SECONDS and reported == count else 1


if __name__ == "__main__":
    raise SystemExit(main())
