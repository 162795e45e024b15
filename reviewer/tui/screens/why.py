"""Why is this package here: every shortest path from an importer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewer.tui.text import one_line, plain


class WhyScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,w", "close", "Close", id="why.close")]

    def __init__(self, key: str, paths: list[list[str]]) -> None:
        super().__init__(classes="modal")
        self.key = key
        self.paths = paths

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="why-dialog"):
            yield Static(plain(f"Why is {self.key} here?"), classes="dialog-title")
            text = Text()
            if not self.paths:
                text.append("No importer reaches it (an orphan entry in the lockfile).", style="dim")
            for path in self.paths:
                for index, label in enumerate(path):
                    if index:
                        text.append("\n" + "  " * index + "└─ ", style="dim")
                    text.append_text(one_line(label, "bold" if index == len(path) - 1 else ""))
                text.append("\n\n")
            text.rstrip()
            yield Static(text, id="why-paths")
            yield Static(Text(f"{len(self.paths)} shortest path(s)   esc: close"), classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
