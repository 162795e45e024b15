"""Fixtures for the export tests: an empty metadata cache for every test (no test may see a
developer's), and `registry`: Verdaccio with the package-manager test packages published."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def empty_metadata_cache(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("cache") / "absent"
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(path))
    return path


@pytest.fixture(scope="module")
def registry(verdaccio):  # type: ignore[no-untyped-def]
    from pm_projects import publish_script_packages

    return publish_script_packages(verdaccio)
