"""Obfuscation evidence in one JavaScript file: `_0x` identifier families, rotated string
arrays, packed code, code hidden past whitespace, encoded blobs (decoded at run time or
not, high-entropy strings), escaped-character strings and very long lines. Each is a
Capability of kind "obfuscation" whose `size` says how much code it covers. Also the names
of the APIs an obfuscated hook hides in its string table."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator

from reviewer.code.model import Capability
from reviewer.code.source import CODE, STRING, Source, anchored

LONG_LITERAL = r"Buffer\.from\s*\(\s*['\"`][A-Za-z0-9+/=_\-]{200,}"
"""`Buffer.from("<a long base64 or hex literal>"…`: decoding, however long the literal (the
text an argument check sees is cut at 2,000 characters, before the encoding argument)."""
DECODE = re.compile(LONG_LITERAL + r"|Buffer\.from\s*\((?:[^;(),]|\([^;()]{0,200}\)){0,400},\s*['\"](?:base64|hex|base64url)['\"]\s*\)|\batob\s*\("
                    r"|createDecipher(?:iv)?\s*\(|fromCharCode|\.toString\(\s*['\"](?:base64|hex)['\"]\)"
                    r"|decodeURIComponent\s*\(\s*escape|\breverse\(\)\.join\(")
"""Code that decodes a string (base64/hex, ciphers, char codes, reversed strings)."""
HEX_IDENTIFIERS = "_0x identifiers"
_DECODE_ANCHORS = (b"Buffer.from", b"atob", b"createDecipher", b"fromCharCode", b".toString(", b"decodeURIComponent",
                   b"reverse().join(")
_DECODE_B = re.compile(DECODE.pattern.encode())
_ROTATE = re.compile(rb"([\w$]+)\s*(?:\.\s*push|\[\s*['\"]push['\"]\s*\])\s*\(\s*\1\s*"
                     rb"(?:\.\s*shift|\[\s*['\"]shift['\"]\s*\])\s*\(\s*\)\s*\)")
"""`a.push(a.shift())`: the same array rotated in place (`o.push(e.shift())` moves between two)."""
_RECEIVER = re.compile(rb"([\w$]+)\s*(?:\.\s*|\[\s*['\"])$")
_IIFE_NUMBER = re.compile(rb"\s*\)?\s*\(\s*[\w$.]+\s*,(?:\s*[-+*/]?\s*\(?\s*(?:0[xX][0-9a-fA-F]+|\d+)\s*\)?)+\s*\)")
"""`(_0xarr, 0x1a2)` or `(_0xarr, -0x1b3*0x5+0x2c1)` after a function: called at once with a number."""
_PARSE_INT = re.compile(rb"\bparseInt\s*\(")
_PACKED = re.compile(rb"eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,\s*[rd]\s*\)")
_HEX_ID = re.compile(rb"_0x[0-9a-fA-F]{3,}")
_BLOB_CHARS = bytes(ord("a") if chr(i).isascii() and (chr(i).isalnum() or chr(i) in "+/=_-") else ord(" ")
                    for i in range(256))
_ESCAPED_RUN = re.compile(rb"(?:\\x[0-9a-fA-F]{2}){64,}")
LONG_LINE = 20_000
BLOB_MIN = 256


def entropy(data: bytes) -> float:
    counts = Counter(data)
    n = len(data)
    return -sum(c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


def obfuscation_capabilities(path: str, src: Source) -> list[Capability]:
    data = src.data
    found: list[Capability] = []

    def cap(detail: str, start: int, end: int, size: int) -> None:
        found.append(Capability("obfuscation", detail, path, src.lines.line(start),
                                src.lines.snippet(start, end), size, start))

    ids = list(anchored(data, (b"_0x",), _HEX_ID, True, limit=20_000))
    names = {m.group(0) for m in ids}
    if len(names) >= 5:
        in_code = [m for m in ids[:50] if src.kind_at(m.start()) == CODE]
        if len({m.group(0) for m in in_code}) >= 3:
            cap(HEX_IDENTIFIERS, in_code[0].start(), in_code[0].end(), _extent(src, ids[0].start(), ids[-1].end()))
    for m in _rotations(data):
        if src.kind_at(m.start()) == CODE and _rotates_until_found(src, m.start()):
            cap("rotated string array", m.start(), m.end(), _extent(src, m.start(), m.end()))
            break
    for m in anchored(data, (b"eval",), _PACKED, True, limit=50):
        if src.kind_at(m.start()) == CODE:
            cap("packed code", m.start(), m.end(), _extent(src, m.start(), m.end()))
            break
    for pad in (b" " * 200, b"\t" * 100):
        i = data.find(pad)
        while i >= 0:
            end = i + len(pad)
            while end < len(data) and data[end] in b" \t":
                end += 1
            line_start = data.rfind(b"\n", 0, i) + 1
            if end < len(data) and data[end] not in b"\r\n" and data[line_start:i].strip() \
                    and src.kind_at(end) == CODE and src.kind_at(i) == CODE:
                line_end = data.find(b"\n", end)
                line_end = len(data) if line_end < 0 else line_end
                cap("code hidden past whitespace", end, line_end, line_end - end)
                break
            i = data.find(pad, end)
    decodes = any(src.kind_at(m.start()) == CODE
                  for m in anchored(data, _DECODE_ANCHORS, _DECODE_B, False, limit=200))
    mapped = data.translate(_BLOB_CHARS)
    run = b"a" * BLOB_MIN
    blobs = 0
    i = mapped.find(run)
    while i >= 0 and blobs < 5:
        end = i + BLOB_MIN
        while end < len(mapped) and mapped[end] == 97:
            end += 1
        span = src.string_span(i)
        body = data[i:end]
        if span is not None and not data[max(span[0], i - 40):i].count(b"base64,") \
                and not body.startswith((b"data:", b"AGFzbQ", b"0061736d")) and len(set(body[:4096])) >= 10:
            detail = "encoded blob decoded at run time" if decodes else "encoded blob"
            if detail == "encoded blob" and entropy(body[:4096]) >= 5.2:
                detail = "high-entropy string"
            cap(detail, i, i + 60, end - i)
            blobs += 1
        i = mapped.find(run, end)
    esc = data.find(b"\\x")
    checked = 0
    while esc >= 0 and checked < 200:
        checked += 1
        run_match = _ESCAPED_RUN.match(data, esc, esc + 100_000)
        if run_match is not None and src.kind_at(esc) == STRING:
            cap("escaped-character strings", esc, esc + 60, run_match.end() - esc)
            break
        esc = data.find(b"\\x", run_match.end() if run_match else esc + 2)
    starts = src.lines.starts
    for n, lo in enumerate(starts):
        hi = starts[n + 1] if n + 1 < len(starts) else len(data)
        if hi - lo >= LONG_LINE:
            cap("very long line", lo, lo + 60, hi - lo)
    return found


def _rotations(data: bytes) -> Iterator[re.Match[bytes]]:
    """`a.push(a.shift())` / `a['push'](a['shift']())`, found from each `push`."""
    i = data.find(b"push")
    count = 0
    while i >= 0 and count < 50:
        receiver = _RECEIVER.search(data, max(0, i - 80), i)
        if receiver is not None:
            m = _ROTATE.match(data, receiver.start())
            if m is not None:
                count += 1
                yield m
        i = data.find(b"push", i + 4)


def _rotates_until_found(src: Source, offset: int) -> bool:
    """The rotation is obfuscator.io's string-array shuffle: in a function that checks a
    `parseInt` sum each turn, or in one called at once with the array and a number
    (`(function(a, n){ while(--n) a.push(a.shift()) }(_0xarr, 0x1a2))`). A queue turned
    round-robin (`servers.push(servers.shift())`) is neither."""
    fn = src.function_around(offset)
    if fn is None:
        window = src.data[max(0, offset - 600):offset + 600]
        return bool(_PARSE_INT.search(window)) or bool(re.search(rb"\}" + _IIFE_NUMBER.pattern, window))
    for _ in range(2):
        lo, hi, _params = fn
        if hi - lo <= 4000 and _PARSE_INT.search(src.data, lo, hi):
            return True
        if _IIFE_NUMBER.match(src.data, hi):
            return True
        if lo == 0:
            break
        outer = src.function_around(lo - 1)
        if outer is None:
            break
        fn = outer
    return False


def _extent(src: Source, start: int, end: int) -> int:
    """Bytes of the lines from the one holding `start` to the one holding `end`."""
    starts = src.lines.starts
    first = src.lines.line(start) - 1
    last = src.lines.line(end) - 1
    hi = starts[last + 1] if last + 1 < len(starts) else len(src.data)
    return hi - starts[first]


_HOOKED_APIS = (b"fetch", b"XMLHttpRequest", b"ethereum", b"solana", b"WebSocket")
_ESCAPE = re.compile(rb"\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})")


def name_hidden_hooks(found: list[Capability], data: bytes) -> list[Capability]:
    """In obfuscated code, `window[_0x12(0x1a3)] = function…` hides which API it hooks: the
    names are in the string table (often as \\x escapes). Say which of the usual targets
    are there."""
    hidden = [c for c in found if c.kind == "runtime-hook" and "computed name" in c.detail]
    if not hidden or len(data) > 20_000_000:
        return found
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)).encode("utf-8", "replace"), data)
    names = [n.decode() for n in _HOOKED_APIS if re.search(rb"['\"`]" + n + rb"['\"`]", text)]
    if not names:
        return found
    detail = f"{', '.join(names)} (names hidden in obfuscated strings)"
    return [Capability(c.kind, detail, c.file, c.line, c.snippet, c.size, c.offset) if c in hidden else c
            for c in found]
