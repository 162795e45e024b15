"""The main screen's widgets, shared state and layout flags, which MainScreen and its action
mixins (`main_decisions`, `main_filters`, `main_navigation`, `main_status`) reach through
`self`; MainScreen's __init__ sets the state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import ContentSwitcher

from reviewer.tui.widgets.detail_pane import DetailPane
from reviewer.tui.widgets.package_table import PackageTable
from reviewer.tui.widgets.package_tree import PackageTree

if TYPE_CHECKING:
    from textual.screen import Screen

    from reviewer.app.session import QuickFilter, ReviewSession, SortOrder
    from reviewer.signals.unknowns import RegistryGaps

    _ScreenBase = Screen[None]
else:
    _ScreenBase = object


class MainParts(_ScreenBase):
    """The base of MainScreen's mixins (MainScreen lists it, through them, before Screen)."""

    session: ReviewSession
    order: SortOrder
    query_text: str
    quick: frozenset[QuickFilter]
    story: tuple[str, frozenset[str]] | None
    gaps: RegistryGaps

    if TYPE_CHECKING:  # what one part calls of another
        def refresh_keys(self, keys: set[str]) -> None: ...
        def update_status(self) -> None: ...
        def apply_filter(self) -> None: ...
        def show_detail_soon(self) -> None: ...
        def show_story(self, story: tuple[str, frozenset[str]] | None) -> None: ...
        def action_clear_filter(self) -> None: ...
        def action_toggle_view(self) -> None: ...
        def _focus_list(self) -> None: ...

    # -- parts ----------------------------------------------------------------------------

    @property
    def table(self) -> PackageTable:
        return self.query_one("#package-table", PackageTable)

    @property
    def package_tree(self) -> PackageTree:
        return self.query_one("#package-tree", PackageTree)

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#detail", DetailPane)

    @property
    def showing_tree(self) -> bool:
        return self.query_one("#list-switcher", ContentSwitcher).current == "package-tree"

    @property
    def current_key(self) -> str | None:
        return self.package_tree.current_key if self.showing_tree else self.table.current_key

    @property
    def narrow(self) -> bool:
        """The detail pane is under the list (a terminal under NARROW_WIDTH columns)."""
        return self.has_class("-narrow")

    def _in_detail(self, widget: Widget | None) -> bool:
        return widget is not None and (widget is self.detail or self.detail in widget.ancestors)

    @property
    def detail_full(self) -> bool:
        """The detail pane fills the screen (Enter on a package; Escape goes back)."""
        return self.has_class("-detail-full")

    def _require_key(self) -> str | None:
        key = self.current_key
        if key is None:
            self.notify("Select a package first.", severity="warning")
        return key
