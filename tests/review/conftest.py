"""Fixtures for the upgrade-review tests: temporary git repositories of corpus projects."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", REPO.parent / "shared" / "corpus"))
"""The shared lockfile corpus ($REVIEWER_CORPUS or ../shared/corpus), as the lockfile tests use."""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.test",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.test",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
        env={**os.environ, **GIT_ENV},
    )
    return result.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-gpg-sign", "-m", message)


def copy_project(source: Path, target: Path) -> Path:
    """Copy a (read-only) corpus project into a writable directory."""
    shutil.copytree(source, target, copy_function=shutil.copyfile)
    for directory, _, _ in os.walk(target):
        os.chmod(directory, 0o755)
    return target


@pytest.fixture
def corpus_repo(tmp_path: Path) -> Callable[[str], Path]:
    """`corpus_repo("mono-npm")`: a git repository whose first commit is that project."""

    def make(name: str) -> Path:
        repo = copy_project(CORPUS / name, tmp_path / name)
        git(repo, "init", "-q", "-b", "main")
        commit_all(repo, f"{name} as in the corpus")
        return repo

    return make
