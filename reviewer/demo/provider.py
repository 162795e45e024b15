"""DemoProvider: a `MetadataProvider` over the registry documents bundled in the package.

No network: packuments, tarballs and advisories are read from the `registry/` part of the
demo data archive (`reviewer/demo/archive.py`, package data read through importlib.resources
so it works from any install). Packuments
go through the registry engineer's parser and tarballs through the verified in-memory
reader, exactly like documents from a real registry.

Publish times are stored relative to the generator's anchor date; the provider moves every
time by (now - anchor), so a version bundled as "published 2 days ago" is 2 days old
whenever the demo runs.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from reviewer.demo.archive import DemoArchive
from reviewer.errors import RegistryError
from reviewer.registry.documents import Packument, VersionManifest
from reviewer.registry.parse import parse_packument
from reviewer.registry.tarball import Tarball, open_tarball

NOT_BUNDLED = "not bundled in the demo"


REGISTRY = "registry/"
"""Where the registry's files are in the archive."""


def _read_json(archive: DemoArchive, path: str) -> Any:
    try:
        return json.loads(archive.read_bytes(REGISTRY + path).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise RegistryError(f"demo data {path} cannot be read: {error}") from None


def _parse_anchor(value: object) -> datetime:
    """The generator's anchor instant (ISO 8601, `Z`)."""
    try:
        anchor = datetime.fromisoformat(str(value))
    except ValueError:
        raise RegistryError("demo data index.json has no valid anchor time") from None
    return anchor if anchor.tzinfo is not None else anchor.replace(tzinfo=UTC)


class DemoProvider:
    """Registry documents and tarballs from the bundled demo data (implements
    `MetadataProvider`, plus `abbreviated`, `version_document` and `bulk_advisories`
    like `RegistryService`)."""

    def __init__(self, archive: DemoArchive | None = None, now: datetime | None = None) -> None:
        self._archive = archive if archive is not None else DemoArchive.bundled()
        index = _read_json(self._archive, "index.json")
        if not isinstance(index, dict) or index.get("format") != 1:
            raise RegistryError("demo data index.json has an unknown format")
        self._index: dict[str, Any] = index
        anchor = _parse_anchor(index.get("anchor"))
        self.anchor = anchor
        self.now = (now or datetime.now(UTC)).astimezone(UTC)
        self.shift: timedelta = self.now - anchor
        """Added to every bundled time."""
        self._packuments: dict[str, Packument] = {}

    # -- what the demo holds ------------------------------------------------------------

    @property
    def registry_url(self) -> str:
        """The registry the bundled lockfile's `resolved` URLs point at."""
        return str(self._index["registry"])

    @property
    def stories(self) -> Mapping[str, str]:
        """Story id (`maintainer-takeover`, `typosquat`...) -> `name@version` telling it."""
        return dict(self._index.get("stories", {}))

    def package_names(self) -> list[str]:
        return sorted(self._index["packuments"])

    def bundled_tarballs(self) -> list[str]:
        """`name@version` of every bundled tarball."""
        return sorted(self._index["tarballs"])

    def registry_for(self, name: str) -> str:
        """The configured registry for every name (pass as `ReviewSettings.registry_for`)."""
        return self.registry_url

    # -- MetadataProvider -----------------------------------------------------------------

    async def packument(self, name: str) -> Packument:
        return self.packument_now(name)

    def packument_now(self, name: str) -> Packument:
        """The packument of `name`, synchronously (the data is local)."""
        held = self._packuments.get(name)
        if held is not None:
            return held
        file_name = self._index["packuments"].get(name)
        if not isinstance(file_name, str):
            raise RegistryError(f"{name}: not in the demo registry")
        packument = self._rebased(parse_packument(_read_json(self._archive, file_name), name=name))
        self._packuments[name] = packument
        return packument

    async def abbreviated(self, name: str) -> Packument:
        """The demo has only full documents; they hold everything the abbreviated one would."""
        return self.packument_now(name)

    async def version_document(self, name: str, version: str) -> VersionManifest:
        manifest = self.packument_now(name).version(version)
        if manifest is None:
            raise RegistryError(f"{name}@{version}: version not in the demo registry")
        return manifest

    async def tarball(
        self, name: str, version: str, integrity: str | None, url: str | None = None
    ) -> Tarball:
        """The bundled tarball, verified against `integrity` (the lockfile's) or, without
        one, the integrity the demo registry publishes. `url` is ignored: nothing is fetched."""
        entry = self._index["tarballs"].get(f"{name}@{version}")
        if not isinstance(entry, dict):
            raise RegistryError(f"tarball of {name}@{version}: {NOT_BUNDLED}")
        try:
            data = self._archive.read_bytes(REGISTRY + entry["file"])
        except OSError as error:
            raise RegistryError(f"tarball of {name}@{version}: demo data unreadable ({error})") from None
        return open_tarball(data, integrity or entry["integrity"])

    async def bulk_advisories(self, versions: dict[str, list[str]]) -> dict[str, Any] | None:
        """Like the registry's bulk endpoint: the bundled advisories of the names asked about."""
        known = _read_json(self._archive, self._index["advisories"])
        return {name: known[name] for name in versions if name in known}

    # -- time rebasing --------------------------------------------------------------------

    def _rebased(self, packument: Packument) -> Packument:
        times = packument.times
        return dataclasses.replace(
            packument,
            times=None if times is None else {v: t + self.shift for v, t in times.items()},
            modified=None if packument.modified is None else packument.modified + self.shift,
        )
