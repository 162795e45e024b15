"""Notes on packages (`reviewer.policy.notes`): a `[[notes]]` entry per name@version, with
who and when, in name and version order, read back next time; decided or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reviewer.errors import PolicyError
from reviewer.policy import PolicyStore, default_policy_path
from reviewer.policy.notes import note_of, record_note

DAY = dt.date(2026, 11, 25)


def test_notes_sit_in_their_own_entries_sorted_with_who_and_when(tmp_path: Path) -> None:
    path = default_policy_path(tmp_path)
    policy = PolicyStore.load(path)
    policy.approve("left-pad", "1.3.0", "sha512-x", "alice", date=DAY)
    record_note(policy, "zod", "3.25.0", "watch the next major", "bob", DAY)
    record_note(policy, "left-pad", "1.3.0", "pinned for the build", "alice", DAY)
    record_note(policy, "left-pad", "1.10.0", "not yet", "alice", DAY)  # no decision at all
    PolicyStore.save(policy)
    text = path.read_text()
    assert ('[[notes]]\nname = "left-pad"\nversion = "1.3.0"\nnote = "pinned for the build"\n'
            'by = "alice"\ndate = 2026-11-25\n') in text
    names = [line for line in text.splitlines() if line.startswith(("name =", "version = \""))]
    # the pin first, then the notes in name and natural version order
    assert names == ['name = "left-pad"', 'version = "1.3.0"', 'name = "left-pad"',
                     'version = "1.3.0"', 'name = "left-pad"', 'version = "1.10.0"',
                     'name = "zod"', 'version = "3.25.0"']
    assert "\n\n\n" not in text
    again = PolicyStore.load(path)
    assert note_of(again, "zod", "3.25.0") == "watch the next major"
    assert note_of(again, "left-pad", "1.10.0") == "not yet"
    assert [(n.name, n.version, n.by, n.date) for n in again.notes][0] == ("left-pad", "1.3.0", "alice", DAY)
    record_note(again, "zod", "3.25.0", "changed my mind", "carol", DAY)  # replaced, not added
    record_note(again, "left-pad", "1.10.0", "  ", "carol")  # an empty note removes it
    PolicyStore.save(again)
    last = PolicyStore.load(path)
    assert note_of(last, "zod", "3.25.0") == "changed my mind"
    assert note_of(last, "left-pad", "1.10.0") is None and len(last.notes) == 2


def test_a_decisions_own_note_is_the_fallback(tmp_path: Path) -> None:
    path = default_policy_path(tmp_path)
    policy = PolicyStore.load(path)
    policy.deny("evil", "1.0.0", "alice", note="steals tokens", date=DAY)
    assert note_of(policy, "evil", "1.0.0") == "steals tokens"
    record_note(policy, "evil", "1.0.0", "reported upstream", "bob", DAY)
    assert note_of(policy, "evil", "1.0.0") == "reported upstream"


def test_a_bad_notes_entry_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "reviewer-policy.toml"
    path.write_text('version = 1\n\n[[notes]]\nname = "a"\nversion = "1.0.0"\nnote = "x"\ncolour = "red"\n')
    with pytest.raises(PolicyError, match="notes"):
        PolicyStore.load(path)  # validated on load
