"""Results of a review: findings grouped per package."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reviewer.graph.model import Package
from reviewer.signals.finding import Finding, Severity


@dataclass(slots=True)
class PackageReview:
    """Every finding for one locked package."""

    package: Package
    findings: list[Finding] = field(default_factory=list)

    @property
    def decided(self) -> list[Finding]:
        return [f for f in self.findings if not f.unknown]

    @property
    def unknowns(self) -> list[Finding]:
        return [f for f in self.findings if f.unknown]

    @property
    def max_severity(self) -> Severity | None:
        return max((f.severity for f in self.decided), default=None)


def highest(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among decided (not unknown) findings."""
    return max((f.severity for f in findings if not f.unknown), default=None)


def fails(reviews: Iterable[PackageReview], threshold: Severity) -> bool:
    """Some decided finding is at or above `threshold` (`--fail-on`)."""
    return any(f.severity >= threshold for r in reviews for f in r.decided)
