"""Choose where to export the saved decisions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

EXPORT_TARGETS: tuple[tuple[str, str], ...] = (
    ("npm", "package.json allowScripts and overrides"),
    ("pnpm", "pnpm-workspace.yaml allowBuilds"),
    ("yarn", "package.json dependenciesMeta.<name>.built"),
    ("bun", "package.json trustedDependencies"),
    ("lavamoat", "package.json lavamoat.allowScripts"),
)


class ExportScreen(ModalScreen[str | None]):
    """Dismisses with the chosen target, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static("Export the saved policy to", classes="dialog-title")
            yield OptionList(*[Option(f"{name:<9} {what}", id=name) for name, what in EXPORT_TARGETS],
                             id="export-targets")
            yield Static("enter: export   esc: cancel   (unsaved decisions are saved first)",
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
