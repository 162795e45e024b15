"""Compact signal badges and the colour meaning shared by every screen:
red = act now, yellow = look, dim = unknown (the registry did not say), green = decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reviewer.app.session import ReviewState
from reviewer.findings import SIGNAL_IDS, SIGNALS, Finding, Severity
from reviewer.signals.unknowns import missing_kind

BADGES: dict[str, tuple[str, str]] = {s.id: (s.badge, s.legend) for s in SIGNALS}
"""Signal id -> (one-character badge, legend text), from the signal catalogue."""


@dataclass(frozen=True, slots=True)
class Palette:
    """Concrete colours for rich Text, taken from the current theme."""

    danger: Style
    warning: Style
    unknown: Style
    good: Style
    muted: Style

    @classmethod
    def from_colors(cls, error: str, warning: str, success: str) -> Palette:
        return cls(
            danger=Style(color=error, bold=True),
            warning=Style(color=warning, bold=True),
            unknown=Style(dim=True),
            good=Style(color=success),
            muted=Style(dim=True),
        )

    def for_severity(self, severity: Severity, unknown: bool = False) -> Style:
        if unknown:
            return self.unknown
        if severity >= Severity.HIGH:
            return self.danger
        if severity >= Severity.LOW:
            return self.warning
        return Style()

    def for_state(self, state: ReviewState) -> Style:
        if state in (ReviewState.DENIED, ReviewState.BANNED):
            return self.danger
        if state is ReviewState.UNREVIEWED:
            return self.muted
        return self.good


DEFAULT_PALETTE = Palette.from_colors("red", "yellow", "green")


def badge_text(findings: Sequence[Finding] | None, palette: Palette) -> Text:
    """One character per decided signal, coloured by its worst severity; `…` while not
    scanned. A signal nobody could evaluate gets no letter: `?` when the package has an
    unknown of its own (its metadata failed to load, say), `·` when nothing is known
    against it (what the registry gives no package is said once, in the status line)."""
    if findings is None:
        return Text("…", style=palette.muted)
    worst: dict[str, Finding] = {}
    own_unknown = False
    for finding in findings:
        if finding.unknown:
            own_unknown = own_unknown or missing_kind(finding) is None
            continue
        held = worst.get(finding.id)
        if held is None or finding.severity > held.severity:
            worst[finding.id] = finding
    text = Text(no_wrap=True)
    for signal in SIGNAL_IDS:
        shown = worst.get(signal)
        if shown is not None:
            text.append(BADGES[signal][0], style=palette.for_severity(shown.severity))
    if not text:
        text.append("?" if own_unknown else "·", style=palette.muted)
    return text


def legend_text(palette: Palette) -> Text:
    """The badge legend on one wrapping paragraph."""
    text = Text()
    for signal in SIGNAL_IDS:
        letter, label = BADGES[signal]
        text.append(letter, style=palette.warning)
        text.append(f" {label}   ")
    text.append("\n")
    text.append("red", style=palette.danger)
    text.append(" act now   ")
    text.append("yellow", style=palette.warning)
    text.append(" look   ")
    text.append("·", style=palette.muted)
    text.append(" no known signal   ")
    text.append("?", style=palette.muted)
    text.append(" unknown for this package   … not scanned yet")
    return text
