"""Where reviewer keeps its files: the metadata cache directory.

`--cache-dir DIR` wins, then `REVIEWER_CACHE_DIR`, then the platform's user cache
directory (platformdirs `user_cache_dir("reviewer")`, e.g. `~/.cache/reviewer` on Linux).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

CACHE_ENV = "REVIEWER_CACHE_DIR"


def cache_dir(override: str | os.PathLike[str] | None = None,
              env: Mapping[str, str] | None = None) -> Path:
    """The root cache directory (not created here)."""
    if override:
        return Path(override).expanduser()
    environ = os.environ if env is None else env
    if environ.get(CACHE_ENV):
        return Path(environ[CACHE_ENV]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("reviewer", appauthor=False))


def metadata_cache_dir(root: Path) -> Path:
    """The diskcache directory inside the cache root. Only this directory is ever deleted
    (by `cache clear` or corrupt-cache recovery), so `--cache-dir` may name a shared folder."""
    return root / "metadata-v2"
