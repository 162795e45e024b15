"""Benchmark (issue 13): the typosquat check over a 2,000-package lockfile. Target: < 0.3 s.

    python tests/bench/bench_typosquat.py [--corpus DIR] [--runs N]

Each run is a fresh process: it imports reviewer.signals.typosquat, loads the shipped
download list, and checks every registry package of large-npm's lockfile (topped up to
2,000 names with made-up internal names and lookalikes, the names that take the longest
path). Prints the import-and-load time, the check time and their sum (the median of the
runs; wall clock, and CPU time, which a busy machine inflates less), and exits 1 when the
wall-clock sum misses the target.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("REVIEWER_CORPUS", TESTS.parents[1] / "shared" / "corpus"))
TARGET_SECONDS = 0.3
PACKAGES = 2000

CHILD = r"""
import json, sys, time
from pathlib import Path
from reviewer.graph.model import Source
from reviewer.lockfiles import load_graph
graph = load_graph(Path(sys.argv[1]))
names = sorted({p.name for p in graph.packages.values() if p.source is Source.REGISTRY})
extra = int(sys.argv[2]) - len(names)
names += [f"acme-internal-{i}" if i % 2 else f"{names[i % len(names)]}x" for i in range(max(extra, 0))]
started, cpu0 = time.perf_counter(), time.process_time()
from reviewer.signals import typosquat
typosquat.popular_names()
loaded, cpu1 = time.perf_counter(), time.process_time()
flagged = sum(1 for name in names if typosquat.typosquat(name, name) is not None)
done, cpu2 = time.perf_counter(), time.process_time()
print(json.dumps({"names": len(names), "flagged": flagged, "load": loaded - started,
                  "check": done - loaded, "load_cpu": cpu1 - cpu0, "check_cpu": cpu2 - cpu1}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    project = args.corpus / "large-npm"
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(project), str(PACKAGES)],
                             check=True, capture_output=True, text=True, cwd=TESTS.parent)
        runs.append(json.loads(out.stdout))
    load, check, load_cpu, check_cpu = (statistics.median(r[k] for r in runs)
                                        for k in ("load", "check", "load_cpu", "check_cpu"))
    print(f"{runs[0]['names']} names, {runs[0]['flagged']} flagged; median of {len(runs)} runs: "
          f"import and load {load * 1000:.0f} ms (CPU {load_cpu * 1000:.0f} ms), "
          f"check {check * 1000:.0f} ms (CPU {check_cpu * 1000:.0f} ms), "
          f"total {(load + check) * 1000:.0f} ms (target {TARGET_SECONDS * 1000:.0f} ms; "
          f"load average {os.getloadavg()[0]:.1f})")
    return 0 if load + check < TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
