"""Untrusted text made safe to show: the one sanitising path for terminals and documents.

Package names, versions, descriptions, scripts, file contents, registry error bodies and
URLs come from lockfiles, registries and tarballs. Before any of it reaches a terminal or a
document it goes through this module:

- `visible(text)`: control characters (C0, DEL, C1), bidi overrides and isolates, zero-width
  and other invisible or non-printing characters are shown as escapes (`\\x1b`, `\\u202e`,
  `\\U000e0041`); a lone `\\r` too. Newlines (and `\\r\\n`) and tabs are kept unless asked.
- `one_line(text)`: the same, newlines shown as `\\n` too (table cells, labels, messages).
- `redact(text)`: secrets removed: URL user-info (`https://***@host`), `_authToken=`,
  `_auth=`, `_password=`, `Authorization: Bearer ...`, npm/GitHub token shapes, and every
  credential value read from `.npmrc` (`register_secret`).
- `safe(text)` = redact then visible: what every message and report line goes through.
- `markdown(text)`: one line, visible, and every character markdown, HTML or GitHub give a
  meaning to as a numeric entity.
- `GuardedStream`: a text stream that passes everything written through `safe`, kept
  newlines and tabs; the CLI wraps stdout and stderr in it, so nothing raw reaches a
  terminal even from a line someone forgot to escape. Escaping is idempotent on safe text.

No dependencies beyond the standard library: every layer may import it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import TextIO

_NEEDS_LOOK = re.compile(r"[^\x20-\x7e]")
# the same without the characters that are kept as they are (a long report has a newline
# per line: each match would cost a call)
_NEEDS_LOOK_KEEP = {
    (True, True): re.compile(r"[^\x20-\x7e\n\t]"),
    (True, False): re.compile(r"[^\x20-\x7e\n]"),
    (False, True): re.compile(r"[^\x20-\x7e\t]"),
    (False, False): _NEEDS_LOOK,
}


_NAMED = {"\n": "\\n", "\t": "\\t"}


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(value: object, *, newlines: bool = True, tabs: bool = True) -> str:
    """`value` as text whose non-printing characters are shown as escapes.

    Kept as they are: printable characters (any script, emoji), spaces, and, unless turned
    off, newlines (`\\r\\n` becomes `\\n`) and tabs. Everything else, including a lone
    `\\r`, bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C), zero-width
    characters (U+200B-U+200D, U+2060, U+FEFF), U+2028/U+2029 and no-break or other
    unusual spaces, becomes `\\xNN`, `\\uNNNN` or `\\UNNNNNNNN`.
    """
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():
        return text
    if newlines and "\r\n" in text:
        text = text.replace("\r\n", "\n")

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if char == "\n" and newlines or char == "\t" and tabs:
            return char
        if char.isprintable():
            return char
        return _escape(char)

    return _NEEDS_LOOK_KEEP[newlines, tabs].sub(replace, text)


def one_line(value: object) -> str:
    """`visible` with newlines and tabs escaped too: always exactly one line."""
    return visible(value, newlines=False, tabs=False)


# -- secrets -------------------------------------------------------------------------------

_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s?#\"'<>]*@")
_KEYED = re.compile(  # the lookahead (the words' first letters) only makes the scan faster
    r"(?i)(?=[_anps])(_authToken|_auth|_password|authToken|npm_token|password|passwd|secret|"
    r"access_token|api[_-]?key)(\s*[=:]\s*)(\"?)[^\s\"'&;,]+"
)
_HEADER = re.compile(r"(?i)\b(authorization\s*[:=]\s*(?:[A-Za-z]+\s+)?|bearer\s+)[^\s\"',;]{6,}")
_TOKEN_SHAPES = re.compile(r"\b(npm_|gh[pousr]_|glpat-)[A-Za-z0-9_\-]{16,}")

# cheap substring tests first: the regular expressions are slow on long lines
_KEYED_WORDS = ("auth", "pass", "secret", "token", "api")
_TOKEN_PREFIXES = ("npm_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "glpat-")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_secrets_pattern: re.Pattern[str] | None = None


def register_secret(value: str | None) -> None:
    """Redact `value` (a token or password read from configuration) wherever it appears
    in output from now on. Short values (under 4 characters) are ignored."""
    global _secrets_pattern
    if not value or len(value) < 4:
        return
    with _secrets_lock:
        if value in _secrets:
            return
        _secrets.add(value)
        ordered = sorted(_secrets, key=len, reverse=True)
        _secrets_pattern = re.compile("|".join(re.escape(s) for s in ordered))


def register_secrets(values: Iterable[str]) -> None:
    for value in values:
        register_secret(value)


_BY_LINES_FROM = 64 * 1024
"""Longer texts (a large report) go through the expressions only where a secret could be
(`_redact_where_needed`)."""
_REACH = 3
"""Lines with content after a trigger's line that a match can still reach: the expressions
cross white space (newlines too) between a key, its `=`/`:`, a scheme word and the value."""


def redact(value: object) -> str:
    """`value` with credentials replaced by `***` (see the module docstring)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > _BY_LINES_FROM and text.isascii():
        return _redact_where_needed(text)
    return _redact(text)


def _redact_where_needed(text: str) -> str:
    """`_redact(text)`, the same result, with the expressions run only over the stretches of
    lines that hold a trigger (the words and shapes every match starts with) and the lines
    a match starting there can reach. Every match lies inside one stretch, so the stretches
    give the matches of the whole text. ASCII text only (its lower case keeps positions)."""
    with _secrets_lock:
        secrets = tuple(_secrets)
    if any("\n" in secret for secret in secrets):
        return _redact(text)
    lowered = text.lower()
    starts: list[int] = []
    for haystack, needles in ((lowered, (*_KEYED_WORDS, "bearer", "authorization")),
                              (text, (*_TOKEN_PREFIXES, *secrets)),
                              (text, ("://",) if "@" in text else ())):
        for needle in needles:
            at = haystack.find(needle)
            while at != -1:
                starts.append(at)
                at = haystack.find(needle, at + 1)
    if not starts:
        return text
    stretches: list[tuple[int, int]] = []
    for at in sorted(starts):
        start, end = text.rfind("\n", 0, at) + 1, _reach(text, at)
        if stretches and start <= stretches[-1][1]:  # overlaps the previous stretch
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
        else:
            stretches.append((start, end))
    out: list[str] = []
    done = 0
    for start, end in stretches:
        out.append(text[done:start])
        out.append(_redact(text[start:end]))
        done = end
    out.append(text[done:])
    return "".join(out)


def _reach(text: str, at: int) -> int:
    """Where the last line a match starting on `at`'s line can reach ends."""
    end = text.find("\n", at)
    size = len(text)
    for _ in range(_REACH):
        if end == -1:
            return size
        following = end
        while following < size and text[following].isspace():
            following += 1
        if following == size:
            return size
        end = text.find("\n", following)
    return size if end == -1 else end


def _redact(text: str) -> str:
    known = _secrets_pattern
    if known is not None:
        text = known.sub("***", text)
    if "@" in text and "://" in text:
        text = _USERINFO.sub(r"\1***@", text)
    lowered = text.lower()
    if any(word in lowered for word in _KEYED_WORDS):
        text = _KEYED.sub(r"\1\2\3***", text)
    if "bearer" in lowered or "authorization" in lowered:
        text = _HEADER.sub(r"\1***", text)
    if any(prefix in text for prefix in _TOKEN_PREFIXES):
        text = _TOKEN_SHAPES.sub(r"\1***", text)
    return text


def safe(value: object, *, newlines: bool = True) -> str:
    """Redacted and visible: for any message, log line or report text."""
    return visible(redact(value), newlines=newlines)


def safe_line(value: object) -> str:
    """Redacted, visible and on one line."""
    return one_line(redact(value))


# -- JSON ------------------------------------------------------------------------------


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n" or char.isprintable():
        return char
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(dumped: str) -> str:
    """Output of `json.dumps(..., ensure_ascii=False)` with every non-printing character
    (C1, DEL, bidi, zero-width...) written as a JSON `\\uXXXX` escape: the same data for
    any JSON reader, nothing raw for a terminal, and nothing left for `GuardedStream` to
    change (which would otherwise turn `\\x85` into invalid JSON)."""
    if dumped.isascii() and "\x7f" not in dumped:
        return dumped
    return _NEEDS_LOOK_KEEP[True, False].sub(_json_escape, dumped)


# -- markdown ------------------------------------------------------------------------------

_MARKDOWN_SIGNIFICANT = frozenset("&<>`*_[]|~\\#@$!{}")


def markdown(value: object) -> str:
    """Untrusted text safe in a markdown paragraph, table cell or HTML element, on one line:
    redacted, non-printing characters escaped visibly, and `| < > ` * _ [ ] ~ \\ # @ $ ! { }
    &` as numeric entities (a pipe cannot split a cell, `<` cannot open a tag, `@` cannot
    mention anyone). Line breaks become spaces."""
    text = value if isinstance(value, str) else str(value)
    flat = safe_line(text.replace("\r\n", " ").replace("\n", " "))
    return "".join(f"&#{ord(c)};" if c in _MARKDOWN_SIGNIFICANT else c for c in flat)


# -- streams -------------------------------------------------------------------------------


class GuardedStream:
    """Wraps a text stream: every `write` goes through `safe` (newlines and tabs kept).

    `raw` is the wrapped stream, for the few writes of our own terminal sequences (a
    progress line's `\\r`)."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(safe(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self.raw, name)


def unguarded(stream: TextIO) -> TextIO:
    """The stream under a `GuardedStream` (or `stream` itself): only for our own sequences."""
    raw = getattr(stream, "raw", None)
    return raw if isinstance(stream, GuardedStream) and raw is not None else stream
