"""Reading files as committed at a git revision: `git` run as a subprocess, never a shell.

Only three git operations are needed: find the repository root, check that a revision
exists, and read a blob (`git show REV:path`). Revisions that start with `-` are refused
(they would be read as options), and every failure becomes a one-line `GitError`.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from reviewer.errors import ReviewerError

GIT_TIMEOUT_SECONDS = 60


class GitError(ReviewerError):
    """git is missing, the directory is not in a repository, or a revision/path is unknown."""


def _run_git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        return subprocess.run(
            # No pager, and no fsmonitor hook: reading a blob must never run a command
            # named in the repository's configuration.
            ["git", "--no-pager", "-c", "core.fsmonitor=false", *args],
            cwd=cwd,
            capture_output=True,
            env=env,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH (needed for --base/--head REV)") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} did not finish within {GIT_TIMEOUT_SECONDS} s") from None
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror or error}") from None


def _first_line(output: bytes) -> str:
    for line in output.decode("utf-8", "replace").splitlines():
        if line.strip():
            return line.strip()
    return "no message"


def repository_root(directory: Path) -> Path:
    """The top directory of the git work tree holding `directory`."""
    if not directory.is_dir():
        raise GitError(f"{directory}: not a directory")
    result = _run_git(directory, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        message = _first_line(result.stderr)
        if "not a git repository" in message:
            raise GitError(
                f"{directory} is not inside a git repository "
                "(--base REV needs one; use --base-lockfile FILE instead)"
            )
        raise GitError(f"git rev-parse in {directory}: {message}")
    return Path(result.stdout.decode("utf-8", "replace").strip())


def check_revision(root: Path, revision: str) -> None:
    """Raise GitError unless `revision` names a commit in the repository at `root`."""
    if not revision or revision.startswith("-") or "\n" in revision or "\0" in revision:
        raise GitError(f"invalid git revision {revision!r}")
    result = _run_git(
        root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"
    )
    if result.returncode != 0:
        hint = ""
        shallow = _run_git(root, "rev-parse", "--is-shallow-repository")
        if shallow.returncode == 0 and shallow.stdout.strip() == b"true":
            hint = " (a shallow clone: fetch the revision first, e.g. `git fetch --depth=1 origin main`)"
        raise GitError(f"unknown git revision {revision!r} in {root}{hint}")


def exists_at(root: Path, revision: str, path: str) -> bool:
    """True when `path` (relative to the repository root, `/`-separated) is a file at `revision`."""
    result = _run_git(root, "cat-file", "-t", f"{revision}:{path}")
    return result.returncode == 0 and result.stdout.strip() == b"blob"


def show(root: Path, revision: str, path: str) -> bytes:
    """The bytes of `path` as committed at `revision` (`git show REV:path`)."""
    result = _run_git(root, "show", f"{revision}:{path}")
    if result.returncode != 0:
        raise GitError(f"{path} at {revision}: {_first_line(result.stderr)}")
    return result.stdout


def relative_to_root(root: Path, path: Path) -> str:
    """`path` relative to the repository root, `/`-separated; GitError when outside it."""
    resolved = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    try:
        relative = resolved.relative_to(real_root)
    except ValueError:
        raise GitError(f"{path} is outside the git repository at {root}") from None
    return relative.as_posix()
