"""The decisions side of a review session: review states as the policy records them, the
decisions made and still pending as typed policy edits (`reviewer.policy.pending`), saving
them onto the policy as it was loaded, conflicts with a file changed meanwhile, reloading,
and exporting the saved policy. `ReviewSession` (`reviewer.app.session`) is one of these
over its graph."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from reviewer.graph.model import Graph
from reviewer.policy.model import Policy
from reviewer.policy.pending import AcceptAdvisory, Approve, BanPackage, Deny, Note, PolicyEdit


class ReviewState(StrEnum):
    """Where a package stands with the policy (pending decisions included)."""

    UNREVIEWED = "unreviewed"
    PINNED = "pinned"
    """Approved at its exact version and integrity; it has no install script."""
    ALLOWED = "allowed"
    """Approved, install scripts allowed."""
    DENIED = "denied"
    BANNED = "banned"
    """The package itself is banned (`[[bans]]`): `check` fails while it is locked."""


class SessionDecisions:
    """Review states, notes and pending decisions over a graph and a policy file."""

    graph: Graph
    project_dir: Path
    policy_path: Path | None
    policy: Policy
    states: dict[str, ReviewState]
    notes: dict[str, str]
    accepted_advisories: dict[tuple[str, str], str]
    pending: list[PolicyEdit]

    def has_install_script(self, key: str) -> bool:
        raise NotImplementedError

    def approve(self, key: str, note: str | None = None) -> ReviewState:
        """Pin the exact version and integrity; allow its install scripts."""
        package = self.graph.packages[key]
        state = ReviewState.ALLOWED if self.has_install_script(key) else ReviewState.PINNED
        self.states[key] = state
        self.pending.append(Approve(package.name, package.version, package.integrity,
                                    allow_scripts=state is ReviewState.ALLOWED,
                                    note=note or self.notes.get(key)))
        return state

    def deny(self, key: str, note: str | None = None) -> ReviewState:
        package = self.graph.packages[key]
        self.states[key] = ReviewState.DENIED
        self.pending.append(Deny(package.name, package.version, note=note or self.notes.get(key)))
        return ReviewState.DENIED

    def ban(self, key: str, reason: str | None = None) -> ReviewState:
        """Ban the package (every version of its name): `check` fails while it is locked."""
        edit = BanPackage(self.graph.packages[key].name, reason or self.notes.get(key))
        self.pending.append(edit)
        self._show(edit)
        return ReviewState.BANNED

    def add_note(self, key: str, text: str) -> None:
        package = self.graph.packages[key]
        self.notes[key] = text
        self.pending.append(Note(package.name, package.version, text))

    def accept_advisory(self, key: str, advisory: str, reason: str, expires: date | None) -> None:
        package = self.graph.packages[key]
        until = f" (until {expires.isoformat()})" if expires else ""
        self.accepted_advisories[(key, advisory)] = f"{reason}{until}"
        self.pending.append(AcceptAdvisory(advisory, package.name, package.version, reason,
                                           expires))

    @property
    def policy_file(self) -> Path:
        return self.policy_path or self.project_dir / "reviewer-policy.toml"

    def save(self) -> list[str]:
        """Write the pending decisions onto the policy as it was loaded (atomic, locked).

        Raises PolicyChangedError when the file changed on disk since it was loaded, or
        another PolicyError; the decisions then stay pending. Returns messages for the
        user (notes that had nothing to attach to)."""
        from reviewer.policy.store import PolicyStore

        self.policy, messages = PolicyStore.save_edits(self.policy, self._edits_to_save())
        self.pending.clear()
        return messages

    def _edits_to_save(self) -> list[PolicyEdit]:
        """The pending edits; an approve also allows install scripts the scan found since."""
        return [replace(e, allow_scripts=True)
                if isinstance(e, Approve) and not e.allow_scripts
                and self.has_install_script(f"{e.name}@{e.version}") else e
                for e in self.pending]

    def conflicts(self) -> list[str]:
        """What the policy file on disk now decides differently from when it was loaded,
        about the packages and advisories of the pending decisions."""
        from reviewer.policy.pending import conflicts
        from reviewer.policy.store import PolicyStore

        return conflicts(self.policy, PolicyStore.load(self.policy_file), self.pending)

    def reload(self) -> None:
        """Take the policy file as it is now as the base (after a refused save): the
        pending decisions stay, to be re-applied onto it by the next `save()`."""
        self.policy = self._load_policy()
        self.states.clear()
        self.notes.clear()
        self._policy_states()
        for edit in self.pending:  # what the user decided here still shows
            self._show(edit)

    def _show(self, edit: PolicyEdit) -> None:
        if isinstance(edit, BanPackage):
            for package in self.graph.find(edit.name):
                self.states[package.key] = ReviewState.BANNED
            return
        key = f"{edit.name}@{edit.version}"
        if key not in self.graph.packages:
            return
        if isinstance(edit, Approve):
            self.states[key] = ReviewState.ALLOWED if edit.allow_scripts else ReviewState.PINNED
        elif isinstance(edit, Deny):
            self.states[key] = ReviewState.DENIED
        elif isinstance(edit, Note):
            self.notes[key] = edit.text

    def export(self, target: str) -> tuple[list[Path], list[str]]:
        """Write the saved policy into a package manager's settings (`npm`, `pnpm`...).

        Returns the files written and messages about what the target cannot express."""
        from reviewer.exporters import build_export
        from reviewer.policy import PolicyStore

        policy = PolicyStore.load(self.policy_file)
        plan = build_export(target, self.project_dir, policy, self.graph)
        return plan.write(), list(plan.messages)

    def _load_policy(self) -> Policy:
        from reviewer.policy.store import PolicyStore

        return PolicyStore.load(self.policy_file)

    def _policy_states(self) -> None:
        """The review states and notes the loaded policy records (with where a decision
        from a shared policy comes from; a note on any package: `reviewer.policy.notes`)."""
        if not self.policy.exists_on_disk:
            return
        from reviewer.policy.decisions import review_states
        from reviewer.policy.notes import note_of

        for package in self.graph:
            if note := note_of(self.policy, package.name, package.version):
                self.notes[package.key] = note
        for key, state, note in review_states(self.policy, self.graph):
            self._record(key, ReviewState(state), note)

    def _record(self, key: str, state: ReviewState, note: str | None) -> None:
        self.states[key] = state
        if note:
            self.notes.setdefault(key, note)  # a [[notes]] entry comes first
