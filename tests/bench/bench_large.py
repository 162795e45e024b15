"""Benchmark (SPEC §6, issue 17): ten times the size, a ~10,000-entry lockfile.

    python tests/bench/bench_large.py [--project DIR] [--runs N] [--compare TREE]
                                      [--no-tui | --tui-only] [--profile OUT_DIR]
                                      [--no-kept-graph]

The project, by default: real trees stacked as workspaces of one npm project, kept in
`~/.cache/reviewer-bench/stacked-10k/`:
- `heavy`: resolved once by `npm install --package-lock-only --ignore-scripts
  --legacy-peer-deps` from a package.json with about 90 heavy dependencies (frameworks,
  bundlers, cloud SDKs, test runners): about 7,800 entries (the registry these machines
  reach answers; several minutes once on a loaded machine);
- `app-a` and `app-b`: the corpus's large-npm tree twice (two similar apps of a monorepo).
About 10,800 entries, 6,000 distinct packages. `--project DIR` takes any project instead.

A fixture registry on 127.0.0.1 serves a synthetic full packument and a small valid tarball
for every version (bench_scan.synthetic_packument); the project is copied with its lockfile's
integrities set to those tarballs' (bench_scan.synthetic_project). One `reviewer scan` and
one `reviewer report` fill the caches (metadata, tarballs, code analysis). Then, interleaved with
`--compare TREE` (A, B, A, B...), whole processes with a warm cache:
- `reviewer report --format json`: wall, CPU, peak RSS (target < 2 s);
- `reviewer check` (the CI gate, from cached metadata only): the same (target < 2 s);
- the TUI in tmux (bench_tui's wrapper): first paint from process start (target < 1 s)
  and peak RSS once every package is reviewed (target < 300 MiB).
Every command keeps the parsed lockfile in the cache (graphs-v1) and the runs above find
it; `--no-kept-graph` removes it before every timed run, as on the first launch after the
lockfile changed. `--profile DIR` writes cProfile files of one `report` and one `check` run of this tree.
Python runs with its bytecode cache, as an installed package does (PYTHONPYCACHEPREFIX in
the temporary directory; `--no-bytecode-cache` compiles every module at every launch).
Exits 1 when a target is missed by this tree.
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
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from bench.bench_scan import (  # noqa: E402
    CPU_TIMES,
    LAST_STDERR,
    locked_versions,
    python_of,
    run_child,
    serve_synthetic,
    synthetic_project,
)

CACHE_HOME = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "reviewer-bench"
HEAVY = {
    "next": "^14", "react": "^18", "react-dom": "^18", "gatsby": "^5", "@angular/cli": "^17",
    "@nestjs/cli": "^10", "react-native": "^0.73", "expo": "^50", "electron": "^28",
    "electron-builder": "^24", "aws-sdk": "^2", "@aws-sdk/client-s3": "^3", "firebase": "^10",
    "firebase-tools": "^13", "webpack": "^5", "webpack-cli": "^5", "webpack-dev-server": "^4",
    "@babel/core": "^7", "@babel/preset-env": "^7", "jest": "^29", "mocha": "^10",
    "karma": "^6", "cypress": "^13", "puppeteer": "^21", "playwright": "^1",
    "@storybook/react": "^7", "storybook": "^7", "eslint": "^8", "typescript": "^5",
    "@typescript-eslint/eslint-plugin": "^6", "prettier": "^3", "lerna": "^8", "nx": "^17",
    "@vue/cli-service": "^5", "nuxt": "^3", "@sveltejs/kit": "^2", "vite": "^5",
    "parcel": "^2", "rollup": "^4", "esbuild": "^0.19", "sass": "^1", "less": "^4",
    "tailwindcss": "^3", "postcss": "^8", "mongoose": "^8", "sequelize": "^6",
    "typeorm": "^0.3", "prisma": "^5", "express": "^4", "koa": "^2", "fastify": "^4",
    "socket.io": "^4", "graphql": "^16", "@apollo/server": "^4",
    "apollo-server-express": "^3", "lodash": "^4", "moment": "^2", "rxjs": "^7",
    "three": "^0.160", "@tensorflow/tfjs-node": "^4", "sharp": "^0.33", "@remix-run/dev": "^2",
    "@docusaurus/core": "^3", "hardhat": "^2", "@nomicfoundation/hardhat-toolbox": "^4",
    "truffle": "^5", "ganache": "^7", "serverless": "^3", "aws-cdk": "^2",
    "aws-cdk-lib": "^2", "@google-cloud/storage": "^7", "googleapis": "^130",
    "@azure/storage-blob": "^12", "node-sass": "^9", "pm2": "^5", "gulp": "^4", "grunt": "^1",
    "bower": "^1", "@ionic/cli": "^7", "ember-cli": "^5", "@vitejs/plugin-react": "^4",
    "@testing-library/react": "^14", "jsdom": "^23", "@mui/material": "^5", "antd": "^5",
    "@emotion/react": "^11", "styled-components": "^6",
}


CORPUS = Path(os.environ.get("REVIEWER_CORPUS", ROOT.parent / "shared" / "corpus"))


def stacked_project() -> Path:
    """The heavy tree and large-npm twice as workspaces of one project (see the docstring)."""
    project = CACHE_HOME / "stacked-10k"
    if (project / "package-lock.json").is_file():
        return project
    parts = {"heavy": heavy_project(), "app-a": CORPUS / "large-npm",
             "app-b": CORPUS / "large-npm"}
    entries: dict[str, object] = {"": {"name": "bench-stacked", "version": "1.0.0",
                                       "workspaces": ["ws/*"]}}
    for name, source in parts.items():
        manifest = json.loads((source / "package.json").read_text())
        lock = json.loads((source / "package-lock.json").read_text())["packages"]
        manifest = {**{k: v for k, v in manifest.items() if k != "workspaces"},
                    "name": f"ws-{name}", "version": "1.0.0"}
        folder = project / "ws" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text(json.dumps(manifest, indent=2) + "\n")
        root = {k: v for k, v in lock[""].items() if k != "workspaces"}
        entries[f"ws/{name}"] = {**root, "name": f"ws-{name}", "version": "1.0.0"}
        entries[f"node_modules/ws-{name}"] = {"resolved": f"ws/{name}", "link": True}
        entries.update((f"ws/{name}/{key}", value) for key, value in lock.items()
                       if key.startswith("node_modules/"))
    (project / "package.json").write_text(json.dumps(
        {"name": "bench-stacked", "version": "1.0.0", "private": True,
         "workspaces": ["ws/*"]}, indent=2) + "\n")
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "bench-stacked", "version": "1.0.0", "lockfileVersion": 3,
         "requires": True, "packages": entries}, indent=2) + "\n")
    return project


def heavy_project() -> Path:
    """The heavy dependencies resolved by npm once and kept."""
    project = CACHE_HOME / "large-10k"
    if (project / "package-lock.json").is_file():
        return project
    project.mkdir(parents=True, exist_ok=True)
    (project / "package.json").write_text(json.dumps(
        {"name": "bench-10k", "version": "1.0.0", "private": True, "dependencies": HEAVY},
        indent=2) + "\n")
    npm_cache = Path(tempfile.mkdtemp(prefix="bench-10k-npm-"))
    try:
        done = subprocess.run(
            ["npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit",
             "--no-fund", "--legacy-peer-deps", "--cache", str(npm_cache)],
            cwd=project, capture_output=True, text=True, timeout=1800)
    finally:
        shutil.rmtree(npm_cache, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"npm could not resolve the 10k project: {done.stderr[-500:]}")
    return project


def reviewer_run(tree: Path, args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MiB) of one whole `reviewer` process."""
    # the peak RSS from /proc (VmHWM, of this program's own memory): ru_maxrss of a child
    # started by the bench counts the bench process it was forked from (the synthetic
    # registry holds every tarball: 400+ MiB)
    wrapper = ("import resource, sys\nfrom reviewer.cli.main import main\ncode = main(sys.argv[1:])\n"
               "u = resource.getrusage(resource.RUSAGE_SELF)\n"
               "print(f'BENCH-SELF-CPU {u.ru_utime + u.ru_stime:.3f}', file=sys.stderr)\n"
               "try:\n    rss = next(int(l.split()[1]) for l in open('/proc/self/status') "
               "if l.startswith('VmHWM:'))\nexcept (OSError, StopIteration):\n    rss = u.ru_maxrss\n"
               "print(f'BENCH-RSS {rss}', file=sys.stderr)\nraise SystemExit(code)\n")
    elapsed, _ = run_child([python_of(tree), "-c", wrapper, *args],
                           {**env, "PYTHONPATH": str(tree)}, tree)
    rss = [int(line.split()[1]) for line in LAST_STDERR[0].splitlines()
           if line.startswith("BENCH-RSS ")]
    return elapsed, CPU_TIMES[-1], (rss[-1] if rss else 0) / 1024


def tui_first_paint(tree: Path, project: Path, common: list[str], out: Path,
                    env: dict[str, str]) -> dict[str, float]:
    from bench.bench_first_list import _bytecode_env
    from bench.bench_tui import WRAPPER, run_in_tmux

    env_path = f"PYTHONPATH={tree}"
    argv = ["env", *_bytecode_env(env), env_path, python_of(tree), "-c", WRAPPER, str(out),
            "tui", str(project), *common, "--offline"]
    return run_in_tmux(argv, out, tree, timeout=300)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", type=Path, default=None, metavar="TREE")
    parser.add_argument("--no-tui", action="store_true")
    parser.add_argument("--tui-only", action="store_true", help="time the TUI alone")
    parser.add_argument("--profile", type=Path, default=None, metavar="DIR")
    parser.add_argument("--no-kept-graph", action="store_true",
                        help="remove the parsed lockfile kept in the cache (graphs-v1) before "
                             "every timed run: the first launch after the lockfile changed")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module at every launch (PYTHONDONTWRITEBYTECODE)")
    args = parser.parse_args()
    project = args.project or stacked_project()
    code = [("this tree", ROOT)] + ([(str(args.compare), args.compare.resolve())]
                                    if args.compare else [])
    from servers.fixture_registry import FixtureRegistry

    from reviewer.lockfiles import load_graph

    graph = load_graph(project, None)
    locked = locked_versions(project)
    print(f"project {project}: {len(graph.packages)} lockfile entries, {len(locked)} names")
    results: dict[str, dict[str, list[tuple[float, ...]]]] = {
        label: {"report": [], "check": [], "tui": []} for label, _ in code}
    with FixtureRegistry(load_data=False, memoize=True) as registry, \
            tempfile.TemporaryDirectory(prefix="bench-large-") as temp:
        project = synthetic_project(project, serve_synthetic(registry, locked), Path(temp))
        env = {**os.environ, "NPM_CONFIG_USERCONFIG": "/dev/null"}
        if not args.no_bytecode_cache:
            # as an installed package runs: with its bytecode, kept apart from both trees
            # (the cold scan below fills it)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(temp) / "bytecode")
        caches = {label: Path(temp) / f"cache-{i}" for i, (label, _) in enumerate(code)}
        for label, tree in code:
            common = ["--registry", registry.url, "--cache-dir", str(caches[label])]
            elapsed, cpu, rss = reviewer_run(tree, ["scan", str(project), *common], env)
            print(f"[{label}] cold scan (loopback) {elapsed:.1f} s, cpu {cpu:.1f} s")
            reviewer_run(tree, ["report", str(project), "--format", "json", *common], env)
        if args.profile is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
            common = ["--registry", registry.url, "--cache-dir", str(caches[code[0][0]])]
            for name, extra in (("report", ["--format", "json"]), ("check", [])):
                subprocess.run([sys.executable, "-m", "cProfile", "-o",
                                str(args.profile / f"{name}.prof"), "-m", "reviewer", name,
                                str(project), *extra, *common],
                               env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                               capture_output=True, check=False)
        # run -1: a first TUI launch per tree, not counted, fills the bytecode cache with
        # what the scan and report did not import (Textual, the screens)
        for run in range(0 if args.no_bytecode_cache else -1, args.runs):
            for label, tree in code:  # interleaved
                common = ["--registry", registry.url, "--cache-dir", str(caches[label])]
                if args.no_kept_graph:
                    shutil.rmtree(caches[label] / "graphs-v1", ignore_errors=True)
                for case, extra in (() if args.tui_only or run < 0 else
                                    (("report", ["--format", "json"]), ("check", []))):
                    results[label][case].append(reviewer_run(
                        tree, [case, str(project), *extra, *common], env))
                if not args.no_tui and shutil.which("tmux"):
                    if args.no_kept_graph:
                        shutil.rmtree(caches[label] / "graphs-v1", ignore_errors=True)
                    out = Path(temp) / f"tui-{label.replace('/', '_')}-{run}.json"
                    got = tui_first_paint(tree, project, common, out, env)
                    if run >= 0:
                        results[label]["tui"].append((got["paint"], got["paint_cpu"],
                                                      got.get("rss_mib", 0.0), got.get("scan", 0.0)))
        ok = True
        for label, _ in code:
            for case, target in (("report", 2.0), ("check", 2.0)):
                runs = results[label][case]
                if not runs:
                    continue
                wall = statistics.median(r[0] for r in runs)
                print(f"[{label}] {case:6s} warm: {wall:5.2f} s wall, cpu "
                      f"{statistics.median(r[1] for r in runs):5.2f} s, peak "
                      f"{max(r[2] for r in runs):4.0f} MiB (median of {len(runs)}; "
                      f"target < {target:.0f} s, < 300 MiB)")
                if label == code[0][0]:
                    ok = ok and wall < target and max(r[2] for r in runs) < 300
            tui = results[label]["tui"]
            if tui:
                paint = statistics.median(r[0] for r in tui)
                rss = max(r[2] for r in tui)
                print(f"[{label}] TUI first paint {paint * 1000:5.0f} ms from process start "
                      f"(cpu {statistics.median(r[1] for r in tui) * 1000:.0f} ms), every "
                      f"package reviewed at {statistics.median(r[3] for r in tui):5.2f} s, "
                      f"peak {rss:4.0f} MiB (targets < 1000 ms, < 300 MiB; median of {len(tui)}, "
                      f"each: {', '.join(f'{r[0] * 1000:.0f}' for r in tui)} ms)")
                if label == code[0][0]:
                    ok = ok and paint < 1.0 and rss < 300
        if len(code) == 2:
            for case in ("report", "check", "tui"):
                a, b = (results[label][case] for label, _ in code)
                if a and b:
                    print(f"ratio {case} this/other: wall "
                          f"{statistics.median(r[0] for r in a) / statistics.median(r[0] for r in b):.2f}"
                          f", cpu {statistics.median(r[1] for r in a) / statistics.median(r[1] for r in b):.2f}"
                          f", peak memory {max(r[2] for r in a) / max(1, max(r[2] for r in b)):.2f}")
        print(f"load average after the runs: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
