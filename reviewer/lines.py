"""Lines as editors count them: a line ends at `\\n` (or `\\r\\n`), and nowhere else.

`str.splitlines()` also breaks at a lone `\\r`, `\\v`, `\\f`, `\\x1c`-`\\x1e`, `\\x85`, U+2028
and U+2029, so a file holding any of them gets line numbers no editor (and no `grep -n`)
agrees with: a finding points at the wrong line, the TUI highlights the wrong one. Every
line number reviewer shows comes from here; the characters themselves are then shown
escaped (reviewer.text_safety), never as breaks.
"""

from __future__ import annotations


def editor_lines(text: str, *, keepends: bool = False) -> list[str]:
    """`text` split at `\\n` only; with `keepends` each line keeps its `\\n` (or `\\r\\n`),
    else a `\\r` before the `\\n` is dropped too. A final newline does not start a line."""
    if not text:
        return []
    parts = text.split("\n")
    last = parts.pop()
    if keepends:
        lines = [part + "\n" for part in parts]
    else:
        lines = [part[:-1] if part.endswith("\r") else part for part in parts]
    if last:
        lines.append(last)
    return lines


def line_of(text: str, offset: int) -> int:
    """The 1-based editor line of character `offset` in `text`."""
    return text.count("\n", 0, max(0, offset)) + 1


def count_lines(text: str) -> int:
    """How many lines an editor shows for `text` (a final newline adds none)."""
    return len(editor_lines(text))
