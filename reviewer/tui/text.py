"""The ONE place that turns untrusted strings into renderables.

Package names, descriptions, scripts, file contents, advisory text and error messages come
from lockfiles and registries: they are shown as plain text, never parsed as markup, and
their control characters (ANSI escapes, carriage returns, bells...) are made visible
instead of reaching the terminal. Every widget that displays such a string goes through
`plain`, `styled`, `line` or `safe_code`; markup in the UI is only ever written by us.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.content import Content
from textual.markup import escape

from reviewer.text_safety import one_line as _one_line
from reviewer.text_safety import safe as _safe

if TYPE_CHECKING:
    from rich.style import Style
    from rich.syntax import Syntax


def clean(value: object, *, keep_newlines: bool = True) -> str:
    """`value` as a string whose control characters are shown as `\\xNN` escapes.

    Tabs become spaces; newlines are kept unless `keep_newlines` is false, in which case they
    become visible too (for one-line cells).
    """
    text = str(value).replace("\t", "    ")
    return _safe(text) if keep_newlines else _one_line(_safe(text))


def plain(value: object, style: str = "") -> Content:
    """Untrusted text as textual Content: no markup, control characters made visible,
    lines longer than LONG_LINE cut."""
    text = cut_long_lines(clean(value))[0]
    return Content.styled(text, style) if style else Content(text)


def one_line(value: object, style: str | Style = "", limit: int = 200) -> Text:
    """Untrusted text for a table cell or label: one line, shortened, as a rich Text."""
    text = clean(value, keep_newlines=False)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def styled(value: object, style: str = "") -> Text:
    """Untrusted multi-line text as a rich Text (for composing with other Text parts);
    lines longer than LONG_LINE cut."""
    return Text(cut_long_lines(clean(value))[0], style=style)


LONG_LINE = 2_000
"""Characters of one line drawn in the terminal UI; the rest is cut with a marker."""


def cut_long_lines(text: str, limit: int = LONG_LINE) -> tuple[str, bool]:
    """`text` with every line longer than `limit` cut to it, followed by a marker saying
    how many characters were left out and where to see them. Line count and numbering are
    unchanged. Returns (text, whether anything was cut)."""
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text, False
    lines = []
    for line in text.split("\n"):
        if len(line) > limit:
            left = len(line) - limit
            line = (f"{line[:limit]} … [line cut for display: {left:,} more characters; "
                    "`reviewer diff` prints it whole]")
        lines.append(line)
    return "\n".join(lines), True


def safe_code(code: str, lexer: str, highlight_lines: set[int] | None = None,
              theme: str = "ansi_dark") -> Syntax:
    """File contents or a script, syntax highlighted (pygments never interprets markup).

    Lines are numbered as editors count them (only `\n` ends a line: every other break
    character is shown escaped). A line longer than LONG_LINE is cut for display (a 1 MB
    minified line would make every redraw take seconds) and the lines are then wrapped,
    so the kept part is visible in full; continuation rows carry no line number."""
    from rich.syntax import Syntax  # pygments: imported when a file is first shown

    text, cut = cut_long_lines(clean(code))
    return Syntax(
        text,
        lexer,
        theme=theme,
        line_numbers=True,
        highlight_lines=highlight_lines or set(),
        word_wrap=cut,
        indent_guides=False,
    )


def notice(value: object) -> str:
    """Untrusted text (an error message...) for `App.notify`, which parses markup."""
    return escape(clean(value))
