"""What an analysis returns: findings with a stable id, a severity, a summary and evidence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `>=` compares risk; names are what users type for `--fail-on`."""

    INFO = 0
    LOW = 1
    MODERATE = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {text!r} (one of {names})") from None

    def __str__(self) -> str:
        return self.name.lower()


SIGNAL_IDS: tuple[str, ...] = (
    "install-script",
    "suspicious-code",
    "maintainers-changed",
    "new-publisher",
    "trust-downgrade",
    "recent-release",
    "deprecated",
    "typosquat",
    "non-registry-source",
    "insecure-source",
    "missing-integrity",
    "integrity-mismatch",
    "unexpected-registry",
    "advisory",
    "new-dependency",
)
"""Stable signal ids (SPEC §7): used in JSON, SARIF rule ids and the policy."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding was seen."""

    file: str | None = None
    line: int | None = None
    text: str | None = None
    """The matched text or value, untrusted: render as plain text only."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One signal raised for one package version (or one upgrade A->B)."""

    id: str
    """One of SIGNAL_IDS."""
    severity: Severity
    summary: str
    """One line, fit for a terminal."""
    package: str
    """`name@version` the finding is about."""
    unknown: bool = False
    """True when the signal could not be decided: the registry did not provide the data.
    The summary then says why ("not provided by this registry")."""
    evidence: tuple[Evidence, ...] = ()
    details: Mapping[str, object] = field(default_factory=dict)
    """Extra JSON-serialisable facts (versions, names, advisory ids, rule names)."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "severity": str(self.severity),
            "summary": self.summary,
            "unknown": self.unknown,
        }
        if self.evidence:
            data["evidence"] = [
                {k: v for k, v in (("file", e.file), ("line", e.line), ("text", e.text)) if v is not None}
                for e in self.evidence
            ]
        if self.details:
            data["details"] = dict(self.details)
        return data
