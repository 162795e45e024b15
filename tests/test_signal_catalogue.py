"""One catalogue of signals (reviewer.findings.SIGNALS) behind every output that names them."""

from __future__ import annotations

from pathlib import Path

from reviewer.findings import SIGNAL_IDS, SIGNALS, signal_table_markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def test_catalogue_ids_and_badges_are_unique() -> None:
    assert len({s.id for s in SIGNALS}) == len(SIGNALS) == len(SIGNAL_IDS)
    assert len({s.badge for s in SIGNALS}) == len(SIGNALS)
    assert all(len(s.badge) == 1 and s.legend and s.short and s.description for s in SIGNALS)


def test_readme_signal_table_is_the_catalogue() -> None:
    assert signal_table_markdown() in README.read_text(encoding="utf-8")


def test_tui_badges_and_sarif_rules_come_from_the_catalogue() -> None:
    from reviewer.formats.sarif import SIGNAL_DESCRIPTIONS
    from reviewer.tui.badges import BADGES

    assert BADGES == {s.id: (s.badge, s.legend) for s in SIGNALS}
    assert SIGNAL_DESCRIPTIONS == {s.id: s.description for s in SIGNALS}
