"""The two graphs an upgrade review compares: base (a git revision or a file) and head.

- Base from `--base REV`: the lockfile as committed at REV, read with `git show` at the
  head lockfile's path relative to the repository root. When that file did not exist at
  REV but another lockfile did in the same directory (a migration from yarn to npm, say),
  that one is used and the two are compared by package identity.
- Base from `--base-lockfile FILE`: any lockfile on disk.
- Head: the working tree (with the usual detection or `--lockfile`), or `--head REV`.

A lockfile read from git (or a base file) is written to a temporary directory under its
original basename (so its format is recognised) and parsed there, away from today's
package.json, which it need not agree with. Errors name `REV:path`, never the temp path.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.errors import LockfileError, UsageError
from reviewer.graph import Graph
from reviewer.lockfiles import FORMATS, load_graph
from reviewer.review import git

BASE_CANDIDATES: tuple[str, ...] = (*FORMATS, "bun.lockb")
"""Lockfile names looked for at a revision, in detection order (bun.lockb last, to give its
clear error rather than "not found")."""


@dataclass(frozen=True, slots=True)
class ReviewGraphs:
    """Base and head graphs with a label saying where each came from."""

    base: Graph
    head: Graph
    base_label: str
    """`REV:path/to/lockfile` or the base file's path."""
    head_label: str

    @property
    def mixed_formats(self) -> bool:
        return self.base.lockfile.format != self.head.lockfile.format

    def format_note(self) -> str | None:
        """One line when base and head are of different formats, else None."""
        if not self.mixed_formats:
            return None
        return (
            f"base {self.base_label} ({self.base.lockfile.format}) and head {self.head_label} "
            f"({self.head.lockfile.format}) are different lockfile formats: "
            "compared by package identity"
        )


def load_review_graphs(
    project: Path,
    *,
    lockfile: Path | None = None,
    base_rev: str | None = None,
    base_lockfile: Path | None = None,
    head_rev: str | None = None,
) -> ReviewGraphs:
    """Load base and head as the command line asks. Raises ReviewerError subclasses."""
    if base_rev is None and base_lockfile is None:
        raise UsageError("review needs --base REV or --base-lockfile FILE")
    if base_rev is not None and base_lockfile is not None:
        raise UsageError("give either --base REV or --base-lockfile FILE, not both")

    if head_rev is None:
        head = load_graph(project, lockfile)
        head_label = str(head.lockfile.path)
        head_path: Path | str = head.lockfile.path
    else:
        root = git.repository_root(project)
        git.check_revision(root, head_rev)
        wanted = git.relative_to_root(root, lockfile) if lockfile is not None else None
        head_rel = _lockfile_at(root, head_rev, _project_rel(root, project), wanted)
        head_label = f"{head_rev}:{head_rel}"
        head = _parse_bytes(git.show(root, head_rev, head_rel), head_rel, head_label)
        head_path = head_rel

    if base_lockfile is not None:
        base = _parse_file(base_lockfile)
        base_label = str(base_lockfile)
    else:
        assert base_rev is not None
        root = git.repository_root(project)
        git.check_revision(root, base_rev)
        if isinstance(head_path, Path):
            wanted_rel = git.relative_to_root(root, head_path)
        else:
            wanted_rel = head_path
        directory = wanted_rel.rpartition("/")[0]
        base_rel = _lockfile_at(root, base_rev, directory, wanted_rel)
        base_label = f"{base_rev}:{base_rel}"
        base = _parse_bytes(git.show(root, base_rev, base_rel), base_rel, base_label)
    return ReviewGraphs(base, head, base_label, head_label)


def _project_rel(root: Path, project: Path) -> str:
    rel = git.relative_to_root(root, project)
    return "" if rel == "." else rel


def _lockfile_at(root: Path, revision: str, directory: str, wanted: str | None) -> str:
    """The repository path of the lockfile to read at `revision`.

    `wanted` first (the head lockfile's path), then every known lockfile name in
    `directory`. GitError naming what was looked for when none existed at `revision`.
    """
    prefix = f"{directory}/" if directory and directory != "." else ""
    candidates = [wanted] if wanted else []
    candidates += [prefix + name for name in BASE_CANDIDATES if prefix + name != wanted]
    for candidate in candidates:
        if git.exists_at(root, revision, candidate):
            return candidate
    looked_for = wanted or f"a lockfile in {directory or 'the repository root'}"
    others = " (nor any other lockfile in that directory)" if wanted else ""
    raise git.GitError(f"{looked_for} did not exist at {revision}{others}")


def _parse_file(path: Path) -> Graph:
    from reviewer.lockfiles.detect import MAX_LOCKFILE_BYTES

    try:
        size = path.stat().st_size
        if size > MAX_LOCKFILE_BYTES and path.is_file():
            raise LockfileError(path, f"{size} bytes, over the {MAX_LOCKFILE_BYTES // 1024**2} "
                                "MiB a lockfile may have (not read)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise LockfileError(path, "file not found") from None
    except IsADirectoryError:
        raise LockfileError(path, "is a directory, not a lockfile") from None
    except OSError as error:
        raise LockfileError(path, error.strerror or "cannot be read") from None
    return _parse_bytes(data, path.name, str(path))


def _parse_bytes(data: bytes, name: str, label: str) -> Graph:
    """Parse lockfile bytes under their original basename in a private temp directory."""
    basename = name.rpartition("/")[2]
    with tempfile.TemporaryDirectory(prefix="reviewer-review-") as temp:
        path = Path(temp) / basename
        path.write_bytes(data)
        try:
            graph = load_graph(Path(temp), path)
        except LockfileError as error:
            raise LockfileError(label, error.fault, error.line) from None
    graph.lockfile = replace(graph.lockfile, path=Path(label))
    return graph
