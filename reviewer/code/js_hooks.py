"""Hooks on global APIs: an assignment to `window.fetch`, `XMLHttpRequest.prototype.send`,
a wallet provider or a global under a computed name, confirmed as a plain assignment to the
global (not to a local of the same name) and read for what it does: hooks (a wrapper),
replaces (a plain reference) or polyfills (guarded by a test of its absence)."""

from __future__ import annotations

import re

from reviewer.code.js_confirm import Confirm
from reviewer.code.source import CODE, Source

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


def _hook_member(src: Source, m: re.Match[bytes]) -> str | None:
    """`window.fetch = …` (or globalThis/global/self) as the left side of an assignment."""
    return _hook("global fetch/XMLHttpRequest")(src, m)
