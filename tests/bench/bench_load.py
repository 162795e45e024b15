"""Benchmark (SPEC §6, issue 2): load each large-* corpus lockfile as a whole process.

    python tests/bench/bench_load.py [--runs N] [--corpus DIR]

Times `reviewer list --json > /dev/null` for every large-* project and, in the same run,
`npm ls --all --package-lock-only --json` on large-npm (the named peer). Prints the median
wall time of each and the ratio to npm; exits 1 when a format misses the target (at most
half of npm's time).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
FORMATS = ["large-npm", "large-pnpm", "large-yarn1", "large-yarnberry", "large-bun"]


def timed(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def median_of(argv: list[str], cwd: Path, runs: int) -> float:
    timed(argv, cwd)  # warm the file-system cache
    return statistics.median(timed(argv, cwd) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    npm = shutil.which("npm")
    if npm is None:
        print("npm not found: cannot compare", file=sys.stderr)
        return 2
    peer = median_of([npm, "ls", "--all", "--package-lock-only", "--json"],
                     args.corpus / "large-npm", args.runs)
    print(f"npm ls --all --package-lock-only (large-npm): {peer * 1000:7.0f} ms")
    failed = False
    for name in FORMATS:
        ours = median_of([sys.executable, "-m", "reviewer", "list", "--json"],
                         args.corpus / name, args.runs)
        ratio = ours / peer
        failed |= ratio > 0.5
        print(f"reviewer list --json ({name:16}): {ours * 1000:7.0f} ms  ratio {ratio:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
