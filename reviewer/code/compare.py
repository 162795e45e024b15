"""What changed A->B: per file, the capabilities B's version has that A's did not."""

from __future__ import annotations

from reviewer.code.model import CodeChanges, FileChange, PackageCode


def compare_packages(old: PackageCode | None, new: PackageCode) -> CodeChanges:
    """Capability changes from `old` to `new` (old None: nothing to compare with, every
    file counts as unchanged and `old_version` is None)."""
    if old is None:
        return CodeChanges(None, new.version, tuple(FileChange(f.path, "unchanged") for f in new.files))
    changes: list[FileChange] = []
    for file in new.files:
        before = old.file(file.path)
        if before is None:
            changes.append(FileChange(file.path, "added", file.capabilities, file.obfuscated_bytes()))
            continue
        if before.digest == file.digest:
            changes.append(FileChange(file.path, "unchanged"))
            continue
        known = {c.key for c in before.capabilities}
        new_caps = tuple(c for c in file.capabilities if c.key not in known)
        growth = max(0, file.obfuscated_bytes() - before.obfuscated_bytes())
        changes.append(FileChange(file.path, "changed", new_caps, growth))
    old_hooks = dict(old.install_scripts)
    new_hooks = tuple(h for h, line in new.install_scripts.items() if old_hooks.get(h) != line)
    return CodeChanges(old.version, new.version, tuple(changes), new_hooks)
