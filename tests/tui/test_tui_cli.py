"""`reviewer tui` / `reviewer demo` as a person runs them: a load error before Textual, and
one scripted run of the demo in tmux (send-keys, capture-pane)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_a_load_error_is_one_line_and_exit_2_before_textual(tmp_path: Path):
    (tmp_path / "package-lock.json").write_text("{ not json")
    code = ("import sys; from reviewer.cli.main import main; rc = main(['tui', sys.argv[1]]); "
            "sys.exit(99 if 'textual' in sys.modules else rc)")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                            text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reviewer: error:") and "package-lock.json" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (tmp_path / "reviewer-policy.toml").exists()


def test_a_missing_lockfile_is_one_line_and_exit_2(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "reviewer", str(tmp_path)], capture_output=True,
                            text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no lockfile found" in result.stderr


def _filter(tmux: Tmux, text: str) -> str:
    """Focus the filter and type `text` one key at a time; on a loaded machine a key can
    arrive while focus is still moving, so clear and type once more before failing."""
    for attempt in range(2):
        tmux.keys("/")
        time.sleep(1)
        for char in text:
            tmux.keys("-l", char)
        try:
            return tmux.wait_for(r" 1/\d+ shown", regex=True, timeout=30 if attempt == 0 else 60)
        except AssertionError:
            if attempt:
                raise
            tmux.keys("Escape")
    raise AssertionError("unreachable")


class Tmux:
    def __init__(self, width: int, height: int) -> None:
        self.socket = f"reviewer-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def run(self, *args: str) -> str:
        # COLUMNS/LINES (set by pytest's terminal) would override the pane's real size
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=20, env=env).stdout

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", "t", "-x", str(self.width), "-y", str(self.height), command)
        self.run("resize-window", "-t", "t", "-x", str(self.width), "-y", str(self.height))

    def keys(self, *keys: str) -> None:
        """Type like a person: one key, then a short pause."""
        self.run("send-keys", "-t", "t", *keys)
        time.sleep(0.3)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 60, regex: bool = False) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if (re.search(text, shown) if regex else text in shown):
                return shown
            time.sleep(0.25)
        raise AssertionError(f"{text!r} did not appear; the screen was:\n{shown}")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)


def _demo_in_tmux(tmp_path: Path, width: int, height: int) -> tuple[Tmux, Path]:
    assert shutil.which("tmux"), "tmux is required for this test (.ci/run installs it)"
    into = tmp_path / "demo"
    # tmux sets TERM itself (tmux-256color); overriding it garbles partial repaints
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = (f"cd {shlex.quote(str(ROOT))} && {shlex.quote(sys.executable)} -m reviewer demo "
               f"--into {shlex.quote(str(into))}; echo EXITED-$?; sleep 60")
    tmux = Tmux(width, height)
    env_args = [f"{k}={v}" for k, v in env.items() if k in ("XDG_CONFIG_HOME", "PATH", "HOME")]
    tmux.start("env -u COLUMNS -u LINES " + " ".join(shlex.quote(a) for a in env_args) + " sh -c " + shlex.quote(command))
    return tmux, into


@pytest.mark.slow
def test_demo_in_tmux_review_decide_save_quit(tmp_path: Path):
    tmux, into = _demo_in_tmux(tmp_path, 120, 40)
    try:
        summary = tmux.wait_for("packages locked")
        assert "Install scripts" in summary and "Riskiest packages" in summary
        tmux.wait_for("unreviewed.")  # the scan finished
        time.sleep(1)
        tmux.keys("s")
        main = tmux.wait_for("Overview")
        assert "Package" in main and "Code" in main and "Maintainers" in main
        tmux.wait_for("a Approve")  # the table has focus: the main screen is ready
        filtered = _filter(tmux, "crossenv")
        assert "crossenv" in filtered and "shown" in filtered
        tmux.keys("Enter")
        time.sleep(0.5)
        tmux.keys("a")
        asked = tmux.wait_for("Approve crossenv@7.0.3?")  # a typosquat (high): a second look
        assert "high typosquat" in asked
        tmux.keys("y")
        tmux.wait_for("1 unsaved")
        tmux.keys("C-s")
        tmux.wait_for("Saved")
        tmux.keys("d")  # crossenv has no install scripts: a ban is offered first
        tmux.wait_for("Ban crossenv?")
        tmux.keys("n")  # deny its scripts only
        tmux.wait_for("1 unsaved")
        tmux.keys("q")
        tmux.wait_for("Unsaved decisions")
        tmux.keys("y")
        tmux.wait_for("EXITED-0")
    finally:
        tmux.kill()
    text = (into / "reviewer-policy.toml").read_text()
    assert 'name = "crossenv"' in text and 'version = "7.0.3"' in text  # approved and saved
    assert 'decision = "deny"' not in text  # the deny was not saved: quitting discarded it


@pytest.mark.slow
def test_demo_in_tmux_at_80x24_story_detail_diff_note(tmp_path: Path):
    """A newcomer at 80x24: a story from the summary, the takeover's detail full screen,
    its Diff tab reading 1.3.1 → 1.3.2, Escape back, Tab to the detail, a note saved."""
    tmux, into = _demo_in_tmux(tmp_path, 80, 24)
    try:
        summary = tmux.wait_for("Where to look first")
        tmux.wait_for("unreviewed.")  # the scan finished
        summary = tmux.wait_for("code findings (1)")
        assert "recent releases (2)" in summary and "new publishers (2)" in summary
        assert all(len(line) <= 80 for line in summary.splitlines())
        tmux.keys("Down")
        tmux.keys("Down")
        tmux.keys("Down")  # code findings
        tmux.keys("Enter")
        listed = tmux.wait_for("story: code findings")
        assert "tiny-json-merge" in listed and "1/536 shown" in listed
        assert "a Approve" in listed and "q Quit" in listed and "? Help" in listed  # footer
        time.sleep(1)
        tmux.keys("Enter")  # the detail, full screen: the list is out of the way
        full = tmux.wait_for(r"\A(?![\s\S]*Package )[\s\S]*Deep-merge plain JSON objects", regex=True)
        assert "Overview" in full
        for _ in range(8):  # ] steps the tabs (a key may land while the pane still loads)
            if "(locked)" in tmux.screen():
                break
            tmux.keys("]")
            time.sleep(1)
        diff = tmux.wait_for("(locked)")
        assert "tiny-json-merge@1.3.1 → tiny-json-merge@1.3.2 (locked)" in diff
        assert re.search(r"added +scripts/setup\.js", diff), diff
        assert "+ scripts.postinstall: node scripts/setup.js" in diff
        (tmp_path / "diff-80x24.txt").write_text(diff)
        tmux.keys("Escape")
        time.sleep(1)  # a key right after Escape would read as an escape sequence
        back = tmux.wait_for("Package ")
        assert "story: code findings" in back
        tmux.keys("Escape")
        time.sleep(1)
        tmux.wait_for("536/536 shown")
        tmux.keys("n")
        tmux.wait_for("Note on")
        for char in "watch the postinstall":
            tmux.keys("-l", char)
        tmux.keys("Enter")
        tmux.wait_for("1 unsaved")
        tmux.keys("C-s")
        tmux.wait_for("Saved")
        tmux.keys("q")
        tmux.wait_for("EXITED-0")
    finally:
        tmux.kill()
    text = (into / "reviewer-policy.toml").read_text()
    assert "[[notes]]" in text and 'note = "watch the postinstall"' in text
    assert 'name = "tiny-json-merge"' in text and "[[pins]]" not in text
