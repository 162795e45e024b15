"""Benchmark (issue 12): reviewer's code analysis side by side with GuardDog.

    python tests/bench/guarddog_compare.py [--guarddog PATH] [--out FILE.md]

GuardDog lives in its own virtual environment, for this benchmark only (never a runtime or
test dependency of reviewer):

    python3 -m venv /work/wt/guarddog-venv && /work/wt/guarddog-venv/bin/pip install guarddog

Two sets, one markdown table each (package, reviewer's verdict, GuardDog's verdict), with
recall and false-alarm counts:
1. the inert payload shapes of tests/code/payloads.py (B's tarball; reviewer also gets A
   where the incident was an upgrade, as `review` would, and is shown on B alone too);
2. the legitimate packages of tests/code/legit, as the REAL full tarballs `npm pack`
   downloads (cached in ~/.cache/reviewer-bench/legit, outside the repository).

`guarddog npm scan FILE.tgz --output-format json` reads a local tarball offline; its verdict
is the `risk_score` label (and score out of 10) it prints as "Assessment".
A payload counts as caught by reviewer at high or critical, by GuardDog at "suspicious" or
above (its own wording; generous to it). A legitimate package is a false alarm for reviewer
at high or critical; for GuardDog its "suspicious" and "high_risk" labels are counted apart
(its other labels: "no_risks_detected", "low").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "tests" / "code"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
DEFAULT_GUARDDOG = Path("/work/wt/guarddog-venv/bin/guarddog")
LEGIT_CACHE = Path.home() / ".cache" / "reviewer-bench" / "legit"
HIGH = ("high", "critical")


@dataclass
class Row:
    package: str
    what: str
    reviewer: str
    reviewer_alone: str
    reviewer_why: str
    reviewer_s: float
    guarddog: str
    guarddog_s: float
    guarddog_rules: str


GUARDDOG_CACHE = Path.home() / ".cache" / "reviewer-bench" / "guarddog"
"""GuardDog's verdicts by tarball digest and GuardDog version: a re-run only re-measures
reviewer (GuardDog takes minutes)."""


@cache
def guarddog_version(guarddog: Path) -> str:
    out = subprocess.run([str(guarddog), "--version"], capture_output=True, text=True,
                         timeout=120).stdout.strip().splitlines()
    return out[-1] if out else "?"


def guarddog_verdict(guarddog: Path, tgz: Path) -> tuple[str, float, str]:
    import hashlib

    digest = hashlib.sha256(tgz.read_bytes() + guarddog_version(guarddog).encode()).hexdigest()[:32]
    stored = GUARDDOG_CACHE / f"{digest}.json"
    if stored.is_file():
        verdict, seconds, threats = json.loads(stored.read_text())
        return str(verdict), float(seconds), str(threats)
    result = _guarddog_scan(guarddog, tgz)
    if not result[0].startswith("error"):
        GUARDDOG_CACHE.mkdir(parents=True, exist_ok=True)
        stored.write_text(json.dumps(list(result)))
    return result


def _guarddog_scan(guarddog: Path, tgz: Path) -> tuple[str, float, str]:
    started = time.perf_counter()
    result = subprocess.run([str(guarddog), "npm", "scan", str(tgz), "--output-format", "json"],
                            capture_output=True, text=True, timeout=600, cwd=tgz.parent)
    seconds = time.perf_counter() - started
    try:
        data = json.loads(result.stdout)
    except ValueError:
        return f"error (exit {result.returncode})", seconds, result.stderr.strip()[-200:]
    risk = data.get("risk_score") or {}
    label = str(risk.get("label") or ("clean" if not data.get("issues") else "issues"))
    score = risk.get("score")
    threats = sorted({r.get("threat_rule", "") for r in data.get("risks") or []} - {""})
    verdict = f"{label} ({score:g}/10)" if isinstance(score, (int, float)) else label
    return verdict, seconds, ", ".join(threats)


def reviewer_verdict(new: bytes, old: bytes | None) -> tuple[str, str, str, float]:
    """(verdict with previous, verdict alone, why, seconds of the first)."""
    from reviewer.code import analyze_tarball_bytes

    started = time.perf_counter()
    verdict = analyze_tarball_bytes(new, previous=old)
    seconds = time.perf_counter() - started
    alone = analyze_tarball_bytes(new) if old is not None else verdict

    def label(v: object) -> str:
        severity = getattr(v, "severity", None)
        text = str(severity) if severity is not None else "none"
        return text + (" (incomplete)" if getattr(v, "incomplete", False) else "")

    top = sorted(verdict.findings, key=lambda f: -int(f.severity))[:1]
    why = top[0].summary if top else ""
    return label(verdict), label(alone), why, seconds


def guarddog_flags(verdict: str, *, strict: bool) -> bool:
    label = verdict.split(" (")[0].lower()
    if label not in ("suspicious", "high_risk"):  # "no_risks_detected", "low", errors
        return False
    return not strict or label == "high_risk"


def _cell(text: str, width: int = 110) -> str:
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def payload_rows(guarddog: Path, workdir: Path) -> list[Row]:
    from payloads import all_shapes

    shapes = all_shapes()
    paths = []
    for s in shapes:
        path = workdir / f"{s.name}-{s.new_version}.tgz"
        path.write_bytes(s.tarball_new())
        paths.append(path)
    with ThreadPoolExecutor(2) as pool:
        gd = list(pool.map(lambda p: guarddog_verdict(guarddog, p), paths))
    rows = []
    for s, (g, gs, rules) in zip(shapes, gd, strict=True):
        r, alone, why, rs = reviewer_verdict(s.tarball_new(), s.tarball_old())
        version = f"{s.old_version}→{s.new_version}" if s.upgrade else s.new_version
        rows.append(Row(f"{s.key} ({s.name}@{version})", s.incident, r, alone, why, rs, g, gs, rules))
    return rows


def legit_rows(guarddog: Path) -> list[Row]:
    from legit.record import RECORDED, fetch

    LEGIT_SPECS = RECORDED  # noqa: N806 - the packages, not the releases before them
    paths = [fetch(spec, LEGIT_CACHE) for spec in LEGIT_SPECS]
    with ThreadPoolExecutor(2) as pool:
        gd = list(pool.map(lambda p: guarddog_verdict(guarddog, p), paths))
    rows = []
    for spec, path, (g, gs, rules) in zip(LEGIT_SPECS, paths, gd, strict=True):
        r, alone, why, rs = reviewer_verdict(path.read_bytes(), None)
        rows.append(Row(spec, "", r, alone, why, rs, g, gs, rules))
    return rows


def table(rows: list[Row], *, payloads: bool) -> str:
    lines = []
    if payloads:
        lines.append("| payload shape | reviewer A→B | reviewer B alone | GuardDog | reviewer's top finding | GuardDog threats |")
        lines.append("|---|---|---|---|---|---|")
        lines.extend(f"| {_cell(r.package, 70)} | {r.reviewer} | {r.reviewer_alone} | {r.guarddog} | "
                     f"{_cell(r.reviewer_why)} | {_cell(r.guarddog_rules, 80)} |" for r in rows)
        caught = sum(1 for r in rows if r.reviewer.split(" ")[0] in HIGH)
        caught_alone = sum(1 for r in rows if r.reviewer_alone.split(" ")[0] in HIGH)
        gd_caught = sum(1 for r in rows if guarddog_flags(r.guarddog, strict=False))
        gd_high = sum(1 for r in rows if guarddog_flags(r.guarddog, strict=True))
        both_missed_by_gd = sum(1 for r in rows if r.reviewer.split(" ")[0] in HIGH
                                and not guarddog_flags(r.guarddog, strict=False))
        lines.append("")
        lines.append(f"Recall on {len(rows)} shapes: reviewer (high or critical) {caught}/{len(rows)} "
                     f"as upgrades, {caught_alone}/{len(rows)} on B alone; GuardDog (suspicious or "
                     f"above) {gd_caught}/{len(rows)}, \"high_risk\" {gd_high}/{len(rows)}. "
                     f"Shapes reviewer catches that GuardDog misses: {both_missed_by_gd}.")
    else:
        lines.append("| package | reviewer | GuardDog | reviewer's top finding | GuardDog threats |")
        lines.append("|---|---|---|---|---|")
        lines.extend(f"| {r.package} | {r.reviewer} | {r.guarddog} | {_cell(r.reviewer_why)} | "
                     f"{_cell(r.guarddog_rules, 80)} |" for r in rows)
        loud = [r.package for r in rows if r.reviewer.split(" ")[0] in HIGH]
        gd_suspicious = sum(1 for r in rows if guarddog_flags(r.guarddog, strict=False)
                            and not guarddog_flags(r.guarddog, strict=True))
        gd_loud = [r.package for r in rows if guarddog_flags(r.guarddog, strict=True)]
        lines.append("")
        lines.append(f"False alarms on {len(rows)} legitimate packages: reviewer at high or critical "
                     f"{len(loud)} {loud}; GuardDog \"high_risk\" {len(gd_loud)} {gd_loud}, "
                     f"\"suspicious\" {gd_suspicious}.")
    rt = sum(r.reviewer_s for r in rows)
    gt = sum(r.guarddog_s for r in rows)
    lines.append(f"Time: reviewer {rt:.1f} s in total (in process), GuardDog {gt:.1f} s "
                 f"(a process per package, 2 at a time).")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--guarddog", type=Path, default=DEFAULT_GUARDDOG)
    parser.add_argument("--out", type=Path, help="also write the markdown here")
    parser.add_argument("--only", choices=("payloads", "legit"))
    args = parser.parse_args(argv)
    if not args.guarddog.is_file():
        print(f"GuardDog not found at {args.guarddog} (see this script's docstring)",
              file=sys.stderr)
        return 2
    out = []
    with tempfile.TemporaryDirectory(prefix="guarddog-") as tmp:
        if args.only in (None, "payloads"):
            out.append("### Payload shapes (inert re-creations)\n\n"
                       + table(payload_rows(args.guarddog, Path(tmp)), payloads=True))
        if args.only in (None, "legit"):
            out.append("### Legitimate packages (real tarballs)\n\n"
                       + table(legit_rows(args.guarddog), payloads=False))
    text = "\n".join(out)
    print(text)
    if args.out:
        args.out.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
