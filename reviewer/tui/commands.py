"""The command palette: actions ("action: approve…") and every package ("package: name@1.0").

Package names are untrusted: hits display them as plain Content, never through
`Matcher.highlight`, which parses its candidate as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reviewer.tui.running import reviewer_app
from reviewer.tui.text import clean

ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("approve the selected package", "approve", "pin its version and integrity, allow its scripts"),
    ("deny the selected package", "deny", "deny its install scripts"),
    ("add a note to the selected package", "note", "saved in the policy file with the decision"),
    ("accept an advisory of the selected package", "accept_advisory", "with a reason and an expiry"),
    ("why is the selected package here", "why", "every shortest path from an importer"),
    ("switch table / tree", "toggle_view", ""),
    ("cycle the sort order", "cycle_sort", "risk, name, signal"),
    ("cancel the background scan", "cancel_scan", ""),
)
APP_ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("save decisions to the policy file", "save", ""),
    ("export the policy to a package manager", "export", "npm, pnpm, yarn, bun, lavamoat"),
    ("show the project summary", "summary", ""),
    ("help: every key", "help", ""),
    ("toggle light / dark theme", "toggle_theme", ""),
)


class ReviewerCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = reviewer_app(self.app)
        found: list[tuple[str, Callable[[], object], str]] = []
        for title, action, help_text in ACTIONS:
            found.append((f"action: {title}", partial(app.run_on_current, action), help_text))
        for title, action, help_text in APP_ACTIONS:
            found.append((f"action: {title}", partial(app.run_action, action), help_text))
        return found

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text or None)
        app = reviewer_app(self.app)
        session = app.session
        for key in session.keys():
            text = f"package: {key}"
            score = matcher.match(text)
            if score > 0:
                display = Content(clean(text, keep_newlines=False))
                yield Hit(score * 0.9, display, partial(app.jump_to, key), text=text,
                          help="jump to this package")
