"""The footer: every shown key on a wide terminal, the keys that matter on a narrow one.

Textual's Footer builds its keys again (a dozen widgets) whenever the screen's bindings
may have changed: every focus change, every widget mounted. Building a screen did that
some twenty times, a third of the CPU between pressing `s` and the package list on the
screen. `QuietFooter` builds them again only when what it would show changed.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

W = TypeVar("W", bound=Widget)


class QuietFooter(Footer):
    """A Footer that recomposes only when the keys it shows changed."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__(show_command_palette=show_command_palette)
        self._shown: Hashable = None
        """What the keys were last composed from."""

    def shown(self) -> Hashable:
        """Everything `compose` reads (the screen's active bindings, the footer's mode)."""
        if not self._bindings_ready:
            return None
        active = tuple((binding, enabled, tooltip)
                       for _node, binding, enabled, tooltip in self.screen.active_bindings.values())
        return active, self.compact, self.show_command_palette

    async def recompose(self) -> None:
        if self.is_attached and self.shown() == self._shown:
            return
        await super().recompose()

    def compose(self) -> ComposeResult:
        self._shown = self.shown()
        for widget in super().compose():
            yield settled(widget, self.compact)


def settled(widget: W, compact: bool) -> W:
    """`widget`, a FooterKey with the footer's `compact` already (other widgets as they are).

    A FooterKey's `compact` starts True and is bound to its footer's, False on a wide
    terminal: as each key mounted, its classes and styles were updated again (two dozen
    style updates on the main screen, 30 ms as it first shows its list)."""
    if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
        widget.set_reactive(FooterKey.compact, compact)  # (the palette's key is not bound)
    return widget


class KeyFooter(QuietFooter):
    """A Footer that, under `narrow_width` columns, shows only the bindings whose id is in
    `narrow_ids`, in that order and compactly, so that none is cut off; `?` lists every key."""

    def __init__(self, narrow_ids: Sequence[str], narrow_width: int) -> None:
        super().__init__(show_command_palette=True)
        self.narrow_ids = tuple(narrow_ids)
        self.narrow_width = narrow_width
        self._narrow: bool | None = None

    @property
    def narrow(self) -> bool:
        return self.app.size.width < self.narrow_width

    def on_resize(self, event: Resize) -> None:
        narrow = self.narrow
        if narrow != self._narrow:
            self._narrow = narrow
            self.compact = narrow
            self.show_command_palette = not narrow
            self.call_after_refresh(self.recompose)

    def shown(self) -> Hashable:
        return super().shown(), self.narrow

    def compose(self) -> ComposeResult:
        if not self.narrow:
            yield from super().compose()
            return
        self._shown = self.shown()
        if not self._bindings_ready:
            return
        # In the order of `narrow_ids`, whichever of the screen or the app binds each id (a
        # screen key the focused widget binds too, like enter on the table, which selects
        # the row and so opens the detail, is shown all the same).
        found: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.id in self.narrow_ids:
                found.setdefault(binding.id, (binding, enabled, tooltip))
        for source in (self.screen._bindings, self.app._bindings):
            for held in source.key_to_bindings.values():
                for binding in held:
                    if binding.id in self.narrow_ids:
                        found.setdefault(binding.id, (binding, True, binding.tooltip))
        keys: list[FooterKey] = []
        for binding_id in self.narrow_ids:
            if binding_id not in found:
                continue
            binding, enabled, tooltip = found[binding_id]
            keys.append(settled(FooterKey(binding.key, self.app.get_key_display(binding),
                                          binding.description, binding.action,
                                          disabled=not enabled,
                                          tooltip=tooltip).data_bind(compact=Footer.compact),
                                self.compact))
        self.styles.grid_size_columns = len(keys)
        yield from keys
