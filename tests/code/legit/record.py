"""Record the legitimate-code test data: a few files of real packages, taken from the
tarballs `npm pack` downloads (run by hand, never by the tests; the files are committed).

    python tests/code/legit/record.py [--cache DIR]

For each package of `RECORDED` it takes `package.json`, what the install scripts run, the
entry points (`main`, `bin`) and the in-package files those reach through relative
`require`/`import`, up to a size budget. Files larger than `GZIP_OVER` bytes are stored
gzipped (`name.js.gz`) to keep the repository small; `load_legit` undoes that.
Writes `packages/<slug>/...` and `packages.json` (package@version, files, sizes); the README
names them for people.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "packages"
GZIP_OVER = 32_000
BUDGET_PER_PACKAGE = 8_000_000
"""Uncompressed bytes taken from one package (entry closures of big bundles stop here)."""
MAX_SCRIPT_FILES = 60
MAX_ENTRY_FILES = 30

RECORDED: tuple[str, ...] = (
    # install scripts that download a prebuilt binary (often honouring a mirror variable)
    "esbuild@0.28.2", "workerd@1.20261123.1", "node-sass@9.0.0", "sharp@0.32.6",
    "puppeteer@24.43.1", "electron@41.7.1", "@sentry/cli@3.8.0", "cypress@15.3.0",
    "chromedriver@148.0.1", "geckodriver@7.0.0", "phantomjs-prebuilt@2.1.16",
    "@tensorflow/tfjs-node@4.22.0", "@swc/core@1.16.22", "@prisma/engines@7.10.1",
    # node-gyp / prebuild-install fallbacks, native addons
    "bcrypt@6.0.0", "sqlite3@6.0.1", "canvas@3.2.3", "better-sqlite3@12.11.1",
    "fsevents@2.3.3", "ssh2@1.17.0", "@parcel/watcher@2.6.0",
    # banners, telemetry, git hooks, node -e wrappers
    "husky@4.3.8", "husky@9.1.7", "core-js@3.51.0", "es5-ext@0.10.64", "msw@2.15.0",
    "@scarf/scarf@1.4.0", "nx@24.0.7", "yarn@1.22.22", "protobufjs@6.11.4",
    # big entry files, no install script
    "lodash@4.18.1", "react-dom@19.3.1", "axios@1.21.1", "ws@8.23.1", "node-fetch@2.7.0",
    "undici@7.30.3", "@babel/core@7.29.17", "typescript@5.9.3", "nodemon@3.1.14",
    "bluebird@3.7.2",
    # false alarms the large-npm benchmark found (WebAssembly blobs, template compilers)
    "cjs-module-lexer@1.4.3", "es-module-lexer@1.7.0", "@angular-devkit/core@17.3.11",
    "terser@5.51.4",
)

PREVIOUS: dict[str, str] = {
    "esbuild@0.28.2": "esbuild@0.28.1", "core-js@3.51.0": "core-js@3.50.0",
    "@sentry/cli@3.8.0": "@sentry/cli@3.7.0", "axios@1.21.1": "axios@1.21.0",
    "node-sass@9.0.0": "node-sass@8.0.0", "@swc/core@1.16.22": "@swc/core@1.16.21",
    "cypress@15.3.0": "cypress@14.5.4", "react-dom@19.3.1": "react-dom@19.3.0",
    "ws@8.23.1": "ws@8.23.0", "undici@7.30.3": "undici@7.30.2", "nx@24.0.7": "nx@24.0.6",
}
"""The release before, for some of them: legitimate upgrades A->B (recorded the same way)."""

EXTRA: dict[str, tuple[str, ...]] = {
    # what the analysis of the real nx tarball reaches and grades together (a GitHub token
    # for `nx release` in one file, a workflow path compared in another)
    "nx@24.0.7": ("dist/bin/init-local.js", "dist/src/command-line/nx-commands.js",
                  "dist/src/command-line/init/command-object.js",
                  "dist/src/command-line/init/init-v2.js", "dist/src/utils/provenance.js",
                  "dist/src/command-line/release/config/config.js",
                  "dist/src/command-line/release/utils/remote-release-clients/github.js"),
    "cjs-module-lexer@1.4.3": ("dist/lexer.mjs",),  # its `exports` "import" entry
}
"""Files recorded besides the closure: ones the engine reached in the real tarball."""

REQUIRE = re.compile(
    r"""(?:require\s*\(\s*|import\s*\(\s*|\bfrom\s+|^\s*import\s+)(['"])(\.{1,2}/[^'"]+|\.{1,2})\1""",
    re.M)
NODE_FILE = re.compile(r"""\bnode\s+(?:--?[\w-]+\s+)*(\.{0,2}/?[\w./@-]+)""")
INLINE_REQUIRE = re.compile(r"""(?:require|import)\(\s*\\?['"](\.{1,2}/[^'"\\]+)\\?['"]""")
EXTENSIONS = ("", ".js", ".cjs", ".mjs", ".json", "/index.js", "/index.cjs", "/index.mjs")


def slug(spec: str) -> str:
    return spec.replace("/", "__").replace("@", "_", 1) if spec.startswith("@") else spec


def fetch(spec: str, cache: Path) -> Path:
    cache.mkdir(parents=True, exist_ok=True)
    name, version = spec.rsplit("@", 1)
    base = f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    target = cache / base
    if not target.is_file():
        subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", str(cache)],
                       check=True, stdout=subprocess.DEVNULL)
    return target


def read_tarball(path: Path) -> dict[str, bytes]:
    """Files of a tarball, the first path component stripped (as npm does)."""
    files: dict[str, bytes] = {}
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            inner = member.name.split("/", 1)[1] if "/" in member.name else member.name
            extracted = archive.extractfile(member)
            if extracted is not None:
                files[inner] = extracted.read()
    return files


def resolve(files: dict[str, bytes], base_dir: str, target: str) -> str | None:
    joined = posixpath.normpath(posixpath.join(base_dir, target))
    for ext in EXTENSIONS:
        candidate = (joined + ext).lstrip("./") if joined not in (".", "") else ext.lstrip("/")
        if candidate in files:
            return candidate
    return None


def script_roots(files: dict[str, bytes], manifest: dict[str, object]) -> list[str]:
    found: list[str] = []
    scripts = manifest.get("scripts") or {}
    assert isinstance(scripts, dict)
    for hook in ("preinstall", "install", "postinstall"):
        line = scripts.get(hook)
        if not isinstance(line, str):
            continue
        for match in NODE_FILE.finditer(line):
            hit = resolve(files, "", match.group(1))
            if hit:
                found.append(hit)
        for match in INLINE_REQUIRE.finditer(line):
            hit = resolve(files, "", match.group(1))
            if hit:
                found.append(hit)
        for word in re.findall(r"[\w./-]+\.(?:sh|js|cjs|mjs|bat|cmd|ps1)\b", line):
            hit = resolve(files, "", word)
            if hit:
                found.append(hit)
    return found


def entry_roots(files: dict[str, bytes], manifest: dict[str, object]) -> list[str]:
    found: list[str] = []
    entries: list[object] = []
    bin_field = manifest.get("bin")
    if isinstance(bin_field, str):
        entries.append(bin_field)
    elif isinstance(bin_field, dict):
        entries.extend(bin_field.values())
    entries.append(manifest.get("main") or "index.js")
    for entry in entries:
        if isinstance(entry, str):
            hit = resolve(files, "", entry if entry.startswith(".") else "./" + entry)
            if hit:
                found.append(hit)
    return found


def closure(files: dict[str, bytes], start: list[str], seen: list[str],
            max_files: int) -> list[str]:
    """`seen` grown by the files reachable from `start` (breadth first, within budgets)."""
    queue = list(start)
    total = sum(len(files[p]) for p in seen)
    added = 0
    while queue and added < max_files:
        path = queue.pop(0)
        if path in seen:
            continue
        size = len(files[path])
        if total + size > BUDGET_PER_PACKAGE and seen:
            continue
        added += 1
        seen.append(path)
        total += size
        if path.endswith(".json"):
            continue
        text = files[path].decode("utf-8", "replace")
        for match in REQUIRE.finditer(text):
            hit = resolve(files, posixpath.dirname(path), match.group(2))
            if hit and hit not in seen:
                queue.append(hit)
    return seen


def record(spec: str, cache: Path) -> dict[str, object]:
    files = read_tarball(fetch(spec, cache))
    manifest = json.loads(files["package.json"])
    chosen = closure(files, script_roots(files, manifest), ["package.json"], MAX_SCRIPT_FILES)
    chosen = closure(files, entry_roots(files, manifest), chosen, MAX_ENTRY_FILES)
    extra = EXTRA.get(spec) or next((v for k, v in EXTRA.items()
                                      if k.rsplit("@", 1)[0] == spec.rsplit("@", 1)[0]), ())
    chosen += [p for p in extra if p in files and p not in chosen]  # same files in A and B
    for extra in ("binding.gyp",):
        if extra in files:
            chosen.append(extra)
    target = OUT / slug(spec)
    shutil.rmtree(target, ignore_errors=True)
    stored = []
    for path in chosen:
        data = files[path]
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        if len(data) > GZIP_OVER:
            out = out.with_name(out.name + ".gz")
            buffer = io.BytesIO()
            with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as zipped:
                zipped.write(data)
            out.write_bytes(buffer.getvalue())
        else:
            out.write_bytes(data)
        stored.append({"path": path, "bytes": len(data)})
    return {"spec": spec, "slug": slug(spec), "files": stored}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path,
                        default=Path.home() / ".cache" / "reviewer-bench" / "legit")
    parser.add_argument("only", nargs="*")
    args = parser.parse_args(argv)
    index_path = HERE / "packages.json"
    index = json.loads(index_path.read_text()) if index_path.is_file() else {}
    for spec in (*RECORDED, *PREVIOUS.values()):
        if args.only and spec not in args.only:
            continue
        index[spec] = record(spec, args.cache)
        size = sum(int(f["bytes"]) for f in index[spec]["files"])  # type: ignore[index,union-attr]
        print(f"{spec}: {len(index[spec]['files'])} files, {size / 1e6:.2f} MB")  # type: ignore[arg-type]
    index = {k: index[k] for k in (*RECORDED, *PREVIOUS.values()) if k in index}
    index_path.write_text(json.dumps(index, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
