"""Save never loses someone else's work: when another process changes the policy file
after the TUI loaded it, ctrl+s refuses (nothing written), shows the conflicts, and only
re-applies the decisions onto the new file when asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Static
from tui_helpers import policy_text, rendered_text, settle

from reviewer.errors import PolicyChangedError
from reviewer.policy import PolicyStore
from reviewer.tui.screens.confirm import ConfirmScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.summary import SummaryScreen

SIZE = (140, 40)
OTHER_REVIEWER = """
from reviewer.policy import PolicyStore
with PolicyStore.edit({path!r}) as policy:
    policy.deny("left-pad", "1.3.0", "bob", note="we use our fork")
"""


def other_process_denies(project: Path) -> None:
    """A second `reviewer` process writes the policy file (through its own store)."""
    code = OTHER_REVIEWER.format(path=str(project / "reviewer-policy.toml"))
    subprocess.run([sys.executable, "-c", code], check=True)


def test_session_save_refuses_a_policy_changed_since_load(make_session, project: Path) -> None:
    (project / "reviewer-policy.toml").write_text("version = 1\n")
    session = make_session()
    session.approve("left-pad@1.3.0", note="fine")
    other_process_denies(project)
    before = policy_text(project)
    try:
        session.save()
    except PolicyChangedError as error:
        assert "changed by someone else" in str(error)
    else:
        raise AssertionError("saved over a policy changed on disk")
    assert policy_text(project) == before and session.dirty
    assert session.conflicts() == [
        "left-pad@1.3.0: now denied by bob (we use our fork) (was no decision when loaded)"]
    session.reload()
    session.save()
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    denied = policy.deny_entry("left-pad", "1.3.0")
    assert denied is not None and denied.note == "we use our fork"  # bob's work is kept
    assert policy.pin_for("left-pad", "1.3.0") is not None  # and ours re-applied onto it


async def test_tui_refuses_shows_conflicts_and_reapplies_on_request(make_app, project: Path):
    (project / "reviewer-policy.toml").write_text("version = 1\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        if isinstance(app.screen, SummaryScreen):
            await pilot.press("s")
            await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        main.jump_to("left-pad@1.3.0")
        await pilot.pause()
        await pilot.press("a", "y")  # approve (y: past the second look at its advisory)
        other_process_denies(project)
        written_by_bob = policy_text(project)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        body = rendered_text(app.screen.query_one(".dialog-body", Static))
        assert "changed by someone else" in body and "nothing was saved" in body
        assert "left-pad@1.3.0: now denied by bob (we use our fork)" in body
        assert policy_text(project) == written_by_bob and app.session.dirty  # no overwrite
        await pilot.press("n")  # keep the decisions unsaved
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.session.dirty
        assert policy_text(project) == written_by_bob
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")  # reload and re-apply
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and not app.session.dirty
    text = policy_text(project)
    assert "we use our fork" in text and 'name = "left-pad"' in text
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    assert policy.pin_for("left-pad", "1.3.0") is not None
