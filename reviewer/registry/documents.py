"""Typed registry documents: the boundary past which no code digs into raw JSON.

Convention: a field the registry did not send is `None` ("unknown"); a field it sent
empty is an empty tuple/mapping/string. Signals must treat `None` as "not provided by
this registry", never as "no change".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Person:
    """A maintainer or publisher."""

    name: str
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Publisher:
    """`_npmUser`: who published a version."""

    name: str
    email: str | None = None
    trusted_publisher: str | None = None
    """`_npmUser.trustedPublisher.id` (e.g. "github") when published via OIDC trusted publishing."""


@dataclass(frozen=True, slots=True)
class VersionManifest:
    """One version of a package as the registry describes it."""

    name: str
    version: str
    scripts: Mapping[str, str] | None = None
    """None in abbreviated documents, which carry no scripts."""
    has_install_script: bool | None = None
    """`hasInstallScript` where the registry sends it."""
    gypfile: bool | None = None
    dependencies: Mapping[str, str] = field(default_factory=dict)
    optional_dependencies: Mapping[str, str] = field(default_factory=dict)
    peer_dependencies: Mapping[str, str] = field(default_factory=dict)
    dev_dependencies: Mapping[str, str] = field(default_factory=dict)
    bundle_dependencies: tuple[str, ...] = ()
    deprecated: str | None = None
    """The deprecation message; None when not deprecated (or not sent)."""
    maintainers: tuple[Person, ...] | None = None
    """None when the registry did not send `maintainers` for this version."""
    publisher: Publisher | None = None
    """None when the registry did not send `_npmUser`."""
    integrity: str | None = None
    shasum: str | None = None
    tarball: str | None = None
    has_provenance: bool | None = None
    """True/False when the registry says (`dist.attestations`); None when it cannot say
    (a mirror that strips `dist.signatures`/`attestations` entirely)."""
    file_count: int | None = None
    unpacked_size: int | None = None
    license: str | None = None
    description: str | None = None
    repository: str | None = None
    homepage: str | None = None
    bin: Mapping[str, str] = field(default_factory=dict)
    os: tuple[str, ...] = ()
    cpu: tuple[str, ...] = ()
    publish_config: Mapping[str, object] = field(default_factory=dict)

    @property
    def trusted(self) -> bool | None:
        """Provenance or trusted publisher present; None when the registry cannot say."""
        if self.has_provenance or (self.publisher and self.publisher.trusted_publisher):
            return True
        if self.has_provenance is None and self.publisher is None:
            return None
        return False


@dataclass(frozen=True, slots=True)
class Packument:
    """All versions of a package (full or abbreviated document)."""

    name: str
    dist_tags: Mapping[str, str]
    versions: Mapping[str, VersionManifest]
    times: Mapping[str, datetime] | None = None
    """Publish time per version; None when absent or not trustworthy (a mirror with
    synthetic times and no `created`/`modified`)."""
    maintainers: tuple[Person, ...] | None = None
    description: str | None = None
    license: str | None = None
    repository: str | None = None
    homepage: str | None = None
    abbreviated: bool = False
    modified: datetime | None = None

    def version(self, version: str) -> VersionManifest | None:
        return self.versions.get(version)

    def published(self, version: str) -> datetime | None:
        return self.times.get(version) if self.times is not None else None
