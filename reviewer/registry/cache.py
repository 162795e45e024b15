"""The on-disk metadata cache (diskcache), safe against a corrupt or poisoned cache.

Layout: `<cache root>/metadata-v2/` is a diskcache directory. Each document (kind + URL)
has two entries:
- `meta:<key>`: a tiny JSON text `{"t": fetched_at, "etag": ..., "lm": ..., "n": size,
  "h": digest}`, so a warm scan can decide freshness without reading bodies (`t` is when
  the registry last confirmed the document: a revalidation that changes nothing renews
  only this; `h` is a digest of the body, so a document's content can be identified, e.g.
  by the findings cache, without reading it);
- `body:<key>`: the *compact* document (registry JSON reduced to what reviewer reads, see
  `compact.py`) as UTF-8 JSON bytes, with a copy of the record in its diskcache tag so
  that loading a document is one read.
Verified tarballs are kept as `blob:tarball:<integrity>` (compressed bytes, checked again
against the integrity on every read); a tarball the registry answered 404/410 for is
remembered for a while as `gone:tarball:<url>` (a time). The body is written before the record, so a record always has its body (an interrupted
run leaves at worst a body without a record, which counts as a miss).

Nothing from the cache is ever unpickled: keys and values are str/bytes only, and
`SafeDisk` refuses pickled rows and file names outside the cache directory, so a poisoned
cache cannot execute code or touch other files. Any error from the cache (garbage in the
sqlite file, unreadable files, a bad row) discards the cache directory and rebuilds it,
with one warning; if that fails too, the run continues without a disk cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import diskcache
from diskcache.core import MODE_PICKLE

from reviewer.paths import metadata_cache_dir

T = TypeVar("T")
_BATCH = 500
"""Keys per query of `records` (SQLite allows 999 parameters in older builds)."""
CACHE_ERRORS = (sqlite3.Error, OSError, ValueError, KeyError, TypeError, UnicodeError,
                diskcache.Timeout)


class PoisonedCacheError(ValueError):
    """A cache row asks for unpickling or a file outside the cache directory."""


class SafeDisk(diskcache.Disk):
    """A diskcache Disk that never unpickles and never leaves its directory."""

    def get(self, key: Any, raw: bool) -> Any:
        if not raw:
            raise PoisonedCacheError("pickled cache key")
        return super().get(key, raw)

    def put(self, key: Any) -> Any:
        if not isinstance(key, str):
            raise TypeError("cache keys are strings")
        return super().put(key)

    def store(self, value: Any, read: bool, key: Any = diskcache.core.UNKNOWN) -> Any:
        if not isinstance(value, (str, bytes)):
            raise TypeError("cache values are str or bytes")
        return super().store(value, read, key=key)

    def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
        if mode == MODE_PICKLE:
            raise PoisonedCacheError("pickled cache value")
        if filename is not None:
            self._check_filename(filename)
        return super().fetch(mode, filename, value, read)

    def remove(self, file_path: str) -> Any:
        self._check_filename(file_path)
        return super().remove(file_path)

    def _check_filename(self, filename: str) -> None:
        root = os.path.realpath(self._directory)
        full = os.path.realpath(os.path.join(self._directory, filename))
        if not full.startswith(root + os.sep):
            raise PoisonedCacheError("cache file outside the cache directory")


@dataclass(frozen=True, slots=True)
class CacheRecord:
    fetched_at: float
    etag: str | None = None
    last_modified: str | None = None
    size: int = 0
    digest: str | None = None
    """A digest of the body (`body_digest`); None in records written before digests."""


@dataclass(frozen=True, slots=True)
class CacheInfo:
    location: Path
    documents: int
    size_bytes: int


class MetadataCache:
    """Documents by key, with their validators and fetch time. Never raises on cache faults."""

    def __init__(self, root: Path, warn: Callable[[str], None] | None = None, *,
                 rebuild: bool = True) -> None:
        self.root = root
        self._rebuild = rebuild
        """A cache it cannot read is discarded and rebuilt (False: only left alone for the
        run, as a worker process does: the process that owns the cache rebuilds it)."""
        self.directory = metadata_cache_dir(root)
        self._warn = warn or (lambda message: None)
        self._cache: diskcache.Cache | None = None
        self._disabled = False
        self._recovered = False
        self._lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------------

    def _open(self) -> diskcache.Cache | None:
        if self._cache is None and not self._disabled:
            with self._lock:
                if self._cache is None and not self._disabled:
                    try:
                        self._cache = diskcache.Cache(str(self.directory), disk=SafeDisk,
                                                      timeout=10)
                    except CACHE_ERRORS as error:
                        self._recover(error)
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            try:
                self._cache.close()
            except CACHE_ERRORS:
                pass
            self._cache = None

    def _recover(self, error: BaseException) -> None:
        """Discard the cache directory and start an empty one (once per run)."""
        self.close()
        if self._recovered or not self._rebuild:
            self._disabled = True
            self._warn(f"metadata cache disabled for this run ({type(error).__name__}: {error})")
            return
        self._recovered = True
        self._warn(f"metadata cache at {self.directory} was unreadable "
                   f"({type(error).__name__}: {error}); discarded and rebuilt")
        try:
            shutil.rmtree(self.directory, ignore_errors=True)
            self._cache = diskcache.Cache(str(self.directory), disk=SafeDisk, timeout=10)
        except CACHE_ERRORS as second:
            self._disabled = True
            self._cache = None
            self._warn(f"metadata cache disabled for this run ({type(second).__name__}: {second})")

    def _guard(self, operation: Callable[[diskcache.Cache], T], default: T) -> T:
        for _ in range(2):
            cache = self._open()
            if cache is None:
                return default
            try:
                return operation(cache)
            except CACHE_ERRORS as error:
                self._recover(error)
        return default

    # -- documents -------------------------------------------------------------------------

    def record(self, key: str) -> CacheRecord | None:
        """The tiny freshness record alone (what a warm scan reads)."""
        return _parse_record(self._guard(lambda c: c.get("meta:" + key), None))

    def records(self, keys: Sequence[str]) -> dict[str, CacheRecord]:
        """The freshness records of many documents (those that have one), a query per few
        hundred keys instead of one per key: what a warm review of a large tree reads
        first. The rows go through `SafeDisk.fetch` as every read does."""

        def read(cache: diskcache.Cache) -> dict[str, CacheRecord]:
            found: dict[str, CacheRecord] = {}
            for start in range(0, len(keys), _BATCH):
                chunk = ["meta:" + key for key in keys[start:start + _BATCH]]
                rows = cache._sql(  # noqa: SLF001 - diskcache's own connection, see above
                    "SELECT key, mode, filename, value FROM Cache WHERE raw = 1 AND key IN "
                    f"({','.join('?' * len(chunk))}) AND expire_time IS NULL", chunk,
                ).fetchall()
                for key, mode, filename, value in rows:
                    record = _parse_record(cache.disk.fetch(mode, filename, value, False))
                    if record is not None and isinstance(key, str):
                        found[key.removeprefix("meta:")] = record
            return found

        if not keys:
            return {}
        try:
            return self._guard(read, {})
        except AttributeError:  # a diskcache without `_sql`: one read per key
            held = {key: self.record(key) for key in keys}
            return {key: record for key, record in held.items() if record is not None}

    def entry(self, key: str) -> tuple[bytes, CacheRecord] | None:
        """The body and its record in one read (the record rides in the body's tag)."""
        found = self._guard(lambda c: c.get("body:" + key, tag=True), (None, None))
        body, tag = found if isinstance(found, tuple) and len(found) == 2 else (None, None)
        record = _parse_record(tag)
        if not isinstance(body, bytes) or record is None:
            return None
        return body, record

    def body(self, key: str) -> bytes | None:
        held = self.entry(key)
        return held[0] if held is not None else None

    def store(self, key: str, body: bytes, record: CacheRecord) -> None:
        """The body and its record (whose digest is computed here, from the body)."""
        text = _record_text(replace(record, digest=body_digest(body)))

        def write(cache: diskcache.Cache) -> None:
            with cache.transact():  # one commit for both rows
                cache.set("body:" + key, body, tag=text)
                cache.set("meta:" + key, text)

        self._guard(write, None)

    def renew(self, key: str, record: CacheRecord) -> None:
        """The registry confirmed the body: renew the tiny record only (the copy in the
        body's tag keeps the older time; readers take the newer of the two). `record`
        carries the body's digest over from the record it renews."""
        text = _record_text(record)
        self._guard(lambda c: c.set("meta:" + key, text), None)

    def touch(self, key: str, record: CacheRecord) -> None:
        """After a 304: keep the body, renew its record (both copies)."""
        body = self.body(key)
        if body is not None:
            self.store(key, body, record)

    def drop(self, key: str) -> None:
        def delete(cache: diskcache.Cache) -> None:
            cache.delete("meta:" + key)
            cache.delete("body:" + key)

        self._guard(delete, None)

    # -- verified tarballs (content addressed by their integrity) -------------------------

    def blob(self, key: str) -> bytes | None:
        value = self._guard(lambda c: c.get("blob:" + key), None)
        return value if isinstance(value, bytes) else None

    def store_blob(self, key: str, data: bytes) -> None:
        self._guard(lambda c: c.set("blob:" + key, data), None)

    def drop_blob(self, key: str) -> None:
        self._guard(lambda c: c.delete("blob:" + key), None)

    # -- tarballs the registry said it does not have ---------------------------------------

    def missing_since(self, key: str) -> float | None:
        """When the registry last answered 404/410 for `key` (None: never, or forgotten)."""
        value = self._guard(lambda c: c.get("gone:" + key), None)
        try:
            return float(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def remember_missing(self, key: str, when: float) -> None:
        self._guard(lambda c: c.set("gone:" + key, repr(when)), None)

    def forget_missing(self, key: str) -> None:
        self._guard(lambda c: c.delete("gone:" + key), None)

    # -- maintenance -----------------------------------------------------------------------

    def info(self) -> CacheInfo:
        def count(cache: diskcache.Cache) -> int:
            return sum(1 for key in cache.iterkeys() if str(key).startswith("meta:"))

        documents = self._guard(count, 0) if self.directory.exists() else 0
        return CacheInfo(self.directory, documents, _tree_size(self.directory))

    def clear(self) -> CacheInfo:
        """Delete every cached document; returns what was there."""
        before = self.info()
        self.close()
        shutil.rmtree(self.directory, ignore_errors=True)
        return before


def _parse_record(text: object) -> CacheRecord | None:
    if not isinstance(text, str):
        return None
    try:
        data = json.loads(text)
        fetched_at = float(data["t"])
    except (ValueError, KeyError, TypeError):
        return None
    etag = data.get("etag")
    modified = data.get("lm")
    size = data.get("n")
    digest = data.get("h")
    return CacheRecord(
        fetched_at=fetched_at,
        etag=etag if isinstance(etag, str) else None,
        last_modified=modified if isinstance(modified, str) else None,
        size=size if isinstance(size, int) else 0,
        digest=digest if isinstance(digest, str) else None,
    )


def _record_text(record: CacheRecord) -> str:
    data: dict[str, object] = {"t": record.fetched_at, "n": record.size}
    if record.etag:
        data["etag"] = record.etag
    if record.last_modified:
        data["lm"] = record.last_modified
    if record.digest:
        data["h"] = record.digest
    return json.dumps(data, separators=(",", ":"))


def body_digest(body: bytes) -> str:
    """What identifies a cached body's content (kept in its record)."""
    return hashlib.sha256(body).hexdigest()  # (three times blake2b's speed here: SHA-NI)


def _tree_size(directory: Path) -> int:
    total = 0
    for base, _dirs, files in os.walk(directory):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(base, name))
            except OSError:
                pass
    return total
