"""Which files of a package are read, and reading them within a time budget.

Read: the entry points (`main`, `exports`, `module`, `browser`, `bin`) and every file they
`require`/`import` inside the package (relative paths followed), and everything the
install scripts run (their lines, `node -e` bodies, the files they name and what those
require). No byte cap: a per-package time budget; when it runs out the result says
"analysis incomplete" and which files were not read.

The budget is CPU time of the thread doing the analysis (`time.thread_time`), not wall-clock
time: a loaded machine (other processes, or the other analyses waiting on the GIL) slows an
analysis down without using its budget, so results do not depend on the load; a pathological
file burns CPU and still stops it.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from reviewer.code.js import _EXEC_RX, EXEC_ANCHORS, js_capabilities
from reviewer.code.model import FileCode, PackageCode
from reviewer.code.scripts import INSTALL_HOOKS, Target, resolve_scripts, script_language
from reviewer.code.shell import shell_capabilities
from reviewer.code.source import CODE, Source, anchored, js_source

JS_SUFFIXES = (".js", ".cjs", ".mjs", ".jsx")
_SCRIPT_FILE = re.compile(r"""(?<![\w/.-])((?:\.{1,2}/)?[\w][\w./-]{0,200}\.(?:sh|bat|cmd|ps1|c?js|mjs))\b""")
_IMPORT = re.compile(
    rb"""(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+|\bexport\s*\*\s*from\s*)(['"`])(\.{1,2}/[^'"`\n]{1,300}|\.{1,2})\1"""
)


def _manifest(files: Mapping[str, bytes], manifest: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if manifest is not None:
        return manifest
    raw = files.get("package.json")
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def find_module(names: Mapping[str, Any] | set[str], path: str) -> str | None:
    """The package file `path` names the way Node resolves it (exact, + .js/.cjs/.mjs/.json,
    directory index); None when it is not in the package."""
    path = path.replace("\\", "/")
    if path.startswith("/"):
        path = path.lstrip("/")
    base = posixpath.normpath(path) if path not in ("", ".", "./") else "."
    if base.startswith("../") or base == "..":
        return None
    if base == ".":
        base = ""
    candidates = [base] if base else []
    candidates += [base + s for s in (".js", ".cjs", ".mjs", ".json", ".node")] if base else []
    candidates += [posixpath.join(base, f"index{s}") for s in (".js", ".cjs", ".mjs", ".json")]
    return next((c for c in candidates if c in names), None)


def entry_points(manifest: Mapping[str, Any], names: Mapping[str, Any] | set[str]) -> list[str]:
    """Files named by `main`, `module`, `browser`, `bin`, `exports` (wildcards expanded)."""
    wanted: list[str] = []
    main = manifest.get("main")
    wanted.append(main if isinstance(main, str) and main.strip() else "index.js")
    for key in ("module", "browser", "bin", "exports", "types_never"):
        if key in manifest:
            wanted += [s for s in _strings(manifest[key]) if isinstance(s, str)]
    out: list[str] = []
    for spec in wanted:
        if "*" in spec:
            rx = re.compile(re.escape(posixpath.normpath(spec.lstrip("./"))).replace(r"\*", ".*") + "$")
            out += sorted(n for n in names if rx.match(n) and n.endswith(JS_SUFFIXES))[:200]
            continue
        found = find_module(names, spec)
        if found is not None:
            out.append(found)
    return list(dict.fromkeys(out))


def language_of(path: str, data: bytes) -> str | None:
    """"js", "shell", "batch", "powershell"; None for what is not code we read."""
    lower = path.lower()
    if lower.endswith(".d.ts") or lower.endswith((".json", ".node", ".map", ".md", ".wasm")):
        return None
    named = script_language(lower)
    if named is not None:
        return named
    if lower.endswith(JS_SUFFIXES) or lower.endswith((".ts", ".cts", ".mts")):
        return "js"
    first = data[:120]
    if first.startswith(b"#!"):
        return "js" if b"node" in first.split(b"\n", 1)[0] else "shell"
    if b"\0" in data[:4096]:
        return None
    return "js"


class _Reader:
    def __init__(self, files: Mapping[str, bytes], deadline: float,
                 clock: Callable[[], float] = time.thread_time) -> None:
        self.files = files
        self.deadline = deadline
        self.clock = clock
        self.done: dict[str, FileCode] = {}
        self.requires: dict[str, list[str]] = {}
        self.roles: dict[str, set[str]] = {}
        self.skipped: list[str] = []
        self.bytes = 0

    def expired(self) -> bool:
        return self.clock() > self.deadline

    def read(self, path: str, label: str | None = None, inline: bytes | None = None,
             language: str | None = None) -> FileCode | None:
        key = label or path
        if key in self.done:
            return self.done[key]
        data = inline if inline is not None else self.files.get(path)
        if data is None:
            return None
        language = language or language_of(path, data)
        if language is None:
            return None
        self.bytes += len(data)
        digest = hashlib.sha256(data).hexdigest()
        note = None
        if language == "js":
            src = js_source(data)
            note = src.note
            capabilities = js_capabilities(key, src, self.expired)
            self.requires[key] = _requires(src, key if inline is None else "")
            parser = src.parser
        else:
            capabilities = shell_capabilities(key, data, language)
            self.requires[key] = []
            parser = "lines"
        code = FileCode(key, language, (), parser, digest, len(data), tuple(capabilities), note)
        self.done[key] = code
        return code

    def walk(self, start: list[tuple[str, str | None, bytes | None, str | None]], role: str, follow_role: str) -> None:
        """Read `start` (path, label, inline bytes, language) with `role`, then what they
        require with `follow_role`."""
        queue = deque((*s, role) for s in start)
        while queue:
            path, label, inline, language, this_role = queue.popleft()
            key = label or path
            if this_role in self.roles.get(key, ()):
                continue
            if self.expired():
                self.skipped.append(key)
                continue
            self.roles.setdefault(key, set()).add(this_role)
            try:
                code = self.read(path, label, inline, language)
            except TimeoutError:
                self.skipped.append(key)
                continue
            if code is None:
                continue
            for target in self.requires.get(key, []):
                found = find_module(self.files, target)
                if found is not None and follow_role not in self.roles.get(found, ()):
                    queue.append((found, None, None, None, follow_role))


def _requires(src: Source, path: str) -> list[str]:
    """Package files a JS file requires or imports by a relative path (in code only), and
    script files it hands to exec/spawn (`exec('sh ./x.sh')`: both relative to the file and
    to the package root, as the working directory of an install script is the root)."""
    out: list[str] = []
    base = posixpath.dirname(path)
    for m in _IMPORT.finditer(src.data):
        if src.kind_at(m.start()) != CODE:
            continue
        out.append(posixpath.normpath(posixpath.join(base, m.group(2).decode("utf-8", "replace"))))
    for m in anchored(src.data, EXEC_ANCHORS, _EXEC_RX, True, limit=200):
        if src.kind_at(m.start()) != CODE:
            continue
        args = src.call_arguments(m.start()) or ""
        for name in _SCRIPT_FILE.findall(args):
            name = name.lstrip("./") if name.startswith("./") else name
            out += [posixpath.normpath(name), posixpath.normpath(posixpath.join(base, name))]
    return out


def install_hooks(manifest: Mapping[str, Any]) -> dict[str, str]:
    scripts = manifest.get("scripts")
    if not isinstance(scripts, Mapping):
        return {}
    return {h: scripts[h] for h in INSTALL_HOOKS if isinstance(scripts.get(h), str) and scripts[h].strip()}


def analyze_package(
    files: Mapping[str, bytes],
    manifest: Mapping[str, Any] | None = None,
    *,
    time_budget_s: float = 20.0,
    clock: Callable[[], float] = time.thread_time,
) -> PackageCode:
    """The capabilities of every file of a package that runs: entry points and what they
    import, install scripts and what they run. `files`: tarball entries without the first
    path segment; `manifest`: package.json (read from `files` when None). `time_budget_s`:
    seconds of `clock`, this thread's CPU time (see the module's docstring)."""
    started = clock()
    wall = time.monotonic()
    meta = _manifest(files, manifest)
    names = files  # membership tests only
    hooks = install_hooks(meta)
    scripts = meta.get("scripts") if isinstance(meta.get("scripts"), Mapping) else {}
    all_scripts = {str(k): v for k, v in (scripts or {}).items() if isinstance(v, str)}
    main = find_module(names, str(meta.get("main") or "index.js"))
    targets, unresolved = resolve_scripts(hooks, _KeySet(files), all_scripts, main)
    reader = _Reader(files, started + time_budget_s, clock)
    reader.walk([_start(t) for t in targets], "install", "install")
    entries = entry_points(meta, names)
    reader.walk([(p, None, None, None) for p in entries], "entry", "import")
    ordered = [
        FileCode(c.path, c.language, tuple(sorted(reader.roles.get(c.path, set()))), c.parser, c.digest,
                 c.size, c.capabilities, c.note)
        for c in reader.done.values()
    ]
    incomplete = None
    if reader.skipped:
        skipped = list(dict.fromkeys(reader.skipped))
        incomplete = (f"analysis incomplete: the {time_budget_s:g} s CPU time budget ran out; "
                      f"{len(skipped)} file(s) not read ({', '.join(skipped[:3])}"
                      + (", …)" if len(skipped) > 3 else ")"))
    return PackageCode(
        str(meta.get("name") or ""), str(meta.get("version") or ""), tuple(ordered), hooks,
        tuple(unresolved), incomplete, reader.bytes, round(time.monotonic() - wall, 4),
    )


class _KeySet:
    """Membership over a mapping's keys, resolving Node-style module paths."""

    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files

    def __contains__(self, item: object) -> bool:
        return item in self.files

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


def _start(target: Target) -> tuple[str, str | None, bytes | None, str | None]:
    if target.inline is not None:
        return (target.label, target.label, target.inline.encode("utf-8", "replace"), target.language)
    assert target.path is not None
    return (target.path, None, None, target.language)
