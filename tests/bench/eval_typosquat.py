"""Measure the typosquat rules: recall on documented and synthetic squats, false alarms on
legitimate names ranked 20,001-40,000 by downloads. Not a test (it needs the npm list).

    python -m tests.bench.eval_typosquat [/work/.library/env/packages/npm.tsv] [-v]

The list has name, version, downloads_a_month, summary per line. Legitimate names are
judged twice: with their own download figure (as reviewer sees them: they are in the
shipped list) and as if unlisted (how a name outside the list is judged), the stricter.

Measured 2026-12-06 (issue 13): documented squats 30/47 flagged, 30/34 of those whose
target is an npm package (the 13 others imitate nothing on npm: `tkinter`, `node-openssl`);
shapes 19/19; synthetic one-edit squats of the 10,000 most downloaded names 969/1000;
documented + synthetic 95.4%. False alarms on ranks 20,001-40,000: 19/20,000 (0.10%) with
their own figures, 183/20,000 (0.92%) judged as unlisted.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from reviewer.signals.typosquat import find_lookalike, popular_names
from tests.signals.typosquat_cases import DOCUMENTED, SHAPES, synthetic

DEFAULT = Path("/work/.library/env/packages/npm.tsv")


def ranked(path: Path) -> list[str]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2].isdigit():
                rows.append((-int(cols[2]), cols[0]))
    return [name for _, name in sorted(rows)]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    names = ranked(Path(args[0]) if args else DEFAULT)
    popular = popular_names()
    start = time.perf_counter()
    hits = {n: find_lookalike(n) for n in DOCUMENTED}
    caught = [n for n, h in hits.items() if h is not None]
    with_target = [n for n, t in DOCUMENTED.items() if t is not None]
    print(f"documented: {len(caught)}/{len(DOCUMENTED)} flagged "
          f"({len(caught) / len(DOCUMENTED):.1%}); with an npm target: "
          f"{sum(1 for n in with_target if hits[n])}/{len(with_target)}")
    if verbose:
        for n, h in hits.items():
            print(f"  {'+' if h else '-'} {n:32} {h.target if h else ''} {h.kind if h else ''}")
    shapes = [n for n, t in SHAPES.items() if (h := find_lookalike(n)) and h.target == t]
    print(f"shapes: {len(shapes)}/{len(SHAPES)} flagged with the right target")
    if verbose:
        print("  missed:", sorted(set(SHAPES) - set(shapes)))
    targets = names[:10_000]
    squats = synthetic(targets, set(names), 1000)
    missed = [(n, t, k) for n, t, k in squats if find_lookalike(n) is None]
    by_kind = Counter(k for _, _, k in squats)
    miss_kind = Counter(k for _, _, k in missed)
    print(f"synthetic: {len(squats) - len(missed)}/{len(squats)} flagged "
          f"({1 - len(missed) / len(squats):.1%}); by kind: "
          + ", ".join(f"{k} {by_kind[k] - miss_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)))
    if verbose:
        for m in missed[:60]:
            print("  missed", m, popular.downloads.get(m[1]))
    total = len(caught) + len(squats) - len(missed)
    print(f"recall, documented + synthetic: {total / (len(DOCUMENTED) + len(squats)):.1%}")
    legit = names[20_000:40_000]
    for unlisted in (False, True):
        flagged = [(n, find_lookalike(n, as_unlisted=unlisted)) for n in legit]
        flagged = [(n, h) for n, h in flagged if h is not None]
        label = "as unlisted" if unlisted else "own downloads"
        print(f"false alarms, ranks 20,001-40,000 ({label}): {len(flagged)}/{len(legit)} "
              f"({len(flagged) / len(legit):.2%})")
        if verbose:
            for n, h in flagged:
                print(f"  {n:40} {h.target:30} {h.kind:14} {h.target_downloads / (h.downloads or h.floor):8.0f}")
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
