"""`reviewer review` from the command line without a registry (--no-signals), the TUI hook,
and diffs for changes that have no two tarballs."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import commit_all
from lockfile_edits import EDITS

from reviewer.cli.main import main
from reviewer.graph import Package, Source
from reviewer.review.changes import Change, ChangeKind
from reviewer.review.diffs import diff_change


def edited(corpus_repo: Callable[[str], Path], project: str = "mono-npm") -> Path:
    repo = corpus_repo(project)
    name, edit = EDITS[project]
    (repo / name).write_text(edit((repo / name).read_text(encoding="utf-8")), encoding="utf-8")
    commit_all(repo, "bump")
    return repo


def test_fail_on_a_republish_without_signals(corpus_repo: Callable[[str], Path],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    repo = edited(corpus_repo)
    assert main(["review", "--base", "HEAD~1", str(repo), "--no-signals", "--format", "json",
                 "--fail-on", "high"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["severity"] == "high"
    assert [c["kind"] for c in data["changes"] if c["severity"]] == ["republished"]
    assert all(c["signals"] == [] for c in data["changes"])
    assert main(["review", "--base", "HEAD~1", str(repo), "--no-signals", "--format", "json",
                 "--fail-on", "critical"]) == 0


def test_markdown_and_text_without_signals(corpus_repo: Callable[[str], Path],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo = edited(corpus_repo, "mono-pnpm")
    assert main(["review", "--base", "HEAD~1", str(repo), "--no-signals",
                 "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("### Dependency review\n")
    assert "| zod | upgraded | 3.25.76 | 3.25.99 |  |  |" in markdown
    # a section only for the changes with something beyond their table row: here the
    # republish and the source change say why (the others have no signal: --no-signals)
    assert markdown.count("<details>") == 2
    assert "<summary>wrappy " in markdown and "<summary>zod " not in markdown
    assert main(["review", "--base", "HEAD~1", str(repo), "--no-signals"]) == 0
    text = capsys.readouterr().out
    assert "5 changes: 1 added, 1 removed, 1 upgraded, 1 republished, 1 source-changed" in text
    assert "wrappy 1.0.2 -> 1.0.2  source-changed" in text


def test_tui_flag_opens_the_review_mode_on_the_change_set(
    corpus_repo: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reviewer.cli.commands.tui_cmd as tui_cmd

    launched: list[tuple[object, bool]] = []

    def fake_launch(session: object, args: object, started: float,
                    review_mode: bool = False) -> int:
        launched.append((session, review_mode))
        return 0

    monkeypatch.setattr(tui_cmd, "launch", fake_launch)
    repo = edited(corpus_repo)
    assert main(["review", "--base", "HEAD~1", str(repo), "--no-signals", "--tui",
                 "--offline"]) == 0
    assert capsys.readouterr().out == ""  # the TUI, not the text report
    [(session, review_mode)] = launched
    assert review_mode is True
    change_set = session.change_set  # type: ignore[attr-defined]
    zod = [c for c in change_set if c.name == "zod"]
    assert [(c.from_version, c.to_version, c.kind.value) for c in zod] == [
        ("3.25.76", "3.25.99", "upgraded")
    ]
    assert session.changed == change_set.head_keys()  # type: ignore[attr-defined]
    assert session.change_of(zod[0].head.key) is zod[0]  # type: ignore[attr-defined]
    assert [c.kind.value for c in session.removed_changes()] == ["removed"]  # type: ignore[attr-defined]

    # Nothing changed: the text report says so instead of an empty TUI.
    assert main(["review", "--base", "HEAD", str(repo), "--no-signals", "--tui",
                 "--offline"]) == 0
    assert len(launched) == 1
    assert "no change" in capsys.readouterr().out.lower()
    # --tui and a machine format exclude each other.
    assert main(["review", "--base", "HEAD~1", str(repo), "--tui", "--format", "json"]) == 2
    assert len(launched) == 1


def test_no_diff_without_two_published_tarballs() -> None:
    class NoProvider:
        async def packument(self, name: str) -> object:
            raise AssertionError("not called")

        async def tarball(self, *args: object) -> object:
            raise AssertionError("not called")

    old = Package("wrappy", "1.0.2", "sha512-A")
    new = Package("wrappy", "1.0.2", None, "git+ssh://git@github.com/npm/wrappy.git#abc",
                  Source.GIT)
    change = Change("wrappy", "1.0.2", "1.0.2", ChangeKind.SOURCE_CHANGED, old, new)
    diff = asyncio.run(diff_change(change, NoProvider()))  # type: ignore[arg-type]
    assert diff is not None and diff.files == ()
    assert diff.error == ("wrappy@1.0.2 comes from a git source: no published tarball to compare")
    added = Change("x", None, "1.0.0", ChangeKind.ADDED, None, Package("x", "1.0.0"))
    assert asyncio.run(diff_change(added, NoProvider())) is None  # type: ignore[arg-type]


def test_offline_run_is_headless_and_reports_unknowns(corpus_repo: Callable[[str], Path],
                                                      tmp_path: Path) -> None:
    """The whole command (signals and diffs included) with an empty cache and --offline:
    nothing fetched, every registry signal unknown, no Textual or Rich imported."""
    import subprocess
    import sys

    repo = edited(corpus_repo)
    code = (
        "import io, json, sys, contextlib\n"
        "from reviewer.cli.main import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    status = main(['review', '--base', 'HEAD~1', {str(repo)!r}, '--format', 'json',\n"
        f"                   '--offline', '--diff', '--cache-dir', {str(tmp_path / 'c')!r}])\n"
        "print(json.dumps({'status': status, 'report': json.loads(out.getvalue()),\n"
        "                  'ui': sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "                               ('textual', 'rich'))}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    result = json.loads(done.stdout)
    assert result["ui"] == []
    assert result["status"] == 0
    changes = {c["name"]: c for c in result["report"]["changes"]}
    zod = changes["zod"]
    assert zod["signals"] and any(s["unknown"] for s in zod["signals"])
    assert "offline" in json.dumps(zod["signals"]) or "not available" in json.dumps(zod["signals"])
    assert zod["diff"]["error"] and zod["diff"]["files"] == []
    assert changes["js-tokens"]["signals"] == [] and "diff" not in changes["js-tokens"]
