"""The filter box (fuzzy, as you type) and the quick-filter chips under it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from reviewer.app.session import QuickFilter

QUICK_KEYS: dict[QuickFilter, str] = {
    QuickFilter.SCRIPTS: "1",
    QuickFilter.UNREVIEWED: "2",
    QuickFilter.ADVISORIES: "3",
    QuickFilter.DIRECT: "4",
    QuickFilter.CHANGED: "5",
}
"""The key that toggles each quick filter (bindings on the main screen)."""

QUICK_LABELS: dict[QuickFilter, str] = {
    QuickFilter.SCRIPTS: "scripts",
    QuickFilter.UNREVIEWED: "unreviewed",
    QuickFilter.ADVISORIES: "advisories",
    QuickFilter.DIRECT: "direct",
    QuickFilter.CHANGED: "changed",
}


FilterCallback = Callable[[str, frozenset[QuickFilter]], None]


class FilterInput(Input):
    """The query box. It tells its FilterBar about a new value synchronously, in the same
    step as the keystroke, so the filtered table and the typed character are painted in
    one frame (through `Input.Changed` they would take two)."""

    def _watch_value(self, value: str) -> None:
        # Input sets its virtual size to the text's width, a change that asks for a layout
        # of the whole screen on every keystroke; the box has a fixed size, so set it
        # without one (scrolling within the box reads the value directly).
        self.set_reactive(Input.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)
        bar = self.parent
        if self.is_mounted and isinstance(bar, FilterBar):
            bar.emit()


class QuickChip(Static):
    """One quick filter: `1 scripts`; highlighted while active; click toggles."""

    active: reactive[bool] = reactive(False)

    def __init__(self, quick: QuickFilter) -> None:
        super().__init__(id=f"chip-{quick.value}", classes="chip")
        self.quick = quick

    def render(self) -> Content:
        return Content.from_markup("[b]$key[/b] $label", key=QUICK_KEYS[self.quick],
                                   label=QUICK_LABELS[self.quick])

    def watch_active(self, active: bool) -> None:
        self.set_class(active, "-active")

    def on_click(self, event: Click) -> None:
        event.stop()
        bar = self.query_ancestor(FilterBar)
        bar.toggle(self.quick)


class FilterBar(Horizontal):
    """Emits `FilterBar.Changed` whenever the query or the quick filters change."""

    @dataclass
    class Changed(Message):
        query: str
        quick: frozenset[QuickFilter]

    def __init__(self, *, changed_available: bool, on_change: FilterCallback | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.quick: set[QuickFilter] = set()
        self.changed_available = changed_available
        self.on_change = on_change
        """Called synchronously with (query, quick filters); without it, `Changed` is posted."""

    def compose(self) -> ComposeResult:
        yield FilterInput(placeholder="/ filter packages (fuzzy)", id="filter-input")
        yield Static(id="filter-count")
        for quick in QuickFilter:
            if quick is QuickFilter.CHANGED and not self.changed_available:
                continue
            yield QuickChip(quick)

    @property
    def query_text(self) -> str:
        return self.query_one("#filter-input", Input).value

    def set_count(self, shown: int, total: int) -> None:
        """`shown/total shown`, right of the box: it changes with every keystroke, so it
        sits over the list, where the keystroke repaints anyway, not in the status line."""
        self.query_one("#filter-count", Static).update(Text(f"{shown}/{total} shown"), layout=False)

    def toggle(self, quick: QuickFilter) -> None:
        if quick is QuickFilter.CHANGED and not self.changed_available:
            self.app.notify("'changed' applies in review mode (reviewer review --base REV)")
            return
        self.quick ^= {quick}
        self.query_one(f"#chip-{quick.value}", QuickChip).active = quick in self.quick
        self.emit()

    def clear(self) -> None:
        self.quick.clear()
        for chip in self.query(QuickChip):
            chip.active = False
        self.query_one("#filter-input", Input).value = ""
        self.emit()

    @on(Input.Changed, "#filter-input")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()  # FilterInput already called emit()

    def emit(self) -> None:
        """Report the current query and quick filters."""
        if self.on_change is not None:
            self.on_change(self.query_text, frozenset(self.quick))
        else:
            self.post_message(self.Changed(self.query_text, frozenset(self.quick)))
