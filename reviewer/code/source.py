"""One file's bytes and what each byte is: code, comment or string literal.

`JsSource` asks tree-sitter (the tree-sitter-javascript grammar); when the parser rejects
the file (a large share of ERROR nodes) `TokenSource` classifies bytes with a small lexer
(comments, quoted strings, template literals). Both answer the same questions, so the
capability rules are written once. Lines are editor lines: only `\\n` ends one.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

CODE, COMMENT, STRING = "code", "comment", "string"

_STRINGISH = {"string", "template_string", "string_fragment", "escape_sequence", "regex",
              "regex_pattern", "regex_flags"}
_COMMENTISH = {"comment", "html_comment", "hash_bang_line"}
_FUNCTIONS = {"function_declaration", "function_expression", "function", "arrow_function", "method_definition",
              "generator_function", "generator_function_declaration"}
_LEX = re.compile(
    rb"//[^\n]*|/\*.*?(?:\*/|\Z)|'(?:\\.|[^'\\\n])*'?|\"(?:\\.|[^\"\\\n])*\"?|`(?:\\.|[^`\\])*`?",
    re.S,
)
REJECTED_SHARE = 0.10
"""A file whose ERROR nodes cover more than this share of its bytes is scanned token-level."""


class Lines:
    """Byte offset -> 1-based line, and the text of a line."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def snippet(self, start: int, end: int | None = None, width: int = 160) -> str:
        """The code around [start, end) on its line, at most `width` characters."""
        number = self.line(start)
        lo = self.starts[number - 1]
        hi = self.starts[number] - 1 if number < len(self.starts) else len(self.data)
        end = min(end if end is not None else start, hi)
        if hi - lo > width:
            pad = max(0, (width - (end - start)) // 2)
            lo2 = max(lo, start - pad)
            hi = min(hi, max(lo2 + width, end))
            lo = lo2
        text = self.data[lo:hi].decode("utf-8", errors="replace")
        return " ".join(text.split())[:width]


class Source:
    """A file's bytes with their classification; subclasses decide how."""

    parser = "lines"
    note: str | None = None

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.lines = Lines(data)

    def kind_at(self, offset: int) -> str:
        return CODE

    def string_span(self, offset: int) -> tuple[int, int] | None:
        """The literal (quotes included) containing `offset`, or None."""
        return None

    def string_context(self, offset: int, depth: int = 6) -> list[str]:
        """Text of the calls a string at `offset` is an argument of (directly, or
        concatenated/joined into one), innermost first."""
        return []

    def call_arguments(self, offset: int) -> str | None:
        """The argument text of the call whose callee starts at `offset`, or None."""
        return None

    def assignment_target(self, offset: int) -> str | None:
        """When the expression starting at `offset` is the left side of an assignment, its
        text; None otherwise."""
        return None

    def assigned_value(self, offset: int) -> str | None:
        """The right side of the assignment whose left side starts at `offset` (first 60
        characters), or None."""
        return None

    def guarded_by(self, offset: int) -> str:
        """Text of the conditions of the `if` statements around `offset` (polyfill guards)."""
        return ""

    def function_around(self, offset: int) -> tuple[int, int, str] | None:
        """The innermost function (declaration, expression, arrow, method) containing
        `offset`: its byte span and the text of its parameters; None at the top level or
        when the file has no syntax tree."""
        return None


@cache
def _language() -> Any:
    import tree_sitter_javascript
    from tree_sitter import Language

    return Language(tree_sitter_javascript.language())


_LOCAL = threading.local()


def _parser() -> Any:
    """One parser per thread (a tree-sitter parser is not shared between threads)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        from tree_sitter import Parser

        parser = _LOCAL.parser = Parser(_language())
    return parser


READ_CHUNK = 1 << 14
"""Bytes handed to tree-sitter at a time (see `_reader`)."""


def _reader(data: bytes) -> Callable[[int, Any], bytes]:
    """`data` for tree-sitter in slices of READ_CHUNK bytes, asked for as it lexes.

    tree-sitter's parse holds the GIL: given a 9 MB file whole, it kept every other thread
    of the process (the terminal UI's included) waiting 1.5 s. Asked for its input in
    slices, it runs a little Python between them, where the interpreter can hand the GIL to
    a thread that waits: the longest wait measured went to 70-90 ms (the tree's last steps,
    which read nothing), and the parse took no longer."""
    view = memoryview(data)

    def read(offset: int, _point: Any) -> bytes:
        return bytes(view[offset:offset + READ_CHUNK])

    return read


class JsSource(Source):
    """JavaScript through tree-sitter."""

    parser = "tree-sitter"

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.tree = _parser().parse(_reader(data) if len(data) > READ_CHUNK else data)
        self.root = self.tree.root_node

    def error_share(self) -> float:
        if not self.root.has_error:
            return 0.0
        covered = 0
        stack = [self.root]
        while stack:
            node = stack.pop()
            if node.type == "ERROR" or node.is_missing:
                covered += node.end_byte - node.start_byte
            elif node.has_error:
                stack.extend(node.children)
        return covered / max(1, len(self.data))

    def _node(self, offset: int) -> Any:
        return self.root.descendant_for_byte_range(offset, offset + 1)

    def kind_at(self, offset: int) -> str:
        node = self._node(offset)
        while node is not None:
            kind = node.type
            if kind in _COMMENTISH:
                return COMMENT
            if kind in _STRINGISH:
                return STRING
            if kind in ("template_substitution", "ERROR") or node.is_named and kind not in _STRINGISH:
                return CODE
            node = node.parent
        return CODE

    def _string_node(self, offset: int) -> Any:
        node = self._node(offset)
        while node is not None and node.type not in ("string", "template_string", "regex"):
            if node.type not in _STRINGISH:
                return None
            node = node.parent
        return node

    def string_span(self, offset: int) -> tuple[int, int] | None:
        node = self._string_node(offset)
        return None if node is None else (node.start_byte, node.end_byte)

    def string_context(self, offset: int, depth: int = 6) -> list[str]:
        node = self._string_node(offset)
        calls: list[str] = []
        steps = 0
        while node is not None and node.parent is not None and steps < depth:
            parent = node.parent
            steps += 1
            if parent.type in ("arguments", "binary_expression", "template_substitution",
                               "template_string", "array", "parenthesized_expression",
                               "spread_element", "pair", "object"):
                node = parent
                continue
            if parent.type in ("call_expression", "new_expression"):
                callee = parent.child_by_field_name("function") or parent.child_by_field_name("constructor")
                if callee is not None:
                    calls.append(self._text(callee, 80))
                node = parent
                continue
            if parent.type == "variable_declarator":
                break
            break
        return calls

    def _text(self, node: Any, limit: int = 400) -> str:
        return self.data[node.start_byte:min(node.end_byte, node.start_byte + limit)].decode("utf-8", "replace")

    def call_arguments(self, offset: int) -> str | None:
        node = self._node(offset)
        while node is not None and node.type not in ("call_expression", "new_expression"):
            if node.start_byte != offset and node.type not in ("member_expression", "identifier", "property_identifier"):
                return None
            node = node.parent
        if node is None:
            return None
        args = node.child_by_field_name("arguments")
        return None if args is None else self._text(args, 2000)

    def _assignment(self, offset: int) -> tuple[Any, Any] | None:
        """(the largest member/subscript expression starting at `offset`, the assignment
        whose left side it is), or None when nothing is assigned to it."""
        node = self._node(offset)
        while node.parent is not None and node.parent.type in (
                "member_expression", "subscript_expression", "parenthesized_expression") \
                and node.parent.start_byte == node.start_byte:
            node = node.parent
        parent = node.parent
        # a plain `=` only: `self[LENGTH] -= n` replaces nothing
        if parent is None or parent.type != "assignment_expression":
            return None
        left = parent.child_by_field_name("left")
        return (node, parent) if left is not None and left.id == node.id else None

    def assignment_target(self, offset: int) -> str | None:
        found = self._assignment(offset)
        return None if found is None else self._text(found[0], 120)

    def assigned_value(self, offset: int) -> str | None:
        found = self._assignment(offset)
        right = None if found is None else found[1].child_by_field_name("right")
        return None if right is None else self._text(right, 60)

    def guarded_by(self, offset: int) -> str:
        node = self._node(offset)
        conditions: list[str] = []
        steps = 0
        while node is not None and steps < 40:
            if node.type == "if_statement":
                condition = node.child_by_field_name("condition")
                if condition is not None:
                    conditions.append(self._text(condition, 200))
            elif node.type == "ternary_expression" or node.type == "binary_expression" \
                    and node.child_by_field_name("operator") is not None \
                    and node.child_by_field_name("operator").type in ("||", "&&", "??"):
                conditions.append(self._text(node, 200))
            node = node.parent
            steps += 1
        return " ".join(conditions)

    def function_around(self, offset: int) -> tuple[int, int, str] | None:
        node = self._node(offset)
        while node is not None and node.type not in _FUNCTIONS:
            node = node.parent
        if node is None:
            return None
        params = node.child_by_field_name("parameters") or node.child_by_field_name("parameter")
        return node.start_byte, node.end_byte, "" if params is None else self._text(params, 400)


class TokenSource(Source):
    """The token-level fallback: comments and quoted strings found by a small lexer."""

    parser = "tokens"

    def __init__(self, data: bytes, note: str | None = None) -> None:
        super().__init__(data)
        self.note = note
        self.spans: list[tuple[int, int, str]] = []
        for m in _LEX.finditer(data):
            kind = COMMENT if data[m.start():m.start() + 1] == b"/" else STRING
            self.spans.append((m.start(), m.end(), kind))
        self.starts = [s for s, _, _ in self.spans]

    def _span(self, offset: int) -> tuple[int, int, str] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return self.spans[i]
        return None

    def kind_at(self, offset: int) -> str:
        span = self._span(offset)
        return CODE if span is None else span[2]

    def string_span(self, offset: int) -> tuple[int, int] | None:
        span = self._span(offset)
        return None if span is None or span[2] != STRING else (span[0], span[1])

    def string_context(self, offset: int, depth: int = 6) -> list[str]:
        lo = max(0, offset - 300)
        before = self.data[lo:offset].decode("utf-8", "replace")
        return re.findall(r"[\w$.]+(?=\s*\()", before)[-depth:][::-1]

    def call_arguments(self, offset: int) -> str | None:
        after = self.data[offset:offset + 2000]
        start = after.find(b"(")
        return None if start < 0 else after[start:].decode("utf-8", "replace")

    def assignment_target(self, offset: int) -> str | None:
        m = re.match(rb"[\w$.\[\]'\"]+\s*=(?!=)", self.data[offset:offset + 200])
        return None if m is None else m.group(0)[:-1].decode("utf-8", "replace").strip()

    def assigned_value(self, offset: int) -> str | None:
        m = re.match(rb"[\w$.\[\]'\"()]+\s*=(?!=)\s*", self.data[offset:offset + 300])
        return None if m is None else self.data[offset + m.end():offset + m.end() + 60].decode("utf-8", "replace")

    def guarded_by(self, offset: int) -> str:
        return self.data[max(0, offset - 200):offset].decode("utf-8", "replace")


def js_source(data: bytes) -> Source:
    """tree-sitter when it accepts the file, else the token-level scan (saying so)."""
    try:
        source = JsSource(data)
    except (ValueError, RuntimeError) as error:  # pragma: no cover - parser failure
        return TokenSource(data, f"the parser failed ({error}); token-level scan")
    share = source.error_share()
    if share > REJECTED_SHARE:
        return TokenSource(data, f"the parser rejected {share:.0%} of the file; token-level scan")
    return source


_IDENT = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")


def anchored(data: bytes, anchors: tuple[bytes, ...], rx: re.Pattern[bytes], word: bool,
             limit: int = 100_000) -> Iterator[re.Match[bytes]]:
    """Matches of `rx` starting at an occurrence of one of `anchors` (found with
    bytes.find, much faster than a regex scan); `word`: the anchor starts a word."""
    seen: set[int] = set()
    count = 0
    for anchor in anchors:
        i = data.find(anchor)
        while i >= 0 and count < limit:
            if i not in seen and not (word and i > 0 and data[i - 1] in _IDENT):
                m = rx.match(data, i)
                if m is not None:
                    seen.add(i)
                    count += 1
                    yield m
            i = data.find(anchor, i + 1)
