"""Findings and severities, for the signal modules: defined in `reviewer.findings` (the
shared types home), named here too because every signal module imports them from here."""

from reviewer.findings import SIGNAL_IDS, Evidence, Finding, Severity

__all__ = ["SIGNAL_IDS", "Evidence", "Finding", "Severity"]
