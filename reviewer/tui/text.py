"""The ONE place that turns untrusted strings into renderables.

Package names, descriptions, scripts, file contents, advisory text and error messages come
from lockfiles and registries: they are shown as plain text, never parsed as markup, and
their control characters (ANSI escapes, carriage returns, bells...) are made visible
instead of reaching the terminal. Every widget that displays such a string goes through
`plain`, `styled`, `line` or `safe_code`; markup in the UI is only ever written by us.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from rich.style import Style
    from rich.syntax import Syntax

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(value: object, *, keep_newlines: bool = True) -> str:
    """`value` as a string whose control characters are shown as `\\xNN` escapes.

    Tabs become spaces; newlines are kept unless `keep_newlines` is false, in which case they
    become visible too (for one-line cells).
    """
    text = str(value).replace("\t", "    ")
    if not keep_newlines:
        text = text.replace("\r\n", "\n").replace("\n", "\\n")
    return _CONTROL.sub(_visible, text)


def plain(value: object, style: str = "") -> Content:
    """Untrusted text as textual Content: no markup, control characters made visible."""
    return Content.styled(clean(value), style) if style else Content(clean(value))


def one_line(value: object, style: str | Style = "", limit: int = 200) -> Text:
    """Untrusted text for a table cell or label: one line, shortened, as a rich Text."""
    text = clean(value, keep_newlines=False)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def styled(value: object, style: str = "") -> Text:
    """Untrusted multi-line text as a rich Text (for composing with other Text parts)."""
    return Text(clean(value), style=style)


def safe_code(code: str, lexer: str, highlight_lines: set[int] | None = None,
              theme: str = "ansi_dark") -> Syntax:
    """File contents or a script, syntax highlighted (pygments never interprets markup)."""
    from rich.syntax import Syntax  # pygments: imported when a file is first shown

    return Syntax(
        clean(code),
        lexer,
        theme=theme,
        line_numbers=True,
        highlight_lines=highlight_lines or set(),
        word_wrap=False,
        indent_guides=False,
    )


def notice(value: object) -> str:
    """Untrusted text (an error message...) for `App.notify`, which parses markup."""
    return escape(clean(value))
