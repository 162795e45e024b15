"""The demo's data ships in the wheel as one archive (checked against the installed RECORD)."""

from __future__ import annotations

from importlib.metadata import distribution

import pytest

from reviewer.demo.archive import ARCHIVE_NAME, DemoArchive


def test_installed_wheel_records_the_demo_archive_and_not_the_generator() -> None:
    recorded = {str(f).replace("\\", "/") for f in distribution("reviewer").files or ()}
    if not any(path.startswith("reviewer/demo/") for path in recorded):
        pytest.skip("reviewer is installed in editable mode here: no wheel RECORD to check "
                    "(CI installs the wheel; `pip wheel . && unzip -l` checks by hand)")
    assert f"reviewer/demo/{ARCHIVE_NAME}" in recorded
    assert not any("demo_generator" in path for path in recorded)


def test_the_archive_holds_the_project_and_its_registry() -> None:
    files = DemoArchive.bundled().files
    assert "project/package-lock.json" in files and "registry/index.json" in files
    assert sum(1 for p in files if p.startswith("registry/packuments/")) > 300
