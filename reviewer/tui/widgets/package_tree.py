"""The dependency tree: importers -> direct -> transitive, children added when expanded."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reviewer.app.session import ReviewSession
from reviewer.graph.model import is_importer_node
from reviewer.tui.badges import DEFAULT_PALETTE, Palette, badge_text
from reviewer.tui.text import one_line
from reviewer.tui.widgets.change_label import change_text


class PackageTree(Tree[str]):
    """Node data is a graph node id (package key or importer node)."""

    def __init__(self, session: ReviewSession, *, id: str | None = None) -> None:
        label = one_line(session.graph.lockfile.path.name)
        super().__init__(label, id=id)
        self.session = session
        self.palette: Palette = DEFAULT_PALETTE
        self.show_root = False
        self.guide_depth = 3

    def on_mount(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        importers = sorted(self.session.graph.importers.values(), key=lambda i: i.path)
        for importer in importers:
            node = self.root.add(Text.assemble(("⌂ ", self.palette.muted), one_line(importer.label)),
                                 data=importer.node, allow_expand=True)
            if len(importers) == 1:
                self._fill(node)
                node.expand()
        self.root.expand()

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self.rebuild()

    def label_for(self, node_id: str, spec: str | None = None) -> Text:
        if is_importer_node(node_id):
            return Text.assemble(("⌂ ", self.palette.muted), one_line(self.session.graph.label(node_id)))
        package = self.session.package(node_id)
        change = self.session.change_of(node_id)
        if change is None:
            text = Text.assemble(one_line(package.name), ("@", self.palette.muted),
                                 one_line(package.version))
        else:  # review mode: what the upgrade did to this package, as in the table
            text = Text.assemble(one_line(package.name), "  ", change_text(change, self.palette))
        text.append("  ")
        text.append_text(badge_text(self.session.findings.get(node_id), self.palette))
        state = self.session.state(node_id)
        text.append(f"  {state.value}", style=self.palette.for_state(state))
        return text

    def _fill(self, node: TreeNode[str]) -> None:
        if node.children or node.data is None:
            return
        edges = sorted(self.session.graph.dependencies(node.data), key=lambda e: e.name)
        for edge in edges:
            has_children = bool(self.session.graph.dependencies(edge.target))
            node.add(self.label_for(edge.target), data=edge.target, allow_expand=has_children)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._fill(event.node)

    @property
    def current_key(self) -> str | None:
        node = self.cursor_node
        if node is None or node.data is None or is_importer_node(node.data):
            return None
        return node.data

    def refresh_keys(self, keys: set[str]) -> None:
        """Relabel the expanded nodes showing `keys`."""
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.data in keys:
                node.set_label(self.label_for(node.data))
            if node.is_expanded:
                stack.extend(node.children)
