"""What one row of the package list reads: the columns at fixed widths composed into one
Text, from the session's package, findings and review state (the table, package_table.py,
draws it)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from reviewer.app.session import ReviewSession
from reviewer.tui.badges import Palette, badge_text
from reviewer.tui.text import one_line
from reviewer.tui.widgets.change_label import change_text

Columns = Sequence[tuple[str, str, int]]

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("name", "Package", 28),
    ("version", "Version", 10),
    ("kind", "Kind", 8),
    ("signals", "Signals", 7),
    ("review", "Review", 10),
)
"""(part, header, width) of each row: fixed widths, so nothing is measured on repaint."""

REVIEW_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("name", "Package", 26),
    ("version", "Change", 19),
    ("signals", "Signals", 7),
    ("review", "Review", 10),
)
"""Review mode (`reviewer review`): the version cell shows `A → B`, in place of the kind."""

GAP = 2
"""Spaces between two columns."""


def compose_row(parts: Sequence[Text], columns: Columns = COLUMNS) -> Text:
    """The parts of a row laid out at the fixed widths of COLUMNS, as one Text.

    The table has a single DataTable column: one cell per row renders five times faster
    than five cells, which is what keeps a filter keystroke on 2,000 rows quick."""
    row = Text(no_wrap=True, overflow="ellipsis")
    for (_, _, width), part in zip(columns, parts, strict=True):
        piece = part.copy()
        piece.truncate(width, overflow="ellipsis", pad=True)
        row.append_text(piece)
        row.append(" " * GAP)
    row.rstrip()
    return row


def row_cells(session: ReviewSession, key: str, palette: Palette,
              columns: Columns = COLUMNS) -> tuple[Text, ...]:
    """The parts of the row of package `key`, in the order of `columns`."""
    package = session.package(key)
    state = session.state(key)
    change = session.change_of(key)
    parts = {
        "name": one_line(package.name, style="bold" if key in session.direct else ""),
        "version": one_line(package.version) if change is None else change_text(change, palette),
        "kind": Text(package.kind.value, style=palette.muted if package.dev else ""),
        "signals": badge_text(session.findings.get(key), palette),
        "review": Text(state.value, style=palette.for_state(state)),
    }
    return tuple(parts[part] for part, _, _ in columns)


def header_row(columns: Columns = COLUMNS) -> tuple[Text, int]:
    """The header line of `columns`, and the width of a row."""
    header = compose_row([Text(label, style="bold") for _, label, _ in columns], columns)
    return header, sum(width for _, _, width in columns) + GAP * (len(columns) - 1)
