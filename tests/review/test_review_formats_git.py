"""Two commits of each corpus mono-* lockfile in a temporary git repository: the change set
between them is exactly the five edits of `lockfile_edits`, whatever the format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import commit_all
from lockfile_edits import EDITS, expected_changes

from reviewer.graph import Source
from reviewer.review.base import load_review_graphs
from reviewer.review.changes import ChangeKind, compute_changes


def edited_repo(corpus_repo: Callable[[str], Path], project: str) -> Path:
    repo = corpus_repo(project)
    lockfile_name, edit = EDITS[project]
    lockfile = repo / lockfile_name
    lockfile.write_text(edit(lockfile.read_text(encoding="utf-8")), encoding="utf-8")
    commit_all(repo, "bump")
    return repo


@pytest.mark.parametrize("project", sorted(EDITS))
def test_change_set_between_two_commits_is_exact(
    corpus_repo: Callable[[str], Path], project: str
) -> None:
    repo = edited_repo(corpus_repo, project)
    graphs = load_review_graphs(repo, base_rev="HEAD~1")
    assert graphs.base_label == f"HEAD~1:{EDITS[project][0]}"
    assert graphs.base.lockfile.format == graphs.head.lockfile.format
    changes = compute_changes(graphs.base, graphs.head)
    got = [(c.name, c.from_version, c.to_version, str(c.kind)) for c in changes]
    assert got == expected_changes(project)
    by_name = {c.name: c for c in changes}
    assert by_name["wrappy"].head is not None and by_name["wrappy"].head.source is Source.GIT
    assert by_name["wrappy"].base is not None and by_name["wrappy"].base.source is Source.REGISTRY
    assert by_name["zod"].dependents and "packages/shared" in by_name["zod"].dependents[0]
    assert by_name["js-tokens"].head is None and by_name["left-pad"].base is None


@pytest.mark.parametrize("project", sorted(EDITS))
def test_head_revision_and_no_changes_against_itself(
    corpus_repo: Callable[[str], Path], project: str
) -> None:
    repo = edited_repo(corpus_repo, project)
    # --head REV reads the head from git too: same change set as the working tree.
    graphs = load_review_graphs(repo, base_rev="HEAD~1", head_rev="HEAD")
    got = [(c.name, c.from_version, c.to_version, str(c.kind))
           for c in compute_changes(graphs.base, graphs.head)]
    assert got == expected_changes(project)
    # Reversed, every change flips (added <-> removed, upgraded -> downgraded).
    reverse = load_review_graphs(repo, base_rev="HEAD", head_rev="HEAD~1")
    kinds = {c.name: c.kind for c in compute_changes(reverse.base, reverse.head)}
    flipped = {
        "js-tokens": ChangeKind.ADDED, "left-pad": ChangeKind.REMOVED,
        "ms": ChangeKind.REPUBLISHED, "wrappy": ChangeKind.SOURCE_CHANGED,
        "zod": ChangeKind.DOWNGRADED,
    }
    assert kinds == {name: flipped[name] for name, *_ in expected_changes(project)}
    same = load_review_graphs(repo, base_rev="HEAD")
    assert not compute_changes(same.base, same.head)
