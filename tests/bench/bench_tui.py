"""Benchmark (SPEC §6, issue 6): the TUI on the large-npm corpus with a warm cache.

    python tests/bench/bench_tui.py [--project DIR] [--runs N] [--rounds N]

A fixture registry on 127.0.0.1 serves a synthetic packument for every name of the project
(bench_scan.synthetic_packument); `reviewer scan` fills a cache; then, offline from that cache:

1. first paint: `reviewer tui --offline` runs in tmux (a real terminal); the app records the
   moment its first screen is painted, measured from the process start time the kernel
   records (/proc/self/stat), so interpreter start-up and imports count. Target < 1 s.
2. the same process then waits for the background review of every package and reports its
   peak RSS (ru_maxrss) with all metadata loaded. Target < 300 MiB.
3. filter keystroke to repaint, in process (App.run_test, 160x48): the time from a key
   press in the filter box to the end of the first screen update that shows the filtered
   rows, median and 90th percentile over --rounds rounds of typing. Target < 50 ms (the
   median). Cursor keys through the list are measured the same way (scrolling).
   The headless test driver does not write to a terminal, so the terminal's own drawing is
   not counted; with tmux in step 1 the first paint includes it.
4. the Pilot-paced figures: press until the app is idle again (wall and CPU), and the
   filter and table rebuild alone. Also checks that the table builds no widget per row.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
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

WRAPPER = r'''
import json, os, resource, sys, time

def process_start() -> float:
    with open("/proc/self/stat") as handle:
        ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as handle:
        uptime = float(handle.read().split()[0])
    return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")

START = process_start()
OUT = sys.argv[1]
from reviewer.tui import app as tui_app

result = {}
original_painted = tui_app.ReviewerApp._painted

def painted(self):
    original_painted(self)
    result.setdefault("paint", time.time() - START)
    result.setdefault("paint_cpu", time.process_time())

def flush(self, resort=False):
    original_flush(self, resort)
    if resort and "scan" not in result:
        result["scan"] = time.time() - START
        result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result["widgets"] = len(list(self.screen.query("*")))
        self.exit()

original_flush = tui_app.ReviewerApp._flush_updates
tui_app.ReviewerApp._painted = painted
tui_app.ReviewerApp._flush_updates = flush
from reviewer.cli.main import main
code = main(sys.argv[2:])
with open(OUT + ".part", "w") as handle:  # whole when the bench sees it
    json.dump(result, handle)
os.replace(OUT + ".part", OUT)
sys.exit(code)
'''


def locked_names(project: Path) -> dict[str, list[str]]:
    from reviewer.lockfiles import load_graph

    locked: dict[str, list[str]] = {}
    for package in load_graph(project, None):
        locked.setdefault(package.name, []).append(package.version)
    return locked


def run_in_tmux(argv: list[str], out: Path, tree: Path, timeout: float = 120,
                keys: tuple[str, ...] = ()) -> dict:
    """Run `argv` in a 160x48 tmux session started in `tree` (a `python -c` puts its working
    directory first on sys.path: started elsewhere, it would import that directory's
    reviewer, not the tree's), type `keys` at once, and return the JSON it writes to `out`."""
    socket = f"bench-tui-{os.getpid()}-{out.stem}"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    command = "env -u COLUMNS -u LINES " + " ".join(shlex.quote(a) for a in argv)
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", "b", "-x", "160", "-y", "48",
                    "-c", str(tree), command], check=True, env=env)
    for key in keys:  # waits in the terminal until the app reads it
        subprocess.run(["tmux", "-L", socket, "send-keys", "-t", "b", key], check=False)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not out.exists():
            time.sleep(0.1)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
    if not out.exists():
        raise SystemExit("the TUI did not finish in time")
    result: dict = json.loads(out.read_text())
    return result


async def filter_latency(project: Path, registry_url: str,
                         cache: Path) -> tuple[float, float, float, int, int]:
    """(median wall and CPU ms per filter keystroke via Pilot, median ms of the filter and
    table rebuild alone, rows, widgets on the main screen)."""

    from reviewer.app.session import ReviewSession
    from reviewer.lockfiles import load_graph
    from reviewer.registry.config import RegistryConfig
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.screens.main import MainScreen

    config = RegistryConfig.from_npmrc(project, registry=registry_url, offline=True, cache_dir=cache)
    session = ReviewSession(load_graph(project, None), RegistryService(config), project)
    app = ReviewerApp(session, keymap_path=cache / "none.toml")
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("s")
        main = app.screen
        assert isinstance(main, MainScreen)
        rows = main.table.row_count
        widgets = len(list(main.query("*")))
        await pilot.press("slash")
        keystrokes, keystrokes_cpu = [], []
        for char in "typescript" + "\b" * 10 + "react":
            key = "backspace" if char == "\b" else char
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            keystrokes.append((time.perf_counter() - start) * 1000)
            keystrokes_cpu.append((time.process_time() - cpu) * 1000)
        rebuilds = []
        for query in ("re", "rea", "reac", "react", "", "babel", "b", ""):
            start = time.perf_counter()
            main.filter_now(query, main.quick)  # what the filter box calls on a keystroke
            rebuilds.append((time.perf_counter() - start) * 1000)
        await pilot.pause()
    return (statistics.median(keystrokes), statistics.median(keystrokes_cpu),
            statistics.median(rebuilds), rows, widgets)


TYPED = "typescript" + "\b" * 10 + "react" + "\b" * 5 + "babel" + "\b" * 5 + "eslint-plugin"
"""Keystrokes typed into the filter box: queries that narrow, widen and change the list."""


async def keystroke_to_paint(project: Path, registry_url: str, cache: Path,
                             rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds from a key press to the end of the first screen update (compositor
    refresh) that shows its effect, what a person sees: for each filter keystroke (TYPED,
    `rounds` times; the first screen update with a different row count), and for cursor
    moves through the list (down and page down; the first update with the cursor moved).
    Keys are about 0.25 s apart: a typist at about 45 words a minute."""
    from textual.screen import Screen

    from reviewer.app.session import ReviewSession
    from reviewer.lockfiles import load_graph
    from reviewer.registry.config import RegistryConfig
    from reviewer.registry.service import RegistryService
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.screens.main import MainScreen

    painted: list[tuple[float, int, int]] = []
    original = Screen._compositor_refresh

    def recording(screen: Screen) -> None:  # type: ignore[type-arg]
        original(screen)
        table = getattr(screen, "table", None)
        state = (table.row_count, table.cursor_row) if table is not None else (-1, -1)
        painted.append((time.perf_counter(), *state))

    async def press(pilot: object, key: str, changed: int) -> float | None:
        """Latency of `key`; `changed` is the index (1 rows, 2 cursor) that must change."""
        table = app.screen.table  # type: ignore[attr-defined]
        before = (0.0, table.row_count, table.cursor_row)
        painted.clear()
        start = time.perf_counter()
        await pilot.press(key)  # type: ignore[attr-defined]
        await pilot.pause(0.15)  # type: ignore[attr-defined]
        shown = [entry[0] for entry in painted if entry[changed] != before[changed]]
        return (shown[0] - start) * 1000 if shown else None

    Screen._compositor_refresh = recording  # type: ignore[method-assign]
    try:
        config = RegistryConfig.from_npmrc(project, registry=registry_url, offline=True,
                                           cache_dir=cache)
        session = ReviewSession(load_graph(project, None), RegistryService(config), project)
        app = ReviewerApp(session, keymap_path=cache / "none.toml")
        filtering: list[float] = []
        moving: list[float] = []
        async with app.run_test(size=(160, 48)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("s")
            assert isinstance(app.screen, MainScreen)
            for _ in range(rounds):
                await pilot.press("slash")
                await pilot.pause(0.3)
                for char in TYPED:
                    latency = await press(pilot, "backspace" if char == "\b" else char, 1)
                    if latency is not None:
                        filtering.append(latency)
                await pilot.press("escape")  # clear the filter, back to the list
                await pilot.pause(0.3)
                app.screen.table.focus()  # type: ignore[attr-defined]
                for key in ["down"] * 10 + ["pagedown"] * 5 + ["up"] * 5:
                    latency = await press(pilot, key, 2)
                    if latency is not None:
                        moving.append(latency)
        return filtering, moving
    finally:
        Screen._compositor_refresh = original  # type: ignore[method-assign]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of typing in the filter")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is required", file=sys.stderr)
        return 2
    from servers.fixture_registry import FixtureRegistry

    from bench.bench_scan import synthetic_packument

    locked = locked_names(args.project)
    ok = True
    with FixtureRegistry(load_data=False, memoize=True) as registry, \
            tempfile.TemporaryDirectory(prefix="bench-tui-") as temp:
        for name, versions in locked.items():
            registry.add_packument(synthetic_packument(name, versions, registry.url))
        cache = Path(temp) / "cache"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NPM_CONFIG_USERCONFIG": "/dev/null"}
        common = ["--registry", registry.url, "--cache-dir", str(cache)]
        subprocess.run([sys.executable, "-m", "reviewer", "scan", str(args.project), *common],
                       env=env, cwd=ROOT, capture_output=True, check=False)
        results = []
        for run in range(args.runs):
            out = Path(temp) / f"result-{run}.json"
            argv = [sys.executable, "-c", WRAPPER, str(out), "tui", str(args.project), *common,
                    "--offline"]
            results.append(run_in_tmux(argv, out, ROOT))
        paint = statistics.median(r["paint"] for r in results)
        paint_cpu = statistics.median(r["paint_cpu"] for r in results)
        scan = statistics.median(r["scan"] for r in results)
        rss = max(r["rss_mib"] for r in results)
        print(f"packages: {sum(len(v) for v in locked.values())} ({len(locked)} names)")
        print(f"first screen painted : {paint * 1000:6.0f} ms from process start "
              f"(median of {args.runs}; target < 1000 ms); CPU time used by then: "
              f"{paint_cpu * 1000:.0f} ms")
        print(f"every package reviewed (warm cache, offline): {scan:5.2f} s from process start")
        print(f"peak memory with all metadata loaded: {rss:5.0f} MiB (target < 300 MiB)")
        key_ms, key_cpu, rebuild_ms, rows, widgets = asyncio.run(
            filter_latency(args.project, registry.url, cache))
        filtering, moving = asyncio.run(
            keystroke_to_paint(args.project, registry.url, cache, args.rounds))
        paint_ms = statistics.median(filtering)
        print(f"filter keystroke to repaint (key press until the first screen update showing "
              f"the filtered rows), {len(filtering)} keystrokes: {paint_ms:5.1f} ms median, "
              f"{percentile(filtering, 0.9):5.1f} ms 90th percentile, {max(filtering):5.1f} ms "
              f"slowest (target < 50 ms)")
        print(f"cursor key to repaint (down, page down, up), {len(moving)} keystrokes: "
              f"{statistics.median(moving):5.1f} ms median, "
              f"{percentile(moving, 0.9):5.1f} ms 90th percentile, {max(moving):5.1f} ms slowest")
        print(f"filter keystroke, Pilot press until the app is idle again: {key_ms:5.1f} ms "
              f"median wall, {key_cpu:5.1f} ms CPU (includes Pilot's idle wait)")
        print(f"filter + table rebuild alone: {rebuild_ms:5.1f} ms median")
        print(f"rows: {rows}, widgets on the main screen: {widgets} (no widget per row)")
        ok = paint < 1.0 and rss < 300 and paint_ms < 50 and widgets < rows
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
