"""The session's bridge to `reviewer.policy`: read the review states a policy file records
and apply the session's pending decisions to it, atomically and under the policy lock."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.graph.model import Graph
from reviewer.policy import Policy, PolicyStore, current_user

if TYPE_CHECKING:
    from reviewer.session import Decision


def load(policy_file: Path) -> Policy:
    """The policy at `policy_file` (empty when the file does not exist). Raises PolicyError."""
    return PolicyStore.load(policy_file)


def states(policy: Policy, graph: Graph) -> Iterator[tuple[str, str, str | None]]:
    """(package key, review state, note) for every locked package the policy decides."""
    from reviewer.policy.decisions import review_states

    return review_states(policy, graph)


def apply(policy_file: Path, decisions: Sequence[Decision], scripted: set[str]) -> list[str]:
    """Apply `decisions` in order to the policy file and save it (atomic, locked).

    `scripted` holds the `name@version` of packages with install scripts: approving one of
    them also allows its scripts. Returns messages about notes that had nothing to attach to.
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
            elif decision.action == "ban":
                policy.ban(name, decision.note or f"banned by {by}", by)
            elif decision.action == "accept-advisory" and decision.advisory:
                policy.accept_advisory(decision.advisory, target, decision.note or "",
                                       decision.expires, by)
            elif decision.action == "note" and version is not None:
                if not _attach_note(policy, name, version, decision.note or ""):
                    messages.append(f"note on {target} kept for its next approve or deny")
    return messages


def _attach_note(policy: Policy, name: str, version: str, note: str) -> bool:
    """Put `note` on the existing pin or script decision of name@version."""
    attached = False
    pin = policy.pin_for(name, version)
    if pin is not None:
        policy.approve(name, version, pin.integrity, pin.approved_by, note=note, date=pin.date)
        attached = True
    allowed = policy.allowed_entry(name, version)
    if allowed is not None:
        policy.allow_scripts(name, version, allowed.integrity, allowed.by or current_user(),
                             note=note, date=allowed.date)
        attached = True
    denied = policy.deny_entry(name, version)
    if denied is not None and not attached:
        policy.deny(denied.name, denied.version, denied.by, note=note, date=denied.date)
        attached = True
    return attached
