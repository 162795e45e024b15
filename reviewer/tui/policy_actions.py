"""The app-wide actions about the policy file: save (and, when someone else changed the file,
reload and re-apply), export, and quit with unsaved decisions (a mixin of ReviewerApp)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.errors import PolicyChangedError, ReviewerError
from reviewer.tui.text import notice

if TYPE_CHECKING:
    from textual.app import App

    from reviewer.app.session import ReviewSession
    from reviewer.tui.screens.main import MainScreen

    _AppBase = App[None]
else:
    _AppBase = object


class PolicyActions(_AppBase):
    """Save, reload on conflict, export and quit, for ReviewerApp (which lists it before App)."""

    session: ReviewSession

    if TYPE_CHECKING:
        def main_screen(self) -> MainScreen | None: ...

    async def action_quit(self) -> None:
        if not self.session.dirty:
            self.exit()
            return
        from reviewer.tui.screens.confirm import ConfirmScreen

        count = len(self.session.pending)

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(
            ConfirmScreen("Unsaved decisions",
                          f"{count} decision(s) are not saved to {self.session.policy_file.name}. "
                          "Quit and lose them?", yes="Quit", no="Stay"),
            answered,
        )

    def action_save(self) -> bool:
        if not self.session.dirty:
            self.notify("Nothing to save.")
            return True
        try:
            messages = self.session.save()
        except PolicyChangedError as error:
            self.notify(notice(f"Not saved: {error}"), severity="error", timeout=10)
            self._offer_reload()
            return False
        except ReviewerError as error:
            self.notify(notice(f"Not saved: {error}"), severity="error", timeout=10)
            return False
        for message in messages:
            self.notify(notice(message), severity="warning")
        self.notify(notice(f"Saved {self.session.policy_file}"))
        main = self.main_screen()
        if main is not None:
            main.update_status()
        return True

    def _offer_reload(self) -> None:
        """The policy file changed on disk since it was loaded: show what someone else
        decided about the packages of the pending decisions, and offer to reload the file
        and re-apply the decisions onto it (never a silent overwrite)."""
        from reviewer.tui.screens.confirm import ConfirmScreen

        session = self.session
        try:
            conflicts = session.conflicts()
        except ReviewerError as error:
            self.notify(notice(f"Cannot read the policy file: {error}"), severity="error", timeout=10)
            return
        listed = "\n".join(f"  • {line}" for line in conflicts) if conflicts else \
            "  none: no pending decision is about something decided there since"
        message = (f"{session.policy_file.name} was changed by someone else after it was loaded; "
                   f"nothing was saved.\n\nConflicts with your decisions:\n{listed}\n\n"
                   f"Reload it and re-apply your {len(session.pending)} decision(s) onto it?")

        def answered(reapply: bool | None) -> None:
            if not reapply:
                return
            try:
                session.reload()
            except ReviewerError as error:
                self.notify(notice(f"Not reloaded: {error}"), severity="error", timeout=10)
                return
            main = self.main_screen()
            if main is not None:
                main.refresh_keys(set(session.keys()))
            self.action_save()

        self.push_screen(ConfirmScreen("Policy changed on disk", message,
                                       yes="Reload and re-apply", no="Keep unsaved"), answered)

    def action_export(self) -> None:
        from reviewer.tui.screens.export import ExportScreen

        def chosen(target: str | None) -> None:
            if target is None:
                return
            if self.session.dirty and not self.action_save():
                return
            try:
                written, messages = self.session.export(target)
            except (ReviewerError, ValueError) as error:
                self.notify(notice(f"Export failed: {error}"), severity="error", timeout=10)
                return
            for message in messages:
                self.notify(notice(message), severity="warning", timeout=8)
            names = ", ".join(p.name for p in written) or "nothing to change"
            self.notify(notice(f"Exported to {target}: {names}"))

        self.push_screen(ExportScreen(), chosen)
