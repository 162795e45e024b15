"""Jumping through the Code view's flagged lines: `f` next, `F` previous, a click on a
"line N" of a file's capability list goes to that line. The code scrolls so the line is in
view under a caption saying which flagged line it is (k of n, file:line, what it does), and
the line itself is shown reversed. Everything shown comes from `code_view` (plain text)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from reviewer.tui.running import reviewer_app
from reviewer.tui.text import one_line, styled
from reviewer.tui.widgets.code_view import CONTEXT, CodeChunk, chunks_of, rows_to

NO_FLAGGED_LINES = "No flagged lines in this package's code."


class CodeBody(Static):
    """The Code tab's content. A click on a "line N" runs `jump(file, line)` here."""

    def action_jump(self, file_index: int, line: int) -> None:
        scroll = self.parent
        if isinstance(scroll, CodeScroll):
            scroll.jump_to(file_index, line)


class CodeScroll(VerticalScroll):
    """The Code tab's scrolling area, which knows where the flagged lines are."""

    BINDING_GROUP_TITLE = "Code view"
    BINDINGS = [
        Binding("f", "next_flag", "Next flagged line", id="code.next_flag",
                tooltip="Scroll the code to the next flagged line (highlighted, with what it does)"),
        Binding("F", "previous_flag", "Previous flagged line", id="code.previous_flag", key_display="F"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.position: int | None = None
        """Index of the flagged line jumped to (in `anchors()` order), None before any jump."""
        self._content: object = None

    @property
    def body(self) -> CodeBody:
        return self.query_one(CodeBody)

    def anchors(self) -> list[tuple[CodeChunk, int]]:
        """The flagged lines shown, in display order: (chunk, line number)."""
        content = self.body.content
        if content is not self._content:  # another package (or a reload): start again
            self._content = content
            self.position = None
        return [(chunk, line) for chunk in chunks_of(content) for line in chunk.lines]

    @property
    def current(self) -> tuple[str, int] | None:
        """(file path, line) of the flagged line jumped to."""
        anchors = self.anchors()
        if self.position is None or self.position >= len(anchors):
            return None
        chunk, line = anchors[self.position]
        return chunk.path, line

    def action_next_flag(self) -> None:
        self._step(1)

    def action_previous_flag(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        anchors = self.anchors()
        if not anchors:
            self.notify(NO_FLAGGED_LINES, timeout=3)
            return
        if self.position is None:
            index = 0 if step > 0 else len(anchors) - 1
        else:
            index = (self.position + step) % len(anchors)
        self._go(anchors, index)

    def jump_to(self, file_index: int, line: int) -> None:
        """Go to `line` of the `file_index`-th file shown (a click on its "line N")."""
        anchors = self.anchors()
        for index, (chunk, shown) in enumerate(anchors):
            if chunk.file_index == file_index and shown == line:
                self._go(anchors, index)
                return
        self.notify("That line's code is not shown (the file could not be read).", timeout=3)

    def _go(self, anchors: list[tuple[CodeChunk, int]], index: int) -> None:
        for chunk, _ in anchors:
            chunk.current = None
            chunk.caption = None
        chunk, line = anchors[index]
        self.position = index
        palette = reviewer_app(self.app).palette
        chunk.current = line
        chunk.caption = Text.assemble(
            ("▶ ", palette.warning), (f"flagged line {index + 1} of {len(anchors)}: ", palette.muted),
            one_line(chunk.path, "bold"), (f":{line}", "bold"), ("  ", ""),
            styled(chunk.captions.get(line, "")))
        body = self.body
        content = body.content
        body.update(content)  # the same parts, drawn again with the new current line
        self._content = content
        self.call_after_refresh(self._scroll_to_current)

    def _scroll_to_current(self) -> None:
        rows = self.current_rows()
        if rows is None:
            return
        caption_row, line_row = rows
        top = self.body.virtual_region.y
        height = self.scrollable_content_region.height
        # The caption and the line with CONTEXT lines after it, when they fit; else the line
        # with CONTEXT lines above it.
        fits = line_row + CONTEXT < caption_row + height
        target = top + (caption_row if fits else line_row - CONTEXT)
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def current_rows(self) -> tuple[int, int] | None:
        """(caption row, line row): where the current flagged line's caption and its first
        row are in the body's rendering, at the body's width."""
        anchors = self.anchors()
        if self.position is None or self.position >= len(anchors):
            return None
        chunk, line = anchors[self.position]
        body = self.body
        console = self.app.console
        options = self.app.console_options.update_width(body.content_region.width).update(highlight=False)
        top = rows_to(body.content, chunk, console, options)  # type: ignore[arg-type]
        if top is None:
            return None
        return top, top + chunk.rows_before(line, console, options)
