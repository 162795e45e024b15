"""Review mode: the app opened by `reviewer review` lists only the changed packages, each
row reading `A → B`, the detail pane on the Diff tab (base → head), approvals pinning B."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_tui_snapshots import steady
from textual.widgets import Static
from tui_helpers import policy_text, rendered_text, settle

from reviewer.app.session import ReviewState
from reviewer.graph.model import Graph, LockfileInfo, Package
from reviewer.policy import PolicyStore
from reviewer.review.changes import Change, ChangeKind, ChangeSet
from reviewer.tui.screens.main import MainScreen

SIZE = (140, 40)


def hand_changes(head: Graph) -> ChangeSet:
    """evil-scripts upgraded 0.9.0 -> 1.0.0, dep-b@2.0.0 added, left-pad republished, and a
    package the head no longer has."""
    packages = head.packages
    return ChangeSet(
        (
            Change("dep-b", None, "2.0.0", ChangeKind.ADDED, None, packages["dep-b@2.0.0"]),
            Change("evil-scripts", "0.9.0", "1.0.0", ChangeKind.UPGRADED,
                   Package("evil-scripts", "0.9.0", "sha512-old"), packages["evil-scripts@1.0.0"]),
            Change("gone-pkg", "0.1.0", None, ChangeKind.REMOVED,
                   Package("gone-pkg", "0.1.0", "sha512-gone"), None),
            Change("left-pad", "1.3.0", "1.3.0", ChangeKind.REPUBLISHED,
                   Package("left-pad", "1.3.0", "sha512-before"), packages["left-pad@1.3.0"],
                   reason="same version, integrity sha512-before -> sha512-pad"),
        ),
        LockfileInfo(Path("base/package-lock.json"), "npm", "3"),
        head.lockfile,
    )


async def settled_main(pilot) -> MainScreen:
    """The main screen, once the scan and the detail pane have settled."""
    await settle(pilot)
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    return main


def review_app(make_app, make_session):
    session = make_session()
    session = make_session(change_set=hand_changes(session.graph))
    return make_app(session, review_mode=True)


async def test_review_mode_opens_on_the_changed_packages(make_app, make_session):
    session = make_session(changed={"evil-scripts@1.0.0", "dep-b@2.0.0"})
    app = make_app(session, review_mode=True)
    async with app.run_test(size=SIZE) as pilot:
        main = await settled_main(pilot)
        assert sorted(main.table.shown) == ["dep-b@2.0.0", "evil-scripts@1.0.0"]
        await pilot.press("5")  # the changed filter off: everything
        assert main.table.row_count == 8


async def test_rows_read_from_base_to_head_and_removed_are_named(make_app, make_session):
    app = review_app(make_app, make_session)
    async with app.run_test(size=SIZE) as pilot:
        main = await settled_main(pilot)
        assert sorted(main.table.shown) == ["dep-b@2.0.0", "evil-scripts@1.0.0", "left-pad@1.3.0"]
        row = {key: main.table.get_row(key)[0].plain for key in main.table.shown}
        assert "0.9.0 → 1.0.0" in row["evil-scripts@1.0.0"]
        assert "+ 2.0.0" in row["dep-b@2.0.0"]
        assert "1.3.0 republished" in row["left-pad@1.3.0"]
        assert "Change" in main.table.ordered_columns[0].label.plain
        status = rendered_text(main.query_one("#status-line", Static))
        assert "1 removed: gone-pkg@0.1.0" in status
        await pilot.press("5")  # unchanged packages, shown with the filter off, keep their version
        assert main.table.get_row("dev-tool@3.0.0")[0].plain.split()[1] == "3.0.0"


async def test_the_tree_reads_from_base_to_head_too(make_app, make_session):
    app = review_app(make_app, make_session)
    async with app.run_test(size=SIZE) as pilot:
        main = await settled_main(pilot)
        await pilot.press("t")
        await settle(pilot)
        labels = {node.data: node.label.plain for node in main.package_tree.root.children[0].children}
        assert "evil-scripts  0.9.0 → 1.0.0" in labels["evil-scripts@1.0.0"]
        assert "left-pad  1.3.0 republished" in labels["left-pad@1.3.0"]
        assert "ansi-desc@2.0.0" in labels["ansi-desc@2.0.0"]  # unchanged: name@version


async def test_normal_mode_keeps_the_version_and_kind_columns(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        main = await settled_main(pilot)
        header = main.table.ordered_columns[0].label.plain
        assert "Version" in header and "Kind" in header and "Change" not in header


async def test_detail_opens_on_the_diff_from_the_base_version(make_app, make_session):
    app = review_app(make_app, make_session)
    async with app.run_test(size=SIZE) as pilot:
        main = await settled_main(pilot)
        assert main.detail.active_tab == "diff"
        main.table.select_key("evil-scripts@1.0.0")
        await settle(pilot)
        body = rendered_text(main.detail.query_one("#body-diff", Static))
        assert "evil-scripts@0.9.0 → evil-scripts@1.0.0" in body
        assert "+++ b/install.js" in body or "install.js" in body
        assert "upgraded" in body
        main.table.select_key("left-pad@1.3.0")
        await settle(pilot)
        body = rendered_text(main.detail.query_one("#body-diff", Static))
        assert "republished: same version, integrity sha512-before" in body


async def test_approving_a_change_pins_the_head_version(make_app, make_session, project):
    app = review_app(make_app, make_session)
    async with app.run_test(size=SIZE) as pilot:
        main = await settled_main(pilot)
        main.table.select_key("dep-b@2.0.0")
        await pilot.press("a")
        assert app.session.state("dep-b@2.0.0") is ReviewState.PINNED
        assert "pinned" in main.table.get_row("dep-b@2.0.0")[0].plain
        assert "+ 2.0.0" in main.table.get_row("dep-b@2.0.0")[0].plain
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty
    assert 'name = "dep-b"' in policy_text(project)
    pins = PolicyStore.load(project / "reviewer-policy.toml").pins
    assert [(pin.name, pin.version, pin.integrity) for pin in pins] == [
        ("dep-b", "2.0.0", "sha512-b2")
    ]


async def test_upgrade_approved_pins_the_new_version_not_the_base(make_app, make_session, project):
    app = review_app(make_app, make_session)
    async with app.run_test(size=SIZE) as pilot:
        main = await settled_main(pilot)
        main.table.select_key("evil-scripts@1.0.0")
        await pilot.press("a", "y", "ctrl+s")  # y: past the second look at its high signals
        await pilot.pause()
    pins = PolicyStore.load(project / "reviewer-policy.toml").pins
    assert [(pin.name, pin.version, pin.integrity) for pin in pins] == [
        ("evil-scripts", "1.0.0", "sha512-evil")
    ]


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
DEMO_NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("size", SIZES)
def test_review_mode_snapshot(snap_compare, tmp_path: Path, size):
    """The demo's upgrade (its base lockfile against its lockfile) in review mode."""
    from reviewer.app.session import ReviewSession
    from reviewer.demo import load_demo
    from reviewer.lockfiles import load_graph
    from reviewer.review.changes import compute_changes
    from reviewer.tui.app import ReviewerApp

    bundle = load_demo(tmp_path / "demo", now=DEMO_NOW)
    head = load_graph(bundle.project_dir)
    changes = compute_changes(load_graph(bundle.project_dir, bundle.base_lockfile), head)
    session = ReviewSession(head, bundle.provider, bundle.project_dir,
                            settings=bundle.settings(), change_set=changes)
    app = ReviewerApp(session, keymap_path=tmp_path / "none.toml", review_mode=True)
    assert snap_compare(app, terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_review_mode_snapshot_with_removed_and_republished(snap_compare, make_app, make_session,
                                                          size):
    """The hand-built change set: an added, an upgraded, a republished and a removed package."""
    assert snap_compare(review_app(make_app, make_session), terminal_size=size,
                        run_before=steady)
