"""Capabilities of one JavaScript file: candidate places found by regular expressions over
the bytes, each confirmed against the syntax (`source.Source`): a pattern in a comment or in
an unrelated string literal is not code. One rule, one row in `_CODE_RULES`."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator

from reviewer.code.model import Capability
from reviewer.code.source import CODE, COMMENT, STRING, Source

NET_MODULES = r"(?:node:)?(https?|http2|net|tls|dgram|dns)"
HTTP_CLIENTS = r"(axios|got|node-fetch|undici|needle|request|superagent|cross-fetch|make-fetch-happen|ws|socket\.io-client)"
CRED_WORDS = re.compile(
    r"\.npmrc|\.yarnrc|\.ssh\b|id_rsa|id_ed25519|id_ecdsa|\.aws\b|\.git-credentials|\.netrc|\.pgpass"
    r"|\.docker[/\\]config|\.kube[/\\]config|\.config[/\\]gcloud|\.azure\b|application_default_credentials"
    r"|Login Data|Local Extension Settings|Local State|wallet\.dat|\.bitcoin\b|\.electrum\b|Exodus"
    r"|\.ethereum[/\\]keystore|\.config[/\\]solana|keychain|Keychains|\.gnupg|known_hosts",
    re.I,
)
CLOUD_METADATA = rb"169\.254\.169\.254|metadata\.google\.internal|100\.100\.100\.200|fd00:ec2::254"
TOKEN_VAR = re.compile(
    r"^(?:NPM_TOKEN|NODE_AUTH_TOKEN|NPM_AUTH_TOKEN|GITHUB_TOKEN|GH_TOKEN|GITLAB_TOKEN|CI_JOB_TOKEN"
    r"|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AWS_SESSION_TOKEN|AZURE_CLIENT_SECRET"
    r"|GOOGLE_APPLICATION_CREDENTIALS|CIRCLE_TOKEN|SLACK_TOKEN|.*_(?:TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY)"
    r"|npm_config__authToken|npm_config_.*_authtoken)$",
    re.I,
)
FS_CALLS = re.compile(r"\b(?:fs|fsp|promises|fse|readFile\w*|readdir\w*|existsSync|exists|stat\w*|access\w*"
                      r"|open\w*|createReadStream|join|resolve|homedir|glob\w*|readJson\w*|cat|copy\w*)\b")
OUTSIDE = re.compile(r"homedir\s*\(|process\.env\.(?:HOME|USERPROFILE|APPDATA|LOCALAPPDATA)\b"
                     r"|['\"`](?:/etc|/usr|/root|/bin|/Library|~)/|\.\./\.\./|\.bashrc|\.zshrc|\.profile"
                     r"|\.github[/\\]workflows|\.npmrc|\.ssh")
DECODE = re.compile(r"Buffer\.from\s*\([^;]{0,400}?['\"](?:base64|hex|base64url)['\"]|\batob\s*\("
                    r"|createDecipher(?:iv)?\s*\(|fromCharCode|\.toString\(\s*['\"](?:base64|hex)['\"]\)"
                    r"|decodeURIComponent\s*\(\s*escape|\breverse\(\)\.join\(")
BLOB = rb"[A-Za-z0-9+/=_\-]{256,}|(?:\\x[0-9a-fA-F]{2}){64,}|(?:\\u[0-9a-fA-F]{4}){48,}"
WALLET_PATTERNS = (
    ("ethereum", rb"0x\[a-fA-F0-9\]\{40\}|0x\[0-9a-fA-F\]\{40\}|0x\[a-f0-9\]\{40\}|0x\[0-9a-f\]\{40\}"),
    ("bitcoin", rb"\[13\]\[a-km-zA-HJ-NP-Z1-9\]|bc1\[|\(bc1\|\[13\]\)|bc1q\[|\[13\]\[a-zA-HJ-NP-Z0-9\]"),
    ("solana", rb"\[1-9A-HJ-NP-Za-km-z\]\{3[0-9]|\[1-9A-HJ-NP-Za-km-z\]\{4[0-9]"),
    ("tron", rb"T\[1-9A-HJ-NP-Za-km-z\]\{33\}|T\[A-Za-z1-9\]\{33\}"),
    ("litecoin", rb"\[LM\]\[a-km-zA-HJ-NP-Z1-9\]|ltc1\["),
)

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


def _exec_call(detail: str) -> Confirm:
    """eval / Function / vm / _compile: "decoded code" when the argument is decoded inline."""
    base = _not_member(detail)

    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        if base(src, m) is None:
            return None
        args = src.call_arguments(m.start()) or ""
        return f"{detail} of decoded code" if DECODE.search(args) else detail
    return confirm


def _env_member(src: Source, m: re.Match[bytes]) -> str | None:
    return _group(m) if src.kind_at(m.start()) == CODE else None


def _hook(detail: str) -> Confirm:
    """The expression at the match is the left side of an assignment."""
    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        if src.kind_at(m.start()) != CODE:
            return None
        target = src.assignment_target(m.start())
        if target is None:
            return None
        guard = src.guarded_by(m.start())
        if re.search(r"!\s*(?:\w+\.)*(?:fetch|XMLHttpRequest)\b|typeof\s+(?:\w+\.)*(?:fetch|XMLHttpRequest)\s*[!=]==?\s*['\"]undefined", guard):
            return f"polyfills {detail}"
        return detail
    return confirm


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


def _whole_string(pattern: str, detail: str) -> Confirm:
    rx = re.compile(pattern)

    def confirm(src: Source, m: re.Match[bytes]) -> str | None:
        span = src.string_span(m.start())
        if span is None:
            return None
        text = src.data[span[0] + 1:span[1] - 1].decode("utf-8", "replace")
        return detail.format(text) if rx.fullmatch(text) else None
    return confirm


# (kind, regex over the bytes, confirmation -> detail or None)
_CODE_RULES: tuple[tuple[str, bytes, Confirm], ...] = (
    ("network", rb"\brequire\s*\(\s*['\"]" + NET_MODULES.encode() + rb"['\"]\s*\)", _code_at()),
    ("network", rb"\b(?:from|import)\s*\(?\s*['\"]" + NET_MODULES.encode() + rb"['\"]", _code_at()),
    ("network", rb"\brequire\s*\(\s*['\"]" + HTTP_CLIENTS.encode() + rb"['\"]\s*\)", _code_at()),
    ("network", rb"\b(?:from|import)\s*\(?\s*['\"]" + HTTP_CLIENTS.encode() + rb"['\"]", _code_at()),
    ("network", rb"\bfetch\s*\(", _not_member("fetch")),
    ("network", rb"\bXMLHttpRequest\b", _fixed("XMLHttpRequest")),
    ("network", rb"\bnew\s+WebSocket\b", _fixed("WebSocket")),
    ("network", rb"\bhttps?\.(?:get|request)\s*\(", _fixed("http request")),
    ("network", rb"\bnavigator\.sendBeacon\b", _fixed("sendBeacon")),
    ("process", rb"\brequire\s*\(\s*['\"](?:node:)?(child_process)['\"]\s*\)", _code_at()),
    ("process", rb"\b(?:from|import)\s*\(?\s*['\"](?:node:)?(child_process)['\"]", _code_at()),
    ("process", rb"\brequire\s*\(\s*['\"](execa|cross-spawn|shelljs)['\"]\s*\)", _code_at()),
    ("process", rb"\b(execSync|spawnSync|execFileSync)\s*\(", _code_at()),
    ("process", rb"\bprocess\.binding\s*\(\s*['\"]spawn_sync", _fixed("process.binding spawn")),
    ("fs-write", rb"\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyFileSync"
                 rb"|symlinkSync|chmodSync|outputFileSync|outputFile)\s*\(", None),  # type: ignore[arg-type]
    ("env", rb"\bprocess\.env\.([A-Za-z_$][\w$]*)", _env_member),
    ("env", rb"\bprocess\.env\s*\[\s*['\"]([^'\"]{1,80})['\"]\s*\]", _env_member),
    ("credentials", rb"\b(?:JSON\.stringify|Object\.(?:keys|entries|values|assign))\s*\(\s*(?:\{\s*\}\s*,\s*)?process\.env\b",
     _fixed("the whole environment")),
    ("credentials", CRED_WORDS.pattern.encode(), _cred_string),  # flags set below
    ("credentials", CLOUD_METADATA, _string_literal("cloud metadata address")),
    ("credentials", rb"_authToken|\bnpm\s+token\b|gh\s+auth\s+token", _string_literal("registry or GitHub token")),
    ("dynamic-code", rb"\beval\s*\(", _exec_call("eval")),
    ("dynamic-code", rb"\(\s*0\s*,\s*eval\s*\)", _fixed("eval")),
    ("dynamic-code", rb"\bnew\s+Function\s*\(", _exec_call("new Function")),
    ("dynamic-code", rb"\bFunction\s*\(\s*['\"`a-zA-Z_]", _exec_call("Function")),
    ("dynamic-code", rb"\brequire\s*\(\s*['\"](?:node:)?vm['\"]\s*\)", _fixed("vm module")),
    ("dynamic-code", rb"\bvm\.(?:runIn\w+|compileFunction)\s*\(|\bnew\s+vm\.Script\b", _exec_call("vm")),
    ("dynamic-code", rb"\._compile\s*\(", _exec_call("module._compile")),
    ("dynamic-code", rb"\bnew\s+(?:module\.constructor|Module)\s*(?:\(|;|,)", _fixed("new module.constructor")),
    ("dynamic-code", rb"\brequire\s*\(", _computed_require),
    ("runtime-hook", rb"\b(?:window|globalThis|global|self)\s*\.\s*(?:fetch|XMLHttpRequest|WebSocket)\b", _hook("global fetch/XMLHttpRequest")),
    ("runtime-hook", rb"(?<![\w$.])fetch\s*=(?![=>])", _hook("global fetch")),
    ("runtime-hook", rb"\bXMLHttpRequest\s*\.\s*prototype\s*(?:\.\s*(?:open|send|setRequestHeader)\b|\[)", _hook("XMLHttpRequest.prototype")),
    ("runtime-hook", rb"(?<![\w$.])XMLHttpRequest\s*=(?![=>])", _hook("global XMLHttpRequest")),
    ("runtime-hook", rb"\b(?:window\s*\.\s*)?(?:ethereum|solana|phantom)\s*(?:\.\s*(?:request|send|sendAsync|enable|signTransaction|signAndSendTransaction)\b|\[)", _hook("wallet provider")),
    ("runtime-hook", rb"\bdefineProperty\s*\(\s*(?:window|globalThis|global|self)\s*,\s*['\"](?:fetch|ethereum|solana|XMLHttpRequest)['\"]", _fixed("global fetch/wallet property")),
    ("runtime-hook", rb"\bnew\s+Proxy\s*\(\s*(?:window\.)?(?:ethereum|solana|fetch)\b", _fixed("wallet provider")),
    ("propagation", rb"npm\s+publish", _not_comment("npm publish")),
    ("propagation", rb"trufflehog", _not_comment("secret scanner trufflehog")),
    ("propagation", rb"api\.github\.com", _string_literal("GitHub API")),
    ("propagation", rb"\.github/workflows", _string_literal("GitHub workflow files")),
    ("propagation", rb"registry\.npmjs\.org/-/(?:user|npm/v1/tokens|v1/login)", _string_literal("npm registry account API")),
)
_COMPILED = [(k, re.compile(p, re.I if k == "credentials" and p == CRED_WORDS.pattern.encode() else 0), c)
             for k, p, c in _CODE_RULES]
_FS_WRITE = re.compile(_CODE_RULES[14][1])
_DECODE_B = re.compile(DECODE.pattern.encode())
_HEX_ID = re.compile(rb"\b_0x[0-9a-fA-F]{3,}\b")
_ROTATE = re.compile(rb"(?:\.push|\[['\"]push['\"]\])\s*\(\s*[\w$]+(?:\.shift|\[['\"]shift['\"]\])\s*\(\s*\)\s*\)")
_PACKED = re.compile(rb"eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[rd]\s*\)")
_HIDDEN = re.compile(rb"[^\s][ \t]{200,}[^\s]")
_BLOB = re.compile(BLOB)
_STRING_LITS = re.compile(rb"'(?:\\.|[^'\\\n]){200,}'|\"(?:\\.|[^\"\\\n]){200,}\"")
LONG_LINE = 20_000


def _fs_write(src: Source, m: re.Match[bytes]) -> str | None:
    if src.kind_at(m.start()) != CODE or src.data[max(0, m.start() - 1):m.start()] == b"$":
        return None
    args = src.call_arguments(m.start()) or ""
    hit = OUTSIDE.search(args)
    return f"outside the package ({hit.group(0).strip(chr(39) + chr(34) + '`')})" if hit else "inside the package"


def js_capabilities(path: str, src: Source, deadline: Callable[[], bool] | None = None) -> list[Capability]:
    """Every capability of one JavaScript file, in file order."""
    data = src.data
    found: list[Capability] = []
    seen: set[tuple[str, str, int]] = set()

    def add(kind: str, detail: str, start: int, end: int, size: int = 0) -> None:
        line = src.lines.line(start)
        if (kind, detail, line) in seen:
            return
        seen.add((kind, detail, line))
        found.append(Capability(kind, detail, path, line, src.lines.snippet(start, end), size))

    for kind, rx, confirm in _COMPILED:
        if deadline is not None and deadline():
            raise TimeoutError
        check = _fs_write if confirm is None else confirm
        per_rule = 0
        for m in rx.finditer(data):
            detail = check(src, m)
            if detail is None:
                continue
            add(kind, detail, m.start(), m.end())
            per_rule += 1
            if kind == "env" and TOKEN_VAR.match(detail):
                add("credentials", f"token variable {detail}", m.start(), m.end())
            if per_rule >= 200:
                break
    found += _destructured_env(path, src)
    found += _obfuscation(path, src, data)
    found += _wallet_patterns(path, src, data)
    found.sort(key=lambda c: (c.line, c.kind))
    return found


def _destructured_env(path: str, src: Source) -> Iterator[Capability]:
    for m in re.finditer(rb"\{([^{}]{1,400})\}\s*=\s*process\.env\b", src.data):
        if src.kind_at(m.start()) != CODE:
            continue
        line = src.lines.line(m.start())
        for name in re.findall(rb"([A-Za-z_$][\w$]*)\s*(?:[,:=}]|$)", m.group(1)):
            text = name.decode()
            yield Capability("env", text, path, line, src.lines.snippet(m.start(), m.end()))
            if TOKEN_VAR.match(text):
                yield Capability("credentials", f"token variable {text}", path, line,
                                 src.lines.snippet(m.start(), m.end()))


def entropy(data: bytes) -> float:
    counts = Counter(data)
    n = len(data)
    return -sum(c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


def _obfuscation(path: str, src: Source, data: bytes) -> list[Capability]:
    found: list[Capability] = []
    ids = [m for m in _HEX_ID.finditer(data) if src.kind_at(m.start()) == CODE] \
        if len(set(_HEX_ID.findall(data[:2_000_000]))) >= 5 else []
    if len({m.group(0) for m in ids}) >= 5:
        first, last = ids[0], ids[-1]
        found.append(Capability("obfuscation", "_0x identifiers", path, src.lines.line(first.start()),
                                src.lines.snippet(first.start(), first.end()), _extent(src, first.start(), last.end())))
    for m in _ROTATE.finditer(data):
        if src.kind_at(m.start()) == CODE:
            found.append(Capability("obfuscation", "rotated string array", path, src.lines.line(m.start()),
                                    src.lines.snippet(m.start(), m.end()), _extent(src, m.start(), m.end())))
            break
    for m in _PACKED.finditer(data):
        if src.kind_at(m.start()) == CODE:
            found.append(Capability("obfuscation", "packed code", path, src.lines.line(m.start()),
                                    src.lines.snippet(m.start(), m.end()), _extent(src, m.start(), m.end())))
            break
    for m in _HIDDEN.finditer(data):
        if src.kind_at(m.end() - 1) == CODE and src.kind_at(m.start()) != COMMENT:
            line_end = data.find(b"\n", m.end())
            line_end = len(data) if line_end < 0 else line_end
            found.append(Capability("obfuscation", "code hidden past whitespace", path, src.lines.line(m.start()),
                                    src.lines.snippet(m.end() - 1, line_end), line_end - m.end() + 1))
            break
    decodes = [m for m in _DECODE_B.finditer(data) if src.kind_at(m.start()) == CODE]
    blobs = 0
    for m in _STRING_LITS.finditer(data):
        if blobs >= 5:
            break
        body = m.group(0)[1:-1]
        span = src.string_span(m.start() + 1)
        if span is None or span[0] != m.start():
            continue
        if body.startswith(b"data:") or b"base64," in body[:80]:
            continue
        if _BLOB.search(body) and len(body) >= 256:
            detail = "encoded blob decoded at run time" if decodes else "encoded blob"
        elif body.count(b"\\x") * 4 > len(body) * 0.6 or body.count(b"\\u") * 6 > len(body) * 0.6:
            detail = "escaped-character strings"
        elif b" " not in body and entropy(body) >= 5.2:
            detail = "high-entropy string"
        else:
            continue
        blobs += 1
        found.append(Capability("obfuscation", detail, path, src.lines.line(m.start()),
                                src.lines.snippet(m.start(), m.start() + 60), len(body)))
    starts = src.lines.starts
    for i, lo in enumerate(starts):
        hi = starts[i + 1] if i + 1 < len(starts) else len(data)
        if hi - lo >= LONG_LINE:
            found.append(Capability("obfuscation", "very long line", path, i + 1,
                                    src.lines.snippet(lo, lo + 60), hi - lo))
    return found


def _extent(src: Source, start: int, end: int) -> int:
    """Bytes of the lines from the one holding `start` to the one holding `end`."""
    starts = src.lines.starts
    first = src.lines.line(start) - 1
    last = src.lines.line(end) - 1
    hi = starts[last + 1] if last + 1 < len(starts) else len(src.data)
    return hi - starts[first]


def _wallet_patterns(path: str, src: Source, data: bytes) -> list[Capability]:
    chains: list[tuple[str, int, int]] = []
    for chain, pattern in WALLET_PATTERNS:
        m = re.search(pattern, data)
        if m is not None and src.kind_at(m.start()) != COMMENT:
            chains.append((chain, m.start(), m.end()))
    if not chains:
        return []
    names = ", ".join(c for c, _, _ in chains)
    first = min(chains, key=lambda c: c[1])
    return [Capability("runtime-hook", f"wallet-address patterns ({names})", path,
                       src.lines.line(first[1]), src.lines.snippet(first[1], first[2]), len(chains))]
