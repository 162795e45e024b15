"""Unknown is said once: against the fixture registry serving stripped documents (no
maintainers, _npmUser, time, attestations, deprecation, no advisory endpoint), the summary
and the status line say once what this registry does not provide, and no per-package view
shows a badge, a "none" or a zero for it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from stripped import SENTENCE, STRIPPED_KINDS, serve_stripped
from textual.widgets import Static
from tui_helpers import fixture_graph, rendered_text, settle

from reviewer.app.session import ReviewSession
from reviewer.tui.badges import BADGES
from reviewer.tui.widgets.package_rows import COLUMNS, GAP

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
STRIPPED_SIGNALS = ("maintainers-changed", "new-publisher", "trust-downgrade", "recent-release",
                    "deprecated", "advisory")
STRIPPED_LETTERS = {BADGES[s][0] for s in STRIPPED_SIGNALS}


def _session(fixture_registry, registry_config, project: Path) -> ReviewSession:  # noqa: ANN001
    from reviewer.registry.service import RegistryService

    serve_stripped(fixture_registry, "bufferutil", "left-pad")
    return ReviewSession(fixture_graph(project), RegistryService(registry_config()), project)


@pytest.mark.parametrize("size", SIZES)
async def test_stripped_registry_summary_says_it_once_and_never_none(
        fixture_registry, registry_config, project: Path, size):  # noqa: ANN001
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.screens.summary import SummaryScreen

    session = _session(fixture_registry, registry_config, project)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert "done" in app.scan_progress
        # the engine did mark them unknown (this is what the screens must not show as facts)
        for key in session.keys():
            unknown = {f.id for f in session.findings_of(key) if f.unknown}
            assert set(STRIPPED_SIGNALS) <= unknown, (key, unknown)
        intro = rendered_text(app.screen.query_one("#summary-intro", Static))
        assert " ".join(SENTENCE.split())[1:] in " ".join(intro.split()), intro
        panels = {panel: rendered_text(app.screen.query_one(f"#panel-{panel}", Static))
                  for panel in ("advisories", "deprecated", "controllers", "riskiest")}
        for panel, text in panels.items():
            assert not re.search(r"\bnone\b", text), (panel, text)
            assert not re.search(r"\binfo\b", text), (panel, text)  # no "418 info" advisories
        assert "unknown" in panels["advisories"] and "unknown" in panels["deprecated"]
        assert "unknown" in panels["controllers"]
        for text in panels.values():
            assert SENTENCE not in text  # said once: in the intro only


@pytest.mark.parametrize("size", SIZES)
async def test_stripped_registry_rows_and_detail_show_only_what_is_known(
        fixture_registry, registry_config, project: Path, size):  # noqa: ANN001
    from reviewer.tui.app import ReviewerApp

    session = _session(fixture_registry, registry_config, project)
    app = ReviewerApp(session, keymap_path=project / "none.toml")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        main = app.screen
        status = rendered_text(main.query_one("#status-line", Static), width=400)
        if size == (80, 24):  # in full within the line (publish times: "dates")
            said = "unknown: " + ", ".join(STRIPPED_KINDS).replace("publish times", "dates")
        else:
            said = "not provided by this registry: " + ", ".join(STRIPPED_KINDS)
        assert status.count(said) == 1, status  # said once
        assert status.index(said) + len(said) <= size[0] - 2, status  # and all of it in sight
        start = sum(width + GAP for _, _, width in COLUMNS[:3])  # name, version, kind
        signals = {key: main.table.row_text(key).plain[start:start + COLUMNS[3][2]].strip()
                   for key in session.keys()}
        # the install script is known (S); nothing evaluated is shown as a letter
        assert signals == {"left-pad@1.3.0": "·", "bufferutil@4.1.0": "S"}, signals
        assert not STRIPPED_LETTERS & set("".join(signals.values()))
        for key in ("left-pad@1.3.0", "bufferutil@4.1.0"):
            main.jump_to(key)
            for tab in ("overview", "maintainers", "advisories"):
                main.detail.show_tab(tab)
                await settle(pilot)
                text = rendered_text(main.detail.query_one(f"#body-{tab}", Static))
                assert not re.search(r"\bnone\b", text), (key, tab, text)
                for signal in STRIPPED_SIGNALS:
                    assert signal not in text, (key, tab, signal, text)
                assert "not provided by this registry" not in text, (key, tab, text)
                if tab == "maintainers":  # the version list, and no column of unknowns
                    assert "1.3.0" in text or "4.1.0" in text
                    assert "publisher" not in text.split("\n")[0] and "unknown" not in text
                if tab == "overview":
                    assert "published" not in text and "unknown" not in text
