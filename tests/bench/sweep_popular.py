"""Evaluation (issue 12): the code analysis on the last two releases of popular packages.

    python tests/bench/sweep_popular.py [--registry URL] [--dir DIR] [--only NAME ...]

A legitimate package graded high or critical is a false alarm a reviewer learns to ignore.
For each package below (install-script packages, big CLI bundles, everyday libraries), the
two newest stable releases are fetched once from the registry (benchmark only; tests never
touch the network) into `--dir` (default ~/.cache/reviewer-bench/popular), and analysed:
- `A->B`: the newest release compared with the one before (what `review` shows for an
  upgrade, and `report` for a locked version whose previous release can be fetched);
- `alone`: the newest release read alone (what `report` shows when it cannot).
Prints one row per package (both verdicts, CPU seconds, the worst finding) and the counts;
exits 1 when any package is high or critical.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))

from reviewer.code import analyze_tarball_bytes  # noqa: E402
from reviewer.semver import sort_versions  # noqa: E402
from reviewer.signals.finding import Severity  # noqa: E402

PACKAGES = (
    # install scripts: prebuilt binaries, native builds, hooks, telemetry, banners
    "esbuild", "@swc/core", "sharp", "puppeteer", "playwright", "prisma", "@prisma/engines", "bcrypt",
    "sqlite3", "canvas", "husky", "core-js", "electron", "protobufjs", "@parcel/watcher", "msw", "nx",
    "lefthook", "turbo", "@biomejs/biome", "chromedriver", "node-pty", "better-sqlite3", "argon2",
    "cpu-features", "ssh2", "utf-8-validate", "bufferutil", "es5-ext", "vue-demi", "@vscode/ripgrep",
    "yarn", "@sentry/cli", "@scarf/scarf", "workerd", "node-sass", "cypress", "@tensorflow/tfjs-node",
    "re2", "keytar",
    # everyday libraries and big bundles
    "axios", "lodash", "react-dom", "next", "webpack", "typescript", "express", "debug", "chalk", "ws",
    "socket.io-client", "@aws-sdk/client-s3", "firebase", "googleapis", "jsonwebtoken", "dotenv",
)
DEFAULT_DIR = Path.home() / ".cache" / "reviewer-bench" / "popular"


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return bytes(response.read())


def last_two(registry: str, name: str, directory: Path) -> tuple[str, Path, str, Path] | None:
    """(old version, its tarball, new version, its tarball), fetched once."""
    index = directory / (name.replace("/", "__") + ".json")
    if not index.is_file():
        doc = json.loads(_get(f"{registry}/{urllib.parse.quote(name, safe='@')}"))
        versions = sort_versions(v for v in doc.get("versions", {}) if "-" not in v)
        urls = {v: doc["versions"][v]["dist"]["tarball"] for v in versions[-2:]}
        index.write_text(json.dumps(urls))
    urls = json.loads(index.read_text())
    if len(urls) < 2:
        return None
    paths = []
    for version, url in urls.items():
        path = directory / f"{name.replace('/', '__')}-{version}.tgz"
        if not path.is_file():
            path.write_bytes(_get(url))
        paths.append((version, path))
    (old, old_path), (new, new_path) = paths
    return old, old_path, new, new_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registry", default="https://registry.npmjs.org")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, Counter[str]] = {"A->B": Counter(), "alone": Counter()}
    alarms = []
    for name in args.only or PACKAGES:
        pair = last_two(args.registry.rstrip("/"), name, args.dir)
        if pair is None:
            print(f"{name:26} fewer than two stable releases")
            continue
        old, old_path, new, new_path = pair
        started = time.process_time()
        upgrade = analyze_tarball_bytes(new_path.read_bytes(), previous=old_path.read_bytes())
        alone = analyze_tarball_bytes(new_path.read_bytes())
        cpu = time.process_time() - started
        verdicts = {"A->B": upgrade.severity, "alone": alone.severity}
        for kind, severity in verdicts.items():
            counts[kind][severity.name.lower() if severity else "none"] += 1
        worst = max(verdicts.values(), key=lambda s: int(s) if s else -1)
        if worst is not None and worst >= Severity.HIGH:
            alarms.append(name)
        top = (upgrade.findings or alone.findings)
        print(f"{name:26} {old:>14} -> {new:<14} A->B {_word(upgrade.severity):9} "
              f"alone {_word(alone.severity):9} {cpu:5.1f} s  {top[0].summary[:110] if top else ''}",
              flush=True)
    for kind, counter in counts.items():
        print(f"{kind:6} " + ", ".join(f"{k}: {v}" for k, v in sorted(counter.items())))
    print(f"high or critical: {len(alarms)} {alarms}")
    return 1 if alarms else 0


def _word(severity: Severity | None) -> str:
    return severity.name.lower() if severity is not None else "none"


if __name__ == "__main__":
    raise SystemExit(main())
