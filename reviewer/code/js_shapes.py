"""Capabilities read from the shape of a whole file rather than from one match: a wiper
(a directory walk that deletes outside the package), environment variables taken by
destructuring `process.env`, crypto-wallet address patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reviewer.code.model import Capability
from reviewer.code.source import CODE, COMMENT, Source, anchored
from reviewer.code.vocab import TOKEN_VAR

WALLET_PATTERNS: tuple[tuple[str, tuple[bytes, ...], bytes], ...] = (
    ("ethereum", (b"0x[",), rb"0x\[(?:a-fA-F0-9|0-9a-fA-F|a-f0-9|0-9a-f|0-9A-Fa-f|A-Fa-f0-9)\]\{40\}"),
    ("bitcoin", (b"[13][", b"bc1"), rb"\[13\]\[a-(?:km-)?zA-HJ-NP-Z|bc1q?\[|bc1\|"),
    ("solana", (b"[1-9A-HJ-NP-Za-km-z]{",), rb"\[1-9A-HJ-NP-Za-km-z\]\{(?:3\d|4\d)"),
    ("tron", (b"T[",), rb"T\[(?:1-9A-HJ-NP-Za-km-z|A-Za-z1-9)\]\{33\}"),
    ("litecoin", (b"[LM][", b"ltc1["), rb"\[LM\]\[a-km-zA-HJ-NP-Z1-9\]|ltc1\["),
)
_ADDRESS = re.compile(rb"['\"`](?:0x[a-fA-F0-9]{40}|(?:bc1|[13])[a-km-zA-HJ-NP-Z1-9]{25,39}|T[1-9A-HJ-NP-Za-km-z]{33})['\"`]")


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
