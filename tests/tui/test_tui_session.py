"""The session and summary, without Textual."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from tui_helpers import EVIL_NAME, FakeProvider, build_graph, fake_reviewer

from reviewer.app.session import QuickFilter, ReviewSession, ReviewState, ScanUpdate, SortOrder
from reviewer.app.summary import heaviest_subtrees, summarize
from reviewer.errors import PolicyError


async def scanned(session: ReviewSession) -> list[ScanUpdate]:
    updates: list[ScanUpdate] = []
    await session.scan(updates.append, concurrency=2)
    return updates


async def test_scan_reports_progress_and_fills_findings(make_session):
    session = make_session()
    updates = await scanned(session)
    assert updates[0].done == 0 and updates[-1].done == updates[-1].total == 8
    assert [u.done for u in updates] == list(range(9))
    assert {f.id for f in session.findings_of("evil-scripts@1.0.0")} == {
        "install-script", "suspicious-code", "new-publisher"}
    assert all(session.scanned(k) for k in session.keys())


async def test_sort_by_risk_name_and_signal(make_session):
    session = make_session()
    await scanned(session)
    by_risk = session.sorted_keys(SortOrder.RISK)
    assert by_risk[0] == "evil-scripts@1.0.0" and by_risk[1] == "left-pad@1.3.0"
    assert session.sorted_keys(SortOrder.NAME)[0] == f"{EVIL_NAME}@1.0.0"
    by_signal = session.sorted_keys(SortOrder.SIGNAL)
    # the worst signal of evil-scripts is suspicious-code, listed before advisory in SIGNAL_IDS
    assert by_signal.index("evil-scripts@1.0.0") < by_signal.index("left-pad@1.3.0")


async def test_fuzzy_filter_and_quick_filters(make_session):
    session = make_session()
    await scanned(session)
    ordered = session.sorted_keys(SortOrder.NAME)
    assert session.filter_keys(ordered, "dep") == ["dep-a@1.0.0", "dep-b@1.0.0", "dep-b@2.0.0"]
    assert "left-pad@1.3.0" in session.filter_keys(ordered, "lftpad")
    assert session.filter_keys(ordered, "zzzzzz") == []
    assert session.filter_keys(ordered, "", frozenset({QuickFilter.SCRIPTS})) == ["evil-scripts@1.0.0"]
    direct = session.filter_keys(ordered, "", frozenset({QuickFilter.DIRECT}))
    assert len(direct) == 5 and "dep-a@1.0.0" not in direct
    assert session.filter_keys(ordered, "", frozenset({QuickFilter.ADVISORIES})) == ["left-pad@1.3.0"]
    session.approve("left-pad@1.3.0")
    assert "left-pad@1.3.0" not in session.filter_keys(ordered, "", frozenset({QuickFilter.UNREVIEWED}))
    assert session.filter_keys(ordered, "", frozenset({QuickFilter.CHANGED})) == []


async def test_decisions_are_saved_to_the_policy_file(make_session, project: Path):
    session = make_session()
    await scanned(session)
    assert session.approve("evil-scripts@1.0.0") is ReviewState.ALLOWED
    assert session.approve("left-pad@1.3.0") is ReviewState.PINNED
    session.add_note("ansi-desc@2.0.0", "we replace it next sprint")
    session.deny("ansi-desc@2.0.0")
    session.accept_advisory("left-pad@1.3.0", "GHSA-1234-abcd", "not reachable", dt.date(2030, 1, 1))
    assert session.dirty
    session.save()
    assert not session.dirty
    text = (project / "reviewer-policy.toml").read_text()
    assert 'name = "evil-scripts"' in text and 'decision = "allow"' in text
    assert 'integrity = "sha512-evil"' in text
    assert 'name = "left-pad"' in text and 'version = "1.3.0"' in text
    assert 'decision = "deny"' in text and "we replace it next sprint" in text
    assert 'id = "GHSA-1234-abcd"' in text and "not reachable" in text and "2030-01-01" in text
    # a new session reads the states back from the file
    again = make_session()
    assert again.state("evil-scripts@1.0.0") is ReviewState.ALLOWED
    assert again.state("left-pad@1.3.0") is ReviewState.PINNED
    assert again.state("ansi-desc@2.0.0") is ReviewState.DENIED
    assert again.state("dep-a@1.0.0") is ReviewState.UNREVIEWED


def test_a_broken_policy_file_is_a_clear_error(project: Path):
    (project / "reviewer-policy.toml").write_text("this is = = not toml\n")
    with pytest.raises(PolicyError):
        ReviewSession(build_graph(project / "package-lock.json"), FakeProvider(), project,
                      reviewer=fake_reviewer)


async def test_summary_counts(make_session):
    session = make_session()
    await scanned(session)
    for key in session.keys():
        await session.packument(session.package(key).name)
    summary = summarize(session)
    assert (summary.total, summary.direct, summary.transitive) == (8, 5, 3)
    assert (summary.dev, summary.duplicate_names, summary.duplicate_extra_versions) == (2, 1, 1)
    assert (summary.with_scripts, summary.scripts_reviewed) == (1, 0)
    assert summary.riskiest[0][0] == "evil-scripts@1.0.0"
    assert summary.deprecated == ("ansi-desc@2.0.0",)
    assert dict(summary.advisories) == {4 - 1: 1}
    assert dict(summary.licenses)["WTFPL"] == 1
    assert dict(summary.controllers)["alice"] >= 5 and dict(summary.controllers)["mallory"] == 1
    heavy = {s.key: (s.total, s.exclusive) for s in heaviest_subtrees(session.graph, session.direct)}
    assert heavy["dev-tool@3.0.0"] == (2, 1)  # dep-a only through it; dep-b@2 also via evil-scripts
    assert heavy["left-pad@1.3.0"] == (0, 0)


def test_session_and_summary_do_not_import_textual():
    code = ("import sys; sys.modules['click'] = None; "  # see tests/test_import_hygiene.py
            "import reviewer.app.session, reviewer.app.summary, reviewer.app; "
            "import reviewer.cli.commands.tui_cmd, reviewer.cli.commands.demo_cmd; "
            "sys.exit(1 if {'textual', 'rich'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
