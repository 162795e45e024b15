"""Fixtures for the export tests: `registry`, Verdaccio with the package-manager test
packages published (the empty metadata cache every test gets is in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def registry(verdaccio):  # type: ignore[no-untyped-def]
    from pm_projects import publish_script_packages

    return publish_script_packages(verdaccio)
