"""ReviewerApp: screens, app-wide keys, themes, the background scan; save, reload and export
of the policy file are its mixin `reviewer.tui.policy_actions`."""

from __future__ import annotations

import asyncio
import sys
import time
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.worker import Worker, WorkerState

from reviewer import workers
from reviewer.app.project import keep_parsed_lockfiles
from reviewer.app.session import QuickFilter, ReviewSession, ReviewState
from reviewer.tui.badges import Palette
from reviewer.tui.commands import ReviewerCommands
from reviewer.tui.keymap import load_keymap
from reviewer.tui.memory import IdleCollector
from reviewer.tui.pacing import ScreenFirst
from reviewer.tui.policy_actions import PolicyActions
from reviewer.tui.styles_path import stylesheet_paths
from reviewer.tui.text import notice

if TYPE_CHECKING:
    from reviewer.app.background import BackgroundReview
    from reviewer.tui.screens.main import MainScreen

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
FLUSH_SECONDS = 0.25
"""How often badges filled in by the scan are pushed to the screen."""
INPUT_EVENTS = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)


class ReviewerApp(PolicyActions, App[None]):
    """The terminal UI over one ReviewSession."""

    TITLE = "reviewer"
    CSS_PATH: ClassVar[list[str | PurePath]] = [*stylesheet_paths()]
    COMMANDS = App.COMMANDS | {ReviewerCommands}
    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Asks first when decisions are unsaved"),
        Binding("ctrl+c", "quit", "Quit", id="quit_now", show=False, priority=True),
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Write the policy file"),
        Binding("s", "summary", "Summary", id="summary"),
        Binding("e", "export", "Export", id="export", show=False),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", id="theme", show=False),
        Binding("ctrl+p", "command_palette", "Commands", id="command_palette", show=False),
    ]

    def __init__(self, session: ReviewSession, *, concurrency: int = 16, scan: bool = True,
                 theme: str = DARK_THEME, keymap_path: Path | None = None,
                 started: float | None = None, review_mode: bool = False) -> None:
        super().__init__()
        workers.spare_this_process()  # code analyses and big documents wait for a worker process:
        # in a thread here they would hold the GIL the screen's event loop needs
        self.session = session
        self.concurrency = concurrency
        self.scan_on_start = scan
        self.review_mode = review_mode
        """Opened by `reviewer review`: straight to the changed packages."""
        self.theme = theme
        self.scan_progress = ""
        self.started = started if started is not None else time.perf_counter()
        self.first_paint_seconds: float | None = None
        self.keymap, self._keymap_problem = load_keymap(keymap_path)
        self._review: BackgroundReview | None = None
        self._scan_worker: Worker[None] | None = None
        self._pacing = ScreenFirst()
        """The review thread steps aside while this loop has work (tui/pacing.py)."""
        self.memory = IdleCollector()
        """Garbage collection while the user rests (tui/memory.py)."""
        root = session.graph.importers.get(".")
        project = (root.name if root else None) or session.project_dir.resolve().name
        self.sub_title = ""
        self.title = f"reviewer · {project}"

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def palette(self) -> Palette:
        theme = self.current_theme
        return Palette.from_colors(theme.error or "red", theme.warning or "yellow",
                                   theme.success or "green")

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        if self._keymap_problem:
            self.notify(notice(self._keymap_problem), severity="warning")
        for note in self.session.graph.notes:  # e.g. the other lockfiles that were ignored
            self.notify(notice(note), title="Lockfile", severity="warning", timeout=10)
        if self.review_mode:
            from reviewer.tui.screens.main import MainScreen

            self.push_screen(MainScreen(self.session, quick={QuickFilter.CHANGED}))
        elif all(self.session.state(k) is ReviewState.UNREVIEWED for k in self.session.keys()):
            # Nothing decided yet: the summary first; the main screen (its module too) is
            # built when asked for.
            from reviewer.tui.screens.summary import SummaryScreen

            self.push_screen(SummaryScreen(self.session))
        else:
            from reviewer.tui.screens.main import MainScreen

            self.push_screen(MainScreen(self.session))
        self.call_after_refresh(self._painted)
        self.set_interval(FLUSH_SECONDS, self._flush_updates)
        self.memory.start()
        self.set_interval(1.0, self.memory.tick)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, INPUT_EVENTS):
            self.memory.input_seen()
        await super().on_event(event)

    async def on_unmount(self) -> None:
        self.memory.stop()
        self._pacing.uninstall()
        if self._review is not None:
            self._review.cancel()
        try:
            await self.session.close()
        except Exception:  # noqa: BLE001 - closing must never turn an exit into a crash
            pass

    def _painted(self) -> None:
        """The first screen is on the terminal: start the background scan now."""
        if self.first_paint_seconds is None:
            self.first_paint_seconds = time.perf_counter() - self.started
            self.memory.painted()
            if self.scan_on_start:
                self.start_scan()
            else:
                self.call_later(self.memory.settle)
            self.call_later(self._load_main_screen_module)
            self.call_later(keep_parsed_lockfiles)  # a lockfile parsed at launch: kept now

    @staticmethod
    def _load_main_screen_module() -> None:
        """Import the main screen after the first paint rather than before it (from the
        summary, `s` then opens it without the wait)."""
        import reviewer.tui.screens.main  # noqa: F401

    def watch_theme(self, theme: str) -> None:
        from reviewer.tui.screens.summary import SummaryScreen

        for main in self._main_screens():
            if main.ready:
                main.table.set_palette(self.palette)
                main.package_tree.palette = self.palette
                main.detail.reload()
        for screen in self.screen_stack:
            if isinstance(screen, SummaryScreen) and screen.is_mounted:
                screen.refresh_summary()

    # -- scan -----------------------------------------------------------------------------

    def start_scan(self) -> None:
        """Review every package in the background: on a thread of its own, off the screen's
        event loop (`reviewer.app.background`); `_flush_updates` takes its results in
        batches, so only this thread changes what the screens read."""
        from reviewer.app.background import BackgroundReview

        if self.session.provider is None:
            self.scan_progress = "no registry: metadata unknown"
        else:
            self.scan_progress = "scan starting…"
        self._review = BackgroundReview(self.session, self.concurrency, pace=self._pacing.pace,
                                        settle=self._pacing.wait_settled)
        self._pacing.install(asyncio.get_running_loop())
        self._scan_worker = self.run_worker(  # a callable: no coroutine made if never run
            partial(self._run_review, self._review), group="scan", exclusive=True, exit_on_error=False,
            description="registry scan",
        )

    async def _run_review(self, review: BackgroundReview) -> None:
        try:
            await review.run()
        finally:
            self._pacing.uninstall()

    def _take_results(self) -> set[str]:
        """Apply what the review thread found since the last look; the keys that changed."""
        review = self._review
        if review is None:
            return set()
        batch = review.take()
        keys = self.session.apply(batch) if batch else set()
        worker = self._scan_worker
        if worker is not None and worker.state in (WorkerState.CANCELLED, WorkerState.ERROR):
            return keys  # the progress line says so; late results are kept, not counted
        if batch.total and self.session.provider is not None:
            errors = len(self.session.fetch_errors)
            failed = f", {errors} unavailable" if errors else ""
            if batch.done == batch.total:
                self.scan_progress = f"metadata {batch.total}/{batch.total} done{failed}"
            else:
                self.scan_progress = f"metadata {batch.done}/{batch.total}{failed}"
        return keys

    @property
    def reviewing(self) -> bool:
        """The background review is under way (screens keep optional work for later)."""
        worker = self._scan_worker
        return worker is not None and not worker.is_finished

    def cancel_scan(self) -> None:
        worker = self._scan_worker
        if worker is None or worker.is_finished:
            self.notify("No scan is running.")
            return
        worker.cancel()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._scan_worker:
            return
        if event.state is WorkerState.CANCELLED:
            self.scan_progress += " (cancelled)"
            self.notify("Scan cancelled: packages not fetched stay unknown (…).")
        elif event.state is WorkerState.ERROR:
            self.scan_progress = "scan failed"
            self.notify(notice(f"Scan failed: {event.worker.error}"), severity="error", timeout=10)
        elif event.state is WorkerState.SUCCESS:
            self._flush_updates(resort=True)
            self.call_later(self.memory.settle)
            return
        self._flush_updates()

    def _flush_updates(self, resort: bool = False) -> None:
        from reviewer.tui.screens.summary import SummaryScreen

        keys = self._take_results()
        if (keys or resort) and isinstance(self.screen, SummaryScreen) and self.screen.is_mounted:
            self.screen.refresh_summary()
        for screen in self._main_screens():
            if not screen.ready:
                continue
            try:
                if keys:
                    screen.refresh_keys(keys)
                if resort:
                    screen.resort()
                elif not keys:
                    screen.update_status()
            except NoMatches:  # the app is shutting down
                return

    # -- actions --------------------------------------------------------------------------

    def main_screen(self) -> MainScreen | None:
        return next(iter(self._main_screens()), None)

    def _main_screens(self) -> list[MainScreen]:
        """The main screens on the stack, without importing their module before one is
        wanted (the first paint does not wait for it)."""
        module = sys.modules.get("reviewer.tui.screens.main")
        if module is None:  # never imported: there is no main screen
            return []
        return [screen for screen in self.screen_stack if isinstance(screen, module.MainScreen)]

    def action_summary(self) -> None:
        from reviewer.tui.screens.summary import SummaryScreen

        if isinstance(self.screen, SummaryScreen):
            self.show_main()
        else:
            self.push_screen(SummaryScreen(self.session))

    def show_main(self) -> None:
        """Leave the summary for the main screen (built on first use)."""
        from reviewer.tui.screens.main import MainScreen

        if self.main_screen() is not None:
            self.pop_screen()
        else:
            self.switch_screen(MainScreen(self.session))

    def show_story(self, title: str, keys: tuple[str, ...]) -> None:
        """From the summary: the main screen listing only the packages of one story."""
        main = self.main_screen()
        if main is None:
            self.show_main()
            self.call_after_refresh(self.show_story, title, keys)
            return
        while self.screen is not main:
            self.pop_screen()
        main.show_story((title, frozenset(keys)))

    def action_help(self) -> None:
        from reviewer.tui.screens.help import HelpScreen
        from reviewer.tui.screens.main import MainScreen
        from reviewer.tui.widgets.code_scroll import CodeScroll

        groups = [("Packages", list(MainScreen.BINDINGS)), ("Code view", list(CodeScroll.BINDINGS)),
                  ("Everywhere", list(self.BINDINGS))]
        self.push_screen(HelpScreen(groups, self.keymap))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME


    def jump_to(self, key: str) -> None:
        main = self.main_screen()
        if main is None:
            self.show_main()
            self.call_after_refresh(self.jump_to, key)
            return
        while self.screen is not main:
            self.pop_screen()
        main.jump_to(key)

    def run_on_current(self, action: str) -> None:
        """Run a main-screen action (from the command palette)."""
        main = self.main_screen()
        if main is None:
            self.show_main()
            self.call_after_refresh(self.run_on_current, action)
            return
        self.call_later(main.run_action, action)
