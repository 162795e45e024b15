"""What a lockfile parser reads besides the lockfile: package.json files, the folders a
workspace glob matches. Parsers read them through this module; within `recording()` each
read is noted with its answer, so that a cached parse (`graph_cache`) can check that every
one of them would still get the same answer before the cached graph is used.

A note is (kind, argument, ...) -> answer, answers being plain data: a file's SHA-256 or
None when it is absent, the sorted paths a glob matches, a boolean.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

Notes = dict[tuple[str, ...], Any]

_notes: ContextVar[Notes | None] = ContextVar("lockfile_reads", default=None)


@contextmanager
def recording() -> Iterator[Notes]:
    """Note every read made through this module until the block ends."""
    notes: Notes = {}
    token = _notes.set(notes)
    try:
        yield notes
    finally:
        _notes.reset(token)


def _note(key: tuple[str, ...], answer: Any) -> None:
    notes = _notes.get()
    if notes is not None:
        notes[key] = answer


class OverLimit(Exception):
    """The file is larger than the reader accepts (not read)."""


def read_bytes(path: Path, limit: int) -> bytes | None:
    """The file's bytes; None when it is absent. Raises OverLimit when it is larger than
    `limit` bytes, OSError when it cannot be read."""
    try:
        if path.stat().st_size > limit:
            raise OverLimit(path)
        data = path.read_bytes()
    except FileNotFoundError:
        _note(("file", str(path)), None)
        return None
    _note(("file", str(path)), _digest(data))
    return data


def decode_text(data: bytes) -> str:
    """UTF-8 text with universal newlines, as `Path.read_text(encoding="utf-8")` gives it.
    Raises UnicodeDecodeError."""
    text = data.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def glob(folder: Path, pattern: str) -> list[Path]:
    """`sorted(folder.glob(pattern))`."""
    found = sorted(folder.glob(pattern))
    _note(("glob", str(folder), pattern), _names(found))
    return found


def _names(paths: list[Path]) -> list[str]:
    return [str(p) for p in paths]


def is_dir(path: Path) -> bool:
    answer = path.is_dir()
    _note(("is_dir", str(path)), answer)
    return answer


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, symbolic links resolved, is `folder` resolved or below it."""
    answer = _is_inside(path, folder)
    _note(("inside", str(path), str(folder)), answer)
    return answer


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: str) -> str | None:
    try:
        return _digest(Path(path).read_bytes())
    except FileNotFoundError:
        return None


_ASK_AGAIN: dict[str, Callable[..., Any]] = {
    "file": _file_digest,
    "glob": lambda folder, pattern: _names(sorted(Path(folder).glob(pattern))),
    "is_dir": lambda path: Path(path).is_dir(),
    "inside": lambda path, folder: _is_inside(Path(path), Path(folder)),
}


def as_list(notes: Notes) -> list[list[Any]]:
    """The notes as plain data: [[kind, argument..., answer], ...]."""
    return [[*key, answer] for key, answer in notes.items()]


def still_answered(noted: list[list[Any]]) -> bool:
    """Whether every read in `noted` (from `as_list`) gets the same answer now. False on
    notes of another shape, and when a read now fails."""
    try:
        for *key, answer in noted:
            if _ASK_AGAIN[key[0]](*key[1:]) != answer:
                return False
    except (OSError, KeyError, TypeError, ValueError):
        return False
    return True
