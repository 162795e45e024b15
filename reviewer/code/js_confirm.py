"""The confirmations of the rules in `js.RULES`: given a regular-expression match, is it
code (not a comment, not an unrelated string literal), and what detail does it name (None:
not a capability). Hooks on global APIs are confirmed in `js_hooks`."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.code.obfuscation import DECODE
from reviewer.code.source import CODE, COMMENT, STRING, Source
from reviewer.code.vocab import NPM_PUBLISH

FS_CALLS = re.compile(r"\b(?:fs|fsp|promises|fse|readFile\w*|readdir\w*|existsSync|exists|stat\w*|access\w*"
                      r"|open\w*|createReadStream|join|resolve|homedir|glob\w*|readJson\w*|cat|copy\w*)\b")
DOT_FILES = re.compile(r"(?<=['\"`/\\])(?:\.bashrc|\.zshrc|\.profile|\.github[/\\]workflows|\.npmrc|\.ssh)\b")
"""A shell start-up file, CI workflow, npm or ssh config named in a path or string (not a
property such as `param.profile`)."""
OUTSIDE = re.compile(r"homedir\s*\(|process\.env\.(?:HOME|USERPROFILE|APPDATA|LOCALAPPDATA)\b"
                     r"|['\"`](?:/etc|/usr|/root|/bin|/Library|~)/|\.\./\.\./|" + DOT_FILES.pattern)


Confirm = Callable[[Source, "re.Match[bytes]"], "str | None"]


def _code_at(group: int = 0) -> Confirm:
    """The match (its group `group`) starts in code; the detail is group 1 or the match."""
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        if src.kind_at(m.start(group)) != CODE:
            return None
        return _group(m)
    return confirm


def _group(m: re.Match[bytes]) -> str:
    for i in range(1, (m.re.groups or 0) + 1):
        if m.group(i):
            return m.group(i).decode("utf-8", "replace")
    return m.group(0).decode("utf-8", "replace").strip()


def _fixed(detail: str, group: int = 0) -> Confirm:
    inner = _code_at(group)

    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        return detail if inner(src, m) is not None else None
    return confirm


def _not_member(detail: str) -> Confirm:
    """In code and not a method of some other object (`x.eval(` is not eval)."""
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        if src.kind_at(m.start()) != CODE:
            return None
        before = src.data[max(0, m.start() - 1):m.start()]
        return None if before in (b".", b"$") or before.isalnum() else detail
    return confirm


def _called(inner: Confirm) -> Confirm:
    """`inner`, and the match is the callee of a call (`async fetch(url) {…}` defines a method)."""
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        detail = inner(src, m)
        return None if detail is None or src.call_arguments(m.start()) is None else detail
    return confirm


def _computed_require(src: Source, m: re.Match[bytes]) -> str | None:
    if src.kind_at(m.start()) != CODE or src.data[max(0, m.start() - 1):m.start()] in (b".", b"$"):
        return None
    args = src.call_arguments(m.start())
    if args is None:
        return None
    inner = args.strip()[1:-1].strip() if args.strip().startswith("(") else args
    if re.fullmatch(r"""(['"])[^'"`]*\1|`[^`$]*`""", inner):
        return None
    if DECODE.search(inner):
        return "require of a decoded string"
    return "require of a computed name"


_CONSTANT_ARGS = re.compile(r"""\(\s*(?:(?:'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")\s*,?\s*)*\)""", re.S)


def _exec_call(detail: str, member: bool = False) -> Confirm:
    """eval / Function / vm / _compile: "… of decoded code" when the argument is decoded
    inline, "… of constant code" when it is only string literals (`Function('return this')`)."""
    base = _fixed(detail) if member else _not_member(detail)

    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        if base(src, m) is None:
            return None
        args = src.call_arguments(m.start()) or ""
        if DECODE.search(args):
            return f"{detail} of decoded code"
        if args and _CONSTANT_ARGS.fullmatch(args.strip()):
            return f"{detail} of constant code"
        return detail
    return confirm


def _require_alias(src: Source, m: re.Match[bytes]) -> str | None:
    """`var r = require;` — require kept under another name (to call it with hidden names)."""
    if src.kind_at(m.start()) != CODE:
        return None
    before = src.data[max(0, m.start() - 30):m.start()]
    return "require aliased" if re.search(rb"[\w$]\s*=\s*$", before) else None


def _shell_in_exec(src: Source, m: re.Match[bytes]) -> str | None:
    return "command" if src.kind_at(m.start()) == CODE and src.data[max(0, m.start() - 1):m.start()] != b"$" else None


def _env_member(src: Source, m: re.Match[bytes]) -> str | None:
    return _group(m) if src.kind_at(m.start()) == CODE else None


def _cred_string(src: Source, m: re.Match[bytes]) -> str | None:
    """A credential path in a string that flows into an fs/path call (or in a shell
    command string given to exec)."""
    if src.kind_at(m.start()) != STRING:
        return None
    calls = src.string_context(m.start())
    if any(FS_CALLS.search(c) or re.search(r"exec|spawn", c) for c in calls):
        return m.group(0).decode("utf-8", "replace")
    return None


def _string_literal(detail: str) -> Confirm:
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        return detail if src.kind_at(m.start()) == STRING else None
    return confirm


def _not_comment(detail: str) -> Confirm:
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        return detail if src.kind_at(m.start()) != COMMENT else None
    return confirm


_COMMAND_START = re.compile(rb"(?:^|&&|\|\||[;|(]|\$\{[^}]*\})\s*$")


def _publish_command(src: Source, m: re.Match[bytes]) -> str | None:
    """`npm publish` as a command: where its string (or template) starts, or after a shell
    separator (`cd pkg && npm publish`), not inside prose ("Publish the active workspace",
    "yarn npm publish" in a CLI's help)."""
    kind = src.kind_at(m.start())
    if kind == COMMENT:
        return None
    span = src.string_span(m.start())
    if span is None:
        return NPM_PUBLISH if kind == CODE else None
    return NPM_PUBLISH if _COMMAND_START.search(src.data[span[0] + 1:m.start()]) else None


def _whole_string(pattern: str, detail: str) -> Confirm:
    rx = re.compile(pattern)

    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        span = src.string_span(m.start())
        if span is None:
            return None
        text = src.data[span[0] + 1:span[1] - 1].decode("utf-8", "replace")
        return detail.format(text) if rx.fullmatch(text) else None
    return confirm


def _indirect_eval(src: Source, m: re.Match[bytes]) -> str | None:
    """`(0, eval)(code)`: eval called indirectly."""
    if src.kind_at(m.start()) != CODE:
        return None
    return "eval" if re.search(rb"\(\s*0\s*,\s*$", src.data[max(0, m.start() - 10):m.start()]) else None


def _function_call(src: Source, m: re.Match[bytes]) -> str | None:
    """`new Function(…)` / `Function(…)` (not `x.Function(`, not a declaration)."""
    before = src.data[max(0, m.start() - 12):m.start()]
    if before[-1:] in (b".", b"$") or src.kind_at(m.start()) != CODE:
        return None
    if re.search(rb"function\s+$", before):
        return None
    detail = "new Function" if re.search(rb"new\s+$", before) else "Function"
    return _exec_call(detail)(src, m)


def _new_module(src: Source, m: re.Match[bytes]) -> str | None:
    before = src.data[max(0, m.start() - 8):m.start()]
    if not re.search(rb"new\s+$", before) or src.kind_at(m.start()) != CODE:
        return None
    return "new module.constructor"


_MODULE_KINDS: dict[str, tuple[str, str]] = {
    **{m: ("network", m) for m in ("http", "https", "http2", "net", "tls", "dgram", "dns", "axios", "got", "node-fetch",
                                  "undici", "needle", "request", "superagent", "cross-fetch", "make-fetch-happen",
                                  "ws", "socket.io-client")},
    **{m: ("process", m) for m in ("child_process", "execa", "cross-spawn", "shelljs")},
    "vm": ("dynamic-code", "vm module"),
}


def _module(src: Source, m: re.Match[bytes]) -> str | None:
    """require('x') / import … from 'x': the module name, when the keyword is code."""
    if src.kind_at(m.start()) != CODE:
        return None
    name = m.group(1).decode("utf-8", "replace").removeprefix("node:")
    return name if name in _MODULE_KINDS else None


def _remote_script(src: Source, m: re.Match[bytes]) -> str | None:
    """`document.createElement('script')` with a remote `src` nearby: code loaded at run time."""
    if src.kind_at(m.start()) != CODE:
        return None
    window = src.data[max(0, m.start() - 600):m.end() + 600]
    return "loads a script from a remote URL" if re.search(rb"['\"`]https?://[^'\"`]+\.js\b|\.src\s*=", window) \
        and re.search(rb"https?://", window) else None


def _key_material(src: Source, m: re.Match[bytes]) -> str | None:
    """A private key or seed phrase encoded for transport (`Buffer.from(secretKey)…`)."""
    if src.kind_at(m.start()) != CODE:
        return None
    return f"private key material encoded ({m.group(1).decode()})"


def _bare_env(src: Source, m: re.Match[bytes]) -> str | None:
    """`{ data: process.env }`: the whole environment put into an object (not handed on as
    an environment: `env:`, `childEnv:`, `processEnv:`, `environment:`)."""
    if src.kind_at(m.start()) != CODE:
        return None
    before = src.data[max(0, m.start() - 40):m.start()]
    key = re.search(rb"([\w$]+)['\"]?\s*:\s*$", before)
    if key is None or key.group(1).lower().endswith((b"env", b"environment", b"environment_for_child")):
        return None
    return "the whole environment"


def _fs_write(src: Source, m: re.Match[bytes]) -> str | None:
    if src.kind_at(m.start()) != CODE or src.data[max(0, m.start() - 1):m.start()] == b"$":
        return None
    args = src.call_arguments(m.start()) or ""
    hit = DOT_FILES.search(args) or OUTSIDE.search(args)  # the dot-file says most: name it
    return f"outside the package ({hit.group(0).strip(chr(39) + chr(34) + '`')})" if hit else "inside the package"
