"""What changed A->B: per file, the capabilities B's version has that A did not.

A capability is new when no file of A had it (by kind and detail), wherever it sits in B:
bundlers emit content-hashed chunk names (`dep-BK3b2jBa.js` in B, `dep-CDnG8rE7.js` in A)
and move code between chunks from one build to the next, so a file's path says little about
what is new. The finding keeps B's file and line. Obfuscated code is measured per file: a new
file's growth is counted against A's files of the same name once the content hash is taken
out (`dep-*.js`), or against nothing."""

from __future__ import annotations

import re

from reviewer.code.model import CodeChanges, FileChange, PackageCode

_HASH = re.compile(r"(?<=[.-])[A-Za-z0-9_-]{8,20}(?=\.[A-Za-z]{1,4}$)")


def unhashed(path: str) -> str:
    """`path` with a content hash in its file name replaced by `*` (`chunks/dep-BK3b2jBa.js`
    -> `chunks/dep-*.js`); unchanged when the name has none. A hash mixes digits or cases;
    a word (`index-browser.js`, `react-dom.production.js`) is not one."""
    head, _, name = path.rpartition("/")
    m = _HASH.search(name)
    if m is None:
        return path
    token = m.group(0).strip("-_")
    if not (any(ch.isdigit() for ch in token) or (token.lower() != token and token.upper() != token)):
        return path
    return (head + "/" if head else "") + name[:m.start()] + "*" + name[m.end():]


def compare_packages(old: PackageCode | None, new: PackageCode) -> CodeChanges:
    """Capability changes from `old` to `new` (old None: nothing to compare with, every
    file counts as unchanged and `old_version` is None)."""
    if old is None:
        return CodeChanges(None, new.version, tuple(FileChange(f.path, "unchanged") for f in new.files))
    known = {c.key for f in old.files for c in f.capabilities}
    peers: dict[str, int] = {}
    for f in old.files:
        shape = unhashed(f.path)
        if shape != f.path:
            peers[shape] = max(peers.get(shape, 0), f.obfuscated_bytes())
    changes: list[FileChange] = []
    for file in new.files:
        before = old.file(file.path)
        if before is not None and before.digest == file.digest:
            changes.append(FileChange(file.path, "unchanged"))
            continue
        new_caps = tuple(c for c in file.capabilities if c.key not in known)
        if before is None:
            shape = unhashed(file.path)
            growth = max(0, file.obfuscated_bytes() - (peers.get(shape, 0) if shape != file.path else 0))
            changes.append(FileChange(file.path, "added", new_caps, growth))
            continue
        growth = max(0, file.obfuscated_bytes() - before.obfuscated_bytes())
        changes.append(FileChange(file.path, "changed", new_caps, growth))
    old_hooks = dict(old.install_scripts)
    new_hooks = tuple(h for h, line in new.install_scripts.items() if old_hooks.get(h) != line)
    return CodeChanges(old.version, new.version, tuple(changes), new_hooks)
