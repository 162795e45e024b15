"""Capabilities of one JavaScript file: candidate places found by regular expressions over
the bytes, each confirmed against the syntax (`source.Source`): a pattern in a comment or in
an unrelated string literal is not code. One rule, one row in `RULES`, its confirmation in
`js_confirm` (hooks on global APIs: `js_hooks`); the eval of decoded code is traced by
`js_decoded`, whole-file shapes (a wiper, wallet patterns) are read by `js_shapes`; the
words shared with shell code are in `vocab`, obfuscation evidence is read by `obfuscation`."""

from __future__ import annotations

import re
from collections.abc import Callable

from reviewer.code.js_confirm import (
    _MODULE_KINDS,
    Confirm,
    _bare_env,
    _called,
    _code_at,
    _computed_require,
    _cred_string,
    _env_member,
    _exec_call,
    _fixed,
    _fs_write,
    _function_call,
    _indirect_eval,
    _key_material,
    _module,
    _new_module,
    _not_comment,
    _not_member,
    _publish_command,
    _remote_script,
    _require_alias,
    _shell_in_exec,
    _string_literal,
)
from reviewer.code.js_decoded import _DECODE_NEAR, _NEAR_ANCHORS, _decoders, _runs_decoded
from reviewer.code.js_hooks import _hook, _hook_member
from reviewer.code.js_shapes import _destructured_env, _wallet_patterns, _wiper
from reviewer.code.model import Capability
from reviewer.code.obfuscation import HEX_IDENTIFIERS, name_hidden_hooks, obfuscation_capabilities
from reviewer.code.source import CODE, Source, anchored
from reviewer.code.vocab import (
    CLOUD_METADATA_DETAIL,
    CLOUD_METADATA_HOSTS,
    CRED_WORDS,
    GITHUB_API,
    GITHUB_WORKFLOWS,
    NPM_ACCOUNT_API,
    SECRET_SCANNER,
    TOKEN_VAR,
)

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
EXEC_ANCHORS = (b"exec", b"execSync", b"spawn", b"spawnSync", b"execFile", b"execFileSync", b"execa", b"shell.exec")
_EXEC_RX = re.compile(rb"(?:exec|execSync|spawn|spawnSync|execFile|execFileSync|execa|execaSync)\s*\(")
_CRED_B = re.compile(CRED_WORDS.pattern.encode(), re.I)


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
