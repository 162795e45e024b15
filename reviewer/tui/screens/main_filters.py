"""What the main screen's list shows: the sort order, the filter and quick filters, and the
summary story being looked at (a mixin of MainScreen)."""

from __future__ import annotations

from textual.widgets import Input

from reviewer.app.session import QuickFilter, SortOrder
from reviewer.app.summary import gaps_of
from reviewer.tui.screens.main_parts import MainParts
from reviewer.tui.widgets.filter_bar import FilterBar

SORT_CYCLE = (SortOrder.RISK, SortOrder.NAME, SortOrder.SIGNAL)


class FilterActions(MainParts):
    """Sort, filter, quick filters and stories: for MainScreen."""

    _ordered: list[str]

    def resort(self) -> None:
        self.gaps = gaps_of(self.session)
        self._ordered = self.session.sorted_keys(self.order)
        self.apply_filter()
        self.update_status()

    def apply_filter(self) -> None:
        ordered = self._ordered
        if self.story is not None:
            ordered = [k for k in ordered if k in self.story[1]]
        keys = self.session.filter_keys(ordered, self.query_text, self.quick)
        self.table.show(keys)
        self.show_detail_soon()
        self.query_one(FilterBar).set_count(len(keys), len(self.session.graph))
        if self.narrow:  # the count is in the status line there
            self.update_status()

    def filter_now(self, query: str, quick: frozenset[QuickFilter]) -> None:
        """Apply a new query or quick-filter set (called by the filter bar as you type)."""
        quick_changed = quick != self.quick
        self.query_text = query
        self.quick = quick
        self.apply_filter()
        if quick_changed:
            self.update_status()

    def action_focus_filter(self) -> None:
        if self.showing_tree:
            self.action_toggle_view()
        self.set_focus(self.query_one("#filter-input", Input))

    def action_clear_filter(self) -> None:
        self.query_one(FilterBar).clear()
        self.set_focus(self.table)

    def show_story(self, story: tuple[str, frozenset[str]] | None) -> None:
        """List only the packages of a summary story (None: every package again)."""
        self.story = story
        if story is not None:
            self.query_one(FilterBar).clear()
            self.query_text, self.quick = "", frozenset()
            if self.showing_tree:
                self.action_toggle_view()
        self.apply_filter()
        self.table.move_cursor(row=0)
        self._focus_list()
        self.update_status()

    def action_cycle_sort(self) -> None:
        self.order = SORT_CYCLE[(SORT_CYCLE.index(self.order) + 1) % len(SORT_CYCLE)]
        self.resort()
        self.notify(f"sorted by {self.order.value}", markup=False)

    def action_quick(self, name: str) -> None:
        self.query_one(FilterBar).toggle(QuickFilter(name))

    def action_quick_clear(self) -> None:
        bar = self.query_one(FilterBar)
        query = bar.query_text
        bar.clear()
        self.query_one("#filter-input", Input).value = query
