"""Unknown said once: the kinds of data a registry does not provide at all.

A registry that strips `maintainers`, `_npmUser`, publish times, attestations, `deprecated`
or the advisory endpoint leaves the signals that need them unknown for every package. Those
unknowns are one fact about the registry, not one per package: the reports, the summary and
the status line state them once (`RegistryGaps.sentence`), and the per-package views leave
out the findings the sentence covers (`RegistryGaps.covers`) and show only what is known.

An unknown for another reason (this package's document failed to load, its version is
missing, a kind provided for some packages but not this one) stays with its package.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reviewer.signals.common import NOT_PROVIDED
from reviewer.signals.finding import Finding

DATA_KINDS: dict[str, str] = {
    "maintainers-changed": "maintainers",
    "new-publisher": "publishers",
    "recent-release": "publish times",
    "trust-downgrade": "provenance",
    "deprecated": "deprecation",
    "advisory": "advisories",
}
"""Signal id -> the kind of registry data it cannot be decided without (in the order the
sentence names them)."""

KIND_ORDER: tuple[str, ...] = tuple(DATA_KINDS.values())

_ADVISORIES_UNAVAILABLE = "advisories unavailable from this registry"
"""`reviewer.signals.advisories.UNAVAILABLE` (not imported: that module pulls in the audit model)."""


def missing_kind(finding: Finding) -> str | None:
    """The kind of data the registry did not provide that made `finding` unknown; None when
    the finding is decided, or unknown for another reason."""
    if not finding.unknown:
        return None
    kind = DATA_KINDS.get(finding.id)
    if kind is None:
        return None
    reason = str(finding.details.get("reason") or finding.summary)
    if NOT_PROVIDED in reason or reason == _ADVISORIES_UNAVAILABLE:
        return kind
    return None


@dataclass(frozen=True, slots=True)
class RegistryGaps:
    """The kinds of data missing for every package reviewed so far."""

    kinds: tuple[str, ...] = ()
    """Missing for every package, in KIND_ORDER."""
    packages: int = 0
    """How many packages the judgement is over (registry packages reviewed)."""
    partial: dict[str, int] = field(default_factory=dict)
    """Kinds missing for some packages only -> how many (those stay per package)."""

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def covers(self, finding: Finding) -> bool:
        """Is `finding` an unknown that the once-said sentence already states?"""
        kind = missing_kind(finding)
        return kind is not None and kind in self.kinds

    def known(self, findings: Sequence[Finding]) -> list[Finding]:
        """`findings` without the unknowns the sentence states."""
        return [f for f in findings if not self.covers(f)]

    @property
    def kinds_text(self) -> str:
        """`maintainers, publishers or advisories`."""
        return join_or(self.kinds)

    def sentence(self) -> str:
        """The one statement (empty when nothing is missing everywhere)."""
        if not self.kinds:
            return ""
        return (f"this registry does not provide {self.kinds_text}: "
                f"{'that signal is' if len(self.kinds) == 1 else 'those signals are'} "
                "unknown for every package")


def join_or(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


def registry_gaps(reviewed: Iterable[Sequence[Finding]]) -> RegistryGaps:
    """The gaps over the findings of each reviewed registry package (one sequence each).

    A kind is missing everywhere when every package says the registry did not provide it,
    leaving aside packages for which it is unknown for another reason (a failed fetch)."""
    packages = 0
    missing: dict[str, int] = {}
    other: dict[str, int] = {}
    for findings in reviewed:
        packages += 1
        gone: set[str] = set()
        elsewhere: set[str] = set()
        for finding in findings:
            kind = missing_kind(finding)
            if kind is not None:
                gone.add(kind)
            elif finding.unknown and finding.id in DATA_KINDS:
                elsewhere.add(DATA_KINDS[finding.id])
        for kind in gone:
            missing[kind] = missing.get(kind, 0) + 1
        for kind in elsewhere - gone:
            other[kind] = other.get(kind, 0) + 1
    everywhere = tuple(k for k in KIND_ORDER
                       if missing.get(k, 0) and missing[k] == packages - other.get(k, 0))
    partial = {k: n for k, n in missing.items() if k not in everywhere}
    return RegistryGaps(everywhere, packages, partial)
