"""What install scripts really run: script lines split into commands (`&&`, `||`, `;`, `|`,
a single `&`, newlines), wrappers removed (`start /B`, `cross-env A=1`, `env A=1`, `A=1`),
shells unwrapped (`sh -c '…'`, `cmd /c "…"`, `powershell -Command …`), `npm run` /
`run-script` / `yarn x` / `pnpm x` followed, and for `node`: the file it runs, its
`--require`/`--import` files and its `-e`/`--eval`/`-p` body. Pure: never runs anything."""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Collection, Mapping
from dataclasses import dataclass

INSTALL_HOOKS = ("preinstall", "install", "postinstall")
"""The lifecycle scripts npm runs when a registry package is installed."""
_SHELLS = {"sh", "bash", "zsh", "dash", "ash"}
_NODES = {"node", "nodejs", "node.exe", "bun", "deno"}
_CMD = {"cmd", "cmd.exe"}
_PWSH = {"powershell", "powershell.exe", "pwsh", "pwsh.exe"}
_RUNNERS = {"npm", "yarn", "pnpm", "bun"}
_ENV_WRAPPERS = {"cross-env", "cross-env-shell", "env", "dotenv"}
_ASSIGN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
MAX_DEPTH = 6


@dataclass(frozen=True, slots=True)
class Target:
    """One piece of code a hook runs: a file of the package or an inline body."""

    hook: str
    language: str
    """"js", "shell", "batch" or "powershell"."""
    path: str | None = None
    inline: str | None = None
    label: str = ""


def split_commands(line: str) -> list[str]:
    """Top-level commands of a shell line; quotes respected, `&`/`&&`/`||`/`;`/`|` and
    newlines separate (but not `2>&1`, `>&2`)."""
    out: list[str] = []
    current: list[str] = []
    quote: str | None = None
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if quote:
            current.append(ch)
            if ch == "\\" and quote == '"' and i + 1 < n:
                current.append(line[i + 1])
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            current.append(ch)
        elif ch in "&|;\n":
            prev = line[i - 1] if i else ""
            nxt = line[i + 1] if i + 1 < n else ""
            if ch == "&" and (prev in "<>" or nxt == ">"):
                current.append(ch)
            else:
                out.append("".join(current))
                current = []
                if nxt == ch and ch in "&|":
                    i += 1
        else:
            current.append(ch)
        i += 1
    out.append("".join(current))
    return [c.strip() for c in out if c.strip()]


def _tokens(command: str) -> list[str]:
    command = re.sub(r"\\(?=[\w.-])", "/", command)  # Windows paths: scripts\x.bat
    try:
        return shlex.split(command, posix=True)
    except ValueError:
        return command.split()


_SCRIPT_SUFFIXES: tuple[tuple[tuple[str, ...], str], ...] = (
    ((".bat", ".cmd"), "batch"), ((".ps1",), "powershell"), ((".sh", ".bash"), "shell"))


def script_language(path: str) -> str | None:
    """"batch", "powershell" or "shell" as the file's name ends; None when the name does
    not say (JavaScript, or a file whose first line tells)."""
    lower = path.lower()
    return next((language for suffixes, language in _SCRIPT_SUFFIXES if lower.endswith(suffixes)), None)


def _language(path: str) -> str:
    return script_language(path) or "js"


def _strip_wrappers(tokens: list[str]) -> list[str]:
    changed = True
    while tokens and changed:
        changed = False
        head = tokens[0].lower()
        if _ASSIGN.match(tokens[0]):
            tokens, changed = tokens[1:], True
        elif head in _ENV_WRAPPERS or head in ("exec", "nohup", "time", "sudo", "call", "@call"):
            tokens, changed = tokens[1:], True
            while tokens and (tokens[0].startswith("-") and head != "call"):
                tokens = tokens[1:]
        elif head == "start":
            tokens, changed = tokens[1:], True
            while tokens and (tokens[0].startswith("/") and len(tokens[0]) <= 10 or tokens[0] == ""):
                tokens = tokens[1:]
        elif head in ("npx", "pnpx") or head in ("pnpm", "yarn", "bun") and tokens[1:2] == ["exec"] \
                or head == "npm" and tokens[1:2] == ["exec"]:
            tokens = tokens[2:] if tokens[1:2] == ["exec"] else tokens[1:]
            while tokens and tokens[0].startswith("-"):
                tokens = tokens[1:]
            tokens = tokens[1:] if tokens[:1] == ["--"] else tokens
            changed = True
    return tokens


class Resolver:
    def __init__(self, files: Collection[str], all_scripts: Mapping[str, str], main: str | None) -> None:
        self.files = files
        self.all_scripts = all_scripts
        self.main = main
        self.targets: list[Target] = []
        self.unresolved: list[str] = []

    def find(self, path: str, js: bool) -> str | None:
        path = path.replace("\\", "/")
        if path.startswith("/"):
            return None
        base = posixpath.normpath(path) if path not in (".", "./", "") else ""
        if base.startswith(".."):
            return None
        candidates = [base]
        if js:
            candidates += [base + s for s in (".js", ".cjs", ".mjs")] + [posixpath.join(base, "index.js")]
            if base in ("", "."):
                candidates.insert(0, self.main or "index.js")
        return next((c for c in candidates if c and c in self.files), None)

    def file(self, hook: str, path: str, language: str) -> None:
        found = self.find(path, js=language == "js")
        if found is None:
            self.unresolved.append(f"{hook}: {path} (not in the package)")
        else:
            self.targets.append(Target(hook, _language(found) if language != "js" else "js", found))

    def command_line(self, hook: str, line: str, depth: int, language: str = "shell") -> None:
        self.targets.append(Target(hook, language, inline=line, label=f"<{hook}>" if depth == 0 else f"<{hook} {language}>"))
        self.commands(hook, line, depth)

    def commands(self, hook: str, line: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.unresolved.append(f"{hook}: scripts nested too deep")
            return
        for segment in split_commands(line):
            self.command(hook, segment, depth)

    def command(self, hook: str, segment: str, depth: int) -> None:
        tokens = _strip_wrappers(_tokens(segment))
        if not tokens:
            return
        program = posixpath.basename(tokens[0].replace("\\", "/")).lower()
        args = tokens[1:]
        if program in _NODES:
            self.node(hook, args, depth)
        elif program in _SHELLS:
            if "-c" in args[:3]:
                body = args[args.index("-c") + 1] if args.index("-c") + 1 < len(args) else ""
                self.command_line(hook, body, depth + 1)
            elif args:
                self.file(hook, args[0], "shell")
        elif program in _CMD:
            rest = [a for a in args if a.lower() not in ("/d", "/s", "/q")]
            if rest[:1] and rest[0].lower() in ("/c", "/k"):
                self.command_line(hook, " ".join(rest[1:]), depth + 1, "batch")
        elif program in _PWSH:
            self.powershell(hook, args, depth)
        elif program in _RUNNERS:
            self.runner(hook, program, args, depth)
        elif program in ("node-gyp", "node-gyp-build", "prebuild-install", "node-pre-gyp", "cmake-js"):
            self.unresolved.append(f"{hook}: {program} (builds or downloads native code; from a dependency)")
        elif "/" in tokens[0] or "\\" in tokens[0] or re.search(r"\.(?:c?js|mjs|sh|bat|cmd|ps1)$", tokens[0], re.I):
            self.file(hook, tokens[0], _language(tokens[0]))
        elif program in ("echo", "exit", "true", "false", "test", "[", "cd", "rem", "set", "if"):
            return
        else:
            self.unresolved.append(f"{hook}: {program} (a command from a dependency or the system)")

    def node(self, hook: str, args: list[str], depth: int) -> None:
        i = 0
        while i < len(args):
            arg = args[i]
            key, eq, value = arg.partition("=")
            if key in ("-e", "--eval", "-p", "--print", "-pe") and (eq or i + 1 < len(args)):
                body = value if eq else args[i + 1]
                self.targets.append(Target(hook, "js", inline=body, label=f"<{hook} node -e>"))
                return
            if key in ("-r", "--require", "--import", "--loader", "--experimental-loader") and (eq or i + 1 < len(args)):
                module = value if eq else args[i + 1]
                if module.startswith("."):
                    self.file(hook, module, "js")
                i += 1 if eq else 2
                continue
            if arg.startswith("-"):
                i += 1
                continue
            self.file(hook, arg, "js")
            return

    def powershell(self, hook: str, args: list[str], depth: int) -> None:
        lowered = [a.lower() for a in args]
        for flag in ("-file", "-f"):
            if flag in lowered and lowered.index(flag) + 1 < len(args):
                self.file(hook, args[lowered.index(flag) + 1], "powershell")
                return
        for flag in ("-command", "-c"):
            if flag in lowered:
                body = " ".join(args[lowered.index(flag) + 1:])
                self.targets.append(Target(hook, "powershell", inline=body, label=f"<{hook} powershell>"))
                return
        rest = [a for a in args if not a.startswith("-")]
        if rest:
            self.targets.append(Target(hook, "powershell", inline=" ".join(args), label=f"<{hook} powershell>"))

    def runner(self, hook: str, program: str, args: list[str], depth: int) -> None:
        args = [a for a in args if not a.startswith("-")] if args[:1] != ["exec"] else args
        if not args:
            return
        if args[0] in ("run", "run-script", "rum", "urn"):
            name = args[1] if len(args) > 1 else ""
        elif program != "npm" and args[0] in self.all_scripts:
            name = args[0]
        elif program == "npm" and args[0] in ("start", "test", "stop", "restart"):
            name = args[0]
        else:
            self.unresolved.append(f"{hook}: {program} {args[0]}")
            return
        body = self.all_scripts.get(name)
        if body is None:
            self.unresolved.append(f"{hook}: script {name!r} (not defined)")
            return
        self.targets.append(Target(hook, "shell", inline=body, label=f"<{hook} → {name}>"))
        self.commands(hook, body, depth + 1)


def resolve_scripts(
    hooks: Mapping[str, str],
    files: Collection[str],
    all_scripts: Mapping[str, str] | None = None,
    main: str | None = None,
) -> tuple[list[Target], list[str]]:
    """The code each hook runs (its command line itself first, as shell) and what could not
    be followed into the package."""
    resolver = Resolver(files, all_scripts if all_scripts is not None else hooks, main)
    for hook, line in hooks.items():
        resolver.command_line(hook, line, 0)
    return resolver.targets, resolver.unresolved
