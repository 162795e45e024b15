"""The detail pane: tabs for the selected package, each loaded lazily in a worker.

The tabs themselves (some thirty widgets: half of the main screen's) are built shortly
after the screen's first refresh, so the package list is on the screen before them: the
tab bar with the shown tab's content, in one mount (one layout of the screen). Every mount
lays the whole screen out again (tens of milliseconds on a big project), so the other tabs'
contents wait until the background review is over (a key then answers sooner while it
runs), then come one per refresh; a tab chosen before its turn is filled at once. Until
the tabs are built the pane remembers which tab to show, which package, and whether it
should have the focus."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Select, Static, TabbedContent, TabPane
from textual.worker import Worker

from reviewer.app.session import ReviewSession
from reviewer.errors import ReviewerError
from reviewer.tui.badges import DEFAULT_PALETTE, Palette
from reviewer.tui.running import reviewer_app
from reviewer.tui.text import one_line, styled
from reviewer.tui.widgets import detail_content
from reviewer.tui.widgets.code_scroll import CodeBody, CodeScroll
from reviewer.tui.widgets.diff_view import base_version, default_other, diff_versions, load_diff

TABS: tuple[tuple[str, str], ...] = (
    ("overview", "Overview"),
    ("scripts", "Code"),  # install scripts on top, then the Code view (id kept: keymaps, tests)
    ("maintainers", "Maintainers"),
    ("advisories", "Advisories"),
    ("diff", "Diff"),
)

Loader = Callable[[ReviewSession, str, Palette], Awaitable[RenderableType]]


async def _advisories(session: ReviewSession, key: str, palette: Palette) -> RenderableType:
    return detail_content.advisories(session, key, palette)


SPINNER_DELAY = 0.15
"""Seconds a tab may take to load before its spinner appears."""

REST_DELAY = 0.5
"""Seconds between looks at whether the background review is over (the tabs not shown are
filled then)."""

LOADERS: dict[str, Loader] = {
    "overview": detail_content.overview,
    "scripts": detail_content.scripts,
    "maintainers": detail_content.maintainers,
    "advisories": _advisories,
}


class DetailPane(Vertical):
    """Shows one package; `show(key)` switches package, tabs load when first visible."""

    def __init__(self, session: ReviewSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.palette: Palette = DEFAULT_PALETTE
        self.key: str | None = None
        self._loaded: set[str] = set()
        self._diff_other: str | None = None
        self._spinners: dict[str, Timer] = {}
        self._workers: dict[str, Worker[None]] = {}
        """Each tab's latest load."""
        self._tab = "overview"
        """The tab to show while the tabs are not built yet."""
        self._built = False
        self._filled: set[str] = set()
        """The tabs whose content is mounted."""
        self._filling: set[str] = set()
        self._focus_when_filled = False

    def on_mount(self) -> None:
        # After the refresh that follows the first one: the first lays out the package list,
        # the next one the footer's keys (built after the first refresh). Without a pause in
        # between, in which the background review would start (it waits for a quiet screen).
        self.call_after_refresh(self.call_after_refresh, self._build)

    async def _build(self) -> None:
        """Mount the tab bar with the shown tab's content (after the screen's first refresh);
        the other tabs' contents follow once the background review is over."""
        shown = self._tab
        tabs = TabbedContent(id="detail-tabs", initial=f"tab-{shown}")
        for tab_id, title in TABS:
            tabs.compose_add_child(TabPane(title, *(self._parts(tab_id) if tab_id == shown else ()),
                                           id=f"tab-{tab_id}"))
        await self.mount(tabs)
        self._built = True
        self._filled_now(shown)
        self.set_timer(REST_DELAY, self._fill_rest)

    async def _fill_rest(self) -> None:
        """The next unfilled tab, once the background review is over (asks again later while
        it runs); then the next one after the screen's refresh."""
        if not self.is_attached:
            return
        if reviewer_app(self.app).reviewing:
            self.set_timer(REST_DELAY, self._fill_rest)
            return
        unfilled = [tab for tab, _ in TABS if tab not in self._filled | self._filling]
        if unfilled:
            await self._fill(unfilled[0])
            self.call_after_refresh(self._fill_rest)

    def _parts(self, tab: str) -> list[Widget]:
        """The widgets of `tab`'s content (its body says "Select a package." until loaded)."""
        scroll, body = (CodeScroll, CodeBody) if tab == "scripts" else (VerticalScroll, Static)
        parts: list[Widget] = []
        if tab == "diff":
            parts.append(Horizontal(Static("against", id="diff-label"),
                                    Select[str]([], prompt="another version", id="diff-version",
                                                allow_blank=True),
                                    id="diff-controls"))
        area = scroll(id=f"scroll-{tab}", classes="detail-scroll")
        area.compose_add_child(body(Text("Select a package.", style="dim"), id=f"body-{tab}",
                                    classes="detail-body"))
        parts.append(area)
        return parts

    async def _fill(self, tab: str) -> None:
        """Mount the content of `tab`, then do what was asked of it meanwhile."""
        if tab in self._filled or tab in self._filling:
            return
        self._filling.add(tab)
        await self.query_one(f"#tab-{tab}", TabPane).mount_all(self._parts(tab))
        self._filling.discard(tab)
        self._filled_now(tab)

    def _filled_now(self, tab: str) -> None:
        """`tab`'s content is mounted: load it if it is shown, focus it if that was asked."""
        self._filled.add(tab)
        if tab == self.active_tab:
            self._load(tab)
            if self._focus_when_filled:
                self._focus_when_filled = False
                self.focus_body()

    @property
    def active_tab(self) -> str:
        if not self._built:
            return self._tab
        active = self.query_one("#detail-tabs", TabbedContent).active
        return active.removeprefix("tab-") if active else "overview"

    def focus_body(self) -> None:
        """Focus the active tab's scrolling body (arrows and page keys scroll it)."""
        if self.active_tab not in self._filled:
            self._focus_when_filled = True
            return
        self.query_one(f"#scroll-{self.active_tab}", VerticalScroll).focus()

    def show_tab(self, tab: str) -> None:
        if not self._built:
            self._tab = tab
            return
        self.query_one("#detail-tabs", TabbedContent).active = f"tab-{tab}"

    def show(self, key: str | None) -> None:
        if key == self.key:
            return
        self.key = key
        self._loaded.clear()
        self._diff_other = base_version(self.session, key) if key is not None else None
        self._load(self.active_tab)

    def reload(self) -> None:
        """Findings or decisions changed for the shown package: redraw what is loaded."""
        self._loaded.clear()
        self._load(self.active_tab)

    @on(TabbedContent.TabActivated, "#detail-tabs")
    async def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        if self.active_tab in self._filled:
            self._load(self.active_tab)
        else:
            await self._fill(self.active_tab)  # chosen before its turn

    def _body(self, tab: str) -> Static:
        return self.query_one(f"#body-{tab}", Static)

    def _load(self, tab: str) -> None:
        if self.key is None or tab in self._loaded or tab not in self._filled:
            return
        self._loaded.add(tab)
        body = self._body(tab)
        # Show the spinner only when loading takes a moment (fast loads never flicker).
        spinner = self.set_timer(SPINNER_DELAY, lambda: setattr(body, "loading", True))
        self._spinners[tab] = spinner
        if tab == "diff":
            self._fill_diff_versions()
        # The work as a callable: its coroutine is made when the worker runs. A load replaced
        # in the same step (exclusive) is cancelled before its task starts, and a coroutine
        # made for it would be dropped unawaited ("coroutine ... was never awaited").
        self._workers[tab] = self.run_worker(
            partial(self._run, tab, self.key, self._diff_other), group=f"detail-{tab}",
            exclusive=True, exit_on_error=False, description=f"load {tab}")

    async def _run(self, tab: str, key: str, other: str | None) -> None:
        try:
            if tab == "diff":
                result = await load_diff(self.session, key, other, self.palette)
            else:
                result = await LOADERS[tab](self.session, key, self.palette)
        except ReviewerError as error:
            result = Text.assemble(("Could not load: ", self.palette.danger), styled(str(error)))
        except Exception as error:  # noqa: BLE001 - shown in place, never a crash
            result = Text.assemble(("Internal error: ", self.palette.danger),
                                   one_line(f"{type(error).__name__}: {error}"))
        if key != self.key:
            return
        spinner = self._spinners.pop(tab, None)
        if spinner is not None:
            spinner.stop()
        body = self._body(tab)
        body.update(result)
        body.loading = False
        body.parent.scroll_home(animate=False)  # type: ignore[union-attr]
        if tab == "diff":
            if self._diff_other is None:  # show which version the default compared with
                self._diff_other = default_other(self.session, key)
            self._fill_diff_versions()

    def _fill_diff_versions(self) -> None:
        select = self.query_one("#diff-version", Select)
        if self.key is None:
            select.set_options([])
            return
        package = self.session.package(self.key)
        choices = diff_versions(self.session, self.key)
        with select.prevent(Select.Changed):
            select.set_options([(f"{package.name}@{v}", v) for v in choices])
            if self._diff_other in choices:
                select.value = self._diff_other

    @on(Select.Changed, "#diff-version")
    def _diff_version_chosen(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        if not isinstance(value, str) or value == self._diff_other:
            return
        self._diff_other = value
        self._loaded.discard("diff")
        self._load("diff")
