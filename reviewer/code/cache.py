"""Results cache: a package version's `PackageCode`, keyed by the tarball's integrity and
the analyser's version, so a version is analysed once, ever, and warm runs read results,
not tarballs. A diskcache under `<cache root>/code/`; kept in memory for the run too.
Unreadable or foreign entries are ignored (and recomputed), never fatal."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import orjson

from reviewer.code.model import PackageCode

_MEMORY: OrderedDict[str, PackageCode] = OrderedDict()
_MEMORY_SIZE = 2048
_OPEN: dict[Path, Any] = {}
_LOCK = threading.Lock()


def _key(package: str, integrity: str) -> str:
    from reviewer.code import ANALYZER_VERSION

    return f"{ANALYZER_VERSION}|{package}|{integrity}"


def _disk(root: Path) -> Any | None:
    with _LOCK:
        cache = _OPEN.get(root)
        if cache is None:
            try:
                import diskcache

                cache = diskcache.Cache(str(root / "code"), size_limit=512 * 1024 * 1024)
            except Exception:  # noqa: BLE001 - an unusable cache only costs time
                return None
            _OPEN[root] = cache
        return cache


def load(root: Path | None, package: str, integrity: str | None) -> PackageCode | None:
    """The cached analysis of `package` (name@version) whose tarball has `integrity`."""
    if not integrity or root is None:
        return None
    key = f"{root}|{_key(package, integrity)}"
    with _LOCK:
        held = _MEMORY.get(key)
        if held is not None:
            _MEMORY.move_to_end(key)
            return held
    cache = _disk(root)
    if cache is None:
        return None
    try:
        raw = cache.get(_key(package, integrity))
        code = None if raw is None else PackageCode.from_json(orjson.loads(raw))
    except Exception:  # noqa: BLE001 - a bad entry is recomputed
        return None
    if code is not None:
        _remember(key, code)
    return code


def store(root: Path | None, package: str, integrity: str | None, code: PackageCode) -> None:
    if not integrity or root is None:
        return
    _remember(f"{root}|{_key(package, integrity)}", code)
    cache = _disk(root)
    if cache is None:
        return
    try:
        cache.set(_key(package, integrity), orjson.dumps(code.to_json()))
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        return


def _remember(key: str, code: PackageCode) -> None:
    with _LOCK:
        _MEMORY[key] = code
        _MEMORY.move_to_end(key)
        while len(_MEMORY) > _MEMORY_SIZE:
            _MEMORY.popitem(last=False)


def forget_memory() -> None:
    """Drop the in-memory layer (tests measuring warm runs from disk)."""
    with _LOCK:
        _MEMORY.clear()
