"""The screens' header: Textual's Header, whose title changes repaint the title alone.

Textual's header lays the whole screen out again whenever the title or sub-title changes
(its title is a Static updated with `layout=True`). The sub-title carries the background
review's progress, which changes several times a second while the review runs: a layout
of the screen each time (with the package list, tens of milliseconds). The title's size
never depends on its text (it fills the header's row), so a repaint is enough.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle


class _Title(HeaderTitle):
    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)


class QuietHeader(Header):
    """A one-line Header without a clock whose title updates never lay the screen out."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield _Title()
        yield HeaderClockSpace()
