"""Bad input to `reviewer review`: clear one-line errors, exit 2; mixed formats compare by identity."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CORPUS, commit_all, copy_project, git
from lockfile_edits import edit_npm, expected_changes

from reviewer.cli.main import main
from reviewer.errors import LockfileError, UsageError
from reviewer.review.base import load_review_graphs
from reviewer.review.changes import compute_changes
from reviewer.review.git import GitError


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["review", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_unknown_revision(corpus_repo: Callable[[str], Path],
                          capsys: pytest.CaptureFixture[str]) -> None:
    repo = corpus_repo("mono-npm")
    with pytest.raises(GitError, match="unknown git revision 'no-such-branch'"):
        load_review_graphs(repo, base_rev="no-such-branch")
    code, out, err = run_cli(capsys, "--base", "HEAD~3", str(repo), "--format", "json")
    assert code == 2 and out == ""
    assert err == f"reviewer: error: unknown git revision 'HEAD~3' in {repo}\n"


def test_revision_that_looks_like_an_option_is_refused(corpus_repo: Callable[[str], Path]) -> None:
    repo = corpus_repo("mono-npm")
    with pytest.raises(GitError, match="invalid git revision '--output=x'"):
        load_review_graphs(repo, base_rev="--output=x")
    assert not (repo / "x").exists()


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    project = copy_project(CORPUS / "mono-npm", tmp_path / "plain")
    code, out, err = run_cli(capsys, "--base", "HEAD", str(project))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "is not inside a git repository" in err and "--base-lockfile" in err


def test_lockfile_missing_at_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = copy_project(CORPUS / "mono-npm", tmp_path / "late")
    lockfile = repo / "package-lock.json"
    text = lockfile.read_text(encoding="utf-8")
    lockfile.unlink()
    git(repo, "init", "-q")
    commit_all(repo, "manifests only")
    lockfile.write_text(text, encoding="utf-8")
    commit_all(repo, "lockfile")
    with pytest.raises(GitError) as raised:
        load_review_graphs(repo, base_rev="HEAD~1")
    assert str(raised.value) == (
        "package-lock.json did not exist at HEAD~1 (nor any other lockfile in that directory)"
    )
    code, _, err = run_cli(capsys, "--base", "HEAD~1", str(repo))
    assert code == 2 and "did not exist at HEAD~1" in err


def test_base_and_base_lockfile_are_exclusive(corpus_repo: Callable[[str], Path]) -> None:
    repo = corpus_repo("mono-npm")
    with pytest.raises(UsageError, match="either --base REV or --base-lockfile"):
        load_review_graphs(repo, base_rev="HEAD", base_lockfile=repo / "package-lock.json")
    with pytest.raises(UsageError, match="needs --base REV or --base-lockfile"):
        load_review_graphs(repo)


def test_malformed_base_names_the_revision_not_a_temp_file(
    corpus_repo: Callable[[str], Path]
) -> None:
    repo = corpus_repo("mono-npm")
    good = (repo / "package-lock.json").read_text(encoding="utf-8")
    (repo / "package-lock.json").write_text("{ not json", encoding="utf-8")
    commit_all(repo, "broken")
    (repo / "package-lock.json").write_text(good, encoding="utf-8")
    with pytest.raises(LockfileError) as raised:
        load_review_graphs(repo, base_rev="HEAD")
    assert str(raised.value).startswith("HEAD:package-lock.json")
    assert "reviewer-review-" not in str(raised.value)


def test_migration_to_another_format_compares_by_identity(tmp_path: Path) -> None:
    # Commit 1: a pnpm project. Commit 2: the same project moved to npm, with the edits.
    repo = copy_project(CORPUS / "mono-pnpm", tmp_path / "migrating")
    git(repo, "init", "-q")
    commit_all(repo, "pnpm")
    (repo / "pnpm-lock.yaml").unlink()
    (repo / "pnpm-workspace.yaml").unlink()
    npm_text = (CORPUS / "mono-npm" / "package-lock.json").read_text(encoding="utf-8")
    (repo / "package-lock.json").write_text(edit_npm(npm_text), encoding="utf-8")
    commit_all(repo, "npm")
    graphs = load_review_graphs(repo, base_rev="HEAD~1")
    assert graphs.base_label == "HEAD~1:pnpm-lock.yaml"
    assert graphs.mixed_formats
    note = graphs.format_note()
    assert note is not None and "compared by package identity" in note
    got = [(c.name, c.from_version, c.to_version, str(c.kind))
           for c in compute_changes(graphs.base, graphs.head)]
    assert got == expected_changes("mono-npm")


def test_base_lockfile_of_another_format(corpus_repo: Callable[[str], Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    repo = corpus_repo("mono-npm")
    lockfile = repo / "package-lock.json"
    lockfile.write_text(edit_npm(lockfile.read_text(encoding="utf-8")), encoding="utf-8")
    base = CORPUS / "mono-bun" / "bun.lock"
    code, out, err = run_cli(capsys, "--base-lockfile", str(base), str(repo), "--format", "json",
                             "--offline", "--cache-dir", str(repo / ".cache"), "--no-signals")
    assert code == 0, err
    assert "different lockfile formats" in err
    import json

    changes = json.loads(out)["changes"]
    assert [(c["name"], c["from"], c["to"], c["kind"]) for c in changes] == (
        expected_changes("mono-npm"))


def test_missing_base_lockfile_file(corpus_repo: Callable[[str], Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    repo = corpus_repo("mono-npm")
    code, out, err = run_cli(capsys, "--base-lockfile", str(repo / "nope.json"), str(repo))
    assert code == 2 and out == ""
    assert err == f"reviewer: error: {repo / 'nope.json'}: file not found\n"


def test_project_in_a_subdirectory_of_the_repository(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "monorepo"
    project = copy_project(CORPUS / "mono-npm", root / "services" / "app")
    git(root, "init", "-q")
    commit_all(root, "app")
    lockfile = project / "package-lock.json"
    lockfile.write_text(edit_npm(lockfile.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.chdir(project / "packages")  # git paths must not depend on the cwd
    graphs = load_review_graphs(Path(".."), base_rev="HEAD")
    assert graphs.base_label == "HEAD:services/app/package-lock.json"
    got = [(c.name, c.from_version, c.to_version, str(c.kind))
           for c in compute_changes(graphs.base, graphs.head)]
    assert got == expected_changes("mono-npm")


def test_unknown_revision_in_a_shallow_clone_says_how_to_fetch(
    corpus_repo: Callable[[str], Path], tmp_path: Path
) -> None:
    origin = corpus_repo("mono-npm")
    (origin / "package-lock.json").write_text(
        edit_npm((origin / "package-lock.json").read_text(encoding="utf-8")), encoding="utf-8")
    commit_all(origin, "bump")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{origin}", str(clone))
    with pytest.raises(GitError, match="shallow clone: fetch the revision first"):
        load_review_graphs(clone, base_rev="HEAD~1")
