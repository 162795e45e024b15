"""Differences between two package tarballs, like `npm diff`: which files were added,
removed or modified (with sizes), a unified diff of each text file, and a summary of the
package.json fields that matter for review (scripts, dependencies, bin, publishConfig).

Pure: works on two verified `TarballContents`; nothing is extracted or run.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reviewer.registry.interface import TarballContents
from reviewer.review.report import FileChange
from reviewer.signals.common import tarball_package_json

MAX_TEXT_BYTES = 1_000_000
"""Files larger than this get no unified diff (sizes only)."""
REVIEW_FIELDS = ("scripts", "dependencies", "optionalDependencies", "peerDependencies",
                 "bundleDependencies", "bin", "publishConfig", "main", "exports", "gypfile",
                 "os", "cpu", "engines")


@dataclass(frozen=True, slots=True)
class ManifestChange:
    """One changed entry of package.json."""

    field: str
    """`scripts`, `dependencies`, `bin`, `publishConfig`, ... (a top-level field)."""
    key: str | None
    """The entry inside a map field (`postinstall`, `lodash`); None for a scalar field."""
    old: str | None
    new: str | None

    @property
    def status(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"


@dataclass(frozen=True, slots=True)
class TarballDiff:
    files: tuple[FileChange, ...]
    manifest: tuple[ManifestChange, ...]
    unsafe: tuple[str, ...] = ()
    """Entries of either tarball that are links, devices or escape the package (listed,
    never followed)."""


def _files(tarball: TarballContents) -> dict[str, int]:
    return {e.path: e.size for e in tarball.entries if e.kind == "file" and not e.unsafe}


def _text(data: bytes) -> str | None:
    if b"\0" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def unified_patch(path: str, old: bytes | None, new: bytes | None, old_label: str, new_label: str,
                  context: int = 3) -> str | None:
    """A git-style patch for one file; None when either side is binary or too large."""
    if (old is not None and len(old) > MAX_TEXT_BYTES) or (new is not None and len(new) > MAX_TEXT_BYTES):
        return None
    old_text = "" if old is None else _text(old)
    new_text = "" if new is None else _text(new)
    if old_text is None or new_text is None:
        return None
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile="/dev/null" if old is None else f"a/{path}",
        tofile="/dev/null" if new is None else f"b/{path}", n=context,
    )
    body = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    header = f"diff --git a/{path} b/{path}\nindex {old_label}..{new_label}\n"
    return header + body


def diff_tarballs(old: TarballContents, new: TarballContents, old_label: str = "a",
                  new_label: str = "b", paths: Sequence[str] = (), context: int = 3) -> TarballDiff:
    """Compare two tarballs; `paths` limits the files compared (prefix match)."""
    old_files, new_files = _files(old), _files(new)
    changes: list[FileChange] = []
    for path in sorted(old_files.keys() | new_files.keys()):
        if paths and not any(path == p or path.startswith(p.rstrip("/") + "/") for p in paths):
            continue
        before = old.read_bytes(path) if path in old_files else None
        after = new.read_bytes(path) if path in new_files else None
        if before == after:
            continue
        status = "added" if before is None else "removed" if after is None else "modified"
        changes.append(FileChange(
            path, status,
            len(before) if before is not None else None,
            len(after) if after is not None else None,
            unified_patch(path, before, after, old_label, new_label, context),
        ))
    unsafe = tuple(sorted({f"{e.path} ({e.unsafe})" for t in (old, new) for e in t.entries if e.unsafe}))
    return TarballDiff(tuple(changes), tuple(manifest_changes(_manifest(old), _manifest(new))), unsafe)


def _manifest(tarball: TarballContents) -> dict[str, object]:
    return tarball_package_json(tarball) or {}


def _flat(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def manifest_changes(old: Mapping[str, object], new: Mapping[str, object]) -> list[ManifestChange]:
    """Changes in the review-relevant package.json fields (maps compared entry by entry)."""
    out: list[ManifestChange] = []
    for field in REVIEW_FIELDS:
        a, b = old.get(field), new.get(field)
        if a == b:
            continue
        if isinstance(a, (dict, type(None))) and isinstance(b, (dict, type(None))):
            a_map, b_map = a or {}, b or {}
            out += [
                ManifestChange(field, key,
                               None if key not in a_map else _flat(a_map[key]),
                               None if key not in b_map else _flat(b_map[key]))
                for key in sorted(a_map.keys() | b_map.keys())
                if a_map.get(key) != b_map.get(key)
            ]
        else:
            out.append(ManifestChange(field, None, None if a is None else _flat(a), None if b is None else _flat(b)))
    return out


def format_diff(diff: TarballDiff, *, name_only: bool = False) -> str:
    """npm-diff-like text: a file table, the package.json summary, then the patches.
    Callers print it as plain text (it holds untrusted file contents)."""
    from reviewer.lockfiles.manifest import printable

    if name_only:
        return "".join(f"{printable(f.path)}\n" for f in diff.files)
    lines: list[str] = []
    if not diff.files:
        lines.append("no file differs")
    lines += [f"{f.status:<9} {printable(f.path)}  ({_size(f.old_size)} -> {_size(f.new_size)})"
              for f in diff.files]
    lines += [f"unsafe    {printable(entry)}  (not compared)" for entry in diff.unsafe]
    if diff.manifest:
        lines += ["", "package.json:"]
        for change in diff.manifest:
            where = f"{change.field}.{change.key}" if change.key is not None else change.field
            if change.status == "added":
                text = f"+ {where}: {change.new}"
            elif change.status == "removed":
                text = f"- {where}: {change.old}"
            else:
                text = f"~ {where}: {change.old} -> {change.new}"
            lines.append("  " + printable(text))
    text = "\n".join(lines) + "\n"
    patches = [f.patch for f in diff.files if f.patch]
    if patches:
        text += "\n" + "".join(_printable_patch(p) for p in patches)
    for f in diff.files:
        if f.patch is None:
            text += f"Binary or large file {printable(f.path)} differs\n"
    return text


def _printable_patch(patch: str) -> str:
    from reviewer.lockfiles.manifest import printable

    return "".join(printable(line) + "\n" for line in patch.splitlines())


def _size(size: int | None) -> str:
    return "-" if size is None else f"{size} B"
