"""yarn.lock: yarn classic ("# yarn lockfile v1") or yarn berry (`__metadata`), by content."""

from __future__ import annotations

import re
from pathlib import Path

from reviewer.errors import LockfileError
from reviewer.graph.model import Graph

_BERRY_METADATA = re.compile(r"^__metadata:", re.MULTILINE)
SNIFF_CHARS = 4096


def parse(path: Path, text: str) -> Graph:
    """Parse a yarn.lock of either kind. Raises LockfileError."""
    head = text[:SNIFF_CHARS]
    if "# yarn lockfile v1" in head:
        from reviewer.lockfiles import yarn_classic

        return yarn_classic.parse(path, text)
    if _BERRY_METADATA.search(head):
        from reviewer.lockfiles import yarn_berry

        return yarn_berry.parse(path, text)
    if not text.strip():
        raise LockfileError(path, "empty file")
    raise LockfileError(
        path,
        "not a yarn lockfile: neither the '# yarn lockfile v1' marker (yarn classic) "
        "nor a __metadata block (yarn berry)",
    )
