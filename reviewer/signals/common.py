"""Small helpers shared by the signal analyses."""

from __future__ import annotations

from reviewer.signals.finding import Finding, Severity

NOT_PROVIDED = "not provided by this registry"


def unknown(signal_id: str, package: str, reason: str, **details: object) -> Finding:
    """A finding that says the signal could not be decided, and why."""
    return Finding(
        id=signal_id,
        severity=Severity.INFO,
        summary=f"unknown: {reason}",
        package=package,
        unknown=True,
        details={"reason": reason, **details},
    )


def shorten(text: str, limit: int = 100) -> str:
    """One line of at most `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
