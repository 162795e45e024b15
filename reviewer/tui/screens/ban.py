"""`d` on a package without install scripts: denying its scripts would change nothing, so
offer to ban the package itself (y), deny its scripts anyway (n), or cancel (escape)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reviewer.tui.text import plain


class BanScreen(ModalScreen[bool | None]):
    """Dismisses with True (ban), False (deny its scripts only) or None (cancel)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Ban", id="ban.yes"),
        Binding("n", "answer(False)", "Deny scripts", id="ban.no"),
        Binding("escape", "cancel", "Cancel", id="ban.cancel"),
    ]

    def __init__(self, key: str, name: str) -> None:
        super().__init__(classes="modal")
        self.key = key
        self.name_text = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(plain(f"Ban {self.name_text}?"), classes="dialog-title")
            yield Static(plain(
                f"{self.key} has no install scripts, so denying them changes nothing. "
                f"Banning the package makes `reviewer check` fail while any version of "
                f"{self.name_text} is locked (the policy records it under [[bans]])."),
                classes="dialog-body")
            yield Static(plain("escape: cancel"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ban (y)", variant="error", id="yes")
                yield Button("Deny scripts only (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
