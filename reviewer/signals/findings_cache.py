"""Findings cache: the registry findings of one locked package version, kept on disk so that a
warm `report`, `check` or TUI review reads one row per package instead of parsing its
registry document and re-deriving every signal.

What the registry findings (`package_signals.registry_findings`) depend on, and so the key:
- the package as locked: name, version, integrity, resolved, source, hasInstallScript;
- the content of its full registry document: `packument_stamp(name)` of the provider, a
  digest of the cached document after it was made fresh exactly as `packument(name)` would
  (a provider without stamps, such as the demo's or a test double, is never cached);
- the tarball contents, pinned by the integrity (the code analysis of this and the
  previous release, the scan results);
- the settings that change them (tarballs read, `binding.gyp` looked for, the analysis time
  budget);
- reviewer's own rules: `RULES_VERSION`, a digest of the source of the signal, code-analysis
  and registry-document modules, so any change to a rule invalidates every entry.
Release age depends on the clock: it is stored as the publish time and decided again on
every read (`release_age.release_age_finding`). Findings computed while a registry or
tarball request failed are not stored (the failure may be gone next time).

Storage: one SQLite file `<cache root>/findings/findings-v1.sqlite` (key -> JSON text,
never unpickled); writes are buffered and committed in batches (`flush`). An unreadable
file is discarded and rebuilt once; after that the run goes on without the cache. A file
past `MAX_BYTES` is started afresh.
"""

from __future__ import annotations

import atexit
import hashlib
import sqlite3
import threading
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from reviewer.errors import ReviewerError
from reviewer.graph.model import Package
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.signals import release_age
from reviewer.signals.finding import Finding
from reviewer.signals.settings import ReviewSettings

_FORMAT = 1
_FLUSH_EVERY = 256
MAX_BYTES = 256 * 1024 * 1024
"""A file grown past this is started afresh when opened (rows of documents and versions no
longer locked are never read again; a fresh file costs one review of each package)."""
_RULE_PACKAGES = ("signals", "code")
_RULE_MODULES = ("findings.py", "registry/documents.py", "registry/compact.py",
                 "registry/parse.py", "graph/model.py")


def _rules_version() -> str:
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.blake2b(f"{_FORMAT}".encode(), digest_size=16)
    files = sorted(p for package in _RULE_PACKAGES for p in (root / package).rglob("*.py"))
    files += [root / module for module in _RULE_MODULES]
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


_RULES: str | None = None


def rules_version() -> str:
    """A digest of the rules the findings come from (computed once per process)."""
    global _RULES
    if _RULES is None:
        _RULES = _rules_version()
    return _RULES


# -- the store --------------------------------------------------------------------------


class _Store:
    """One SQLite file: key -> JSON text, with buffered writes. Never raises."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        self._disabled = False
        self._rebuilt = False

    def _open(self) -> sqlite3.Connection | None:
        if self._connection is None and not self._disabled:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                if self.path.exists() and self.path.stat().st_size > MAX_BYTES:
                    self._discard()  # bounded: old rows are never read again
                connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False,
                                             isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("CREATE TABLE IF NOT EXISTS findings "
                                   "(key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                self._connection = connection
            except (sqlite3.Error, OSError):
                self._fault()
                return self._open() if not self._disabled else None
        return self._connection

    def _fault(self) -> None:
        """Discard an unreadable file once; the second fault disables the cache."""
        self._disconnect()
        if self._rebuilt:
            self._disabled = True
            return
        self._rebuilt = True
        self._discard()

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError:
                self._disabled = True

    def get(self, key: str) -> bytes | None:
        with self._lock:
            held = self._pending.get(key)
            if held is not None:
                return held
            for _ in range(2):
                connection = self._open()
                if connection is None:
                    return None
                try:
                    row = connection.execute("SELECT value FROM findings WHERE key = ?",
                                             (key,)).fetchone()
                except sqlite3.Error:
                    self._fault()
                    continue
                value = row[0] if row is not None else None
                return value if isinstance(value, bytes) else None
            return None

    def put(self, key: str, value: bytes) -> None:
        with self._lock:
            self._pending[key] = value
            if len(self._pending) < _FLUSH_EVERY:
                return
        self.flush()

    def flush(self) -> None:
        with self._lock:
            if not self._pending:
                return
            rows = list(self._pending.items())
            self._pending.clear()
            for _ in range(2):
                connection = self._open()
                if connection is None:
                    return
                try:
                    with connection:
                        connection.execute("BEGIN")
                        connection.executemany(
                            "INSERT OR REPLACE INTO findings (key, value) VALUES (?, ?)", rows)
                    return
                except sqlite3.Error:
                    self._fault()

    def close(self) -> None:
        self.flush()
        with self._lock:
            self._disconnect()

    def _disconnect(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None


_STORES: dict[Path, _Store] = {}
_STORES_LOCK = threading.Lock()


def _store(root: Path) -> _Store:
    with _STORES_LOCK:
        store = _STORES.get(root)
        if store is None:
            if not _STORES:
                atexit.register(close_all)  # what a single review left buffered
            store = _STORES[root] = _Store(root / "findings" / f"findings-v{_FORMAT}.sqlite")
        return store


def flush(root: Path | None) -> None:
    """Commit the buffered writes of the cache under `root` (the end of a review)."""
    if root is not None:
        with _STORES_LOCK:
            store = _STORES.get(root)
        if store is not None:
            store.flush()


def close_all() -> None:
    """Commit and close every open cache file (tests that remove cache directories)."""
    with _STORES_LOCK:
        stores = list(_STORES.values())
        _STORES.clear()
    for store in stores:
        store.close()


# -- the findings -------------------------------------------------------------------------


_MISSING = "-"
"""Stored as the publish time when the version was not in the document (release age was
then not decided by the history signals: the stored findings say why)."""


def _key(package: Package, settings: ReviewSettings, stamp: str) -> str:
    parts = (rules_version(), str(int(settings.read_tarballs)),
             str(int(settings.gyp_from_tarballs)), repr(settings.code_time_budget),
             package.name, package.version, package.integrity or "", package.resolved or "",
             package.source.value, repr(package.has_install_script), stamp)
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=20).hexdigest()


class _Watched:
    """The provider, noting whether any request failed (such findings are not stored)."""

    def __init__(self, provider: MetadataProvider) -> None:
        self._provider = provider
        self.failed = False

    async def packument(self, name: str) -> Packument:
        try:
            return await self._provider.packument(name)
        except ReviewerError:
            self.failed = True
            raise

    async def tarball(self, name: str, version: str, integrity: str | None,
                      url: str | None = None) -> TarballContents:
        try:
            return await self._provider.tarball(name, version, integrity, url)
        except ReviewerError:
            self.failed = True
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self._provider, name)


Compute = Callable[[Package, MetadataProvider, ReviewSettings], Awaitable[list[Finding]]]


async def cached(package: Package, provider: MetadataProvider, settings: ReviewSettings,
                 compute: Compute) -> list[Finding]:
    """`compute(package, provider, settings)` (the registry findings), from the cache when
    the same package, document, settings and rules were seen before."""
    root = settings.scan_cache_dir
    # (a protocol isinstance check costs more than a cache hit)
    stamper = getattr(provider, "packument_stamp", None)
    if root is None or stamper is None:
        return await compute(package, provider, settings)
    try:
        stamp = await stamper(package.name)
    except ReviewerError:
        stamp = None  # `compute` meets the same failure and says so in its findings
    if stamp is None:
        return await compute(package, provider, settings)
    store = _store(root)
    key = _key(package, settings, stamp)
    held = store.get(key)
    if held is not None:
        found = _decode(held, package, settings)
        if found is not None:
            return found
    watched = _Watched(provider)
    findings = await compute(package, watched, settings)
    if not watched.failed:
        value = await _encode(findings, package, provider)
        if value is not None:
            store.put(key, value)
    return findings


async def _encode(findings: list[Finding], package: Package,
                  provider: MetadataProvider) -> bytes | None:
    try:
        packument = await provider.packument(package.name)  # held in memory by now
    except ReviewerError:
        return None
    if package.version in packument.versions:
        published = packument.published(package.version)
        when: str | None = published.isoformat() if published is not None else None
        kept = [f for f in findings if f.id != release_age.SIGNAL]
    else:
        when, kept = _MISSING, findings
    try:
        return orjson.dumps({"p": when, "f": [f.to_json() for f in kept]})
    except TypeError:
        return None  # details that JSON cannot hold: computed again next time


def _decode(value: bytes, package: Package, settings: ReviewSettings) -> list[Finding] | None:
    try:
        data = orjson.loads(value)
        findings = [Finding.from_json(raw, package.key) for raw in data["f"]]
        when = data["p"]
        if when == _MISSING:
            return findings
        published = None if when is None else datetime.fromisoformat(when)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    age = release_age.release_age_finding(package.key, published, settings.release_age_days,
                                          settings.now)
    return findings if age is None else [*findings, age]
