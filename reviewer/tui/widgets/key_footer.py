"""The footer: every shown key on a wide terminal, the keys that matter on a narrow one."""

from __future__ import annotations

from collections.abc import Collection

from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A Footer that, under `narrow_width` columns, shows only the bindings whose id is in
    `narrow_ids` (compactly), so that none is cut off; `?` lists every key."""

    def __init__(self, narrow_ids: Collection[str], narrow_width: int) -> None:
        super().__init__(show_command_palette=True)
        self.narrow_ids = frozenset(narrow_ids)
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

    def compose(self) -> ComposeResult:
        if not self.narrow:
            yield from super().compose()
            return
        if not self._bindings_ready:
            return
        active = [(b, enabled, tip) for _n, b, enabled, tip in self.screen.active_bindings.values()]
        # A screen key that the focused widget binds too (enter on the table selects the
        # row, which opens the detail) is shadowed in active_bindings: shown all the same.
        active_ids = {b.id for b, _, _ in active}
        active += [(b, True, b.tooltip) for held in self.screen._bindings.key_to_bindings.values()
                   for b in held if b.id in self.narrow_ids and b.id not in active_ids]
        seen: set[str] = set()
        keys: list[FooterKey] = []
        for binding, enabled, tooltip in active:
            if binding.id not in self.narrow_ids or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append(FooterKey(binding.key, self.app.get_key_display(binding),
                                  binding.description, binding.action, disabled=not enabled,
                                  tooltip=tooltip).data_bind(compact=Footer.compact))
        self.styles.grid_size_columns = len(keys)
        yield from keys
