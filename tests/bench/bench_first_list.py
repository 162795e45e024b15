"""Benchmark (SPEC §6, issue 17): the package list usable right after launch, while the
background review runs.

    python tests/bench/bench_first_list.py [--project DIR] [--runs N] [--compare TREE]
                                           [--metadata-only] [--no-bytecode-cache]

A fixture registry on 127.0.0.1 serves a synthetic packument and a small valid tarball for
every version of the project's names (bench_scan.synthetic_packument); the project is copied
with its lockfile's integrities set to those tarballs' (bench_scan.synthetic_project), and
`reviewer scan` then `reviewer report` fill the caches (metadata, tarballs, code analysis,
findings): warm, as after a first look (`--metadata-only`: `scan` alone, so that the TUI,
offline, finds no tarball in the cache and says so for every package). Then `reviewer tui
--offline` runs in tmux (a real terminal) with `s` typed at once (the key waits in the
terminal until the app reads it), and the app records, from the process start time the
kernel keeps (so interpreter start-up and imports count):
- `list`: the first screen update that shows the main screen's package list with rows
  (target < 1 s on large-npm, warm);
- `key wait`: while the background review runs, a thread posts a message to the app every
  20-60 ms (at random), the way the terminal driver's input thread posts a key, and the
  app's handler records how long it waited (target: the worst under 100 ms);
- `longest step`: the longest callback the event loop ran on the main thread in the same
  time, from its start to its end (GIL waits included), the step that draws the list
  included: the worst a key can wait when it arrives as that step starts, which sampled
  keys may miss (target: under 100 ms too);
- `lag`: a 20 Hz timer on the event loop measures how late it fires (shown for comparison
  with earlier rounds: it misses the part of a step that falls before the timer is due);
- `reviewed`: when every package has been reviewed.
CPU seconds of the process (all threads) are recorded beside `list` and `reviewed`.

`--real-code`: the first look at a project, with the code the lockfile really names. Each
locked version's tarball is the real one (fetched once into bench_code's tarball cache,
checked against the lockfile's integrity), the lockfile is unchanged, only `scan` fills the
metadata cache, and every run starts from a copy of it: the TUI (online, against the
fixture registry) fetches and analyses every package's code while the keys are timed.
`--window S` ends each run S seconds after the list appears.
Interleaved with `--compare TREE` (A, B, A, B...); medians and worst lag. Python runs with
its bytecode cache, as an installed package does, kept in a temporary directory
(PYTHONPYCACHEPREFIX: neither tree is written to); a first launch per tree, not counted,
fills it (`--no-bytecode-cache` compiles every module at every launch instead).
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
DEFAULT_PROJECT = ROOT.parent / "shared" / "corpus" / "large-npm"

WRAPPER = r'''
import asyncio, asyncio.events, json, os, random, sys, threading, time

def process_start() -> float:
    with open("/proc/self/stat") as handle:
        ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as handle:
        uptime = float(handle.read().split()[0])
    return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")

START = process_start()
OUT = sys.argv[1]
from textual.message import Message
from textual.screen import Screen
from reviewer.tui import app as tui_app

result = {"lags": [], "waits": [], "longest_step": 0.0}
MAIN_THREAD = threading.get_ident()
original_run = asyncio.events.Handle._run


def timed_run(handle):
    began = time.perf_counter()
    original_run(handle)
    if "list" in result and "reviewed" not in result and threading.get_ident() == MAIN_THREAD:
        took = time.perf_counter() - began
        if took > 0.03:
            result.setdefault("long_steps", []).append(
                (round(time.time() - START - result["list"], 3), round(took, 3),
                 what_ran(handle)))
        if took > result["longest_step"]:
            result["longest_step"] = took
            result["longest_step_at"] = time.time() - START - result["list"]
            result["longest_step_what"] = what_ran(handle)


def what_ran(handle):
    """The callback, or for a task's step the coroutine the task runs."""
    callback = getattr(handle, "_callback", None)
    task = getattr(callback, "__self__", None)
    coro = task.get_coro() if isinstance(task, asyncio.Task) else None
    code = getattr(coro, "cr_code", None)
    if code is not None:
        frame = getattr(coro, "cr_frame", None)
        owner = frame.f_locals.get("self") if frame is not None else None
        of = f" of {type(owner).__name__}" if owner is not None else ""
        callback = getattr(owner, "_callback", None)  # a Timer: what it calls
        if callback is not None:
            of += f" calling {getattr(callback, '__qualname__', repr(callback)[:60])}"
        return f"task {code.co_qualname}{of} ({code.co_filename.rsplit('/', 2)[-1]})"
    return repr(callback)[:100]


asyncio.events.Handle._run = timed_run


class KeyProbe(Message):
    def __init__(self) -> None:
        super().__init__()
        self.sent = time.perf_counter()


def on_key_probe(self, message):
    if "reviewed" not in result:
        waited = time.perf_counter() - message.sent
        result["waits"].append(waited)
        if waited > result.get("worst_wait", 0.0):
            result["worst_wait"] = waited
            result["worst_wait_at"] = time.time() - START - result["list"] - waited


def send_probes(app):
    while "reviewed" not in result:
        time.sleep(random.uniform(0.02, 0.06))
        if "list" in result and "reviewed" not in result:
            app.post_message(KeyProbe())

original_refresh = Screen._compositor_refresh
original_mount = tui_app.ReviewerApp.on_mount
original_flush = tui_app.ReviewerApp._flush_updates

def refresh(screen):
    original_refresh(screen)
    table = getattr(screen, "table", None)
    if "list" not in result and getattr(screen, "ready", False) and table is not None \
            and table.row_count > 0:
        result["list"] = time.time() - START
        result["list_cpu"] = time.process_time()
        result["rows"] = table.row_count

def mount(self):
    original_mount(self)
    window = float(os.environ.get("BENCH_WINDOW") or 0)

    def window_over():
        if "list" in result and "reviewed" not in result:
            result["reviewed"] = time.time() - START
            result["reviewed_cpu"] = time.process_time()
            result["window"] = True
            self.exit()
        else:
            self.set_timer(window, window_over)

    if window:
        self.set_timer(window, window_over)
    expected = [time.perf_counter() + 0.05]

    def probe():
        now = time.perf_counter()
        if "list" in result and "reviewed" not in result:
            result["lags"].append(max(0.0, now - expected[0]))
        expected[0] = now + 0.05

    self.set_interval(0.05, probe)
    threading.Thread(target=send_probes, args=(self,), daemon=True).start()

def flush(self, resort=False):
    original_flush(self, resort)
    if resort and "reviewed" not in result:
        result["reviewed"] = time.time() - START
        result["reviewed_cpu"] = time.process_time()
        self.exit()

Screen._compositor_refresh = refresh
tui_app.ReviewerApp.on_mount = mount
tui_app.ReviewerApp._flush_updates = flush
tui_app.ReviewerApp.on_key_probe = on_key_probe
from reviewer.cli.main import main
code = main(sys.argv[2:])
with open(OUT + ".part", "w") as handle:  # whole when the bench sees it
    json.dump(result, handle)
os.replace(OUT + ".part", OUT)
sys.exit(code)
'''


def python_of(tree: Path) -> str:
    own = tree / ".venv" / "bin" / "python"
    return str(own) if tree != ROOT and own.exists() else sys.executable


def _bytecode_env(env: dict[str, str]) -> list[str]:
    """`env` arguments that give the TUI the same bytecode settings as `env`."""
    if "PYTHONPYCACHEPREFIX" in env:
        return ["-u", "PYTHONDONTWRITEBYTECODE", f"PYTHONPYCACHEPREFIX={env['PYTHONPYCACHEPREFIX']}"]
    return []


def serve_real_code(registry, project: Path) -> int:  # noqa: ANN001
    """Serve a synthetic packument for every name whose locked versions carry their real
    tarballs and the lockfile's integrities; how many tarballs are real."""
    from bench.bench_code import DEFAULT_TARBALLS, fetch_all, locked_tarballs
    from bench.bench_scan import integrity_of, locked_versions, synthetic_packument

    on_disk = {integrity: path
               for _key, path, integrity in fetch_all(DEFAULT_TARBALLS, locked_tarballs(project))}
    lock = json.loads((project / "package-lock.json").read_text())
    integrity_of_locked = {}
    for location, entry in (lock.get("packages") or {}).items():
        if "node_modules/" in location and isinstance(entry, dict) and entry.get("integrity"):
            name = entry.get("name") or location.rsplit("node_modules/", 1)[-1]
            integrity_of_locked[(name, entry.get("version"))] = entry["integrity"]
    real = 0
    for name, versions in locked_versions(project).items():
        tarballs: dict[str, bytes] = {}
        document = synthetic_packument(name, versions, registry.url, tarballs)
        for version in versions:
            integrity = integrity_of_locked.get((name, version))
            path = on_disk.get(integrity) if integrity else None
            if path is not None:
                data = path.read_bytes()
                document["versions"][version]["dist"].update(
                    integrity=integrity, shasum=integrity_of(data)[1])
                tarballs[version] = data
                real += 1
        registry.add_packument(document)
        for version, data in tarballs.items():
            registry.add_tarball(name, version, data)
    return real


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", type=Path, default=None, metavar="TREE")
    parser.add_argument("--metadata-only", action="store_true",
                        help="fill only the metadata cache (`scan`): the TUI, offline, then "
                             "finds no tarball and no code analysis in the cache")
    parser.add_argument("--real-code", action="store_true",
                        help="the real tarballs, code not yet analysed: the first look")
    parser.add_argument("--window", type=float, default=0.0, metavar="S",
                        help="end each run S seconds after the list appears (0: when reviewed)")
    parser.add_argument("--trace", action="store_true",
                        help="print, per run, when the worst key wait began and every "
                             "event-loop step over 30 ms")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module at every launch (PYTHONDONTWRITEBYTECODE)")
    args = parser.parse_args()
    from servers.fixture_registry import FixtureRegistry

    from bench.bench_scan import locked_versions, serve_synthetic, synthetic_project
    from bench.bench_tui import run_in_tmux

    code = [("this tree", ROOT)] + ([(str(args.compare), args.compare.resolve())]
                                    if args.compare else [])
    results: dict[str, list[dict]] = {label: [] for label, _ in code}
    with FixtureRegistry(load_data=False, memoize=True) as registry, \
            tempfile.TemporaryDirectory(prefix="bench-list-") as temp:
        if args.real_code:
            real = serve_real_code(registry, args.project)
            print(f"real tarballs served: {real}", flush=True)
            project = synthetic_project(args.project, {}, Path(temp))  # a copy, as it is
        else:
            project = synthetic_project(args.project,
                                        serve_synthetic(registry, locked_versions(args.project)),
                                        Path(temp))
        env = {**os.environ, "NPM_CONFIG_USERCONFIG": "/dev/null"}
        if not args.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(temp) / "bytecode")
        caches = {label: Path(temp) / f"cache-{i}" for i, (label, _) in enumerate(code)}
        only_scan = args.metadata_only or args.real_code
        fill = [["scan"]] if only_scan else [["scan"], ["report", "--format", "json"]]
        for label, tree in code:  # warm: as after a first look (metadata, tarballs, code)
            for command in fill:
                subprocess.run([python_of(tree), "-m", "reviewer", command[0], str(project),
                                *command[1:], "--registry", registry.url, "--cache-dir",
                                str(caches[label])],
                               env={**env, "PYTHONPATH": str(tree)}, cwd=tree,
                               capture_output=True, check=False)
        for run in range(-1, args.runs):  # run -1 fills the bytecode cache: not counted
            for label, tree in code:  # interleaved
                out = Path(temp) / f"list-{len(results[label])}-{run}-{code.index((label, tree))}.json"
                cache = caches[label]
                if args.real_code:  # every run from the metadata alone: no code analysed yet
                    cache = Path(temp) / f"run-cache-{code.index((label, tree))}"
                    shutil.rmtree(cache, ignore_errors=True)
                    shutil.copytree(caches[label], cache)
                argv = ["env", *_bytecode_env(env), f"PYTHONPATH={tree}",
                        f"BENCH_WINDOW={args.window or ''}", python_of(tree),
                        "-c", WRAPPER, str(out), "tui", str(project), "--registry",
                        registry.url, "--cache-dir", str(cache),
                        *([] if args.real_code else ["--offline"])]
                result = run_in_tmux(argv, out, tree, timeout=300, keys=("s",))
                if run >= 0:
                    results[label].append(result)
    ok = True
    for label, _ in code:
        runs = results[label]
        lags = [lag for r in runs for lag in r["lags"]]
        first = statistics.median(r["list"] for r in runs)
        first_cpu = statistics.median(r["list_cpu"] for r in runs)
        reviewed_cpu = statistics.median(r["reviewed_cpu"] for r in runs)
        worst = max(lags, default=0.0)
        p95 = sorted(lags)[int(0.95 * (len(lags) - 1))] if lags else 0.0
        waits = sorted(wait for r in runs for wait in r["waits"])
        worst_wait = waits[-1] if waits else 0.0
        wait_p95 = waits[int(0.95 * (len(waits) - 1))] if waits else 0.0
        longest = max(r["longest_step"] for r in runs)
        print(f"[{label}] package list on screen {first * 1000:5.0f} ms after launch with `s` "
              f"typed at once (cpu {first_cpu * 1000:4.0f} ms; median of {len(runs)}; target "
              f"< 1000 ms); event-loop lag while the review runs: worst {worst * 1000:4.0f} ms, "
              f"95th percentile {p95 * 1000:4.0f} ms over {len(lags)} probes; a key's wait: "
              f"worst {worst_wait * 1000:4.0f} ms, 95th percentile {wait_p95 * 1000:4.0f} ms "
              f"over {len(waits)} keys; longest event-loop step {longest * 1000:4.0f} ms "
              f"(targets < 100 ms); "
              f"{'window over' if runs[0].get('window') else 'every package reviewed'} at "
              f"{statistics.median(r['reviewed'] for r in runs):5.2f} s"
              f" (cpu {reviewed_cpu:4.2f} s); rows {runs[0].get('rows')}")
        slowest = max(runs, key=lambda r: r["longest_step"])
        print(f"[{label}] the longest step, {slowest.get('longest_step_at', 0):.2f} s after the "
              f"list: {slowest.get('longest_step_what')}")
        print(f"[{label}] each run: list ms / worst key wait ms / longest step ms / worst lag "
              "ms (its probe, from 0) / probes: " + ", ".join(
                  f"{r['list'] * 1000:.0f}/{max(r['waits'], default=0) * 1000:.0f}/"
                  f"{r['longest_step'] * 1000:.0f}/"
                  f"{max(r['lags'], default=0) * 1000:.0f}"
                  f"({r['lags'].index(max(r['lags'])) if r['lags'] else '-'})/{len(r['lags'])}"
                  for r in runs))
        if args.trace:
            for number, r in enumerate(runs):
                print(f"[{label}] run {number}: worst key wait {r.get('worst_wait', 0) * 1000:.0f}"
                      f" ms, posted {r.get('worst_wait_at', 0):.3f} s after the list; steps over "
                      "30 ms (s after the list, ms): " + "; ".join(
                          f"{at:.3f} {took * 1000:.0f} {what}"
                          for at, took, what in r.get("long_steps", [])))
        if label == code[0][0]:
            ok = first < 1.0 and worst_wait < 0.1 and longest < 0.1
    print(f"load average after the runs: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
