"""The HTTP layer: one `httpx.AsyncClient` (HTTP/2 where offered) per run.

- Bounded concurrency (a semaphore held only while a request is in flight, not while
  backing off).
- Retries on 408/420/429/5xx and network errors (connection refused/reset, timeouts, a
  body cut short), with exponential backoff and jitter; `Retry-After` (seconds or an
  HTTP-date) is honoured, capped by `RegistryConfig.retry_after_max`.
- Bodies are streamed and reading stops past `max_bytes` (a RegistryError, no retry).
- Redirects are followed here (not by httpx), at most `max_redirects`; the
  `Authorization` header is dropped as soon as a redirect leaves the origin
  (scheme, host, port) it was computed for, and never re-added.
- Credentials come from `.npmrc` for the URL actually requested (nerf-dart match).
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from reviewer.errors import RegistryError
from reviewer.registry.config import RegistryConfig, host_of
from reviewer.registry.stats import TransferStats
from reviewer.urls import split, url_problem

RETRY_STATUSES = frozenset({408, 420, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_RETRYABLE_ERRORS = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError,
                     httpx.ProxyError)


@dataclass(frozen=True, slots=True)
class HttpResult:
    status: int
    headers: Mapping[str, str]
    """Lower-cased header names."""
    body: bytes
    url: str
    """The URL that answered (after redirects)."""


class _Retry(Exception):
    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = split(url)
    if parts is None:
        return ("", "", None)
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port or default)


class RegistryClient:
    """Async HTTP for the registry layer. Use as an async context manager."""

    def __init__(self, config: RegistryConfig, *, transport: httpx.AsyncBaseTransport | None = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.config = config
        self.stats = TransferStats()
        self._semaphore = asyncio.Semaphore(max(1, config.concurrency))
        self._sleep = sleep
        timeout = httpx.Timeout(config.read_timeout, connect=config.connect_timeout)
        limits = httpx.Limits(max_connections=max(1, config.concurrency) + 4,
                              max_keepalive_connections=max(1, config.concurrency) + 4)
        self._http = httpx.AsyncClient(
            http2=config.http2, timeout=timeout, limits=limits, follow_redirects=False,
            transport=transport, trust_env=True, verify=tls_verify(config.settings),
            headers={"user-agent": config.user_agent},
        )

    async def __aenter__(self) -> RegistryClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        headers: Mapping[str, str] | None = None,
        content: bytes | None = None,
        max_bytes: int | None = None,
    ) -> HttpResult:
        """Send with retries and redirects. Returns any final status below 400 and the
        4xx/5xx statuses the caller interprets (404, 405, 410, 501); raises RegistryError for the
        rest, naming `what` was asked, the host and the status."""
        limit = self.config.max_document_bytes if max_bytes is None else max_bytes
        problem = url_problem(url)
        if problem:
            raise RegistryError(f"{what}: cannot fetch {host_of(url)}: {problem}")
        base_headers = dict(headers or {})
        auth = self.config.auth_header_for(url)
        auth_origin = _origin(url)
        current = url
        redirects = 0
        attempt = 0
        while True:
            send_headers = dict(base_headers)
            if auth and _origin(current) == auth_origin:
                send_headers["authorization"] = auth
            else:
                auth = None  # left the origin once: never send it again
            try:
                result = await self._send_once(method, current, send_headers, content, limit, what)
            except _Retry as retry:
                if attempt >= self.config.retries:
                    raise RegistryError(
                        f"{what}: {host_of(current)} failed after {attempt + 1} attempts "
                        f"({retry.reason})"
                    ) from None
                delay = self._backoff(attempt, retry.delay)
                attempt += 1
                self.stats.retries += 1
                await self._sleep(delay)
                continue
            if result.status in REDIRECT_STATUSES:
                location = result.headers.get("location")
                if not location:
                    raise RegistryError(f"{what}: {host_of(current)} answered "
                                        f"{result.status} without a Location")
                redirects += 1
                if redirects > self.config.max_redirects:
                    raise RegistryError(f"{what}: more than {self.config.max_redirects} redirects")
                try:
                    current = urljoin(current, location)
                except ValueError:
                    current = location
                problem = url_problem(current)
                if problem:
                    raise RegistryError(f"{what}: {host_of(url)} redirected to an unusable "
                                        f"URL ({problem})")
                if result.status == 303:
                    method, content = "GET", None
                continue
            if result.status < 400 or result.status in (404, 405, 410, 501):
                return result
            raise RegistryError(_status_message(what, current, result.status))

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.config.retry_after_max)
        delay = self.config.backoff_base * (2**attempt)
        return min(self.config.backoff_max, delay) * (0.75 + random.random() * 0.5)

    async def _send_once(self, method: str, url: str, headers: dict[str, str],
                         content: bytes | None, limit: int, what: str) -> HttpResult:
        async with self._semaphore:
            deadline = self.config.request_deadline
            try:
                async with asyncio.timeout(deadline):
                    return await self._stream_once(method, url, headers, content, limit, what)
            except TimeoutError:
                raise RegistryError(
                    f"{what}: {host_of(url)}: request deadline of {deadline:g} s passed "
                    "before the answer was complete (--request-deadline)"
                ) from None

    async def _stream_once(self, method: str, url: str, headers: dict[str, str],
                           content: bytes | None, limit: int, what: str) -> HttpResult:
        self.stats.requests += 1
        try:
            async with self._http.stream(method, url, headers=headers,
                                         content=content) as response:
                status = response.status_code
                if status in RETRY_STATUSES:
                    delay = parse_retry_after(response.headers.get("retry-after"))
                    self.stats.bytes_received += response.num_bytes_downloaded
                    raise _Retry(f"HTTP {status}", delay)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise RegistryError(
                        f"{what}: {host_of(url)} sent {declared} bytes, over the "
                        f"{limit}-byte cap"
                    )
                chunks = []
                received = 0
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if received > limit:
                        raise RegistryError(
                            f"{what}: the document from {host_of(url)} is over the "
                            f"{limit}-byte cap"
                        )
                    chunks.append(chunk)
                self.stats.bytes_received += response.num_bytes_downloaded
                return HttpResult(status, {k.lower(): v for k, v in response.headers.items()},
                                  b"".join(chunks), str(response.url))
        except _RETRYABLE_ERRORS as error:
            raise _Retry(_describe(error)) from None
        except httpx.DecodingError as error:
            raise RegistryError(f"{what}: {host_of(url)} sent a body that cannot be "
                                f"decoded ({error})") from None
        except httpx.HTTPError as error:
            raise RegistryError(f"{what}: {host_of(url)}: {_describe(error)}") from None
        except (httpx.InvalidURL, ValueError) as error:  # a URL httpx cannot use
            raise RegistryError(f"{what}: cannot fetch {host_of(url)}: {_describe(error)}") from None


def tls_verify(settings: Mapping[str, str]) -> ssl.SSLContext | bool:
    """`.npmrc` TLS settings: `strict-ssl=false` disables verification; `cafile` replaces
    the default certificate authorities (as in npm)."""
    if settings.get("strict-ssl", "true").strip().lower() == "false":
        return False
    cafile = settings.get("cafile")
    if cafile and os.path.isfile(cafile):
        try:
            return ssl.create_default_context(cafile=cafile)
        except (ssl.SSLError, OSError, ValueError):
            raise RegistryError(f"cafile {cafile!r} from .npmrc is not a usable "
                                "certificate bundle") from None
    return True


def _describe(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}"[:200] if text else type(error).__name__


def _status_message(what: str, url: str, status: int) -> str:
    host = host_of(url)
    if status == 401:
        return f"{what}: {host} answered 401 (authentication required; check .npmrc credentials)"
    if status == 403:
        return f"{what}: {host} answered 403 (forbidden)"
    return f"{what}: {host} answered HTTP {status}"
