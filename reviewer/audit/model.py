"""Advisories: what every audit importer produces and `check` reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.findings import Severity
from reviewer.jsonvalues import mapping, texts


@dataclass(frozen=True, slots=True)
class Advisory:
    """One advisory about one package name.

    Stored in `reviewer-advisories.json` (see `reviewer.audit.store`)."""

    id: str
    """The advisory id: GHSA id when known (`GHSA-xxxx-xxxx-xxxx`), else the source's id
    (npm numeric id as a string, OSV id)."""
    package: str
    """The package name the advisory is about."""
    vulnerable_range: str
    """npm range of affected versions (`<4.17.21`, `>=2.0.0 <2.1.3 || 3.0.0`)."""
    severity: Severity
    title: str
    url: str | None = None
    affected_versions: tuple[str, ...] = ()
    """Locked versions of `package` in the range, filled when attached to a graph."""
    aliases: tuple[str, ...] = ()
    """Other ids for the same advisory (CVE ids, npm ids)."""
    source: str = ""
    """Where it came from: `npm-v2`, `npm-v1`, `pnpm`, `yarn-classic`, `yarn-berry`, `osv`,
    `registry`."""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    """Importer-specific facts worth keeping (patched versions, CVSS score)."""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "package": self.package,
            "vulnerable_range": self.vulnerable_range,
            "severity": str(self.severity),
            "title": self.title,
            "url": self.url,
            "affected_versions": list(self.affected_versions),
            "aliases": list(self.aliases),
            "source": self.source,
            **({"extra": self.extra} if self.extra else {}),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Advisory:
        return cls(
            id=str(data["id"]),
            package=str(data["package"]),
            vulnerable_range=str(data.get("vulnerable_range") or "*"),
            severity=parse_severity(data.get("severity")),
            title=str(data.get("title") or ""),
            url=str(data["url"]) if data.get("url") else None,
            affected_versions=texts(data.get("affected_versions")),
            aliases=texts(data.get("aliases")),
            source=str(data.get("source") or ""),
            extra=mapping(data.get("extra")),
        )


_SEVERITY_WORDS = {
    "info": Severity.INFO, "none": Severity.INFO, "low": Severity.LOW,
    "moderate": Severity.MODERATE, "medium": Severity.MODERATE,
    "high": Severity.HIGH, "critical": Severity.CRITICAL,
}


def parse_severity(value: object, default: Severity = Severity.MODERATE) -> Severity:
    """npm/yarn/OSV severity words (`moderate`, `MEDIUM`) or CVSS base scores (`7.5`)."""
    if isinstance(value, Severity):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return severity_from_score(float(value))
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _SEVERITY_WORDS:
            return _SEVERITY_WORDS[word]
        try:
            return severity_from_score(float(word))
        except ValueError:
            return default
    return default


def severity_from_score(score: float) -> Severity:
    """CVSS v3 qualitative ratings."""
    if score >= 9.0:
        return Severity.CRITICAL
    if score >= 7.0:
        return Severity.HIGH
    if score >= 4.0:
        return Severity.MODERATE
    if score > 0:
        return Severity.LOW
    return Severity.INFO
