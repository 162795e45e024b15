"""The demo's data files ship in the wheel (checked against the installed RECORD)."""

from __future__ import annotations

from importlib.metadata import distribution
from importlib.resources import files
from pathlib import Path

import pytest

DEMO = Path(str(files("reviewer.demo")))


def test_installed_wheel_records_every_demo_data_file() -> None:
    recorded = {str(f).replace("\\", "/") for f in distribution("reviewer").files or ()}
    if not any(path.startswith("reviewer/") for path in recorded):
        pytest.skip("reviewer is installed in editable mode here: no wheel RECORD to check "
                    "(CI installs the wheel; `pip wheel . && unzip -l` checks by hand)")
    data = {
        "reviewer/demo/" + p.relative_to(DEMO).as_posix()
        for sub in ("project", "registry")
        for p in (DEMO / sub).rglob("*")
        if p.is_file()
    }
    assert len(data) > 500
    assert sorted(data - recorded) == []
