"""`RegistryConfig`: every knob of the registry layer, built from `.npmrc` + CLI options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from reviewer import urls
from reviewer.errors import RegistryError
from reviewer.registry import npmrc
from reviewer.registry.tarball import DEFAULT_LIMITS, TarballLimits
from reviewer.text_safety import safe_line

DEFAULT_REQUEST_DEADLINE = 120.0
"""Seconds for one registry request as a whole (`--request-deadline`)."""


@dataclass(frozen=True, slots=True)
class RegistryConfig:
    settings: Mapping[str, str] = field(default_factory=dict)
    """Merged `.npmrc` settings (global < user < project < environment)."""
    registry_override: str | None = None
    """`--registry URL`: used for every package, scoped or not."""
    offline: bool = False
    cache_dir: Path | None = None
    """The cache root (None: no disk cache, memory only)."""
    concurrency: int = 16
    freshness_seconds: float = 86400.0
    """Inside this window after the registry last confirmed a document, the cached copy is
    used without any request (`--revalidate-after`, default a day). Only what can change is
    revalidated after it (see `registry/service.py`): published versions never change."""
    refresh: bool = False
    """`--refresh`: revalidate every document once in this run, whatever its age."""
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    """Between two bytes: a registry that drips one byte at a time never trips it..."""
    request_deadline: float = DEFAULT_REQUEST_DEADLINE
    """...so this caps each request as a whole (connect + headers + body), in seconds; not
    retried when it passes. `--request-deadline`."""
    retries: int = 3
    """Extra attempts after the first, on 408/420/429/5xx and network errors."""
    backoff_base: float = 0.5
    backoff_max: float = 10.0
    retry_after_max: float = 30.0
    """A longer `Retry-After` is capped to this many seconds."""
    max_document_bytes: int = 64 * 1024 * 1024
    tarball_limits: TarballLimits = DEFAULT_LIMITS
    max_redirects: int = 5
    http2: bool = True
    """Offer HTTP/2 (TLS registries that support it); False: HTTP/1.1 only."""
    user_agent: str = "reviewer/0.1 (npm dependency review)"

    @classmethod
    def from_npmrc(
        cls,
        project_dir: Path | None,
        *,
        registry: str | None = None,
        env: Mapping[str, str] | None = None,
        home: Path | None = None,
        **options: object,
    ) -> RegistryConfig:
        environ = npmrc.default_env() if env is None else env
        settings = npmrc.load_npmrc(project_dir, environ, home or Path.home())
        check_registry_urls(settings, registry)
        return cls(settings=settings, registry_override=registry, **options)  # type: ignore[arg-type]

    def with_options(self, **changes: object) -> RegistryConfig:
        return replace(self, **changes)  # type: ignore[arg-type]

    # -- URLs and credentials --------------------------------------------------------------

    def registry_for(self, name: str) -> str:
        return npmrc.registry_for(name, self.settings, self.registry_override)

    @property
    def default_registry(self) -> str:
        return npmrc.registry_for("", self.settings, self.registry_override)

    def auth_header_for(self, url: str) -> str | None:
        return npmrc.auth_header_for(url, self.settings)

    def document_url(self, name: str, version: str | None = None) -> str:
        """`<registry>/<escaped name>[/<version>]`, scoped names as `@scope%2fname`."""
        path = escape_name(name)
        if version is not None:
            if not version or version in (".", ".."):
                raise RegistryError(f"invalid version {version!r} for {name}")
            path += "/" + quote(version, safe="")
        return self.registry_for(name) + path

    def dist_tags_url(self, name: str) -> str:
        """`<registry>-/package/<escaped name>/dist-tags`: the tiny map of tags to versions."""
        return f"{self.registry_for(name)}-/package/{escape_name(name)}/dist-tags"

    def advisories_url(self) -> str:
        return self.default_registry + "-/npm/v1/security/advisories/bulk"


def check_registry_urls(settings: Mapping[str, str], override: str | None) -> None:
    """One clear RegistryError when `--registry` or a `registry=` / `@scope:registry=`
    setting (from .npmrc or npm_config_registry) is not a usable http(s) URL."""
    if override is not None:
        problem = urls.url_problem(override.strip())
        if problem:
            raise RegistryError(f"--registry {safe_line(override)!r} is not a usable registry "
                                f"URL: {problem}")
    for key, value in settings.items():
        if key == "registry" or (key.startswith("@") and key.endswith(":registry")):
            problem = urls.url_problem(value.strip())
            if problem:
                raise RegistryError(f"`{safe_line(key)}={safe_line(value)}` (.npmrc or "
                                    f"npm_config_registry) is not a usable registry URL: {problem}")


@lru_cache(maxsize=16384)
def escape_name(name: str) -> str:
    """npm's `escapedName`: `@scope/name` -> `@scope%2fname`; anything odd percent-encoded."""
    if not name or name in (".", "..") or len(name) > 214 or name.startswith("."):
        raise RegistryError(f"invalid package name {name[:80]!r}")
    return quote(name, safe="@/").replace("/", "%2f")


_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str) -> float:
    """`90`, `90s`, `30m`, `12h`, `1d` -> seconds (ValueError when not a duration >= 0)."""
    value = text.strip().lower()
    factor = _UNITS.get(value[-1:], None)
    number = value[:-1] if factor is not None else value
    seconds = float(number) * (factor or 1.0)
    if not seconds >= 0 or seconds == float("inf"):
        raise ValueError(f"not a duration: {text!r}")
    return seconds


def host_of(url: str) -> str:
    """`host[:port]` for messages, never with credentials (see reviewer.urls)."""
    return urls.host_of(url)
