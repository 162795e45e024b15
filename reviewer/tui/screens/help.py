"""Every key, with its binding id (for keymap.toml), and the badge legend."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewer.tui.badges import legend_text
from reviewer.tui.keymap import default_keymap_path
from reviewer.tui.running import reviewer_app


def _bindings(bindings: list[BindingType]) -> list[Binding]:
    return [b for b in Binding.make_bindings(bindings) if b.description]


def key_table(groups: list[tuple[str, list[BindingType]]], keymap: dict[str, str]) -> Table:
    table = Table(box=None, show_header=True, expand=False, pad_edge=False)
    table.add_column(Text("keys", style="bold"), min_width=12)
    table.add_column(Text("action", style="bold"), min_width=24)
    table.add_column(Text("id (keymap.toml)", style="bold dim"))
    for title, bindings in groups:
        table.add_row(Text(title, style="bold underline"), Text(), Text())
        for binding in _bindings(bindings):
            keys = keymap.get(binding.id or "", binding.key)
            shown = ", ".join(binding.key_display or k for k in keys.split(","))
            table.add_row(Text(shown, style="bold"), Text(binding.description),
                          Text(binding.id or "", style="dim"))
        table.add_row(Text(), Text(), Text())
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help.close")]

    def __init__(self, groups: list[tuple[str, list[BindingType]]], keymap: dict[str, str]) -> None:
        super().__init__(classes="modal")
        self.groups = groups
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static("Keys", classes="dialog-title")
            yield Static(key_table(self.groups, self.keymap), id="help-keys")
            yield Static("Badges", classes="dialog-title")
            yield Static(legend_text(reviewer_app(self.app).palette), id="help-legend")
            yield Static(Text.assemble(("Remap keys in ", "dim"), (str(default_keymap_path()), "bold"),
                                       ("  (binding id = \"keys\")   esc: close", "dim")),
                         classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class LegendScreen(ModalScreen[None]):
    """The badge legend alone (`l` where the legend does not fit under the list)."""

    BINDINGS = [Binding("escape,q,l", "close", "Close", id="legend.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="legend-dialog"):
            yield Static("Badges", classes="dialog-title")
            yield Static(legend_text(self.app.palette), id="legend-text")  # type: ignore[attr-defined]
            yield Static(Text("esc: close", style="dim"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
