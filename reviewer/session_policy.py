"""The session's bridge to `reviewer.policy`: read the review states a policy file records
and apply the session's pending decisions to it, atomically and under the policy lock."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.graph.model import Graph
from reviewer.policy import Policy, PolicyStore, ScriptState, current_user
from reviewer.policy.notes import note_of, record_note

if TYPE_CHECKING:
    from reviewer.session import Decision


def load(policy_file: Path) -> Policy:
    """The policy at `policy_file` (empty when the file does not exist). Raises PolicyError."""
    return PolicyStore.load(policy_file)


def states(policy: Policy, graph: Graph) -> Iterator[tuple[str, str, str | None]]:
    """(package key, review state, note) for every locked package the policy decides."""
    for package in graph:
        script = policy.script_state(package.name, package.version, package.integrity)
        pin = policy.pin_for(package.name, package.version)
        note = pin.note if pin is not None else None
        if script is ScriptState.DENIED:
            entry = policy.deny_entry(package.name, package.version)
            yield package.key, "denied", entry.note if entry is not None else note
        elif script is ScriptState.ALLOWED:
            entry = policy.allowed_entry(package.name, package.version)
            yield package.key, "allowed", (entry.note if entry is not None else None) or note
        elif pin is not None and (not pin.integrity or not package.integrity
                                  or pin.integrity == package.integrity):
            yield package.key, "pinned", note


def apply(policy_file: Path, decisions: Sequence[Decision], scripted: set[str]) -> list[str]:
    """Apply `decisions` in order to the policy file and save it (atomic, locked).

    `scripted` holds the `name@version` of packages with install scripts: approving one of
    them also allows its scripts. A note is saved on any package (`reviewer.policy.notes`).
    Returns messages for the user.
    """
    messages: list[str] = []
    by = current_user()
    with PolicyStore.edit(policy_file) as policy:
        for decision in decisions:
            name, version = decision.name, decision.version
            target = f"{name}@{version}" if version else name
            if decision.action == "approve" and version is not None:
                policy.approve(name, version, decision.integrity, by, note=decision.note)
                if target in scripted:
                    policy.allow_scripts(name, version, decision.integrity, by, note=decision.note)
            elif decision.action == "deny":
                policy.deny(name, version, by, note=decision.note)
            elif decision.action == "accept-advisory" and decision.advisory:
                policy.accept_advisory(decision.advisory, target, decision.note or "",
                                       decision.expires, by)
            elif decision.action == "note" and version is not None:
                record_note(policy, name, version, decision.note or "", by)
    return messages


def notes(policy: Policy, graph: Graph) -> Iterator[tuple[str, str]]:
    """(package key, note) for every locked package the policy has a note on."""
    for package in graph:
        note = note_of(policy, package.name, package.version)
        if note:
            yield package.key, note
