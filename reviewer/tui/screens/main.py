"""The main screen: filter bar, package table or tree, detail pane, status line.

Focus moves between the list and the detail pane with Tab (never into the filter: `/`
goes there). Enter on a package opens its detail full screen, Escape steps back (full
detail → list → story → filter). Under NARROW_WIDTH columns the detail pane sits under the
list and takes most of the room while it has focus; the footer then keeps the keys that
matter (`KeyFooter`) and the legend moves behind `l`.

MainScreen is its events and keys; the rest are its mixins: the widgets and shared state
(`main_parts`), the decisions about a package (`main_decisions`), sort, filters and stories
(`main_filters`), moving around (`main_navigation`), the status line and legend
(`main_status`)."""

from __future__ import annotations

from rich.text import Span
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import DescendantBlur, DescendantFocus, Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, DataTable, Input, Static, Tree

from reviewer.app.session import QuickFilter, ReviewSession, SortOrder
from reviewer.app.summary import gaps_of
from reviewer.signals.unknowns import RegistryGaps
from reviewer.tui.running import reviewer_app
from reviewer.tui.screens.main_decisions import DecisionActions, danger_signals
from reviewer.tui.screens.main_filters import SORT_CYCLE, FilterActions
from reviewer.tui.screens.main_navigation import DETAIL_DELAY, NavigationActions
from reviewer.tui.screens.main_status import NARROW_KIND_NAMES, StatusAndLegend
from reviewer.tui.text import notice
from reviewer.tui.widgets.detail_pane import DetailPane
from reviewer.tui.widgets.filter_bar import QUICK_KEYS, FilterBar
from reviewer.tui.widgets.header import QuietHeader
from reviewer.tui.widgets.key_footer import KeyFooter
from reviewer.tui.widgets.package_table import PackageTable
from reviewer.tui.widgets.package_tree import PackageTree

__all__ = ["DETAIL_DELAY", "NARROW_KEYS", "NARROW_KIND_NAMES", "NARROW_WIDTH", "SORT_CYCLE",
           "MainScreen", "danger_signals"]

NARROW_WIDTH = 120
"""Below this many columns the detail pane goes under the list instead of beside it."""

NARROW_KEYS = ("switch_focus", "open_detail", "clear_filter", "approve", "deny", "note",
               "filter", "legend", "quit", "help")
"""The footer's keys under NARROW_WIDTH columns (every key stays in `?` and ctrl+p)."""


class MainScreen(DecisionActions, FilterActions, NavigationActions, StatusAndLegend, Screen[None]):
    """The package list, the detail pane and the status line over one ReviewSession."""

    BINDING_GROUP_TITLE = "Packages"
    BINDINGS = [
        Binding("a", "approve", "Approve", id="approve",
                tooltip="Pin the exact version and integrity; allow its install scripts"),
        Binding("d", "deny", "Deny", id="deny", tooltip="Deny its install scripts"),
        Binding("n", "note", "Note", id="note"),
        Binding("enter", "open_detail", "Open", id="open_detail", key_display="⏎", show=False,
                tooltip="The selected package's detail, full screen (esc: back)"),
        Binding("tab", "switch_focus", "Pane", id="switch_focus", key_display="tab", show=False,
                tooltip="Focus moves between the list and the detail pane"),
        Binding("shift+tab", "switch_focus", "Pane", id="switch_focus_back", show=False),
        Binding("v", "accept_advisory", "Accept advisory", id="accept_advisory", show=False),
        Binding("w", "why", "Why", id="why", tooltip="Every shortest path from an importer"),
        Binding("slash", "focus_filter", "Filter", id="filter", key_display="/"),
        Binding("escape", "back", "Back", id="clear_filter", show=False,
                tooltip="Full detail → list → all packages (leaves a story) → clear the filter"),
        Binding("t", "toggle_view", "Table/Tree", id="toggle_view"),
        Binding("o", "cycle_sort", "Sort", id="sort", tooltip="risk, name, signal"),
        Binding("g", "jump", "Jump to package", id="jump", show=False),
        Binding("right_square_bracket", "next_tab", "Next tab", id="next_tab", show=False,
                key_display="]"),
        Binding("left_square_bracket", "previous_tab", "Previous tab", id="previous_tab",
                show=False, key_display="["),
        Binding("x", "cancel_scan", "Cancel scan", id="cancel_scan", show=False),
        Binding("l", "toggle_legend", "Legend", id="legend", show=False),
        *[Binding(key, f"quick('{quick.value}')", f"Quick filter: {quick.value}",
                  id=f"quick_{quick.value}", show=False) for quick, key in QUICK_KEYS.items()],
        Binding("0", "quick_clear", "Clear quick filters", id="quick_clear", show=False),
    ]

    def __init__(self, session: ReviewSession, quick: set[QuickFilter] | None = None) -> None:
        super().__init__(id="main")
        self._initial_quick = quick or set()
        self.session = session
        self.order = SortOrder.RISK
        self.query_text = ""
        self.quick: frozenset[QuickFilter] = frozenset()
        self._ordered: list[str] = []
        self.ready = False
        """True once composed and mounted (the app may push the summary over it first)."""
        self._detail_timer: Timer | None = None
        self._status_drawn: tuple[str, tuple[Span, ...]] | None = None
        self._legend_drawn: tuple[str, tuple[Span, ...]] | None = None
        self._first_resize = True
        self.gaps = RegistryGaps()
        """What the registry provides for no package (said once, in the status line)."""
        self._second_looked: set[str] = set()
        """Packages whose high or critical signals the user has seen and approved anyway."""
        self.story: tuple[str, frozenset[str]] | None = None
        """(title, keys) of the summary story being looked at: the list shows those only."""

    def compose(self) -> ComposeResult:
        yield QuietHeader()
        yield FilterBar(changed_available=self.session.changed is not None,
                        on_change=self.filter_now, id="filter-bar")
        with Horizontal(id="main-body"):
            with Vertical(id="list-pane"):
                with ContentSwitcher(initial="package-table", id="list-switcher"):
                    yield PackageTable(self.session, id="package-table")
                    yield PackageTree(self.session, id="package-tree")
                yield Static(id="legend")
            yield DetailPane(self.session, id="detail")
        yield Static(id="status-line")
        yield KeyFooter(NARROW_KEYS, NARROW_WIDTH)

    def on_mount(self) -> None:
        self.ready = True
        # Now, not after the first layout (`focus()` would wait): the first layout is right.
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
        self.set_focus(self.table)
        for quick in self._initial_quick:
            self.query_one(FilterBar).toggle(quick)
        if self.session.change_set is not None:  # review mode: what each change brings in
            self.detail.show_tab("diff")
            if removed := self.session.removed_changes():
                names = ", ".join(f"{c.name}@{c.from_version}" for c in removed)
                self.notify(notice(f"{len(removed)} removed since the base: {names}"),
                            title="Review", timeout=10)
        self.resort()
        self._update_legend()
        self.update_status()

    def on_resize(self, event: Resize) -> None:
        if self._first_resize and event.size == self.size:
            # The Resize that the screen's first layout (the package list) sends the screen
            # itself, at the size it was just laid out for: Textual would lay it all out
            # again at once, in the same step (20-30 ms on a big project).
            event.prevent_default()
        self._first_resize = False
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")
        self.call_after_refresh(self._update_legend)
        if self.ready:
            self.update_status()

    # -- list -----------------------------------------------------------------------------

    @on(FilterBar.Changed)
    def _filter_changed(self, event: FilterBar.Changed) -> None:
        self.filter_now(event.query, event.quick)

    @on(Input.Submitted, "#filter-input")
    def _filter_submitted(self) -> None:
        self.set_focus(self.table)

    @on(DataTable.RowSelected, "#package-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open_detail()

    @on(DataTable.RowHighlighted, "#package-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail_soon()

    @on(Tree.NodeHighlighted, "#package-tree")
    def _node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if self.package_tree.current_key is not None:
            self.show_detail_soon()

    def refresh_keys(self, keys: set[str]) -> None:
        """Findings or review states of `keys` changed."""
        self.table.refresh_keys(keys)
        if self.showing_tree:
            self.package_tree.refresh_keys(keys)
        if self.detail.key in keys:
            self.detail.reload()
        self.gaps = gaps_of(self.session)
        self.update_status()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.set_class(self._in_detail(event.widget), "-detail-focus")

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        if self.focused is None:
            self.set_class(False, "-detail-focus")

    # -- actions --------------------------------------------------------------------------

    def action_cancel_scan(self) -> None:
        reviewer_app(self.app).cancel_scan()
