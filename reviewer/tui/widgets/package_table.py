"""The flat package list: one DataTable row per locked package (no widget per row)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._segment_tools import line_crop
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import Row, RowDoesNotExist, RowKey

from reviewer.app.session import ReviewSession
from reviewer.tui.badges import DEFAULT_PALETTE, Palette
from reviewer.tui.widgets.package_rows import (
    COLUMNS,
    REVIEW_COLUMNS,
    compose_row,
    header_row,
    row_cells,
)

STRIP_CACHE_SIZE = 1_000
"""Lines kept for reuse: a few screens' worth for the last few queries. Each strip carries
caches of its own, and a larger store mostly made every garbage collection slower."""


class RowStyles(NamedTuple):
    """The styles a render pass shares between rows: the table's base style, and the even
    and odd row styles when zebra striping is on."""

    base: Style
    zebra: tuple[Style, Style] | None


class LazyRow:
    """A row's cell: composed into Text only when the table first renders it (a list of
    2,000 rows shows 40 of them), then cached by the table."""

    __slots__ = ("key", "table")

    def __init__(self, table: PackageTable, key: str) -> None:
        self.table = table
        self.key = key

    def __rich__(self) -> Text:
        return self.table.row_text(self.key)

    @property
    def plain(self) -> str:
        return self.table.row_text(self.key).plain


class PackageTable(DataTable[Text | LazyRow]):
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
        self._rows: dict[str, Text] = {}
        self._segments_by_key: dict[tuple[str, int], list[Segment]] = {}
        self._strips_by_key: dict[tuple[object, ...], Strip] = {}
        self._pass_styles: RowStyles | None = None
        self._row_parts: dict[str, tuple[RowKey, Row, LazyRow]] = {}
        self.shown: list[str] = []
        self.row_columns = COLUMNS if session.change_set is None else REVIEW_COLUMNS

    def on_mount(self) -> None:
        header, width = header_row(self.row_columns)
        self.add_column(header, key="row", width=width)

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._cells.clear()
        self._rows.clear()
        self._segments_by_key.clear()
        self._strips_by_key.clear()
        self.show(self.shown)

    def cells(self, key: str) -> tuple[Text, ...]:
        held = self._cells.get(key)
        if held is None:
            held = self._cells[key] = row_cells(self.session, key, self.palette, self.row_columns)
        return held

    def notify_style_update(self) -> None:
        """A theme or stylesheet change restyles every row: drop the strips drawn so far."""
        self._strips_by_key.clear()
        super().notify_style_update()

    def render_lines(self, crop: Region) -> list[Strip]:
        """One pass over the visible lines: the styles every row shares are looked up once
        for the pass, not once per line (DataTable asks for its base style on every line)."""
        self._pass_styles = None
        self._pass_styles = self._row_styles()
        try:
            return super().render_lines(crop)
        finally:
            self._pass_styles = None

    def render_line(self, y: int) -> Strip:
        """DataTable's `render_line` for a table without fixed rows."""
        styles = self._pass_styles or self._row_styles()
        scroll_x, scroll_y = self.scroll_offset
        if y >= (self.header_height if self.show_header else 0):
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + self.size.width, styles.base)

    def _row_styles(self) -> RowStyles:
        even = self.get_component_styles("datatable--even-row").rich_style
        odd = self.get_component_styles("datatable--odd-row").rich_style
        return RowStyles(self.rich_style, (even, odd) if self.zebra_stripes else None)

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """A data row's line, drawn here rather than through DataTable's per-cell machinery
        (identical output, tested), and cached by package key and row index: repainting a
        filtered table reuses the lines of rows already drawn at that place, and a filter
        keystroke that shows new rows draws each in a few microseconds."""
        try:
            row_key, line_in_row = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        if row_key is self._header_row_key:
            return self._header_line(y, x1, x2, base_style)
        index = self._row_locations.get(row_key)
        if (index is None or line_in_row or not isinstance(row_key.value, str)
                or self.cursor_type != "row" or self.fixed_columns or self.show_row_labels
                and self._labelled_row_exists):
            return super()._render_line(y, x1, x2, base_style)
        cursor = self.cursor_coordinate.row == index
        hover = self.hover_coordinate.row == index
        width = self.size.width
        cache_key = (row_key.value, index, cursor, hover, self._show_hover_cursor, x1, x2, width,
                     base_style, self.show_cursor, self._pseudo_class_state)
        strip = self._strips_by_key.get(cache_key)
        if strip is None:
            strip = self._draw_row(row_key.value, index, cursor, hover, x1, x2, width, base_style)
            if len(self._strips_by_key) > STRIP_CACHE_SIZE:
                self._strips_by_key.clear()
            self._strips_by_key[cache_key] = strip
        return strip

    def _header_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """The header, cached by what styles it: DataTable redraws it whenever a row is added
        or removed, which every filter keystroke does, and drawing it costs milliseconds."""
        cache_key = ("header", y, x1, x2, self.size.width, base_style,
                     self.cursor_coordinate.row == -1, self.hover_coordinate.row == -1,
                     self._show_hover_cursor, self.show_cursor, self.cursor_type,
                     self._pseudo_class_state)
        strip = self._strips_by_key.get(cache_key)
        if strip is None:
            strip = self._strips_by_key[cache_key] = super()._render_line(y, x1, x2, base_style)
        return strip

    def _draw_row(self, key: str, index: int, cursor: bool, hover: bool, x1: int, x2: int,
                  width: int, base_style: Style) -> Strip:
        """What DataTable draws for a one-line row of one column: the padded cell in the
        row, cursor and hover styles, then the rest of the width in the row's style; every
        segment carries the row index a click reports."""
        styles = self._pass_styles or self._row_styles()
        row_style = base_style if styles.zebra is None else styles.zebra[index % 2]
        show_cursor, show_hover = self.show_cursor, self._show_hover_cursor
        component, post = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, show_cursor, show_hover,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        extend, _ = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, show_cursor, show_hover, False, False)
        meta = {"row": index, "column": 0}
        column_width = self.ordered_columns[0].get_render_width(self)
        cell = Segment.apply_style(self._cell_segments(key, column_width),
                                   row_style + Style.from_meta(meta) + component, post)
        tail = Segment(" " * max(0, width - column_width),
                       row_style + extend + Style.from_meta({**meta, "out_of_bounds": True}))
        segments = line_crop([*cell, tail], x1, x2, width)
        return Strip(segments).adjust_cell_length(width, base_style).simplify()

    def _cell_segments(self, key: str, width: int) -> list[Segment]:
        """The row's text, padded as DataTable pads a cell, before any row style."""
        held = self._segments_by_key.get((key, width))
        if held is None:
            text, pad = self.row_text(key), self.cell_padding
            room = width - 2 * pad
            if text.cell_len <= room:  # always, with the fixed column widths
                held = [Segment(" " * pad), *text.render(self.app.console, end=""),
                        Segment(" " * (room - text.cell_len + pad))]
            else:
                options = self.app.console_options.update_dimensions(width, 1).update(no_wrap=True)
                held = self.app.console.render_lines(Padding(text, (0, pad)), options)[0]
            self._segments_by_key[(key, width)] = held
        return held

    def row_text(self, key: str) -> Text:
        held = self._rows.get(key)
        if held is None:
            held = self._rows[key] = compose_row(self.cells(key), self.row_columns)
        return held

    @property
    def current_key(self) -> str | None:
        if not self.shown or self.cursor_row < 0 or self.cursor_row >= len(self.shown):
            return None
        return self.shown[self.cursor_row]

    def show(self, keys: Sequence[str]) -> None:
        """Replace the rows with `keys`, keeping the cursor on the same package if shown
        (a cursor on the first row stays on the first row: the top of a re-sorted list)."""
        keep = self.current_key if self.cursor_row > 0 else None
        self.clear()
        self.shown = list(keys)
        try:
            self._add_rows_fast(self.shown)
        except (AttributeError, TypeError):  # DataTable internals changed: the public way
            self.clear()
            for key in self.shown:
                self.add_row(self.row_text(key), key=key)
        if keep is not None and (row := self._index().get(keep)) is not None:
            self.move_cursor(row=row, animate=False)

    def _add_rows_fast(self, keys: Sequence[str]) -> None:
        """What `add_row` does, once for all rows instead of once per row.

        `add_row` re-clamps the cursor and queues every new cell for measuring; with fixed
        column widths and one-line rows neither is needed, and on 2,000 rows they cost most
        of a filter keystroke. Relies on DataTable internals (textual 8); `show` falls back
        to `add_row` if they change.
        """
        (column_key,) = [column.key for column in self.ordered_columns]
        rows, data, locations = self.rows, self._data, self._row_locations
        parts, start = self._row_parts, len(rows)
        for offset, key in enumerate(keys):
            held = parts.get(key)
            if held is None:
                row_key = RowKey(key)
                held = parts[key] = (row_key, Row(row_key, 1, None, False), LazyRow(self, key))
            row_key, row, lazy = held
            locations[row_key] = start + offset
            data[row_key] = {column_key: lazy}
            rows[row_key] = row
        self._require_update_dimensions = True
        self._resize_quietly()
        self.cursor_coordinate = self.cursor_coordinate
        if keys and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += len(keys)
        self.check_idle()

    def _resize_quietly(self) -> None:
        """Set the new height of the scrollable area now, without a layout of the screen.

        DataTable sets it when idle, through a reactive that lays the whole screen out
        again, which on every filter keystroke costs a reflow and a repaint of every widget.
        Rows are one line and columns fixed, so only the height changes: the scrollbars are
        updated (a layout still happens if one appears or goes), and DataTable, computing
        the same size when idle, finds nothing to change."""
        width = self.virtual_size.width
        height = len(self.rows) + (self.header_height if self.show_header else 0)
        if width and height != self.virtual_size.height:
            size = Size(width, height)
            self.set_reactive(DataTable.virtual_size, size)
            self._scroll_update(size)

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
        """Findings or review states of `keys` changed: their rows are composed again when
        next drawn (a batch of the background review names hundreds of packages, of which
        the screen shows a few dozen)."""
        changed = set(keys)
        if not changed:
            return
        self._segments_by_key = {k: v for k, v in self._segments_by_key.items()
                                 if k[0] not in changed}
        self._strips_by_key = {k: v for k, v in self._strips_by_key.items()
                               if k[0] not in changed}
        parts, data = self._row_parts, self._data
        for key in changed:
            self._cells.pop(key, None)
            self._rows.pop(key, None)
            row_key = RowKey(key)
            cells = data.get(row_key)
            if cells is None:  # not shown
                continue
            held = parts.get(key)
            value = held[2] if held is not None else self.row_text(key)  # `show`'s fallback: Text
            data[row_key] = dict.fromkeys(cells, value)
        self._update_count += 1
        self.refresh()
