"""Review mode: how a change reads in the package table's Change column (`A → B`)."""

from __future__ import annotations

from rich.text import Text

from reviewer.review.changes import Change, ChangeKind
from reviewer.tui.badges import Palette
from reviewer.tui.text import one_line


def change_text(change: Change, palette: Palette) -> Text:
    """`1.0.0 → 1.1.0` (upgraded), `+ 1.0.0` (added), `1.0.0 republished`... as one line."""
    before, after = change.from_version or "", change.to_version or ""
    if change.kind is ChangeKind.ADDED:
        return Text.assemble(("+ ", palette.warning), one_line(after))
    if change.kind is ChangeKind.REMOVED:
        return Text.assemble(("- ", palette.muted), one_line(before))
    if before == after:  # republished, or the same version from another source
        label = "republished" if change.kind is ChangeKind.REPUBLISHED else "new source"
        return Text.assemble(one_line(after), (f" {label}", palette.danger))
    arrow_style = palette.warning if change.kind is ChangeKind.DOWNGRADED else palette.muted
    text = Text.assemble(one_line(before), (" → ", arrow_style), one_line(after))
    if change.kind is ChangeKind.SOURCE_CHANGED:
        text.append(" src", style=palette.danger)
    return text


def change_line(change: Change, palette: Palette) -> Text:
    """The Diff tab's heading in review mode: `name  A → B  (kind: reason)`."""
    text = Text.assemble(one_line(change.name, "bold"), "  ", change_text(change, palette),
                         (f"  {change.kind.value}", palette.muted))
    if change.reason:
        text.append_text(one_line(f": {change.reason}", palette.muted))
    return text
