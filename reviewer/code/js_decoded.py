"""Decoded-then-executed code: does an eval/Function/compile run what a decode (base64,
hex, `atob`, a decipher, a reversed string) produced, in the same function and close by?"""

from __future__ import annotations

import re

from reviewer.code.js_shapes import _function_name
from reviewer.code.obfuscation import DECODE, LONG_LITERAL
from reviewer.code.source import CODE, Source

NEAR = 1500
"""Bytes: how far before eval/Function/compile, in the same function, the decode it runs is
looked for."""
_NO_ARGUMENT = ("new module.constructor", "require aliased")
_ASSIGNED = re.compile(rb"(?<![\w$.])([\w$]+)\s*(?:\+=|=(?![=>]))\s*([^;]{1,400})")
_NAMES = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*")
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
