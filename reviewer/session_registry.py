"""The registry side of a review session: documents and tarballs through the session's
provider (packuments kept in memory), and the background scan that reviews every package.

`ReviewSession` (reviewer/session.py) inherits these methods; they use only the session
fields declared below.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.errors import ReviewerError
from reviewer.graph.model import Graph, Package, Source
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.signals.finding import Finding

Reviewer = Callable[[Package], Awaitable[Sequence[Finding]]]
"""Computes the findings of one locked package (fetching what it needs through the
session's provider)."""


@dataclass(frozen=True, slots=True)
class ScanUpdate:
    """Progress of the background scan, sent after each fetched name."""

    done: int
    total: int
    keys: tuple[str, ...]
    """Package keys whose findings just changed."""
    error: str | None = None
    """Why the last name could not be fetched (untrusted text)."""


class SessionRegistry:
    """Registry access and the scan, mixed into ReviewSession."""

    graph: Graph
    provider: MetadataProvider | None
    reviewer: Reviewer | None
    settings: Any
    project_dir: Path
    findings: dict[str, list[Finding]]
    fetch_errors: dict[str, str]
    packuments: dict[str, Packument]
    _risk: dict[str, int]
    _registry_advisories: object

    async def packument(self, name: str) -> Packument:
        """The packument of `name`, from this session's memory or the provider."""
        held = self.packuments.get(name)
        if held is not None:
            return held
        if self.provider is None:
            raise ReviewerError("no registry is configured for this session")
        document = await self.provider.packument(name)
        self.packuments[name] = document
        return document

    async def tarball(self, key: str) -> TarballContents:
        """The verified tarball of a locked package."""
        if self.provider is None:
            raise ReviewerError("no registry is configured for this session")
        package = self.graph.packages[key]
        url = package.resolved if package.source is Source.TARBALL else None
        return await self.provider.tarball(package.name, package.version, package.integrity, url)

    async def tarball_of(self, name: str, version: str) -> TarballContents:
        """The tarball of any published version (for diffs), verified against the registry's
        own integrity for that version."""
        document = await self.packument(name)
        manifest = document.version(version)
        if manifest is None:
            raise ReviewerError(f"{name}@{version} is not in the registry's document")
        if self.provider is None:
            raise ReviewerError("no registry is configured for this session")
        return await self.provider.tarball(name, version, manifest.integrity, manifest.tarball)

    def registry_names(self) -> list[str]:
        """Names whose metadata the scan fetches: registry-sourced packages only."""
        return sorted({p.name for p in self.graph if p.source is Source.REGISTRY})

    async def review(self, key: str) -> list[Finding]:
        """Compute (again) the findings of one package."""
        package = self.graph.packages[key]
        if self.reviewer is not None:
            found: Sequence[Finding] = await self.reviewer(package)
        elif self.provider is None:
            found = []
        else:
            from reviewer.signals.engine import review_package

            extra: dict[str, Any] = {}
            if self._registry_advisories is not None:
                extra["registry_advisories"] = self._registry_advisories
            found = await review_package(package, self.graph, _Recording(self), self.settings, **extra)
        self.findings[key] = list(found)
        self._risk.pop(key, None)
        return self.findings[key]

    async def _prefetch_advisories(self) -> None:
        """Ask the registry's bulk advisory endpoint once for the whole graph."""
        if self.reviewer is not None or self.provider is None:
            return
        from reviewer.signals.package_signals import fetch_registry_advisories
        from reviewer.signals.settings import ReviewSettings

        versions: dict[str, list[str]] = {}
        for package in self.graph:
            if package.source is Source.REGISTRY:
                versions.setdefault(package.name, []).append(package.version)
        self._registry_advisories = await fetch_registry_advisories(
            versions, self.provider, self.settings or ReviewSettings())

    async def scan(self, on_update: Callable[[ScanUpdate], None], concurrency: int = 16) -> None:
        """Review every package (fetching metadata, bounded), reporting after each one.

        Cancelling the task stops the scan; what was reviewed stays in the session.
        """
        keys = [p.key for p in self.graph.sorted_packages()]
        total = len(keys)
        on_update(ScanUpdate(0, total, ()))
        await self._prefetch_advisories()
        done = 0
        limit = asyncio.Semaphore(max(1, concurrency))

        async def one(key: str) -> tuple[str, str | None]:
            async with limit:
                try:
                    await self.review(key)
                except ReviewerError as error:
                    return key, str(error)
            return key, None

        tasks = [asyncio.ensure_future(one(key)) for key in keys]
        try:
            for next_done in asyncio.as_completed(tasks):
                key, error = await next_done
                done += 1
                if error is not None:
                    self.fetch_errors[key] = error
                on_update(ScanUpdate(done, total, (key,), error))
                # A warm cache answers without suspending: let the UI breathe between packages.
                await asyncio.sleep(0)
        finally:
            for task in tasks:
                task.cancel()


class _Recording:
    """The provider as the engine sees it: packuments go through (and stay in) the session."""

    def __init__(self, session: SessionRegistry) -> None:
        self._session = session
        provider = session.provider
        bulk = getattr(provider, "bulk_advisories", None)
        if bulk is not None:
            self.bulk_advisories = bulk

    async def packument(self, name: str) -> Packument:
        return await self._session.packument(name)

    async def tarball(self, name: str, version: str, integrity: str | None,
                      url: str | None = None) -> TarballContents:
        assert self._session.provider is not None
        return await self._session.provider.tarball(name, version, integrity, url)
