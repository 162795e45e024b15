"""Batch commands make young garbage collections rare while they run (issue 17: a third
of `check`'s CPU on a 10,000-entry lockfile went to the collector) and restore the
thresholds after; the TUI manages collection itself (tui/memory.py)."""

from __future__ import annotations

import gc
from types import SimpleNamespace

import pytest

from reviewer.cli import main as cli


def _replace_run(monkeypatch, run):
    """Every command's module, with `run` replaced (its options stay)."""
    real = cli._command_module
    monkeypatch.setattr(cli, "_command_module", lambda name: SimpleNamespace(
        run=run, add_arguments=real(name).add_arguments))


@pytest.mark.parametrize(("command", "batch"), [("list", True), ("check", True),
                                                ("tui", False)])
def test_thresholds_while_a_command_runs(command, batch, monkeypatch, tmp_path):
    seen = []

    def run(args):
        seen.append(gc.get_threshold())
        return 0

    _replace_run(monkeypatch, run)
    before = gc.get_threshold()
    assert cli.main([command, str(tmp_path)]) == 0
    assert gc.get_threshold() == before
    if batch:
        assert seen[0][0] >= 100_000 > before[0]
    else:
        assert seen[0] == before


def test_thresholds_are_restored_after_an_error(monkeypatch, tmp_path, capsys):
    def run(args):
        raise RuntimeError("boom")

    _replace_run(monkeypatch, run)
    before = gc.get_threshold()
    assert cli.main(["list", str(tmp_path)]) == 2
    assert gc.get_threshold() == before
    assert "internal error: RuntimeError: boom" in capsys.readouterr().err
