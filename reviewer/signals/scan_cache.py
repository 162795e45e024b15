"""A disk cache of what was learnt from a tarball: the install scripts its package.json
declares (with implicit `node-gyp rebuild`), the suspicious-code finding and the
manifest-confusion finding.

Keyed by the lockfile's integrity (the tarball was verified against it before the result
was computed, so the key pins the content) and by `SCAN_VERSION`, a hash of the rules, so
changing a rule invalidates old results. One small JSON file per tarball under
`<cache root>/signals/`, written atomically; an unreadable entry is ignored (and
recomputed), never fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import orjson

from reviewer.signals.finding import Finding
from reviewer.signals.install_scripts import InstallScripts

_FORMAT = 2


def _scan_version() -> str:
    # the code analysis has its own results cache (reviewer.code.cache); its version is
    # part of this key too, as older entries carried an old-style code finding
    from reviewer.code import ANALYZER_VERSION

    return hashlib.sha256(f"{_FORMAT}|{ANALYZER_VERSION}".encode()).hexdigest()[:16]


SCAN_VERSION = _scan_version()


@dataclass(frozen=True, slots=True)
class ScanResult:
    scripts: InstallScripts
    finding: Finding | None
    confusion: Finding | None = None
    """manifest-confusion: the tarball's package.json against the registry manifest."""


def _path(root: Path, key: str, integrity: str) -> Path:
    return Path(_file(root, key, integrity))


def _file(root: Path, key: str, integrity: str) -> str:
    digest = hashlib.sha256(f"{SCAN_VERSION}\0{key}\0{integrity}".encode()).hexdigest()
    return os.path.join(root, "signals", digest[:2], f"{digest}.json")


def load(root: Path | None, key: str, integrity: str | None) -> ScanResult | None:
    if root is None or not integrity:
        return None
    try:
        with open(_file(root, key, integrity), "rb") as file:
            data = orjson.loads(file.read())
        scripts = InstallScripts(dict(data["scripts"]), data["present"], data["implicit_gyp"],
                                 data["origin"], data.get("note"))
        raw = data.get("finding")
        finding = None if raw is None else Finding.from_json(raw, key)
        raw = data.get("confusion")
        confusion = None if raw is None else Finding.from_json(raw, key)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return ScanResult(scripts, finding, confusion)


def store(root: Path | None, key: str, integrity: str | None, result: ScanResult) -> None:
    if root is None or not integrity:
        return
    from reviewer.fileio import FileWriteError, atomic_write_text

    path = _path(root, key, integrity)
    document = {
        "scripts": dict(result.scripts.scripts), "present": result.scripts.present,
        "implicit_gyp": result.scripts.implicit_gyp, "origin": result.scripts.origin,
        "note": result.scripts.note,
        "finding": None if result.finding is None else result.finding.to_json(),
        "confusion": None if result.confusion is None else result.confusion.to_json(),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(document))
    except (OSError, FileWriteError):
        return  # a cache that cannot be written only costs time
