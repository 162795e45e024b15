"""What the rest of reviewer needs from a registry, as protocols.

`registry.service.RegistryService` implements these over HTTP with the disk cache;
the demo implements them over bundled files. Signals, the TUI and `review` depend
only on these protocols.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from reviewer.registry.documents import Packument


@dataclass(frozen=True, slots=True)
class TarEntry:
    """One entry of a package tarball, with the `package/` prefix removed."""

    path: str
    size: int
    kind: str
    """"file", "dir", "symlink", "hardlink", "device", "fifo" or "other"."""
    unsafe: str | None = None
    """Why the entry is dangerous (absolute path, `..`, link, device); None when it is fine.
    Unsafe entries are listed, never followed or extracted."""


class TarballContents(Protocol):
    """A verified tarball held in memory."""

    @property
    def entries(self) -> Sequence[TarEntry]: ...

    def read_bytes(self, path: str) -> bytes:
        """The bytes of a regular file (path without `package/`). KeyError if absent."""
        ...

    def read_text(self, path: str) -> str:
        """The file decoded as UTF-8, falling back to latin-1. KeyError if absent."""
        ...


class MetadataProvider(Protocol):
    """Registry documents and tarballs, however they are obtained."""

    async def packument(self, name: str) -> Packument:
        """The full packument of `name` (maintainers, publishers, times, provenance where the
        registry provides them). Raises RegistryError (or OfflineMiss) when unavailable."""
        ...

    async def tarball(
        self, name: str, version: str, integrity: str | None, url: str | None = None
    ) -> TarballContents:
        """The tarball of `name@version`, verified against `integrity` before any byte is used
        (IntegrityError on mismatch). `url` overrides the registry's tarball location."""
        ...


@runtime_checkable
class AdvisoryProvider(Protocol):
    """A provider that also answers the registry's bulk advisory endpoint (RegistryService,
    the demo's provider)."""

    async def bulk_advisories(self, versions: Mapping[str, Sequence[str]]) -> dict[str, Any] | None:
        """The bulk endpoint's answer for `versions` (name -> versions); None when the
        registry does not offer it. Raises RegistryError when the request fails."""
        ...
