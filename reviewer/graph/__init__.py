"""One dependency-graph model, whatever lockfile it came from."""

from reviewer.graph.model import (
    DepKind,
    Edge,
    Graph,
    Importer,
    LockfileInfo,
    Package,
    Source,
    importer_node,
)

__all__ = [
    "DepKind",
    "Edge",
    "Graph",
    "Importer",
    "LockfileInfo",
    "Package",
    "Source",
    "importer_node",
]
