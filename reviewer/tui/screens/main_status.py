"""The main screen's status line (scan progress, story, unknowns, counts, removed packages,
sort, quick filters, unsaved decisions) and its legend of badges (a mixin of MainScreen)."""

from __future__ import annotations

from rich.text import Span, Text
from textual.css.scalar import Unit
from textual.widgets import Static

from reviewer.findings import SIGNALS
from reviewer.tui.running import reviewer_app
from reviewer.tui.screens.main_parts import MainParts
from reviewer.tui.text import one_line

NARROW_KIND_NAMES = {"publish times": "dates"}
"""Shorter names of unknown kinds for the status line under NARROW_WIDTH columns."""


class StatusAndLegend(MainParts):
    """The status line and the legend: for MainScreen."""

    _status_drawn: tuple[str, tuple[Span, ...]] | None
    _legend_drawn: tuple[str, tuple[Span, ...]] | None

    def update_status(self) -> None:
        progress = reviewer_app(self.app).scan_progress
        text = Text()
        if progress and not (self.narrow and self.gaps):  # (narrow: the header has it too)
            text.append(progress, style="bold")
            text.append("  ")
        if self.story is not None:
            text.append("story: ", style="bold")
            text.append_text(one_line(self.story[0], limit=40))
            text.append(" (esc: all)  ", style="dim")
        if self.gaps:  # said once, here: what the registry gives for no package
            if self.narrow:  # in full within 80 columns
                kinds = [NARROW_KIND_NAMES.get(kind, kind) for kind in self.gaps.kinds]
                text.append(f"unknown: {', '.join(kinds)}  ", style="dim italic")
            else:
                text.append(f"not provided by this registry: {', '.join(self.gaps.kinds)}  ",
                            style="dim italic")
        if self.narrow:  # no room beside the filter box
            text.append(f"{len(self.table.shown)}/{len(self.session.graph)} shown  ", style="dim")
        if removed := self.session.removed_changes():
            text.append(f"{len(removed)} removed: ", style="bold")
            names = ", ".join(f"{c.name}@{c.from_version}" for c in removed)
            text.append_text(one_line(names, limit=40))  # all of them in the opening notice
            text.append("  ")
        text.append(f"sort: {self.order.value}", style="dim")
        if self.quick:
            text.append("  quick: " + ", ".join(sorted(q.value for q in self.quick)), style="dim")
        if self.session.dirty:
            text.append(f"  ● {len(self.session.pending)} unsaved (ctrl+s)", style="bold")
        text.no_wrap = True
        text.overflow = "ellipsis"
        drawn = (text.plain, tuple(text.spans))
        if drawn != self._status_drawn:  # an unchanged line is not redrawn
            self._status_drawn = drawn
            self.query_one("#status-line", Static).update(text, layout=False)  # height: 1
        if self.sub_title != progress:
            self.sub_title = progress

    def _update_legend(self) -> None:
        """The legend's lines, broken between entries only (a badge never parts from its
        label), for the legend's current width (before the first layout: the width its
        pane's style gives it, so that the first layout is the right one); an unchanged
        legend is not redrawn (a redraw lays the screen out again)."""
        legend = self.query_one("#legend", Static)
        width = legend.content_size.width or self._styled_legend_width()
        palette = reviewer_app(self.app).palette
        text = Text("legend ", style="dim")
        column = len(text)
        for signal in SIGNALS:
            letter, label = signal.badge, signal.short
            if column and column + len(letter) + 1 + len(label) > width:
                text.append("\n")
                column = 0
            text.append(letter, style=palette.warning)
            text.append(f" {label}  ", style="dim")
            column += len(letter) + len(label) + 3
        drawn = (text.plain, tuple(text.spans))
        if drawn != self._legend_drawn:
            self._legend_drawn = drawn
            legend.update(text)

    def _styled_legend_width(self) -> int:
        """The legend's width from its pane's fixed width in the stylesheet (72 if none)."""
        width = self.query_one("#list-pane").styles.width
        if width is None or width.unit is not Unit.CELLS:
            return 72
        return max(1, int(width.value) - self.query_one("#legend").styles.gutter.width)

    def action_toggle_legend(self) -> None:
        if self.narrow:  # no room under the list: the legend in a dialog
            from reviewer.tui.screens.help import LegendScreen

            self.app.push_screen(LegendScreen())
            return
        self.query_one("#legend", Static).toggle_class("-hidden")
