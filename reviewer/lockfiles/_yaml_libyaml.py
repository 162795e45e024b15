"""The slow, complete path of `_yaml`: PyYAML's libyaml parser, without type resolution."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from reviewer.errors import LockfileError
from reviewer.lockfiles._yaml import NULLS, YamlDocument
from reviewer.lockfiles.manifest import printable

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: the pure-Python parser is slower but equal
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _NodeParser(_Parser, BaseResolver):
    """PyYAML's parser and composer without any type resolution: gives a node tree."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)


def libyaml_load(path: Path, text: str) -> YamlDocument:
    """Load with libyaml. Raises LockfileError naming `path`, the fault and the line."""
    try:
        node = _NodeParser(text).get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "malformed"
        # A mark past the end (an unclosed bracket at the end of a truncated file) names the last line.
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        line = min(mark.line + 1, max(last_line, 1)) if mark is not None else None
        raise LockfileError(path, f"malformed YAML: {printable(problem)}", line) from None
    except yaml.YAMLError as error:
        first_line = (str(error).splitlines() or ["malformed"])[0]
        raise LockfileError(path, f"malformed YAML: {printable(first_line)}") from None
    except RecursionError:
        raise LockfileError(path, "malformed YAML: nested too deeply") from None
    if node is None:
        return YamlDocument(None)
    lines: dict[tuple[str, ...], int] = {}
    try:
        data = _NodeBuilder(path, lines).build(node, 0, ())
    except RecursionError:
        raise LockfileError(path, "malformed YAML: nested too deeply") from None
    return YamlDocument(data, lines)


class _NodeBuilder:
    """Turns a node tree into dicts, lists and strings; aliases share one built object."""

    def __init__(self, path: Path, lines: dict[tuple[str, ...], int]) -> None:
        self.path = path
        self.lines = lines
        self.built: dict[int, Any] = {}

    def build(self, node: Node, depth: int, keys: tuple[str, ...]) -> Any:
        held = self.built.get(id(node))
        if held is not None:
            return held
        if isinstance(node, ScalarNode):
            value = node.value
            # a plain scalar's style is None (pure-Python parser) or "" (libyaml)
            return None if not node.style and value in NULLS else value
        if isinstance(node, SequenceNode):
            items: list[Any] = []
            self.built[id(node)] = items
            items.extend(self.build(child, depth + 1, ()) for child in node.value)
            return items
        assert isinstance(node, MappingNode)
        mapping: dict[str, Any] = {}
        self.built[id(node)] = mapping
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise LockfileError(
                    self.path,
                    "malformed YAML: a mapping key is not a string",
                    key_node.start_mark.line + 1,
                )
            key = key_node.value
            if depth < 2 and not node.flow_style:
                self.lines.setdefault((*keys, key), key_node.start_mark.line + 1)
            mapping[key] = self.build(value_node, depth + 1, (*keys, key) if depth < 2 else ())
        return mapping
