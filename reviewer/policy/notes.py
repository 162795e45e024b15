"""Notes on packages: what a reviewer wrote about name@version, whatever its decision.

A note is its own `[[notes]]` entry (name, version, note, by, date), kept in name and
version order like the pins, so that each package's note sits in one place with who wrote
it and when, and is read back the next time (`note_of`). A note on a package that is also
approved or denied stays in `[[notes]]`; the decision's own `note` field (written by
`approve`/`deny` with a note) is the fallback when there is no `[[notes]]` entry.
"""

from __future__ import annotations

import datetime as dt

from reviewer.policy.model import Policy


def record_note(policy: Policy, name: str, version: str, note: str, by: str,
                date: dt.date | None = None) -> None:
    """Save `note` on name@version (an empty note removes it)."""
    if note.strip():
        policy.set_note(name, version, note.strip(), by, date)
    else:
        policy.drop_note(name, version)


def note_of(policy: Policy, name: str, version: str) -> str | None:
    """The note on name@version: its `[[notes]]` entry, else its pin's or script decision's."""
    entry = policy.note_entry(name, version)
    if entry is not None:
        return entry.note
    pin = policy.pin_for(name, version)
    if pin is not None and pin.note:
        return pin.note
    for decision in (policy.allowed_entry(name, version), policy.deny_entry(name, version)):
        if decision is not None and decision.note:
            return decision.note
    return None
