"""A review session: one graph, a metadata provider, the signal results and the decisions
being made, tied together for the terminal UI (and testable without it).

The session holds no UI state: the TUI asks it for rows, filters, risk and review states,
runs its `scan` in a worker, and records decisions through it. Decisions stay pending in
memory until `save()` writes them to the policy file through `reviewer.policy`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.graph.model import Graph, Package
from reviewer.graph.queries import direct_keys, why
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider
from reviewer.session_registry import Reviewer, ScanUpdate, SessionRegistry
from reviewer.signals.finding import SIGNAL_IDS, Finding, Severity

__all__ = [
    "QuickFilter", "ReviewSession", "ReviewState", "Reviewer", "ScanUpdate", "SortOrder",
]

if TYPE_CHECKING:
    from reviewer.review.changes import Change, ChangeSet

SEVERITY_WEIGHT: dict[Severity, int] = {
    Severity.INFO: 1,
    Severity.LOW: 3,
    Severity.MODERATE: 10,
    Severity.HIGH: 40,
    Severity.CRITICAL: 100,
}


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


class SortOrder(StrEnum):
    RISK = "risk"
    NAME = "name"
    SIGNAL = "signal"


class QuickFilter(StrEnum):
    SCRIPTS = "scripts"
    UNREVIEWED = "unreviewed"
    ADVISORIES = "advisories"
    DIRECT = "direct"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision taken in this session, applied to the policy on save."""

    action: str
    """`approve`, `deny`, `ban`, `note` or `accept-advisory`."""
    name: str
    version: str | None
    integrity: str | None = None
    note: str | None = None
    advisory: str | None = None
    expires: date | None = None


@dataclass
class ReviewSession(SessionRegistry):
    """Graph + provider + findings + decisions."""

    graph: Graph
    provider: MetadataProvider | None = None
    """None when no registry is available: signals that need metadata stay unknown."""
    project_dir: Path = Path(".")
    reviewer: Reviewer | None = None
    """How findings are computed; None uses `reviewer.signals.engine.review_package`."""
    settings: Any = None
    """The engine's ReviewSettings (None: its defaults)."""
    policy_path: Path | None = None
    """The policy file; None means `reviewer-policy.toml` in the project directory."""
    changed: set[str] | None = None
    """Keys changed since a base lockfile (review mode); None outside review mode."""
    change_set: ChangeSet | None = None
    """The changes from the base lockfile (review mode, `reviewer review`); when given and
    `changed` is None, `changed` becomes the head keys it touches."""
    offline: bool = False
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    fetch_errors: dict[str, str] = field(default_factory=dict)
    """Package name -> why its metadata could not be fetched."""
    packuments: dict[str, Packument] = field(default_factory=dict)
    states: dict[str, ReviewState] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    accepted_advisories: dict[tuple[str, str], str] = field(default_factory=dict)
    """(package key, advisory id) -> "reason (until date)" for advisories accepted here."""
    pending: list[Decision] = field(default_factory=list)
    direct: set[str] = field(default_factory=set)
    _risk: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.direct = direct_keys(self.graph)
        self._change_by_key: dict[str, Change] = {}
        if self.change_set is not None:
            self._change_by_key = {c.head.key: c for c in self.change_set if c.head is not None}
            if self.changed is None:
                self.changed = set(self._change_by_key)
        self._registry_advisories: object = None
        self._load_policy_states()

    # -- reading --------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Decisions taken since the last save."""
        return bool(self.pending)

    def package(self, key: str) -> Package:
        return self.graph.packages[key]

    def keys(self) -> list[str]:
        return list(self.graph.packages)

    def change_of(self, key: str) -> Change | None:
        """Review mode: the change that brought head package `key` in, if any."""
        return self._change_by_key.get(key)

    def removed_changes(self) -> list[Change]:
        """Review mode: packages of the base lockfile that the head no longer has (no row)."""
        if self.change_set is None:
            return []
        return [c for c in self.change_set if c.head is None]

    def findings_of(self, key: str) -> list[Finding]:
        return self.findings.get(key, [])

    def scanned(self, key: str) -> bool:
        return key in self.findings

    def risk(self, key: str) -> int:
        """A score for sorting: the weighted severities of the decided findings."""
        cached = self._risk.get(key)
        if cached is None:
            cached = sum(SEVERITY_WEIGHT[f.severity] for f in self.findings_of(key) if not f.unknown)
            self._risk[key] = cached
        return cached

    def state(self, key: str) -> ReviewState:
        return self.states.get(key, ReviewState.UNREVIEWED)

    def has_install_script(self, key: str) -> bool:
        package = self.graph.packages[key]
        return bool(package.has_install_script) or any(
            f.id == "install-script" and not f.unknown for f in self.findings_of(key)
        )

    def scripts_known_absent(self, key: str) -> bool:
        """The lockfile, or a finished scan, says this package has no install scripts."""
        package = self.graph.packages[key]
        if package.has_install_script is not None:
            return not package.has_install_script
        return self.scanned(key) and not any(f.id == "install-script"
                                             for f in self.findings_of(key))

    def advisories(self, key: str) -> list[Finding]:
        return [f for f in self.findings_of(key) if f.id == "advisory"]

    def why_labels(self, key: str, limit: int = 50) -> list[list[str]]:
        """Every shortest path from an importer to `key`, as display labels."""
        return [[self.graph.label(node) for node in path] for path in why(self.graph, key, limit)]

    def dependents(self, key: str) -> list[str]:
        return sorted({self.graph.label(e.source) for e in self.graph.dependents(key)})

    # -- sorting and filtering ------------------------------------------------------------

    def sorted_keys(self, order: SortOrder, keys: Iterable[str] | None = None) -> list[str]:
        chosen = list(self.graph.packages) if keys is None else list(keys)
        packages = self.graph.packages
        if order is SortOrder.NAME:
            return sorted(chosen, key=lambda k: (packages[k].name, packages[k].version))
        if order is SortOrder.SIGNAL:
            return sorted(chosen, key=lambda k: (self._first_signal(k), -self.risk(k), k))
        return sorted(chosen, key=lambda k: (-self.risk(k), packages[k].name, packages[k].version))

    def _first_signal(self, key: str) -> int:
        """Index in SIGNAL_IDS of the most severe decided signal (len when none)."""
        found = [f for f in self.findings_of(key) if not f.unknown]
        if not found:
            return len(SIGNAL_IDS)
        worst = max(found, key=lambda f: (f.severity, -_signal_index(f.id)))
        return _signal_index(worst.id)

    def matches(self, key: str, quick: frozenset[QuickFilter]) -> bool:
        """Does `key` pass every quick filter in `quick`?"""
        for wanted in quick:
            if wanted is QuickFilter.SCRIPTS and not self.has_install_script(key):
                return False
            if wanted is QuickFilter.UNREVIEWED and self.state(key) is not ReviewState.UNREVIEWED:
                return False
            if wanted is QuickFilter.ADVISORIES and not self.advisories(key):
                return False
            if wanted is QuickFilter.DIRECT and key not in self.direct:
                return False
            if wanted is QuickFilter.CHANGED and (self.changed is None or key not in self.changed):
                return False
        return True

    def filter_keys(self, ordered: Sequence[str], query: str,
                    quick: frozenset[QuickFilter] = frozenset()) -> list[str]:
        """The keys of `ordered` that pass `quick` and fuzzily match `query`
        (see `reviewer.name_filter.filter_by_name` for the order)."""
        from reviewer.name_filter import filter_by_name

        candidates = [k for k in ordered if self.matches(k, quick)] if quick else list(ordered)
        packages = self.graph.packages
        return filter_by_name(candidates, [packages[k].name for k in candidates], query)

    # -- decisions ------------------------------------------------------------------------

    def approve(self, key: str, note: str | None = None) -> ReviewState:
        """Pin the exact version and integrity; allow its install scripts."""
        package = self.graph.packages[key]
        state = ReviewState.ALLOWED if self.has_install_script(key) else ReviewState.PINNED
        self.states[key] = state
        self.pending.append(Decision("approve", package.name, package.version,
                                     integrity=package.integrity, note=note or self.notes.get(key)))
        return state

    def deny(self, key: str, note: str | None = None) -> ReviewState:
        package = self.graph.packages[key]
        self.states[key] = ReviewState.DENIED
        self.pending.append(Decision("deny", package.name, package.version,
                                     note=note or self.notes.get(key)))
        return ReviewState.DENIED

    def ban(self, key: str, reason: str | None = None) -> ReviewState:
        """Ban the package (every version of its name): `check` fails while it is locked."""
        package = self.graph.packages[key]
        for other in self.graph.find(package.name):
            self.states[other.key] = ReviewState.BANNED
        self.pending.append(Decision("ban", package.name, None,
                                     note=reason or self.notes.get(key)))
        return ReviewState.BANNED

    def add_note(self, key: str, text: str) -> None:
        package = self.graph.packages[key]
        self.notes[key] = text
        self.pending.append(Decision("note", package.name, package.version, note=text))

    def accept_advisory(self, key: str, advisory: str, reason: str, expires: date | None) -> None:
        package = self.graph.packages[key]
        until = f" (until {expires.isoformat()})" if expires else ""
        self.accepted_advisories[(key, advisory)] = f"{reason}{until}"
        self.pending.append(Decision("accept-advisory", package.name, package.version,
                                     note=reason, advisory=advisory, expires=expires))

    @property
    def policy_file(self) -> Path:
        return self.policy_path or self.project_dir / "reviewer-policy.toml"

    def save(self) -> list[str]:
        """Write the pending decisions to the policy file (atomic, locked).

        Raises ReviewerError (PolicyError) and keeps the decisions pending when it fails.
        Returns messages for the user (notes that had nothing to attach to).
        """
        from reviewer import session_policy

        scripted = {self.graph.packages[k].key for k in self.graph.packages
                    if self.has_install_script(k)}
        messages = session_policy.apply(self.policy_file, self.pending, scripted)
        self.pending.clear()
        return messages

    def export(self, target: str) -> tuple[list[Path], list[str]]:
        """Write the saved policy into a package manager's settings (`npm`, `pnpm`...).

        Returns the files written and messages about what the target cannot express."""
        from reviewer.exporters import build_export
        from reviewer.policy import PolicyStore

        policy = PolicyStore.load(self.policy_file)
        plan = build_export(target, self.project_dir, policy, self.graph)
        return plan.write(), list(plan.messages)

    def _load_policy_states(self) -> None:
        if not self.policy_file.exists():
            return  # nothing decided yet (and no need to import the TOML machinery)
        from reviewer import session_policy

        policy = session_policy.load(self.policy_file)
        for key, state, note in session_policy.states(policy, self.graph):
            self.states[key] = ReviewState(state)
            if note:
                self.notes[key] = note


def _signal_index(signal: str) -> int:
    try:
        return SIGNAL_IDS.index(signal)
    except ValueError:
        return len(SIGNAL_IDS)
