"""The newcomer's overview: where to look first (one line per story, enter jumps into it),
what this project pulls in, and what the registry does not provide (said once)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reviewer.app.session import ReviewSession
from reviewer.app.summary import Story, Subtree, Summary, heaviest_subtrees, summarize
from reviewer.graph.model import LockfileInfo
from reviewer.tui.badges import Palette, badge_text
from reviewer.tui.running import reviewer_app
from reviewer.tui.text import one_line
from reviewer.tui.widgets.header import QuietHeader
from reviewer.tui.widgets.key_footer import QuietFooter

PANELS: tuple[tuple[str, str], ...] = (
    ("counts", "Packages"),
    ("scripts", "Install scripts"),
    ("riskiest", "Riskiest packages"),
    ("advisories", "Advisories"),
    ("heaviest", "Heaviest subtrees"),
    ("controllers", "Who can publish the most"),
    ("licenses", "Licenses"),
    ("deprecated", "Deprecated"),
)


def _pairs(rows: list[tuple[Text, Text]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(overflow="ellipsis", no_wrap=True)
    for count, label in rows:
        table.add_row(count, label)
    return table


class SummaryScreen(Screen[None]):
    """Refreshes while the background scan fills the session in."""

    BINDINGS = [
        Binding("s,escape", "browse", "Browse packages", id="summary.browse"),
        Binding("enter", "open_story", "Look at it", id="summary.story"),
        Binding("question_mark,f1", "app.help", "Help", id="summary.help"),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(id="summary")
        self.session = session
        self._heaviest: list[Subtree] | None = None
        self._stories: tuple[Story, ...] = ()
        self._stories_drawn: tuple[str, ...] | None = None
        self._summary: Summary | None = None
        """The summary last drawn."""

    def compose(self) -> ComposeResult:
        yield QuietHeader()
        with VerticalScroll(id="summary-scroll"):
            yield Static(id="summary-intro")
            stories = OptionList(id="summary-stories")
            stories.border_title = "Where to look first (enter)"
            yield stories
            with Grid(id="summary-grid"):
                for panel_id, title in PANELS:
                    panel = Static(id=f"panel-{panel_id}", classes="summary-panel")
                    panel.border_title = title
                    yield panel
        yield QuietFooter()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < 110, "-narrow")
        if self.is_mounted:
            self._stories_drawn = None  # cut to the new width
            self.call_after_refresh(self._redraw_stories)

    def on_mount(self) -> None:
        self.refresh_summary()  # then again whenever the scan reports (see ReviewerApp)
        self.query_one("#summary-stories", OptionList).focus()

    @property
    def palette(self) -> Palette:
        return reviewer_app(self.app).palette

    def refresh_summary(self) -> None:
        if self._heaviest is None:
            self._heaviest = heaviest_subtrees(self.session.graph, self.session.direct)
        summary = self._summary = summarize(self.session, heaviest=self._heaviest)
        renders: dict[str, RenderableType] = {
            "counts": self._counts(summary),
            "scripts": self._scripts(summary),
            "riskiest": self._riskiest(summary),
            "advisories": self._advisories(summary),
            "heaviest": self._heaviest_panel(self._heaviest),
            "controllers": self._controllers(summary),
            "licenses": _pairs([(Text(str(n)), one_line(name)) for name, n in summary.licenses]),
            "deprecated": self._deprecated(summary),
        }
        for panel_id, renderable in renders.items():
            self.query_one(f"#panel-{panel_id}", Static).update(renderable)
        self.query_one("#summary-intro", Static).update(self._intro(summary))
        self._show_stories(summary)

    def _redraw_stories(self) -> None:
        """The stories again, cut to the list's width (nothing else depends on it)."""
        if self._summary is None:
            self.refresh_summary()
        else:
            self._show_stories(self._summary)

    def _show_stories(self, summary: Summary) -> None:
        """One option per story; redrawn only when a story changed (keeps the highlight)."""
        waiting = summary.metadata_known < summary.metadata_total
        drawn = (str(waiting), *(f"{story.id} {story.title} {len(story.keys)}"
                                 for story in summary.stories))
        self._stories = summary.stories
        if drawn == self._stories_drawn:
            return
        self._stories_drawn = drawn
        stories = self.query_one("#summary-stories", OptionList)
        highlighted = stories.highlighted
        stories.clear_options()
        if not summary.stories:
            stories.add_option(Option(Text("waiting for the scan…" if waiting else
                                           "nothing flagged: no known signal stands out",
                                           style=self.palette.muted), disabled=True))
            return
        stories.add_options(Option(self._story_line(story), id=story.id)
                            for story in summary.stories)
        stories.highlighted = min(highlighted or 0, len(summary.stories) - 1)

    def _story_line(self, story: Story) -> Text:
        """`recent releases (2)  a@1, b@2` on one line, cut to the list's width."""
        line = Text.assemble((f"{story.title} ({len(story.keys)})",
                              self.palette.for_severity(story.severity)), "  ")
        shown = story.keys[:4]
        line.append_text(one_line(", ".join(shown)))
        if len(story.keys) > len(shown):
            line.append(f", +{len(story.keys) - len(shown)} more", style=self.palette.muted)
        width = self.query_one("#summary-stories", OptionList).scrollable_content_region.width
        line.truncate(max(20, width - 1), overflow="ellipsis")
        return line

    @on(OptionList.OptionSelected, "#summary-stories")
    def _story_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def action_open_story(self) -> None:
        stories = self.query_one("#summary-stories", OptionList)
        option = stories.highlighted_option if stories.option_count else None
        if option is None or option.disabled:
            self.action_browse()
            return
        self._open(option.id)

    def _open(self, story_id: str | None) -> None:
        story = next((s for s in self._stories if s.id == story_id), None)
        if story is None:
            self.action_browse()
            return
        reviewer_app(self.app).show_story(story.title, story.keys)

    def _intro(self, summary: Summary) -> Text:
        palette = self.palette
        lockfile = self.session.graph.lockfile
        try:
            shown = lockfile.path.resolve().relative_to(self.session.project_dir.resolve())
        except ValueError:
            shown = lockfile.path
        text = Text.assemble(("Reviewing ", palette.muted), one_line(shown, "bold"),
                             (f"  ({lockfile_label(lockfile)})", palette.muted))
        text.append("\n")
        if summary.gaps:
            sentence = summary.gaps.sentence()
            text.append(sentence[0].upper() + sentence[1:] + ".", style=palette.unknown)
            text.append("\n")
        if summary.metadata_total and summary.metadata_known < summary.metadata_total:
            text.append(f"Reviewing packages: {summary.metadata_known}/{summary.metadata_total}"
                        " (figures below fill in as the scan goes)", style=palette.warning)
        elif self.session.provider is None:
            text.append("No registry: signals that need metadata stay unknown.",
                        style=palette.unknown)
        else:
            text.append(f"{summary.unreviewed} of {summary.total} packages unreviewed.  ",
                        style=palette.warning if summary.unreviewed else palette.good)
            text.append("Enter looks at a story, s browses every package, ? lists every key.",
                        style=palette.muted)
        return text

    def _counts(self, s: Summary) -> Table:
        rows = [
            (Text(str(s.total), style="bold"), Text("packages locked")),
            (Text(str(s.direct)), Text("direct dependencies")),
            (Text(str(s.transitive)), Text("transitive")),
            (Text(str(s.prod)), Text("prod")),
            (Text(str(s.dev)), Text("dev only")),
            (Text(str(s.optional + s.peer)), Text("optional / peer only")),
            (Text(str(s.duplicate_names), style=self.palette.warning if s.duplicate_names else ""),
             Text(f"names locked at several versions (+{s.duplicate_extra_versions} copies)")),
        ]
        return _pairs(rows)

    def _scripts(self, s: Summary) -> Table:
        unreviewed = s.with_scripts - s.scripts_reviewed
        return _pairs([
            (Text(str(s.with_scripts), style=self.palette.danger if s.with_scripts else self.palette.good),
             Text("run code when installed")),
            (Text(str(s.scripts_reviewed), style=self.palette.good), Text("of them reviewed")),
            (Text(str(unreviewed), style=self.palette.danger if unreviewed else self.palette.good),
             Text("still to review (filter: 1)")),
        ])

    def _riskiest(self, s: Summary) -> RenderableType:
        if not s.riskiest:
            return Text("nothing flagged yet", style=self.palette.muted)
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(overflow="ellipsis", no_wrap=True)
        for key, _score in s.riskiest:
            table.add_row(badge_text(self.session.findings.get(key), self.palette), one_line(key))
        return table

    def _advisories(self, s: Summary) -> RenderableType:
        if not s.advisories and "advisories" in s.gaps.kinds:
            return Text("unknown: not provided by this registry (reviewer audit import FILE)",
                        style=self.palette.unknown)
        if not s.advisories:
            return Text("none known (reviewer audit import FILE)", style=self.palette.muted)
        return _pairs([(Text(str(n), style=self.palette.for_severity(sev)), Text(str(sev)))
                       for sev, n in s.advisories])

    def _heaviest_panel(self, subtrees: list[Subtree]) -> RenderableType:
        if not subtrees:
            return Text("no direct dependencies", style=self.palette.muted)
        rows = [(Text(str(t.total)), Text.assemble(one_line(t.key),
                                                   (f"  ({t.exclusive} only through it)", self.palette.muted)))
                for t in subtrees[:8]]
        return _pairs(rows)

    def _controllers(self, s: Summary) -> RenderableType:
        if not s.controllers:
            return Text("waiting for registry metadata" if s.metadata_known < s.metadata_total
                        else "unknown: not provided by this registry", style=self.palette.unknown)
        table = _pairs([(Text(str(n)), one_line(name)) for name, n in s.controllers])
        if s.controllers_known >= s.total:
            return table
        # Counted over the packages that say who publishes them: the rest are unknown.
        return Group(Text(f"known for {s.controllers_known} of {s.total} packages only",
                          style=self.palette.unknown), table)

    def _deprecated(self, s: Summary) -> RenderableType:
        if not s.deprecated and "deprecation" in s.gaps.kinds:
            return Text("unknown: not provided by this registry", style=self.palette.unknown)
        if not s.deprecated:
            return Text("none so far" if s.metadata_known < s.metadata_total else "none",
                        style=self.palette.muted)
        text = Text()
        for key in s.deprecated[:8]:
            text.append_text(one_line(key, str(self.palette.warning)))
            text.append("\n")
        if len(s.deprecated) > 8:
            text.append(f"… and {len(s.deprecated) - 8} more", style=self.palette.muted)
        text.rstrip()
        return text

    def action_browse(self) -> None:
        reviewer_app(self.app).show_main()


def lockfile_label(lockfile: LockfileInfo) -> str:
    """"npm lockfile v3", "yarn-classic lockfile v1" (yarn's own marker is already "v1")."""
    version = lockfile.version if lockfile.version.startswith("v") else f"v{lockfile.version}"
    return f"{lockfile.format} lockfile {version}"
