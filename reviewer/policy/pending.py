"""Decisions not yet written: typed policy edits, applied to a policy by `PolicyStore`.

The terminal UI records one edit per decision and saves them all at once
(`PolicyStore.save_edits`), refusing when the file changed on disk since it was loaded;
`conflicts` then says which of the edits touch a package that someone else decided
meanwhile, for the user to see before re-applying them onto the new file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.policy.model import Policy
from reviewer.policy.notes import record_note


@dataclass(frozen=True, slots=True)
class Approve:
    """Pin name@version at `integrity`; with `allow_scripts`, allow its install scripts."""

    name: str
    version: str
    integrity: str | None
    allow_scripts: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Deny:
    """Deny the install scripts of name@version (every version when `version` is None)."""

    name: str
    version: str | None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A note on name@version, decided or not (`[[notes]]`, `reviewer.policy.notes`)."""

    name: str
    version: str
    text: str


@dataclass(frozen=True, slots=True)
class AcceptAdvisory:
    """Accept advisory `advisory` for name@version, with a reason, until `expires`."""

    advisory: str
    name: str
    version: str | None
    reason: str
    expires: dt.date | None = None


@dataclass(frozen=True, slots=True)
class BanPackage:
    """Ban the package `name` (every version): `check` fails while it is locked."""

    name: str
    reason: str | None = None
    version: None = None


PolicyEdit = Approve | Deny | Note | AcceptAdvisory | BanPackage


def target(edit: PolicyEdit) -> str:
    """`name@version` (or `name`) the edit is about."""
    return f"{edit.name}@{edit.version}" if edit.version else edit.name


def apply_edits(policy: Policy, edits: Sequence[PolicyEdit], by: str) -> list[str]:
    """Apply `edits` in order. Returns messages for the user (none so far)."""
    messages: list[str] = []
    for edit in edits:
        match edit:
            case Approve(name, version, integrity, allow_scripts, note):
                policy.approve(name, version, integrity, by, note=note)
                if allow_scripts:
                    policy.allow_scripts(name, version, integrity, by, note=note)
            case Deny(name, version, note):
                policy.deny(name, version, by, note=note)
            case AcceptAdvisory(advisory, _, _, reason, expires):
                policy.accept_advisory(advisory, target(edit), reason, expires, by)
            case BanPackage(name, reason):
                policy.ban(name, reason or f"banned by {by}", by)
            case Note(name, version, text):
                record_note(policy, name, version, text, by)
    return messages


def decided(policy: Policy, edit: PolicyEdit) -> str:
    """What `policy` records about the package (or advisory) an edit is about, as a line."""
    if isinstance(edit, AcceptAdvisory):
        found = policy.advisory_decision(edit.advisory, edit.name, edit.version)
        if found is None:
            return "no decision"
        kind = found.decision.value
        return f"{kind} ({found.reason})" if found.reason else kind
    parts: list[str] = []
    if isinstance(edit, BanPackage):
        bans = [b for b in policy.bans if b.name == edit.name]
        return ", ".join(f"banned ({b.package}: {b.reason})" for b in bans) or "no decision"
    version = edit.version
    denied = policy.deny_entry(edit.name, version)
    if denied is not None:
        parts.append("denied" + (f" by {denied.by}" if denied.by else "")
                     + (f" ({denied.note})" if denied.note else ""))
    if version is not None:
        allowed = policy.allowed_entry(edit.name, version)
        if allowed is not None:
            parts.append("scripts allowed" + (f" by {allowed.by}" if allowed.by else "")
                         + (f" ({allowed.note})" if allowed.note else ""))
        pin = policy.pin_for(edit.name, version)
        if pin is not None:
            parts.append("pinned" + (f" by {pin.approved_by}" if pin.approved_by else "")
                         + (f" ({pin.note})" if pin.note else ""))
    return ", ".join(parts) or "no decision"


def conflicts(loaded: Policy, current: Policy, edits: Sequence[PolicyEdit]) -> list[str]:
    """One line per edit whose package (or advisory) someone else decided differently
    between `loaded` (what the edits were made against) and `current` (the file now)."""
    lines: list[str] = []
    seen: set[tuple[str, str]] = set()
    for edit in edits:
        kind = f"advisory {edit.advisory}" if isinstance(edit, AcceptAdvisory) else "package"
        key = (kind, target(edit))
        if key in seen:
            continue
        seen.add(key)
        before, now = decided(loaded, edit), decided(current, edit)
        if before != now:
            what = f"{target(edit)}" + (f" ({kind})" if isinstance(edit, AcceptAdvisory) else "")
            lines.append(f"{what}: now {now} (was {before} when loaded)")
    return lines
