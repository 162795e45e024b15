"""recent-release: the version was published less than N days ago (default 7)."""

from __future__ import annotations

from datetime import UTC, datetime

from reviewer.registry.documents import Packument
from reviewer.signals.common import NOT_PROVIDED, unknown
from reviewer.signals.finding import Finding, Severity

SIGNAL = "recent-release"
DEFAULT_DAYS = 7.0


def recent_release(package: str, packument: Packument, version: str, days: float = DEFAULT_DAYS,
                   now: datetime | None = None) -> Finding | None:
    return release_age_finding(package, packument.published(version), days, now)


def release_age_finding(package: str, published: datetime | None, days: float = DEFAULT_DAYS,
                        now: datetime | None = None) -> Finding | None:
    """recent-release from the publish time alone (None: the registry did not give it)."""
    if published is None:
        return unknown(SIGNAL, package, f"publish time {NOT_PROVIDED}")
    now = now or datetime.now(UTC)
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    age_days = (now - published).total_seconds() / 86400
    if age_days >= days:
        return None
    if age_days < 1:
        age = f"{max(age_days * 24, 0):.0f} hours"
    else:
        age = f"{age_days:.1f} days"
    return Finding(
        id=SIGNAL,
        severity=Severity.LOW,
        summary=f"published {age} ago (under {days:g} days)",
        package=package,
        details={"published": published.isoformat(), "age_days": round(age_days, 3), "threshold_days": days},
    )
