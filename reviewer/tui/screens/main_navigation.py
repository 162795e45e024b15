"""Moving around the main screen: the detail pane following the cursor, Enter, Tab and Escape
between the list and the detail, table or tree, jumping to a package, the detail's tabs (a
mixin of MainScreen)."""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input

from reviewer.tui.screens.main_parts import MainParts
from reviewer.tui.widgets.filter_bar import FilterBar

DETAIL_DELAY = 0.2
"""Seconds the cursor must rest before the detail pane follows it."""


class NavigationActions(MainParts):
    """The cursor, the focus, the view and the detail's tabs: for MainScreen."""

    _detail_timer: Timer | None

    def show_detail_soon(self) -> None:
        """Follow the cursor in the detail pane once it rests (not on every keystroke)."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._show_detail)

    def _show_detail(self) -> None:
        self._detail_timer = None
        self.detail.show(self.current_key)

    def action_back(self) -> None:
        """Escape: one step back — full detail, then the detail's focus, then a story,
        then the filter."""
        if self.detail_full:
            self.remove_class("-detail-full")
            self._focus_list()
        elif self._in_detail(self.focused):
            self._focus_list()
        elif self.story is not None:
            self.show_story(None)
        else:
            self.action_clear_filter()

    def _focus_list(self) -> None:
        self.set_focus(self.package_tree if self.showing_tree else self.table)

    def action_open_detail(self) -> None:
        """The selected package's detail, full screen, with the focus in it."""
        if (key := self._require_key()) is None:
            return
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        self.detail.show(key)
        self.add_class("-detail-full")
        self.detail.focus_body()

    def action_switch_focus(self) -> None:
        """Tab: the list ↔ the detail pane (the filter is `/`, never a Tab stop: Tab in
        the filter goes to the list)."""
        if isinstance(self.focused, Input):
            self._focus_list()
        elif self._in_detail(self.focused):
            if self.detail_full:
                self.remove_class("-detail-full")
            self._focus_list()
        else:
            self.detail.show(self.current_key)
            self.detail.focus_body()

    def action_toggle_view(self) -> None:
        switcher = self.query_one("#list-switcher", ContentSwitcher)
        to_tree = switcher.current != "package-tree"
        switcher.current = "package-tree" if to_tree else "package-table"
        self.set_focus(self.package_tree if to_tree else self.table)
        self.detail.show(self.current_key)

    def action_jump(self) -> None:
        self.app.action_command_palette()

    def jump_to(self, key: str) -> None:
        """Select `key` in the table, clearing filters that hide it."""
        if self.showing_tree:
            self.action_toggle_view()
        if not self.table.select_key(key):
            self.query_one(FilterBar).clear()
            self.query_text, self.quick = "", frozenset()
            self.apply_filter()
            self.table.select_key(key)
        self.set_focus(self.table)
        self.detail.show(key)

    def action_next_tab(self) -> None:
        self._step_tab(1)

    def action_previous_tab(self) -> None:
        self._step_tab(-1)

    def _step_tab(self, step: int) -> None:
        from reviewer.tui.widgets.detail_pane import TABS

        ids = [tab for tab, _ in TABS]
        index = ids.index(self.detail.active_tab)
        keep_focus = self._in_detail(self.focused)
        self.detail.show_tab(ids[(index + step) % len(ids)])
        if keep_focus:  # the old tab's body is hidden now: the focus follows to the new one
            self.call_after_refresh(self.detail.focus_body)
