"""`RegistryService`: registry documents and tarballs over HTTP with the disk cache.

Implements `interface.MetadataProvider`. Use one per run, as an async context manager:

    config = ProjectOptions(path=project_dir).registry_config()
    async with RegistryService(config) as registry:
        packument = await registry.packument("left-pad")

Documents and their cache keys (kept apart, like pacote's `full:`/`corgi:`):
- `packument(name)`: full packument (`Accept: application/json`), key `full:<url>`;
- `abbreviated(name)`: corgi document (`application/vnd.npm.install-v1+json`), key
  `corgi:<url>`;
- `version_document(name, version)`: `/<name>/<version>`, key `version:<url>`.

A document the registry confirmed less than `freshness_seconds` ago (default a day) is used
with no request (`refresh` revalidates everything once per run). An older one is
revalidated with `If-None-Match`/`If-Modified-Since` when the registry sent validators (a
304 keeps the body). Without validators (the mirror these machines reach), a packument is
not fetched again, since what a published version holds never changes; only what can change is
asked for, in small documents:
- the dist-tags (`/-/package/<name>/dist-tags`, a few bytes): every publish moves a tag,
  so unchanged tags mean an unchanged list of versions; changed tags (or a locked version
  the cached document does not list) fetch the packument again;
- the deprecation and maintainers of the versions the project locks (`track()`), from
  their `/<name>/<version>` documents, spliced into the cached document.
The packument's top-level maintainers are renewed only with the packument itself (the
signals read each version's own). Tarballs are content addressed and never revalidated
(one the registry answered 404/410 for is not asked for again within the hour). `offline` serves only the cache and raises
OfflineMiss naming what is missing. Parsed documents are memoised for the run, and
concurrent requests for one document share a single fetch.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from reviewer import workers
from reviewer.errors import IntegrityError, OfflineMiss, RegistryError
from reviewer.registry.cache import CacheRecord, MetadataCache, body_digest
from reviewer.registry.config import RegistryConfig, host_of
from reviewer.registry.documents import Packument, VersionManifest
from reviewer.registry.fetch_helper import FetchHelper, HelperOutcome, OnDone
from reviewer.registry.parse import (
    compact_document,
    compact_version_document,
    dumps,
    loads,
    parse_packument,
    parse_version,
    refresh_versions,
)
from reviewer.registry.stats import TransferStats
from reviewer.registry.tarball import Tarball, open_tarball

if TYPE_CHECKING:
    from reviewer.registry.client import RegistryClient

FULL_ACCEPT = "application/json"
CORGI_TYPE = "application/vnd.npm.install-v1+json"
CORGI_ACCEPT = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*"


class DocKind(StrEnum):
    FULL = "full"
    CORGI = "corgi"
    VERSION = "version"


class Origin(StrEnum):
    """Where a document came from on this call."""

    CACHE = "cache"
    """Fresh in the cache (or offline): no request."""
    REVALIDATED = "revalidated"
    """Stale in the cache, the registry answered 304."""
    FETCHED = "fetched"
    """Downloaded (cold, or stale without validators, or changed)."""


class PackageNotFound(RegistryError):
    """The registry answered 404 for a package or version."""


def _describe(kind: DocKind, name: str, version: str | None) -> str:
    if kind is DocKind.VERSION:
        return f"version document of {name}@{version}"
    if kind is DocKind.CORGI:
        return f"abbreviated packument of {name}"
    return f"packument of {name}"


def _loads(body: bytes, what: str, url: str) -> Any:
    try:
        return loads(body)
    except (ValueError, RecursionError):
        pass
    try:  # the stdlib accepts what orjson refuses (integers past 64 bits, deep nesting)
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise RegistryError(f"{what}: {host_of(url)} sent malformed JSON") from None


def _dumps(document: Any, what: str) -> bytes:
    try:
        return dumps(document)
    except (TypeError, ValueError, RecursionError):
        pass
    try:
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()
    except (TypeError, ValueError, RecursionError):
        raise RegistryError(f"{what}: the document is too deeply nested to cache") from None


TARBALL_MISSING_SECONDS = 3600.0
"""A tarball the registry answered 404/410 for is not asked for again for this long (unless
`refresh`): a registry that lacks tarballs would otherwise cost a request per package on
every warm `report`. Other failures (5xx, network) are transient and asked again."""

_WORKER_THRESHOLD = 32 * 1024
"""Documents past this size are converted in a worker process (`reviewer.workers`)."""


def _compact_body(data: bytes, kind: DocKind, name: str, version: str | None, what: str,
                  url: str, abbreviated: bool = False) -> bytes:
    """Registry JSON bytes -> compact JSON bytes (RegistryError when unusable)."""
    raw = _loads(data, what, url)
    if not isinstance(raw, dict):
        raise RegistryError(f"{what}: {host_of(url)} sent something other than a JSON object")
    if kind is DocKind.VERSION:
        compact = compact_version_document(raw, name=name, version=version)
    else:
        compact = compact_document(raw, name=name, abbreviated=abbreviated)
    return _dumps(compact, what)


class RegistryService:
    """Registry metadata and tarballs for one run. See the module docstring."""

    def __init__(
        self,
        config: RegistryConfig,
        *,
        cache: MetadataCache | None = None,
        client: RegistryClient | None = None,
        warn: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.warnings: list[str] = []
        self._warn_callback = warn
        if cache is None and config.cache_dir is not None:
            cache = MetadataCache(config.cache_dir, warn=self._warn)
        self.cache = cache
        self._client = client
        """A client given by the caller (tests): used from any event loop, never closed."""
        self._clients: dict[asyncio.AbstractEventLoop | None, RegistryClient] = {}
        """Own clients, one per event loop that used this service (an HTTP client belongs
        to the loop it was opened on: the TUI reviews on a thread of its own)."""
        self._clock = clock
        self._parsed: dict[str, Any] = {}
        self._stamps: dict[str, str] = {}
        """Document key -> `packument_stamp` given this run (dropped with `_parsed`)."""
        self._inflight: dict[str, asyncio.Future[tuple[bytes, Origin]]] = {}
        self._tracked: dict[str, set[str]] = {}
        self._helpers = 0
        """Fetch helpers running: while one is, documents are converted in this process
        (the helper has the other core)."""
        self._elsewhere = TransferStats()
        """What fetch helpers transferred for this service."""
        self._validated: set[str] = set()
        """Keys the registry confirmed in this run (`refresh` asks once per document)."""

    def track(self, versions: Iterable[tuple[str, str]]) -> None:
        """The `(name, version)` pairs the project locks: their mutable facts (deprecation,
        maintainers) are revalidated with their packument."""
        for name, version in versions:
            self._tracked.setdefault(name, set()).add(version)

    def tracked_versions(self, name: str) -> list[str]:
        """The versions of `name` given to `track`."""
        return sorted(self._tracked.get(name, ()))

    def fetch_helper(self, kind: DocKind, concurrency: int,
                     on_done: OnDone) -> FetchHelper | None:
        """A second process that fetches documents into this service's disk cache
        (`fetch_helper.py`), or None where it cannot help or cannot be exact. What it
        transfers counts in `transfer_stats`; what it warns is warned here."""
        if self.config.offline or self.config.cache_dir is None or self._client is not None \
                or self._clock is not time.time or concurrency < 1 \
                or workers.worker_count() == 0 or workers.disabled():
            return None
        helper = FetchHelper.start(self.config, kind.value, concurrency, on_done,
                                   self._helper_over)
        if helper is not None:
            self._helpers += 1
        return helper

    def _helper_over(self, outcome: HelperOutcome) -> None:
        self._helpers -= 1
        self._elsewhere.requests += outcome.stats.requests
        self._elsewhere.retries += outcome.stats.retries
        self._elsewhere.bytes_received += outcome.stats.bytes_received
        for message in outcome.warnings:
            if message not in self.warnings:
                self._warn(message)

    def _confirmed(self, key: str, record: CacheRecord | None) -> bool:
        """The record is recent enough to use without a request."""
        if record is None:
            return False
        if self.config.offline:
            return True
        if self.config.refresh and key not in self._validated:
            return False
        return 0 <= self._clock() - record.fetched_at < self.config.freshness_seconds

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        if self._warn_callback is not None:
            self._warn_callback(message)

    @property
    def client(self) -> RegistryClient:
        """The HTTP client of the running event loop (opened on first use)."""
        if self._client is not None:
            return self._client
        try:
            loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        held = self._clients.get(loop)
        if held is None:
            from reviewer.registry.client import RegistryClient  # httpx: only when needed

            held = self._clients[loop] = RegistryClient(self.config)
        return held

    @property
    def transfer_stats(self) -> TransferStats:
        """Requests and bytes so far, over every loop (zeros when no request was needed)."""
        counters = [c.stats for c in self._clients.values()] + [self._elsewhere] + (
            [self._client.stats] if self._client else [])
        return TransferStats(sum(c.requests for c in counters),
                             sum(c.retries for c in counters),
                             sum(c.bytes_received for c in counters))

    async def close_loop(self) -> None:
        """Close the HTTP client of the running loop: a thread that used this service from
        its own event loop calls this before the loop ends. The counters stay readable."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        held = self._clients.get(loop)
        if held is not None:
            await held.aclose()

    async def __aenter__(self) -> RegistryService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.close_loop()  # the clients are kept: their transfer_stats stay readable
        if self.cache is not None:
            self.cache.close()

    # -- the MetadataProvider protocol -----------------------------------------------------

    async def packument(self, name: str) -> Packument:
        return await self._packument(DocKind.FULL, name)

    async def abbreviated(self, name: str) -> Packument:
        return await self._packument(DocKind.CORGI, name)

    async def packument_stamp(self, name: str) -> str | None:
        """What identifies the content of the full packument `packument(name)` would give
        now (a digest of the cached document), made fresh first as `packument` would, but
        without reading or parsing it. None without a disk cache. Raises what `packument`
        raises."""
        if self.cache is None:
            return None
        key = f"{DocKind.FULL}:{self.config.document_url(name)}"
        held = self._stamps.get(key)
        if held is None:
            held = await self._stamp(key, name)
            if held is not None:
                self._stamps[key] = held
        return held

    def prefetch_stamps(self, names: Iterable[str]) -> None:
        """Read the stamps of many packuments at once (the records of fresh documents that
        have a digest); the others are found one by one by `packument_stamp`."""
        if self.cache is None:
            return
        keys = {f"{DocKind.FULL}:{self.config.document_url(name)}" for name in names}
        wanted = [key for key in keys if key not in self._stamps]
        for key, record in self.cache.records(wanted).items():
            if record.digest is not None and self._confirmed(key, record):
                self._stamps[key] = record.digest

    async def _stamp(self, key: str, name: str) -> str | None:
        assert self.cache is not None
        record = self.cache.record(key)
        if not self._confirmed(key, record) or record is None:
            await self.document(DocKind.FULL, name, want_body=False)
            record = self.cache.record(key)
            if record is None:
                return None
        if record.digest is None:  # a record from before digests: add it once
            body = self.cache.body(key)
            if body is None:
                return None
            self.cache.store(key, body, record)
            return body_digest(body)
        return record.digest

    async def version_document(self, name: str, version: str) -> VersionManifest:
        url = self.config.document_url(name, version)
        key = f"{DocKind.VERSION}:{url}"
        held = self._parsed.get(key)
        if held is None:
            body, _ = await self.document(DocKind.VERSION, name, version)
            what = _describe(DocKind.VERSION, name, version)
            held = parse_version(_loads(body, what, url), name=name, version=version)
            self._parsed[key] = held
        return held

    async def tarball(
        self, name: str, version: str, integrity: str | None, url: str | None = None
    ) -> Tarball:
        limits = self.config.tarball_limits
        # verified tarballs are cached by the hash they were checked against: content
        # addressed, and checked again on every read (a bad entry is dropped and refetched);
        # with the integrity known, the cache is read before any document is needed
        held = self._cached_tarball(integrity, None)
        if held is not None:
            return held
        if self.config.offline and integrity:
            raise OfflineMiss(f"tarball of {name}@{version} is not in the cache (offline mode)")
        shasum = None
        if url is None or not integrity:
            manifest = await self.version_document(name, version)
            url = url or manifest.tarball
            if not integrity:
                integrity, shasum = manifest.integrity, manifest.shasum
                held = self._cached_tarball(integrity, shasum)
                if held is not None:
                    return held
        if not url:
            raise RegistryError(f"the registry gives no tarball URL for {name}@{version}")
        blob_key = f"tarball:{integrity or shasum}" if (integrity or shasum) else None
        if self.config.offline:
            raise OfflineMiss(f"tarball of {name}@{version} is not in the cache (offline mode)")
        what = f"tarball of {name}@{version}"
        gone_key = f"tarball:{url}"
        since = self.cache.missing_since(gone_key) if self.cache is not None else None
        if since is not None and not self.config.refresh and \
                0 <= self._clock() - since < TARBALL_MISSING_SECONDS:
            raise PackageNotFound(f"{what}: not found on {host_of(url)} within the hour "
                                  "(asked again later, or with --refresh)")
        result = await self.client.request("GET", url, what=what,
                                           max_bytes=limits.compressed_bytes)
        if result.status in (404, 410):
            if self.cache is not None:
                self.cache.remember_missing(gone_key, self._clock())
            raise PackageNotFound(f"{what}: {host_of(url)} answered {result.status}")
        if since is not None and self.cache is not None:
            self.cache.forget_missing(gone_key)
        if result.status != 200:
            raise RegistryError(f"{what}: {host_of(url)} answered HTTP {result.status}")
        tarball = open_tarball(result.body, integrity, shasum, limits=limits)
        if self.cache is not None and blob_key is not None:
            self.cache.store_blob(blob_key, result.body)
        return tarball

    def _cached_tarball(self, integrity: str | None, shasum: str | None) -> Tarball | None:
        """The verified tarball with this hash from the disk cache (a bad entry is dropped)."""
        blob_key = f"tarball:{integrity or shasum}" if (integrity or shasum) else None
        if self.cache is None or blob_key is None:
            return None
        data = self.cache.blob(blob_key)
        if data is None:
            return None
        try:
            return open_tarball(data, integrity, shasum, limits=self.config.tarball_limits)
        except IntegrityError:
            self.cache.drop_blob(blob_key)
            return None

    async def bulk_advisories(self, versions: dict[str, list[str]]) -> dict[str, Any] | None:
        """npm's bulk advisory endpoint: {name: [advisory objects]}. None when the registry
        does not offer it (404/405/410/501: "advisories unavailable from this registry")."""
        if self.config.offline:
            raise OfflineMiss("advisories are not available offline")
        url = self.config.advisories_url()
        result = await self.client.request(
            "POST", url, what="bulk advisories",
            headers={"content-type": "application/json", "accept": "application/json"},
            content=json.dumps(versions).encode(),
        )
        if result.status in (404, 405, 410, 501):
            return None
        data = _loads(result.body, "bulk advisories", url)
        if not isinstance(data, dict):
            raise RegistryError(f"bulk advisories: {host_of(url)} sent something other than "
                                "a JSON object")
        return data

    # -- documents with the cache ----------------------------------------------------------

    async def _packument(self, kind: DocKind, name: str) -> Packument:
        url = self.config.document_url(name)
        key = f"{kind}:{url}"
        held = self._parsed.get(key)
        if held is None:
            body, _ = await self.document(kind, name)
            raw = _loads(body, _describe(kind, name, None), url)
            held = parse_packument(raw, name=name)
            self._parsed[key] = held
        return held

    async def prefetch(self, name: str, kind: DocKind = DocKind.FULL,
                       version: str | None = None) -> Origin:
        """Make sure the document is cached and fresh; parses nothing when it already is."""
        if self.is_fresh(name, kind, version):
            return Origin.CACHE
        _, origin = await self.document(kind, name, version, want_body=False)
        return origin

    def is_fresh(self, name: str, kind: DocKind = DocKind.FULL,
                 version: str | None = None) -> bool:
        """The document is in the cache and inside the freshness window (or offline and
        cached): using it needs no request. Reads only the tiny cache record."""
        if self.cache is None:
            return False
        url = self.config.document_url(name, version if kind is DocKind.VERSION else None)
        key = f"{kind}:{url}"
        return self._confirmed(key, self.cache.record(key))

    async def document(self, kind: DocKind, name: str, version: str | None = None,
                       *, want_body: bool = True) -> tuple[bytes, Origin]:
        """The compact JSON bytes of a document and where they came from."""
        url = self.config.document_url(name, version if kind is DocKind.VERSION else None)
        key = f"{kind}:{url}"
        # futures belong to a loop: concurrent requests share one fetch per loop
        flight_key = f"{key}|{want_body}|{id(asyncio.get_running_loop())}"
        pending = self._inflight.get(flight_key)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[tuple[bytes, Origin]] = asyncio.get_running_loop().create_future()
        self._inflight[flight_key] = future
        try:
            result = await self._document(kind, name, version, url, key, want_body)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # mark retrieved: nobody else may be waiting
            raise
        finally:
            self._inflight.pop(flight_key, None)
        future.set_result(result)
        return result

    async def _revalidate_mutable(self, name: str, url: str, key: str, body: bytes | None,
                                  record: CacheRecord, now: float) -> bytes | None:
        """Revalidate a cached packument without validators by asking only for what can
        change (see the module docstring). The new body (stored), or None when the whole
        document must be fetched again (tags moved, a locked version is missing or gone,
        the small documents are not served)."""
        cache = self.cache
        assert cache is not None
        if body is None:
            body = cache.body(key)
        if body is None:
            return None
        try:
            document = loads(body)
        except (ValueError, RecursionError):
            return None
        if not isinstance(document, dict) or not isinstance(document.get("versions"), dict):
            return None
        versions = sorted(self._tracked.get(name, ()))
        if any(version not in document["versions"] for version in versions):
            return None  # the lockfile names a version this copy does not list
        # one round trip: the tags and the locked versions' documents side by side
        tags, *manifests = await asyncio.gather(
            self._small_document(self.config.dist_tags_url(name), f"dist-tags of {name}"),
            *(self._small_document(self.config.document_url(name, version),
                                   _describe(DocKind.VERSION, name, version))
              for version in versions))
        if not isinstance(tags, dict) or \
                {k: v for k, v in tags.items() if isinstance(v, str)} != document.get("dist_tags"):
            return None
        if any(manifest is None for manifest in manifests):
            return None
        try:
            changed = refresh_versions(document, dict(zip(versions, manifests, strict=True)))
        except RegistryError:
            return None
        if changed:
            body = _dumps(document, _describe(DocKind.FULL, name, None))
            cache.store(key, body, CacheRecord(now, None, None, len(body)))
            self._parsed.pop(key, None)
            self._stamps.pop(key, None)
        else:
            cache.renew(key, CacheRecord(now, None, None, record.size, record.digest))
        return body

    async def _small_document(self, url: str, what: str) -> object | None:
        """The registry's current JSON at `url` (None when not a 200 or not JSON)."""
        result = await self.client.request("GET", url, what=what,
                                           headers={"accept": FULL_ACCEPT})
        if result.status != 200:
            return None
        try:
            return loads(result.body)
        except (ValueError, RecursionError):
            return None

    async def _document(self, kind: DocKind, name: str, version: str | None, url: str,
                        key: str, want_body: bool) -> tuple[bytes, Origin]:
        what = _describe(kind, name, version)
        cache = self.cache
        body: bytes | None = None
        record: CacheRecord | None = None
        if cache is not None:
            if want_body:
                held = cache.entry(key)
                if held is not None:
                    body, record = held
            else:
                record = cache.record(key)
        if self.config.offline:
            if record is None:
                raise OfflineMiss(f"{what} is not in the cache (offline mode)")
            return body or b"", Origin.CACHE
        if want_body and record is not None and not self._confirmed(key, record) and \
                cache is not None:
            renewed_record = cache.record(key)  # a revalidation may have renewed it alone
            if renewed_record is not None and renewed_record.fetched_at > record.fetched_at:
                record = renewed_record
        if self._confirmed(key, record):
            return body or b"", Origin.CACHE
        now = self._clock()
        self._validated.add(key)
        if record is not None and cache is not None and kind is not DocKind.VERSION and \
                not (record.etag or record.last_modified):
            confirmed = await self._revalidate_mutable(name, url, key, body, record, now)
            if confirmed is not None:
                return confirmed if want_body else b"", Origin.REVALIDATED
        headers = {"accept": CORGI_ACCEPT if kind is DocKind.CORGI else FULL_ACCEPT}
        if record is not None and (record.etag or record.last_modified):
            if record.etag:
                headers["if-none-match"] = record.etag
            if record.last_modified:
                headers["if-modified-since"] = record.last_modified
        result = await self.client.request("GET", url, what=what, headers=headers)
        if result.status == 304 and record is not None and cache is not None:
            renewed = CacheRecord(now, record.etag, record.last_modified, record.size,
                                  record.digest)
            if body is not None:
                cache.store(key, body, renewed)
                return body, Origin.REVALIDATED
            if not want_body and cache.body(key) is not None:
                cache.touch(key, renewed)
                return b"", Origin.REVALIDATED
            # the body vanished since the record was read: fetch it unconditionally
            headers.pop("if-none-match", None)
            headers.pop("if-modified-since", None)
            result = await self.client.request("GET", url, what=what, headers=headers)
        if result.status in (404, 410):
            target = f"{name}@{version}" if kind is DocKind.VERSION else name
            raise PackageNotFound(f"{target} not found on {host_of(url)} (HTTP {result.status})")
        if result.status != 200:
            raise RegistryError(f"{what}: {host_of(url)} answered HTTP {result.status}")
        # a registry that ignores the corgi Accept header (the mirror) sends the full
        # document as application/json: keep everything it says
        abbreviated = kind is DocKind.CORGI and CORGI_TYPE in result.headers.get(
            "content-type", CORGI_TYPE)
        if len(result.body) > _WORKER_THRESHOLD and not self._helpers:
            # big documents are converted on another core, so that the event loop keeps
            # reading the other responses meanwhile (unless a fetch helper has that core)
            body = await workers.run(_compact_body, result.body, kind, name, version,
                                     what, url, abbreviated)
        else:
            body = _compact_body(result.body, kind, name, version, what, url, abbreviated)
        if cache is not None:
            cache.store(key, body, CacheRecord(
                now, result.headers.get("etag"), result.headers.get("last-modified"), len(body),
            ))
        self._parsed.pop(key, None)
        self._stamps.pop(key, None)
        return body, Origin.FETCHED
