"""The flat package list: one DataTable row per locked package (no widget per row)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from reviewer.session import ReviewSession
from reviewer.tui.badges import DEFAULT_PALETTE, Palette, badge_text
from reviewer.tui.text import one_line

COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("name", "Package", 28),
    ("version", "Version", 10),
    ("kind", "Kind", 8),
    ("signals", "Signals", 7),
    ("review", "Review", 10),
)
"""(column key, header, width): fixed widths, so no cell is measured on repaint."""


class PackageTable(DataTable[Text]):
    """Packages in the order and subset the main screen asks for; row key = package key."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, session: ReviewSession, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, cell_padding=1)
        self.session = session
        self.palette: Palette = DEFAULT_PALETTE
        self._cells: dict[str, tuple[Text, ...]] = {}
        self.shown: list[str] = []

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._cells.clear()
        self.show(self.shown)

    def cells(self, key: str) -> tuple[Text, ...]:
        held = self._cells.get(key)
        if held is None:
            package = self.session.package(key)
            direct = key in self.session.direct
            state = self.session.state(key)
            findings = self.session.findings.get(key)
            name = one_line(package.name, style="bold" if direct else "")
            held = (
                name,
                one_line(package.version),
                Text(package.kind.value, style=self.palette.muted if package.dev else ""),
                badge_text(findings, self.palette),
                Text(state.value, style=self.palette.for_state(state)),
            )
            self._cells[key] = held
        return held

    @property
    def current_key(self) -> str | None:
        if not self.shown or self.cursor_row < 0 or self.cursor_row >= len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def show(self, keys: Sequence[str]) -> None:
        """Replace the rows with `keys`, keeping the cursor on the same package if shown."""
        keep = self.current_key
        self.clear()
        self.shown = list(keys)
        for key in self.shown:
            self.add_row(*self.cells(key), key=key)
        if keep is not None and keep in self._index():
            self.move_cursor(row=self._index()[keep], animate=False)

    def _index(self) -> dict[str, int]:
        return {key: index for index, key in enumerate(self.shown)}

    def select_key(self, key: str) -> bool:
        try:
            row = self.get_row_index(key)
        except RowDoesNotExist:
            return False
        self.move_cursor(row=row, animate=False)
        return True

    def refresh_keys(self, keys: Iterable[str]) -> None:
        """Rebuild the cells of `keys` (findings or review state changed)."""
        for key in keys:
            self._cells.pop(key, None)
            try:
                self.get_row_index(key)
            except RowDoesNotExist:
                continue
            cells = self.cells(key)
            try:
                self.update_cell(key, "signals", cells[3])
                self.update_cell(key, "review", cells[4])
            except CellDoesNotExist:
                continue
