"""Capabilities of one JavaScript file: candidate places found by regular expressions over
the bytes, each confirmed against the syntax (`source.Source`): a pattern in a comment or in
an unrelated string literal is not code. One rule, one row in `RULES`; the words shared
with shell code are in `vocab`, obfuscation evidence is read by `obfuscation`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from reviewer.code.model import Capability
from reviewer.code.obfuscation import (
    DECODE,
    HEX_IDENTIFIERS,
    LONG_LITERAL,
    name_hidden_hooks,
    obfuscation_capabilities,
)
from reviewer.code.source import CODE, COMMENT, STRING, Source, anchored
from reviewer.code.vocab import (
    CLOUD_METADATA_DETAIL,
    CLOUD_METADATA_HOSTS,
    CRED_WORDS,
    GITHUB_API,
    GITHUB_WORKFLOWS,
    NPM_ACCOUNT_API,
    NPM_PUBLISH,
    SECRET_SCANNER,
    TOKEN_VAR,
)

FS_CALLS = re.compile(r"\b(?:fs|fsp|promises|fse|readFile\w*|readdir\w*|existsSync|exists|stat\w*|access\w*"
                      r"|open\w*|createReadStream|join|resolve|homedir|glob\w*|readJson\w*|cat|copy\w*)\b")
DOT_FILES = re.compile(r"(?<=['\"`/\\])(?:\.bashrc|\.zshrc|\.profile|\.github[/\\]workflows|\.npmrc|\.ssh)\b")
"""A shell start-up file, CI workflow, npm or ssh config named in a path or string (not a
property such as `param.profile`)."""
OUTSIDE = re.compile(r"homedir\s*\(|process\.env\.(?:HOME|USERPROFILE|APPDATA|LOCALAPPDATA)\b"
                     r"|['\"`](?:/etc|/usr|/root|/bin|/Library|~)/|\.\./\.\./|" + DOT_FILES.pattern)
WALLET_PATTERNS: tuple[tuple[str, tuple[bytes, ...], bytes], ...] = (
    ("ethereum", (b"0x[",), rb"0x\[(?:a-fA-F0-9|0-9a-fA-F|a-f0-9|0-9a-f|0-9A-Fa-f|A-Fa-f0-9)\]\{40\}"),
    ("bitcoin", (b"[13][", b"bc1"), rb"\[13\]\[a-(?:km-)?zA-HJ-NP-Z|bc1q?\[|bc1\|"),
    ("solana", (b"[1-9A-HJ-NP-Za-km-z]{",), rb"\[1-9A-HJ-NP-Za-km-z\]\{(?:3\d|4\d)"),
    ("tron", (b"T[",), rb"T\[(?:1-9A-HJ-NP-Za-km-z|A-Za-z1-9)\]\{33\}"),
    ("litecoin", (b"[LM][", b"ltc1["), rb"\[LM\]\[a-km-zA-HJ-NP-Z1-9\]|ltc1\["),
)
_ADDRESS = re.compile(rb"['\"`](?:0x[a-fA-F0-9]{40}|(?:bc1|[13])[a-km-zA-HJ-NP-Z1-9]{25,39}|T[1-9A-HJ-NP-Za-km-z]{33})['\"`]")

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


_WRAPPER = re.compile(r"(?:async\s+)?function\b|(?:async\s*)?\(?[\w$,\s.]*\)?\s*=>|new\s+Proxy\b|[\w$]+\s*\(")
"""A right side that wraps code (a function, an arrow, a Proxy, a call returning one) — a
hook; a plain reference (`globalThis.fetch = undici.fetch`) replaces the API instead."""


def _hook(detail: str) -> Confirm:
    """The expression at the match is the left side of a plain assignment (`-=` hooks
    nothing) whose root is a global, not a local of the same name (`var fetch;`,
    `var self = this`, a parameter `self`). A computed name (`window[k] = …`) names a
    network or wallet API only when its key can be read (`atob('…')`, `'fe' + 'tch'`);
    otherwise it stays "under a computed name", which only obfuscated code makes count."""
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        if src.kind_at(m.start()) != CODE:
            return None
        target = src.assignment_target(m.start())
        if target is None:
            return None
        root = re.match(r"[\w$]+", target)
        if root is not None and _declared_locally(src, m.start(), root.group(0)):
            return None
        what = detail
        if "computed name" in detail:
            text = _subscript(src.data, m.end())
            key = _static_key(text)
            literal = re.fullmatch(_LITERAL, text.strip()) is not None
            if key is not None and key in _HOOKED_NAMES:
                what = f"global {key}" if literal else f"global {key} (name built at run time)"
            elif literal:  # window['sprintf'] = sprintf: a name in plain sight, not an API hooked
                return None
        guard = src.guarded_by(m.start())
        if re.search(r"!\s*(?:\w+\.)*(?:fetch|XMLHttpRequest)\b|typeof\s+(?:\w+\.)*(?:fetch|XMLHttpRequest)\s*[!=]==?\s*['\"]undefined", guard):
            return f"polyfills {what}"
        value = (src.assigned_value(m.start()) or "").lstrip()
        if not _WRAPPER.match(value):
            return f"replaces {what}"
        return what
    return confirm


_HOOKED_NAMES = frozenset({"fetch", "XMLHttpRequest", "WebSocket", "ethereum", "solana", "phantom"})
_GLOBAL_ALIAS = re.compile(rb"\s*=\s*(?:\(?\s*typeof\b|window\b|globalThis\b|global\b|self\b|Function\s*\()")


def _declared_locally(src: Source, offset: int, name: str) -> bool:
    """`name` is a parameter or a `var`/`let`/`const` of a function around `offset` (or of
    the file), not an alias of the global object (`var self = typeof self … : window`)."""
    word = re.escape(name.encode())
    param = re.compile(rb"(?<![\w$.])" + word + rb"(?![\w$])")
    decl = re.compile(rb"(?<![\w$.])(?:var|let|const)\s+" + word + rb"(?![\w$])|,\s*" + word + rb"\s*=\s*this\b")
    data = src.data

    def declared(lo: int, hi: int, scope: tuple[int, int] | None) -> bool:
        """A declaration in [lo, hi) whose own function is `scope` (None: the top level),
        not one of a function nested in it."""
        for d in decl.finditer(data, lo, hi):
            if _GLOBAL_ALIAS.match(data, d.end()) or src.kind_at(d.start()) != CODE:
                continue
            own = src.function_around(d.start())
            if (None if own is None else (own[0], own[1])) == scope:
                return True
        return False

    fn = src.function_around(offset)
    steps = 0
    while fn is not None and steps < 40:
        lo, hi, params = fn
        if param.search(params.encode("utf-8", "replace")) or declared(lo, min(hi, lo + 400_000), (lo, hi)):
            return True
        fn = src.function_around(lo - 1) if lo > 0 else None
        steps += 1
    return declared(0, len(data), None)


def _subscript(data: bytes, start: int) -> str:
    """The text inside `[…]` from `start` (just after the `[`) to its closing bracket."""
    depth = 1
    end = min(len(data), start + 400)
    for i in range(start, end):
        ch = data[i]
        if ch in b"[(":
            depth += 1
        elif ch in b"])":
            depth -= 1
            if depth == 0:
                return data[start:i].decode("utf-8", "replace")
    return ""


_LITERAL = r"""(?:'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")"""


def _unquote(literal: str) -> str:
    body = literal[1:-1]
    return re.sub(r"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(.)",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(1) or m.group(2) else m.group(3), body)


def _static_key(text: str) -> str | None:
    """The property name a computed key spells, when it is written so it can be read without
    running anything: string literals joined with `+`, `atob('…')`, `Buffer.from('…',
    'base64')`, `String.fromCharCode(…)`, `'…'.split('').reverse().join('')`; else None."""
    import base64
    import binascii

    text = text.strip()
    if re.fullmatch(rf"{_LITERAL}(?:\s*\+\s*{_LITERAL})*", text):
        return "".join(_unquote(lit) for lit in re.findall(_LITERAL, text))
    m = re.fullmatch(rf"(?:atob\s*\(\s*({_LITERAL})\s*\)|Buffer\.from\s*\(\s*({_LITERAL})\s*,\s*['\"]base64['\"]\s*\)"
                     r"(?:\.toString\(\s*\))?)", text)
    if m is not None:
        try:
            return base64.b64decode(_unquote(m.group(1) or m.group(2))).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
    m = re.fullmatch(r"String\.fromCharCode\s*\(([\d\s,xXa-fA-F]+)\)", text)
    if m is not None:
        try:
            return "".join(chr(int(n.strip(), 0)) for n in m.group(1).split(","))
        except ValueError:
            return None
    m = re.fullmatch(rf"({_LITERAL})\.split\(\s*(['\"])\2\s*\)\.reverse\(\s*\)\.join\(\s*(['\"])\3\s*\)", text)
    if m is not None:
        return _unquote(m.group(1))[::-1]
    return None


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


def _hook_member(src: Source, m: re.Match[bytes]) -> str | None:
    """`window.fetch = …` (or globalThis/global/self) as the left side of an assignment."""
    return _hook("global fetch/XMLHttpRequest")(src, m)


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


# (kind, anchors, regex matched at an anchor, confirmation -> detail or None, word start)
RULES: tuple[tuple[str, tuple[bytes, ...], bytes, Confirm | None, bool], ...] = (
    ("module", (b"require",), rb"require\s*\(\s*['\"]([\w@/.:\-]{1,40})['\"]\s*\)", _module, True),
    ("module", (b"from", b"import"), rb"(?:from|import)\s*\(?\s*['\"]([\w@/.:\-]{1,40})['\"]", _module, True),
    ("network", (b"fetch",), rb"fetch\s*\(", _called(_not_member("fetch")), True),
    ("network", (b"XMLHttpRequest",), rb"XMLHttpRequest\b", _fixed("XMLHttpRequest"), True),
    ("network", (b"WebSocket",), rb"WebSocket\s*\(", _fixed("WebSocket"), True),
    ("network", (b"http",), rb"https?\.(?:get|request)\s*\(", _fixed("http request"), True),
    ("network", (b"sendBeacon",), rb"sendBeacon\b", _fixed("sendBeacon"), False),
    ("process", (b"execSync", b"spawnSync", b"execFileSync"), rb"(execSync|spawnSync|execFileSync)\s*\(", _code_at(), True),
    ("process", (b"process.binding",), rb"process\.binding\s*\(\s*['\"]spawn_sync", _fixed("process.binding spawn"), True),
    ("fs-write", (b"writeFile", b"appendFile", b"createWriteStream", b"copyFile", b"symlink", b"chmodSync", b"outputFile"),
     rb"(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyFileSync|symlinkSync|chmodSync"
     rb"|outputFileSync|outputFile)\s*\(", None, True),
    ("env", (b"process.env",), rb"process\.env\.([A-Za-z_$][\w$]*)", _env_member, True),
    ("env", (b"process.env",), rb"process\.env\s*\[\s*['\"]([^'\"]{1,80})['\"]\s*\]", _env_member, True),
    ("credentials", (b"process.env",), rb"process\.env\s*[,}]", _bare_env, True),
    ("credentials", (b"JSON.stringify",), rb"JSON\.stringify\s*\(\s*(?:process\.env|\{\s*\.\.\.\s*process\.env\s*\})\s*[,)]",
     _fixed("the whole environment"), True),
    ("credentials", (b"Buffer.from", b"bs58.encode", b"btoa", b"JSON.stringify", b"encodeURIComponent", b"base58"),
     rb"(?:Buffer\.from|bs58\.encode|btoa|JSON\.stringify|encodeURIComponent|base58\.encode)\s*\(\s*[\w$.]*?"
     rb"(secretKey|privateKey|privKey|secret_key|private_key|mnemonic|seedPhrase|seed_phrase)\b", _key_material, True),
    ("credentials", tuple(host.encode() for host in CLOUD_METADATA_HOSTS),
     rb"[\w.:]+", _string_literal(CLOUD_METADATA_DETAIL), False),
    ("credentials", (b"_authToken", b"npm token", b"auth token"), rb"_authToken|npm\s+token\b|auth\s+token",
     _string_literal("registry or GitHub token"), False),
    ("dynamic-code", (b"eval",), rb"eval\s*\(", _exec_call("eval"), True),
    ("dynamic-code", (b"eval",), rb"eval\s*\)", _indirect_eval, True),
    ("dynamic-code", (b"Function",), rb"Function\s*\(\s*['\"`a-zA-Z_]", _function_call, True),
    ("dynamic-code", (b"vm.",), rb"vm\.(?:runIn\w+|compileFunction)\s*\(|vm\.Script\b", _exec_call("vm", member=True), True),
    ("dynamic-code", (b"._compile",), rb"\._compile\s*\(", _exec_call("module._compile", member=True), False),
    ("dynamic-code", (b"module.constructor", b"Module"), rb"(?:module\.constructor|Module)\s*(?:\(|;|,|\))", _new_module, True),
    ("dynamic-code", (b"require",), rb"require\s*\(", _computed_require, True),
    ("dynamic-code", (b"createElement",), rb"createElement\s*\(\s*['\"]script['\"]\s*\)", _remote_script, False),
    ("dynamic-code", (b"importScripts", b"import"), rb"(?:importScripts|import)\s*\(\s*['\"`]https?://", _fixed("loads a script from a remote URL"), True),
    ("dynamic-code", (b"require",), rb"require\s*[,;)]", _require_alias, True),
    ("runtime-hook", (b"window", b"globalThis", b"global", b"self"),
     rb"(?:window|globalThis|global|self)\s*\.\s*(?:fetch|XMLHttpRequest|WebSocket)\b", _hook_member, True),
    ("runtime-hook", (b"fetch",), rb"fetch\s*=(?![=>])", _hook("global fetch"), True),
    ("runtime-hook", (b"window", b"globalThis", b"global", b"self"), rb"(?:window|globalThis|global|self)\s*\[",
     _hook("a global API under a computed name"), True),
    ("runtime-hook", (b"XMLHttpRequest",), rb"XMLHttpRequest\s*\.\s*prototype\s*(?:\.\s*(?:open|send|setRequestHeader)\b|\[)",
     _hook("XMLHttpRequest.prototype"), True),
    ("runtime-hook", (b"XMLHttpRequest",), rb"XMLHttpRequest\s*=(?![=>])", _hook("global XMLHttpRequest"), True),
    ("runtime-hook", (b"ethereum", b"solana", b"phantom", b"window"),
     rb"(?:window\s*\.\s*)?(?:ethereum|solana|phantom)\s*(?:\.\s*(?:request|send|sendAsync|enable|signTransaction"
     rb"|signAndSendTransaction)\b|\[)", _hook("wallet provider"), True),
    ("runtime-hook", (b"defineProperty",), rb"defineProperty\s*\(\s*(?:window|globalThis|global|self)\s*,\s*['\"]"
     rb"(?:fetch|ethereum|solana|XMLHttpRequest)['\"]", _fixed("global fetch/wallet property"), False),
    ("runtime-hook", (b"Proxy",), rb"Proxy\s*\(\s*(?:window\.)?(?:ethereum|solana|fetch)\b", _fixed("wallet provider"), True),
    ("propagation", (b"npm",), rb"npm\s+publish", _publish_command, True),
    ("propagation", (b"trufflehog",), rb"trufflehog", _not_comment(SECRET_SCANNER), False),
    ("propagation", (b"api.github.com",), rb"api\.github\.com", _string_literal(GITHUB_API), False),
    ("propagation", (b".github/workflows",), rb"\.github/workflows", _string_literal(GITHUB_WORKFLOWS), False),
    ("propagation", (b"registry.npmjs.org/-/",), rb"registry\.npmjs\.org/-/(?:user|npm/v1/tokens|v1/login)",
     _string_literal(NPM_ACCOUNT_API), False),
)
_COMPILED = [(k, a, re.compile(p), c, w) for k, a, p, c, w in RULES]
CRED_ANCHORS = (b".npmrc", b".yarnrc", b".ssh", b"id_rsa", b"id_ed25519", b"id_ecdsa", b".aws", b".git-credentials",
                b".netrc", b".pgpass", b".docker", b".kube", b"gcloud", b".azure", b"application_default_credentials",
                b"login data", b"local extension settings", b"local state", b"wallet.dat", b".bitcoin", b".electrum",
                b"exodus", b".ethereum", b"solana", b"keychain", b".gnupg", b"known_hosts")
STRONG_EXEC = frozenset({"eval", "new Function", "Function", "vm", "module._compile", "new module.constructor",
                         "require aliased"})
NEAR = 1500
"""Bytes: how far before eval/Function/compile, in the same function, the decode it runs is
looked for."""
_NO_ARGUMENT = ("new module.constructor", "require aliased")
_ASSIGNED = re.compile(rb"(?<![\w$.])([\w$]+)\s*(?:\+=|=(?![=>]))\s*([^;]{1,400})")
_NAMES = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*")
EXEC_ANCHORS = (b"exec", b"execSync", b"spawn", b"spawnSync", b"execFile", b"execFileSync", b"execa", b"shell.exec")
_EXEC_RX = re.compile(rb"(?:exec|execSync|spawn|spawnSync|execFile|execFileSync|execa|execaSync)\s*\(")
_CRED_B = re.compile(CRED_WORDS.pattern.encode(), re.I)
_DECODE_NEAR = re.compile(LONG_LITERAL.encode() + rb"|Buffer\.from\s*\((?:[^;(),]|\([^;()]{0,200}\)){0,400},\s*['\"](?:base64|hex|base64url)['\"]\s*\)|\batob\s*\(|createDecipher(?:iv)?\s*\("
                          rb"|decodeURIComponent\s*\(\s*escape|\breverse\(\)\.join\(")
_NEAR_ANCHORS = (b"Buffer.from", b"atob", b"createDecipher", b"decodeURIComponent", b"reverse().join(")


def _runs_decoded(src: Source, start: int, end: int, detail: str, decodes: list[int], decoders: set[str]) -> bool:
    """eval/Function/compile runs what a decode produced: its argument is a variable assigned
    from a decode (or from what uses one), or a call of a function that decodes, in the same
    function as the call and at most NEAR bytes before it. What takes no argument (`new
    module.constructor`, an aliased require) needs a decode in the same function, close by.
    A decode that merely sits nearby in a minified bundle is not the code eval runs."""
    fn = src.function_around(start)
    lo, hi = (fn[0], fn[1]) if fn is not None else (0, len(src.data))
    near = [d for d in decodes if lo <= d < hi and abs(d - start) <= NEAR]
    if detail in _NO_ARGUMENT:
        return bool(near)
    args = src.call_arguments(start)
    if args is None:
        args = _parenthesized(src.data, end)
    if not args:
        return False
    if DECODE.search(args):
        return True
    names = set(_NAMES.findall(args))
    data = src.data
    decoded = set(decoders)
    if names & decoded:
        return True
    if not (near or decoded) or not names:
        return False
    window = max(lo, start - NEAR)
    assignments = [(m.group(1).decode("utf-8", "replace"), m.group(2))
                   for m in _ASSIGNED.finditer(data, window, start) if src.kind_at(m.start()) == CODE]
    for _ in range(2):  # a variable assigned from a decode, then one built from that
        for name, rhs in assignments:
            if _DECODE_NEAR.search(rhs) or set(_NAMES.findall(rhs.decode("utf-8", "replace"))) & decoded:
                decoded.add(name)
    return bool(names & decoded)


def _decoders(src: Source, decodes: list[int]) -> set[str]:
    """Names of the small functions a decode sits in (`function e(r){return Buffer.from(r,
    'hex').toString()}`, `const d = (s) => atob(s)`): calling one decodes."""
    data = src.data
    names: set[str] = set()
    for d in decodes:
        inner = src.function_around(d)
        if inner is None or inner[1] - inner[0] > 600:
            continue
        name = _function_name(data, inner[0])
        if name is not None:
            names.add(name.decode("utf-8", "replace"))
    return names


def _parenthesized(data: bytes, start: int) -> str | None:
    """`(…)` right after `start` (the arguments of `(0, eval)(…)`), or None."""
    i = start
    while i < len(data) and data[i] in b" \t\r\n)":
        i += 1
    if i >= len(data) or data[i:i + 1] != b"(":
        return None
    depth = 0
    for j in range(i, min(len(data), i + 2000)):
        if data[j] == 40:
            depth += 1
        elif data[j] == 41:
            depth -= 1
            if depth == 0:
                return data[i:j + 1].decode("utf-8", "replace")
    return None


def _fs_write(src: Source, m: re.Match[bytes]) -> str | None:
    if src.kind_at(m.start()) != CODE or src.data[max(0, m.start() - 1):m.start()] == b"$":
        return None
    args = src.call_arguments(m.start()) or ""
    hit = DOT_FILES.search(args) or OUTSIDE.search(args)  # the dot-file says most: name it
    return f"outside the package ({hit.group(0).strip(chr(39) + chr(34) + '`')})" if hit else "inside the package"


def js_capabilities(path: str, src: Source, deadline: Callable[[], bool] | None = None) -> list[Capability]:
    """Every capability of one JavaScript file, in file order. `deadline()` True: stop
    (TimeoutError)."""
    data = src.data
    found: list[Capability] = []
    seen: set[tuple[str, str, int]] = set()

    def add(kind: str, detail: str, start: int, end: int, size: int = 0) -> None:
        line = src.lines.line(start)
        if (kind, detail, line) in seen:
            return
        seen.add((kind, detail, line))
        found.append(Capability(kind, detail, path, line, src.lines.snippet(start, end), size, start))

    execs: list[tuple[int, int, str]] = []
    for kind, anchors, rx, confirm, word in _COMPILED:
        if deadline is not None and deadline():
            raise TimeoutError
        check = _fs_write if confirm is None else confirm
        per_rule = 0
        for m in anchored(data, anchors, rx, word):
            detail = check(src, m)
            if detail is None:
                continue
            if kind == "dynamic-code" and detail in STRONG_EXEC:
                execs.append((m.start(), m.end(), detail))
            if kind == "module":
                add(*_MODULE_KINDS[detail], m.start(), m.end())
            else:
                add(kind, detail, m.start(), m.end())
            per_rule += 1
            if kind == "env" and TOKEN_VAR.match(detail):
                add("credentials", f"token variable {detail}", m.start(), m.end())
            if per_rule >= 200:
                break
    if execs:
        decodes = [m.start() for m in anchored(data, _NEAR_ANCHORS, _DECODE_NEAR, False, limit=500)
                   if src.kind_at(m.start()) == CODE]
        decoders = _decoders(src, decodes)
        for start, end, detail in execs:
            if _runs_decoded(src, start, end, detail, decodes, decoders):
                add("dynamic-code", f"{detail} of decoded code", start, end)
    for m in anchored(data, EXEC_ANCHORS, _EXEC_RX, True, limit=500):
        if _shell_in_exec(src, m) is None:
            continue
        args = src.call_arguments(m.start())
        if args:
            from reviewer.code.shell import command_capabilities

            line = src.lines.line(m.start())
            for cap in command_capabilities(args):
                add(cap[0], cap[1], m.start(), m.end())
            del line
    lower = data.lower()
    for m in anchored(lower, CRED_ANCHORS, _CRED_B, False, limit=2000):
        detail = _cred_string(src, m)
        if detail is not None:
            add("credentials", data[m.start():m.end()].decode("utf-8", "replace"), m.start(), m.end())
    found += _destructured_env(path, src)
    found += _wiper(path, src)
    if deadline is not None and deadline():
        raise TimeoutError
    obfuscation = obfuscation_capabilities(path, src)
    found += obfuscation
    if any(c.detail == HEX_IDENTIFIERS for c in obfuscation):
        found = name_hidden_hooks(found, data)
    found += _wallet_patterns(path, src, data)
    found.sort(key=lambda c: (c.line, c.kind))
    return found


_WALK = re.compile(rb"readdir(?:Sync)?\s*\(")
_DESTROY = re.compile(rb"(?:writeFileSync|writeFile|unlinkSync|unlink|rmSync|rmdirSync|truncateSync)\s*\(")
_FAR = re.compile(rb"homedir\s*\(\s*\)|process\.env\.(?:HOME|USERPROFILE)\b|['\"`](?:\.\./){3,}['\"`]|['\"`]/(?:home|Users)/|/Desktop\b")


def _reaches(src: Source, place: int, call: int) -> bool:
    """Can the outside place named at `place` be what the call at `call` works on? Yes when
    it is named at the top level, in a function that also holds the call, or in one that
    calls the function holding it; no when it sits in an unrelated function (in a bundle:
    another module, such as env-paths' `homedir()` beside rimraf's `unlink` in prisma's CLI)."""
    around = src.function_around(place)
    if around is None or around[0] <= call < around[1]:
        return True
    # or its function calls the function that deletes: `del(os.homedir() + '/Desktop')`, or
    # `for (const d of ['../', homedir()]) del(d)` in a callback
    body = src.data[around[0]:min(around[1], around[0] + 65_536)]
    deleting = src.function_around(call)
    for _ in range(4):
        if deleting is None:
            return False
        name = _function_name(src.data, deleting[0])
        if name and re.search(rb"(?<![\w$.])" + re.escape(name) + rb"\s*\(", body):
            return True
        deleting = src.function_around(deleting[0] - 1) if deleting[0] > 0 else None
    return False


def _function_name(data: bytes, start: int) -> bytes | None:
    """The name a function starting at `start` is called by: `function del(`, `del = (d) =>`,
    `del: function (`."""
    own = re.match(rb"(?:async\s+)?function\s*\*?\s*([\w$]+)", data[start:start + 120])
    if own is not None:
        return own.group(1)
    bound = re.search(rb"([\w$]+)\s*[:=]\s*(?:async\s+)?(?:function\b\s*)?$", data[max(0, start - 120):start])
    return bound.group(1) if bound is not None else None


def _wiper(path: str, src: Source) -> list[Capability]:
    """A directory walk that writes over or deletes what it finds, reaching outside the
    package (the home directory, `../../`): a wiper's shape."""
    data = src.data
    if b"readdir" not in data:
        return []
    walks = [m.start() for m in _WALK.finditer(data) if src.kind_at(m.start()) == CODE][:200]
    # looked for only around each walk (a scan of the whole of a 9 MB compiler for `_FAR`
    # took a second)
    candidates: dict[int, re.Match[bytes]] = {}
    for w in walks:
        for m in _DESTROY.finditer(data, max(0, w - 1500), w + 1500):
            if m.start() not in candidates and src.kind_at(m.start()) == CODE and any(
                    src.kind_at(f.start()) != COMMENT and _reaches(src, f.start(), m.start())
                    for f in _FAR.finditer(data, max(0, m.start() - 3000), m.start() + 3000)):
                candidates[m.start()] = m
    if not candidates:
        return []
    destroy = candidates[min(candidates)]
    return [Capability("fs-write", "walks directories and overwrites or deletes files outside the package",
                       path, src.lines.line(destroy.start()), src.lines.snippet(destroy.start(), destroy.end()),
                       0, destroy.start())]


def _destructured_env(path: str, src: Source) -> Iterator[Capability]:
    for m in anchored(src.data, (b"process.env",), re.compile(rb"process\.env\b"), True):
        head = src.data[max(0, m.start() - 400):m.start()]
        d = re.search(rb"\{([^{}]{1,400})\}\s*=\s*$", head)
        if d is None or src.kind_at(m.start()) != CODE:
            continue
        line = src.lines.line(m.start())
        snippet = src.lines.snippet(m.start(), m.end())
        for name in re.findall(rb"([A-Za-z_$][\w$]*)\s*(?:[,:=}]|$)", d.group(1)):
            text = name.decode()
            yield Capability("env", text, path, line, snippet, 0, m.start())
            if TOKEN_VAR.match(text):
                yield Capability("credentials", f"token variable {text}", path, line, snippet, 0, m.start())


def _wallet_patterns(path: str, src: Source, data: bytes) -> list[Capability]:
    """Regular expressions matching crypto-wallet addresses (what a drainer needs to find
    addresses to replace), or a list of literal addresses."""
    chains: list[tuple[str, int, int]] = []
    for chain, anchors, pattern in WALLET_PATTERNS:
        for m in anchored(data, anchors, re.compile(pattern), False, limit=20):
            if src.kind_at(m.start()) != COMMENT:
                chains.append((chain, m.start(), m.end()))
                break
    found: list[Capability] = []
    if chains:
        names = ", ".join(c for c, _, _ in chains)
        first = min(chains, key=lambda c: c[1])
        found.append(Capability("runtime-hook", f"wallet-address patterns ({names})", path,
                                src.lines.line(first[1]), src.lines.snippet(first[1], first[2]), len(chains)))
    addresses = list(anchored(data, (b"'0x", b'"0x', b"'1", b"'3", b"'bc1", b'"1', b'"3', b'"bc1', b"'T", b'"T'),
                                     _ADDRESS, False, limit=2000))
    if len({m.group(0) for m in addresses}) >= 5:
        first_m = min(addresses, key=lambda m: m.start())
        found.append(Capability("runtime-hook", "wallet-address patterns (a list of addresses)", path,
                                src.lines.line(first_m.start()), src.lines.snippet(first_m.start(), first_m.end()),
                                len(addresses)))
    return found
