"""Small forms: a note on a package, accepting an advisory with a reason and an expiry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from reviewer.tui.text import plain

DEFAULT_EXPIRY_DAYS = 90


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note text, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, package: str, current: str = "") -> None:
        super().__init__(classes="modal")
        self.package = package
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(plain(f"Note on {self.package}"), classes="dialog-title")
            yield Input(self.current, placeholder="why you decided, what to watch", id="note-input")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save note (enter)", variant="primary", id="ok")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#note-input")
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        text = self.query_one("#note-input", Input).value.strip()
        self.dismiss(text or None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class AdvisoryAcceptance:
    advisory: str
    reason: str
    expires: dt.date | None


class AcceptAdvisoryScreen(ModalScreen[AdvisoryAcceptance | None]):
    """Pick one of the package's advisories, give a reason and an expiry date."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="advisory.cancel")]

    def __init__(self, package: str, advisories: list[tuple[str, str]]) -> None:
        """`advisories`: (advisory id, one-line summary)."""
        super().__init__(classes="modal")
        self.package = package
        self.advisories = advisories

    def compose(self) -> ComposeResult:
        default_expiry = dt.date.today() + dt.timedelta(days=DEFAULT_EXPIRY_DAYS)
        with Vertical(classes="dialog", id="advisory-dialog"):
            yield Static(plain(f"Accept an advisory of {self.package}"), classes="dialog-title")
            yield Select([(plain(f"{ident}  {summary}"[:70]), ident) for ident, summary in self.advisories],
                         value=self.advisories[0][0], allow_blank=False, id="advisory-id")
            yield Label("Reason (required)")
            yield Input(placeholder="e.g. not reachable: only used in tests", id="advisory-reason")
            yield Label("Expires (YYYY-MM-DD, empty for never)")
            yield Input(default_expiry.isoformat(), id="advisory-expires")
            yield Static("", id="advisory-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Accept", variant="warning", id="ok")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#advisory-reason", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        error = self.query_one("#advisory-error", Static)
        reason = self.query_one("#advisory-reason", Input).value.strip()
        expires_text = self.query_one("#advisory-expires", Input).value.strip()
        if not reason:
            error.update("A reason is required.")
            return
        expires: dt.date | None = None
        if expires_text:
            try:
                expires = dt.date.fromisoformat(expires_text)
            except ValueError:
                error.update(plain(f"Not a date: {expires_text} (YYYY-MM-DD)"))
                return
            if expires < dt.date.today():
                error.update("The expiry date is in the past.")
                return
        advisory = self.query_one("#advisory-id", Select).value
        self.dismiss(AdvisoryAcceptance(str(advisory), reason, expires))
