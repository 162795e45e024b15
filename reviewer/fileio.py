"""Safe writes for every file reviewer writes (policy, package.json, pnpm-workspace.yaml, ...).

- `atomic_write_text(path, text)`: write a temporary file in the same directory, fsync it,
  give it the mode of the file it replaces, `os.replace` it over the target, fsync the
  directory. A crash at any point leaves either the old file or the new one, never a mix.
- `file_lock(path)`: an advisory lock (`fcntl.flock`) on a sidecar lock file kept in a
  per-user directory under the system temp dir (named by a hash of the file's real path,
  so the project is not cluttered with lock files), so that two reviewer processes cannot interleave
  read-modify-write cycles on the same file. A second process waits up to
  `LOCK_TIMEOUT_SECONDS` (env `REVIEWER_LOCK_TIMEOUT`), then fails with `FileLockedError`.
- `guarded_write_text(path, text, expected)`: lock, re-read the file and compare it with
  the bytes the caller loaded (`expected`, None = "the file did not exist"), refuse with
  `ConcurrentEditError` if someone changed it meanwhile, otherwise write atomically.

Test hook: when the environment variable `REVIEWER_TEST_PAUSE_BEFORE_RENAME` holds a
number of seconds, `atomic_write_text` sleeps that long after the temporary file is
written and synced and before the rename, so that a test can SIGKILL the process there.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from reviewer.errors import ReviewerError

LOCK_TIMEOUT_SECONDS = 5.0
PAUSE_ENV = "REVIEWER_TEST_PAUSE_BEFORE_RENAME"
LOCK_TIMEOUT_ENV = "REVIEWER_LOCK_TIMEOUT"


class FileWriteError(ReviewerError):
    """A file could not be written safely."""


class FileLockedError(FileWriteError):
    """Another process holds the lock on the file."""


class ConcurrentEditError(FileWriteError):
    """The file changed on disk after it was loaded."""


def read_bytes_or_none(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def lock_path_for(path: Path) -> Path:
    """The sidecar lock file for `path` (the same for every spelling of the path)."""
    real = os.path.realpath(Path(path))
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    directory = Path(tempfile.gettempdir()) / f"reviewer-locks-{os.getuid()}"
    directory.mkdir(mode=0o700, exist_ok=True)
    return directory / f"{digest}.lock"


def _lock_timeout(timeout: float | None) -> float:
    if timeout is not None:
        return timeout
    try:
        return float(os.environ.get(LOCK_TIMEOUT_ENV, LOCK_TIMEOUT_SECONDS))
    except ValueError:
        return LOCK_TIMEOUT_SECONDS


@contextlib.contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive advisory lock for `path` (on its sidecar lock file).

    Re-entrant use from the same process on the same path is not supported.
    """
    wait = _lock_timeout(timeout)
    try:
        lock_file = lock_path_for(path)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise FileWriteError(f"{path}: cannot create its lock file ({error.strerror})") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise FileWriteError(f"{lock_file}: cannot lock ({error.strerror})") from None
                if time.monotonic() >= deadline:
                    raise FileLockedError(
                        f"{path}: another reviewer process is writing this file "
                        f"(waited {wait:g}s for its lock); try again when it has finished"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _mode_for_new_file() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _pause_for_tests() -> None:
    pause = os.environ.get(PAUSE_ENV)
    if pause:
        with contextlib.suppress(ValueError):
            time.sleep(float(pause))


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems do not support fsync on directories
    finally:
        os.close(fd)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically, keeping the old file's permission bits and
    owner. A symlink is followed: its target is replaced, the link stays."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """`atomic_write_text` for bytes. `durable=False` (a cache whose entries carry their
    own checksum): no fsync, so a power cut may lose the new file, never mix it with the
    old one."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    owner: tuple[int, int] | None = None
    try:
        info = path.stat()
        mode = stat.S_IMODE(info.st_mode)
        owner = (info.st_uid, info.st_gid)
    except FileNotFoundError:
        mode = _mode_for_new_file()
    except OSError as error:
        raise FileWriteError(f"{path}: {error.strerror}") from None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise FileWriteError(f"{path}: cannot create a temporary file ({error.strerror})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            if owner is not None and owner != (os.geteuid(), os.getegid()):
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), *owner)
            if durable:
                os.fsync(handle.fileno())
        if durable:  # the files a user keeps (a cache entry is not what such a test kills)
            _pause_for_tests()
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise FileWriteError(f"{path}: cannot write ({error.strerror})") from None
        raise
    if durable:
        _fsync_directory(directory)


def check_unchanged(path: Path, expected: bytes | None) -> None:
    """Raise ConcurrentEditError when `path` no longer holds `expected` (None = absent)."""
    current = read_bytes_or_none(path)
    if current == expected:
        return
    if expected is None:
        what = "was created by someone else"
    elif current is None:
        what = "was deleted"
    else:
        what = "was changed by someone else"
    raise ConcurrentEditError(
        f"{path}: the file {what} after reviewer loaded it; "
        "not overwriting (reload it and redo the change)"
    )


def guarded_write_text(
    path: Path, text: str, expected: bytes | None, timeout: float | None = None
) -> None:
    """Lock `path`, make sure it still holds `expected`, then replace it with `text`."""
    with file_lock(path, timeout):
        check_unchanged(path, expected)
        atomic_write_text(path, text)
