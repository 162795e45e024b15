"""Loading and saving the policy file safely.

API (used by the CLI and the TUI):

- `default_policy_path(project_dir) -> Path`: `reviewer-policy.toml` in the project directory
  (next to the lockfile).
- `PolicyStore.load(path) -> Policy`: the validated policy; an empty one (not yet on disk)
  when the file is absent. Raises PolicyError (one line: file:line: fault). The files it
  `extends` (paths relative to it) are loaded into `policy.parents`; a missing one, or a
  cycle, is a PolicyError.
- `PolicyStore.save(policy)`: validate the new text, take the advisory lock, refuse if the
  file changed on disk since `load` (PolicyError), write atomically (fileio), then remember
  the new bytes so that the same `Policy` can be saved again.
- `PolicyStore.save_edits(loaded, edits)`: apply typed edits (`reviewer.policy.pending`)
  to the policy as it was loaded and save it; PolicyChangedError when the file changed on
  disk since (the TUI then shows `pending.conflicts` and offers to re-apply).
- `PolicyStore.edit(path)`: a context manager for headless read-modify-write: holds the lock
  from load to save so that two `reviewer` processes never lose each other's decisions.
- `current_user() -> str`: `git config user.name`, else $USER, else "unknown".
"""

from __future__ import annotations

import contextlib
import getpass
import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

from reviewer.errors import PolicyChangedError, PolicyError
from reviewer.fileio import (
    ConcurrentEditError,
    FileWriteError,
    atomic_write_text,
    check_unchanged,
    file_lock,
    read_bytes_or_none,
)
from reviewer.policy.model import Policy
from reviewer.policy.pending import PolicyEdit, apply_edits

POLICY_FILE_NAME = "reviewer-policy.toml"


def default_policy_path(project_dir: Path | str) -> Path:
    return Path(project_dir) / POLICY_FILE_NAME


def current_user() -> str:
    """Who is deciding: `git config user.name`, else $USER, else "unknown"."""
    try:
        done = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=5, check=False)
        name = done.stdout.strip()
        if done.returncode == 0 and name:
            return name
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return os.environ.get("USER") or getpass.getuser() or "unknown"
    except (OSError, KeyError):
        return "unknown"


class PolicyStore:
    """Stateless helpers; a class so callers can write `PolicyStore.load(path)`."""

    @staticmethod
    def load(path: Path | str) -> Policy:
        policy = PolicyStore._load_one(Path(path))
        _load_parents(policy, [Path(path).resolve()])
        return policy

    @staticmethod
    def _load_one(path: Path) -> Policy:
        try:
            raw = read_bytes_or_none(path)
        except OSError as error:
            raise PolicyError(f"{path}: cannot be read ({error.strerror})") from None
        if raw is None:
            return Policy.empty(path)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PolicyError(f"{path}: not UTF-8 text") from None
        return Policy(None, path, raw, source_text=text)

    @staticmethod
    def _checked_text(policy: Policy) -> str:
        text = policy.dumps()
        # Never write what we could not read back.
        Policy(None, policy.path, None, source_text=text)
        return text

    @staticmethod
    def save(policy: Policy, timeout: float | None = None) -> None:
        """Write the policy safely (see the module doc). Raises PolicyError."""
        text = PolicyStore._checked_text(policy)
        try:
            with file_lock(policy.path, timeout):
                check_unchanged(policy.path, policy.loaded_bytes)
                atomic_write_text(policy.path, text)
        except ConcurrentEditError as error:
            raise PolicyChangedError(error.message) from None
        except FileWriteError as error:
            raise PolicyError(error.message) from None
        policy.loaded_bytes = text.encode("utf-8")
        policy.dirty = False

    @staticmethod
    def copy(policy: Policy) -> Policy:
        """The policy as it was loaded (its edits since left out)."""
        raw = policy.loaded_bytes
        if raw is None:
            return Policy.empty(policy.path)
        return Policy(None, policy.path, raw, source_text=raw.decode("utf-8"))

    @staticmethod
    def save_edits(loaded: Policy, edits: Sequence[PolicyEdit], by: str | None = None,
                   timeout: float | None = None) -> tuple[Policy, list[str]]:
        """Apply `edits` to `loaded` as it was loaded and save it (see the module doc).
        Returns the saved policy and messages about notes with nothing to attach to.
        Raises PolicyChangedError (the file changed since `loaded`), PolicyError."""
        policy = PolicyStore.copy(loaded)
        messages = apply_edits(policy, edits, by or current_user())
        if policy.dirty:
            PolicyStore.save(policy, timeout)
        return policy, messages

    @staticmethod
    @contextlib.contextmanager
    def edit(path: Path | str, timeout: float | None = None) -> Iterator[Policy]:
        """Lock, load, yield the policy for changes, save if it changed (all under the lock)."""
        path = Path(path)
        try:
            with file_lock(path, timeout):
                policy = PolicyStore.load(path)
                yield policy
                if policy.dirty:
                    text = PolicyStore._checked_text(policy)
                    check_unchanged(path, policy.loaded_bytes)
                    atomic_write_text(path, text)
                    policy.loaded_bytes = text.encode("utf-8")
                    policy.dirty = False
        except FileWriteError as error:
            raise PolicyError(error.message) from None


def _load_parents(policy: Policy, chain: list[Path]) -> None:
    """Load the files `policy` extends (recursively) into `policy.parents`."""
    parents = []
    for written in policy.extends:
        target = (policy.path.parent / Path(written).expanduser()).resolve()
        if target in chain:
            raise PolicyError(f"{policy.path}: extends {written!r}: a cycle "
                              f"({' -> '.join(p.name for p in [*chain, target])})")
        if not target.is_file():
            raise PolicyError(f"{policy.path}: extends {written!r}: {target} is not a file "
                              "(paths are relative to the policy file)")
        parent = PolicyStore._load_one(target)
        _load_parents(parent, [*chain, target])
        parents.append(parent)
    policy.parents = parents


def reload(policy: Policy) -> Policy:
    """A fresh load of the same file (for the TUI after a concurrent-edit refusal)."""
    return PolicyStore.load(policy.path)


__all__ = [
    "POLICY_FILE_NAME",
    "PolicyStore",
    "current_user",
    "default_policy_path",
    "reload",
]
