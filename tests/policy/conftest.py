"""No test here may see a developer's metadata cache: point the cache at an empty directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def empty_metadata_cache(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("cache") / "absent"
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(path))
    return path
