"""What `reviewer review` prints: each change with its signals (and file diff when asked).

`ReviewReport` is the input of the pure formatters in `reviewer/formats/review_*.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer.review.changes import Change, ChangeKind, ChangeSet
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.results import highest
from reviewer.signals.unknowns import RegistryGaps, registry_gaps

if TYPE_CHECKING:  # reviewer.review.diff imports FileChange from here: no import at run time
    from reviewer.review.diff import ManifestChange

REPUBLISH_SEVERITY = Severity.HIGH
"""A republish (same version, other bytes) counts as this severity for `--fail-on` and
sorting, on top of whatever signals the change has: it is always loud."""


def evidence_parts(evidence: Evidence) -> tuple[str, str]:
    """(where, what) of one piece of evidence: `setup.js:2` / `line 21` / "", and the text.
    Both untrusted: the formatter escapes them for its medium."""
    if evidence.file:
        where = f"{evidence.file}:{evidence.line}" if evidence.line else evidence.file
    else:
        where = f"line {evidence.line}" if evidence.line else ""
    return where, evidence.text or ""


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file of a package that differs between the base and head versions."""

    path: str
    """Path inside the package (untrusted text)."""
    status: str
    """"added", "removed" or "modified"."""
    old_size: int | None
    new_size: int | None
    patch: str | None = None
    """Unified diff of a text file (untrusted text); None for binary or too-large files."""


@dataclass(frozen=True, slots=True)
class PackageDiff:
    """The file-level difference between the base and head tarballs of one change."""

    files: tuple[FileChange, ...]
    manifest: tuple[ManifestChange, ...] = ()
    """Changed review-relevant package.json entries (scripts, dependencies, bin, ...)."""
    unsafe: tuple[str, ...] = ()
    """Tarball entries not compared (links, devices, paths escaping the package)."""
    error: str | None = None
    """Why the diff could not be made (a fetch or integrity failure, a git source); files
    is then empty."""
    findings: tuple[Finding, ...] = ()
    """Findings from reading the tarballs (manifest-confusion of the head version)."""


@dataclass(frozen=True, slots=True)
class ReviewedChange:
    """One change with the findings the signals engine raised for it."""

    change: Change
    findings: tuple[Finding, ...] = ()
    diff: PackageDiff | None = None
    """Present only when the diff was asked for (`--diff`)."""

    @property
    def severity(self) -> Severity | None:
        """The highest severity among decided findings (and a republish); None when none."""
        level = highest(self.findings)
        if self.change.kind is ChangeKind.REPUBLISHED:
            return REPUBLISH_SEVERITY if level is None else max(level, REPUBLISH_SEVERITY)
        return level

    def sorted_findings(self) -> list[Finding]:
        """Highest severity first, decided before unknown, then by id."""
        return sorted(self.findings, key=lambda f: (f.unknown, -f.severity, f.id, f.summary))


@dataclass(frozen=True, slots=True)
class ReviewReport:
    """Everything a formatter needs."""

    changes: tuple[ReviewedChange, ...]
    base_label: str
    head_label: str
    notes: tuple[str, ...] = ()
    """One-line remarks for the reader (mixed formats, offline gaps)."""
    counts: Mapping[ChangeKind, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        change_set: ChangeSet,
        findings: Mapping[str, tuple[Finding, ...]],
        base_label: str,
        head_label: str,
        *,
        diffs: Mapping[str, PackageDiff] | None = None,
        notes: tuple[str, ...] = (),
    ) -> ReviewReport:
        """Join a change set with findings and diffs keyed by `Change.id`."""
        reviewed = tuple(
            ReviewedChange(c, _with_diff_findings(findings.get(c.id, ()), (diffs or {}).get(c.id)),
                           (diffs or {}).get(c.id))
            for c in change_set
        )
        return cls(reviewed, base_label, head_label, notes, change_set.counts())

    @property
    def severity(self) -> Severity | None:
        levels = [c.severity for c in self.changes if c.severity is not None]
        return max(levels) if levels else None

    def fails(self, threshold: Severity | None) -> bool:
        """True when some change reaches `threshold` (`--fail-on`); never without one."""
        return threshold is not None and self.severity is not None and self.severity >= threshold

    def by_risk(self) -> list[ReviewedChange]:
        """Changes with the riskiest first, republishes first within a level, then the
        change-set order (the sort is stable)."""
        return sorted(
            self.changes,
            key=lambda c: (1 if c.severity is None else -c.severity,
                           c.change.kind is not ChangeKind.REPUBLISHED),
        )

    @property
    def gaps(self) -> RegistryGaps:
        """Kinds of data the registry gave for none of the changed registry packages: the
        formatters say so once at the top and leave those unknowns out of each change."""
        from reviewer.graph.model import Source

        return registry_gaps(c.findings for c in self.changes
                             if c.change.head is not None and c.change.head.source is Source.REGISTRY)

    def counts_line(self) -> str:
        """`5 changes: 2 upgraded, 1 added, ...` (or `no changes`)."""
        total = sum(self.counts.values())
        if not total:
            return "no changes"
        parts = ", ".join(f"{n} {kind}" for kind, n in self.counts.items())
        return f"{total} change{'s' if total != 1 else ''}: {parts}"


def _with_diff_findings(findings: tuple[Finding, ...], diff: PackageDiff | None) -> tuple[Finding, ...]:
    """The change's findings plus those the diff found, once per (id, package)."""
    if diff is None or not diff.findings:
        return findings
    seen = {(f.id, f.package) for f in findings}
    return findings + tuple(f for f in diff.findings if (f.id, f.package) not in seen)
