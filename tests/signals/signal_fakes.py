"""Hand-built typed documents, an in-memory tarball and a MetadataProvider double."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from reviewer.errors import RegistryError
from reviewer.registry.documents import Packument, Person, Publisher, VersionManifest
from reviewer.registry.interface import TarEntry

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


class FakeTarball:
    def __init__(self, files: Mapping[str, str | bytes]) -> None:
        self._files = {k: v.encode() if isinstance(v, str) else v for k, v in files.items()}

    @property
    def entries(self) -> Sequence[TarEntry]:
        return [TarEntry(path, len(data), "file") for path, data in self._files.items()]

    def read_bytes(self, path: str) -> bytes:
        return self._files[path]

    def read_text(self, path: str) -> str:
        return self._files[path].decode("utf-8", errors="replace")


def manifest(name: str, version: str, *, maintainers: Sequence[str] | None = ("alice",),
             publisher: str | None = "alice", trusted: str | None = None,
             provenance: bool | None = False, **fields: Any) -> VersionManifest:
    return VersionManifest(
        name=name, version=version,
        maintainers=None if maintainers is None else tuple(Person(m) for m in maintainers),
        publisher=None if publisher is None else Publisher(publisher, trusted_publisher=trusted),
        has_provenance=provenance,
        **{"scripts": {}, **fields},
    )


def packument(name: str, versions: Sequence[VersionManifest], *,
              ages_days: Sequence[float] | None = None, times: bool = True) -> Packument:
    """Versions published in the order given; `ages_days` = age of each at NOW."""
    ages = ages_days or [len(versions) - i + 30 for i in range(len(versions))]
    return Packument(
        name=name,
        dist_tags={"latest": versions[-1].version},
        versions={v.version: v for v in versions},
        times={v.version: NOW - timedelta(days=a) for v, a in zip(versions, ages, strict=True)} if times else None,
    )


@dataclass
class FakeProvider:
    packuments: dict[str, Packument] = field(default_factory=dict)
    tarballs: dict[str, FakeTarball] = field(default_factory=dict)
    bulk: dict[str, Any] | None = None
    bulk_error: bool = False
    fail: set[str] = field(default_factory=set)
    tarball_requests: list[str] = field(default_factory=list)
    bulk_requests: list[dict[str, list[str]]] = field(default_factory=list)

    async def packument(self, name: str) -> Packument:
        if name in self.fail or name not in self.packuments:
            raise RegistryError(f"{name}: registry answered 503")
        return self.packuments[name]

    async def tarball(self, name: str, version: str, integrity: str | None, url: str | None = None) -> FakeTarball:
        self.tarball_requests.append(f"{name}@{version}")
        try:
            return self.tarballs[f"{name}@{version}"]
        except KeyError:
            raise RegistryError(f"tarball of {name}@{version}: 404") from None

    async def bulk_advisories(self, versions: dict[str, list[str]]) -> dict[str, Any] | None:
        self.bulk_requests.append(versions)
        if self.bulk_error:
            raise RegistryError("bulk advisories: 500")
        return self.bulk
