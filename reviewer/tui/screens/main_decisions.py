"""The decisions about the selected package on the main screen: approve (asking once when it
has high or critical signals), deny (or ban its name), note, accept an advisory, and why it is
installed (a mixin of MainScreen)."""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.findings import Finding, Severity
from reviewer.tui.screens.main_parts import MainParts
from reviewer.tui.text import one_line


def danger_signals(findings: Sequence[Finding]) -> list[Finding]:
    """The decided high and critical findings, worst first (what `a` asks about)."""
    return sorted((f for f in findings if not f.unknown and f.severity >= Severity.HIGH),
                  key=lambda f: (-f.severity, f.id))


class DecisionActions(MainParts):
    """Approve, deny, note, accept an advisory, why: for MainScreen."""

    _second_looked: set[str]

    def action_approve(self) -> None:
        """Approve; a package with a high or critical signal asks once, showing them."""
        if (key := self._require_key()) is None:
            return
        dangers = danger_signals(self.session.findings_of(key))
        if not dangers or key in self._second_looked:
            self._approve(key)
            return
        from reviewer.tui.screens.confirm import ConfirmScreen

        def answered(approve: bool | None) -> None:
            if approve:
                self._second_looked.add(key)
                self._approve(key)

        lines = [f"{f.severity} {f.id}: {one_line(f.summary, limit=120).plain}" for f in dangers]
        self.app.push_screen(
            ConfirmScreen(f"Approve {key}?",
                          "It has signals to look at first:\n" + "\n".join(f"  • {line}" for line in lines)
                          + "\n\nApproving pins this exact version and allows its install scripts.",
                          yes="Approve", no="Cancel"),
            answered)

    def _approve(self, key: str) -> None:
        state = self.session.approve(key)
        self.notify(f"{state.value}: pinned {key} (ctrl+s to save)", markup=False)
        self.refresh_keys({key})

    def action_deny(self) -> None:
        if (key := self._require_key()) is None:
            return
        if not self.session.scripts_known_absent(key):
            self._deny(key)
            return
        from reviewer.tui.screens.ban import BanScreen

        name = self.session.package(key).name

        def done(ban: bool | None) -> None:
            if ban is None:
                return
            if not ban:
                self._deny(key)
                return
            self.session.ban(key)
            self.notify(f"banned: {name} (ctrl+s to save)", markup=False)
            self.refresh_keys({p.key for p in self.session.graph.find(name)})

        self.app.push_screen(BanScreen(key, name), done)

    def _deny(self, key: str) -> None:
        self.session.deny(key)
        self.notify(f"denied: {key} (ctrl+s to save)", markup=False)
        self.refresh_keys({key})

    def action_note(self) -> None:
        if (key := self._require_key()) is None:
            return
        from reviewer.tui.screens.note import NoteScreen

        def done(text: str | None) -> None:
            if text:
                self.session.add_note(key, text)
                self.refresh_keys({key})

        self.app.push_screen(NoteScreen(key, self.session.notes.get(key, "")), done)

    def action_accept_advisory(self) -> None:
        if (key := self._require_key()) is None:
            return
        found = self.session.advisories(key)
        if not found:
            self.notify("This package has no known advisory.", severity="warning")
            return
        from reviewer.tui.screens.note import AcceptAdvisoryScreen, AdvisoryAcceptance

        choices = [(str(f.details.get("advisory", f.details.get("id", f.summary))), f.summary)
                   for f in found]

        def done(result: AdvisoryAcceptance | None) -> None:
            if result is not None:
                self.session.accept_advisory(key, result.advisory, result.reason, result.expires)
                self.refresh_keys({key})

        self.app.push_screen(AcceptAdvisoryScreen(key, choices), done)

    def action_why(self) -> None:
        if (key := self._require_key()) is None:
            return
        from reviewer.tui.screens.why import WhyScreen

        self.app.push_screen(WhyScreen(key, self.session.why_labels(key)))
