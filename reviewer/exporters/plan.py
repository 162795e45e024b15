"""What an export will change: new file texts, shown as a diff or written safely."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.exporters.jsonfile import ExportError
from reviewer.fileio import FileWriteError, guarded_write_text


@dataclass(frozen=True, slots=True)
class FileEdit:
    path: Path
    original: str | None
    """The text the edit was computed from (None: the file does not exist yet)."""
    new: str

    @property
    def changed(self) -> bool:
        return self.original != self.new


@dataclass
class ExportPlan:
    target: str
    edits: list[FileEdit] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    """Lines for the user: what was exported, what could not be expressed."""

    def add(self, path: Path, original: str | None, new: str) -> None:
        self.edits.append(FileEdit(path, original, new))

    @property
    def changed(self) -> list[FileEdit]:
        return [edit for edit in self.edits if edit.changed]

    def diff(self) -> str:
        """A unified diff of every changed file."""
        chunks: list[str] = []
        for edit in self.changed:
            name = str(edit.path)
            chunks.extend(difflib.unified_diff(
                (edit.original or "").splitlines(keepends=True),
                edit.new.splitlines(keepends=True),
                fromfile=f"a/{name}" if edit.original is not None else "/dev/null",
                tofile=f"b/{name}",
            ))
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in chunks)

    def write(self) -> list[Path]:
        """Write each changed file atomically, refusing if it changed since it was read."""
        written = []
        for edit in self.changed:
            expected = None if edit.original is None else edit.original.encode("utf-8")
            try:
                guarded_write_text(edit.path, edit.new, expected)
            except FileWriteError as error:
                raise ExportError(error.message) from None
            written.append(edit.path)
        return written
