"""A digest of some of reviewer's own source files: part of the key of every cached result
that those files compute (code analyses, parsed lockfiles), so that a result computed by an
older or edited version of the code is never used."""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


def source_digest(*parts: str) -> str:
    """A hash of the named parts of the package: a folder (its `*.py` files, not below)
    or a module file, relative to the package (`"code"`, `"errors.py"`)."""
    digest = hashlib.sha256()
    for part in parts:
        path = PACKAGE_DIR / part
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(f"{part}/{file.name}".encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
