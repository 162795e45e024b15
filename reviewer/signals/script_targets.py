"""Which files an install script runs: `node x.js`, `node ./scripts/x`, `sh x.sh`,
`node -e '...'` inline code, `npm run other`, and the relative `require`s of those files.

Pure: works on the script commands and a TarballContents, never runs anything.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Mapping
from dataclasses import dataclass

from reviewer.registry.interface import TarballContents
from reviewer.signals.common import tarball_package_json

MAX_FILES = 25
MAX_FILE_BYTES = 1_000_000
"""Bytes of one file that are scanned (the rest is reported as not scanned)."""
MAX_TOTAL_BYTES = 4_000_000
"""Bytes scanned per package, so a hostile tarball cannot make a report slow."""
_SEPARATORS = re.compile(r"&&|\|\||;|\|")
_SHELLS = {"sh", "bash", "zsh", "dash"}
_NODES = {"node", "nodejs", "node.exe"}
_JS_SUFFIXES = (".js", ".cjs", ".mjs")
_REQUIRE_RE = re.compile(
    r"""(?:require\s*\(|import\s*\(|from\s+|import\s+)\s*['"](\.{1,2}/[^'"]+)['"]"""
)


@dataclass(frozen=True, slots=True)
class ScriptSource:
    """A piece of code an install script runs."""

    label: str
    """The file path inside the package, or `<hook>` for inline code."""
    text: str
    language: str
    """"js" or "shell"."""
    hook: str


@dataclass(frozen=True, slots=True)
class Unresolved:
    """Something a script runs that is not in the package (a dependency's bin, a missing file)."""

    hook: str
    what: str


def _tokens(segment: str) -> list[str]:
    try:
        return shlex.split(segment, posix=True)
    except ValueError:
        return segment.split()


def _split_commands(command: str) -> list[str]:
    """Top-level commands of a shell line (quotes respected for the split)."""
    out: list[str] = []
    current: list[str] = []
    quote: str | None = None
    i = 0
    while i < len(command):
        ch = command[i]
        if quote:
            current.append(ch)
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            current.append(ch)
        elif _SEPARATORS.match(command, i):
            match = _SEPARATORS.match(command, i)
            assert match is not None
            out.append("".join(current))
            current = []
            i = match.end()
            continue
        else:
            current.append(ch)
        i += 1
    out.append("".join(current))
    return [c.strip() for c in out if c.strip()]


def _find_file(tarball: TarballContents, path: str, js: bool) -> str | None:
    names = {e.path for e in tarball.entries if e.kind == "file" and not e.unsafe}
    base = posixpath.normpath(path.lstrip("/")) if path not in (".", "./") else ""
    if base.startswith(".."):
        return None
    candidates = [base]
    if js:
        candidates += [base + s for s in _JS_SUFFIXES] + [posixpath.join(base, "index.js")]
        if base in ("", "."):
            candidates.append(_main_of(tarball, names))
    for candidate in candidates:
        if candidate and candidate in names:
            return candidate
    return None


def _main_of(tarball: TarballContents, names: set[str]) -> str:
    main = (tarball_package_json(tarball) or {}).get("main") or "index.js"
    main = posixpath.normpath(str(main))
    return main if main in names else main + ".js"


def resolve_script_sources(
    scripts: Mapping[str, str],
    tarball: TarballContents | None,
    all_scripts: Mapping[str, str] | None = None,
) -> tuple[list[ScriptSource], list[Unresolved]]:
    """The code each hook in `scripts` runs: the command itself (as shell), inline
    `node -e` code, files named on the command line and the files they require."""
    sources: list[ScriptSource] = []
    unresolved: list[Unresolved] = []
    seen: set[str] = set()
    pending: list[tuple[str, str, str]] = []  # (path, language, hook)
    for hook, command in scripts.items():
        sources.append(ScriptSource(f"<{hook}>", command, "shell", hook))
        _resolve_command(hook, command, tarball, all_scripts or {}, sources, unresolved, pending, 0)
    budget = MAX_TOTAL_BYTES
    while pending and len(seen) < MAX_FILES and budget > 0:
        path, language, hook = pending.pop(0)
        if path in seen or tarball is None:
            continue
        seen.add(path)
        try:
            data = tarball.read_bytes(path)
        except KeyError:
            unresolved.append(Unresolved(hook, f"{path} (not in the tarball)"))
            continue
        limit = min(MAX_FILE_BYTES, budget)
        if len(data) > limit:
            unresolved.append(Unresolved(hook, f"{path} (only the first {limit:,} bytes scanned)"))
        budget -= min(len(data), limit)
        text = data[:limit].decode("utf-8", errors="replace")
        sources.append(ScriptSource(path, text, language, hook))
        if language == "js":
            for rel in _REQUIRE_RE.findall(text):
                target = _find_file(tarball, posixpath.join(posixpath.dirname(path), rel), js=True)
                if target and target not in seen:
                    pending.append((target, "js", hook))
    return sources, unresolved


def _resolve_command(
    hook: str,
    command: str,
    tarball: TarballContents | None,
    all_scripts: Mapping[str, str],
    sources: list[ScriptSource],
    unresolved: list[Unresolved],
    pending: list[tuple[str, str, str]],
    depth: int,
) -> None:
    for segment in _split_commands(command):
        tokens = _tokens(segment)
        while tokens and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", tokens[0]):
            tokens = tokens[1:]
        if not tokens:
            continue
        program, args = posixpath.basename(tokens[0]), tokens[1:]
        if program in _NODES:
            _node_args(hook, args, tarball, sources, unresolved, pending)
        elif program in _SHELLS:
            if args[:1] == ["-c"] and len(args) > 1:
                sources.append(ScriptSource(f"<{hook} sh -c>", args[1], "shell", hook))
                if depth < 3:
                    _resolve_command(hook, args[1], tarball, all_scripts, sources, unresolved, pending, depth + 1)
            elif args:
                _add_file(hook, args[0], "shell", tarball, unresolved, pending)
        elif program in ("npm", "yarn", "pnpm") and args[:1] == ["run"] and len(args) > 1 or (
            program in ("yarn", "pnpm") and args and args[0] in all_scripts
        ):
            name = args[1] if args[:1] == ["run"] else args[0]
            if name in all_scripts and depth < 3:
                _resolve_command(hook, all_scripts[name], tarball, all_scripts, sources, unresolved, pending, depth + 1)
            else:
                unresolved.append(Unresolved(hook, f"script {name!r}"))
        elif tokens[0].startswith(("./", "../", "/")) or tokens[0].endswith((".js", ".sh", ".cjs", ".mjs")):
            language = "js" if tokens[0].endswith(_JS_SUFFIXES) else "shell"
            _add_file(hook, tokens[0], language, tarball, unresolved, pending)
        elif program == "node-gyp":
            if tarball is not None and _find_file(tarball, "binding.gyp", js=False):
                pending.append(("binding.gyp", "shell", hook))
        else:
            unresolved.append(Unresolved(hook, f"{program} (a command from a dependency or the system)"))


def _node_args(
    hook: str,
    args: list[str],
    tarball: TarballContents | None,
    sources: list[ScriptSource],
    unresolved: list[Unresolved],
    pending: list[tuple[str, str, str]],
) -> None:
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-e", "--eval", "-p", "--print") and i + 1 < len(args):
            sources.append(ScriptSource(f"<{hook} node -e>", args[i + 1], "js", hook))
            return
        if arg in ("-r", "--require", "--import") and i + 1 < len(args):
            if args[i + 1].startswith("."):
                _add_file(hook, args[i + 1], "js", tarball, unresolved, pending)
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        _add_file(hook, arg, "js", tarball, unresolved, pending)
        return


def _add_file(
    hook: str,
    path: str,
    language: str,
    tarball: TarballContents | None,
    unresolved: list[Unresolved],
    pending: list[tuple[str, str, str]],
) -> None:
    if tarball is None:
        unresolved.append(Unresolved(hook, f"{path} (tarball not read)"))
        return
    found = _find_file(tarball, path, js=language == "js")
    if found is None:
        unresolved.append(Unresolved(hook, f"{path} (not in the tarball)"))
    else:
        pending.append((found, language, hook))
