"""Lockfile hygiene in the gate (lockfile-lint's recommended checks, plus integrity).

Every locked package is checked against the policy settings:

- `disallowed-source`: its source kind is not in `allowed_sources` (default: registry,
  file, link, workspace; git and tarball sources must be allowed explicitly);
- `insecure-source`: fetched over plain `http:` or `git:` (always a violation);
- `missing-integrity`: a registry or tarball package without an integrity hash (nor yarn
  berry's checksum), unless `require_integrity = false`; yarn berry's optional
  platform-specific packages (os/cpu conditions, never fetched, so no checksum) are exempt;
- `unexpected-registry`: a registry package resolved outside `allowed_registries` (URL
  prefixes) or, when that is empty, from a host other than the registry configured for
  its scope (`.npmrc`) or the public npm registry.

The package-level tests are the review signals' own (`reviewer.signals.sources`).
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.graph.model import Package, Source
from reviewer.policy.entries import Settings
from reviewer.policy.violation import Violation, violation
from reviewer.signals.sources import (
    INSECURE,
    MISSING_INTEGRITY,
    UNEXPECTED_REGISTRY,
    insecure_source,
    missing_integrity,
    unexpected_registry,
)

HYGIENE_SIGNALS = frozenset({INSECURE, MISSING_INTEGRITY, UNEXPECTED_REGISTRY,
                             "non-registry-source"})
"""Signals that these rules replace in the gate."""

PUBLIC_REGISTRY = "https://registry.npmjs.org/"


def hygiene_violations(package: Package, settings: Settings,
                       registry_for: Callable[[str], str] | None = None) -> list[Violation]:
    out: list[Violation] = []
    if package.source.value not in settings.allowed_sources:
        out.append(violation(
            "disallowed-source", package,
            f"{package.key} comes from a {package.source.value} source ({package.resolved or '?'}), "
            f"which the policy does not allow (allowed_sources: "
            f"{', '.join(settings.allowed_sources) or 'none'})"))
    insecure = insecure_source(package)
    if insecure is not None:
        out.append(violation(INSECURE, package, f"{package.key}: {insecure.summary}"))
    if settings.require_integrity and not _unfetched_platform_package(package):
        missing = missing_integrity(package)
        if missing is not None:
            out.append(violation(MISSING_INTEGRITY, package,
                                 f"{package.key}: {missing.summary} (nothing proves the "
                                 "downloaded tarball is the reviewed one; "
                                 "`require_integrity = false` accepts this)"))
    resolved = package.resolved or ""
    if package.source is Source.REGISTRY and resolved.startswith(("http://", "https://")):
        if settings.allowed_registries:
            if not any(resolved.startswith(prefix) for prefix in settings.allowed_registries):
                out.append(violation(UNEXPECTED_REGISTRY, package,
                                     f"{package.key} is resolved from {resolved}, outside "
                                     "the allowed registries"))
        else:
            found = unexpected_registry(package, registry_for or (lambda _name: PUBLIC_REGISTRY))
            if found is not None:
                out.append(violation(UNEXPECTED_REGISTRY, package,
                                     f"{package.key}: {found.summary} (allowed_registries "
                                     "lists other registries)"))
    return out


def _unfetched_platform_package(package: Package) -> bool:
    """An optional os/cpu-specific package with no location at all: yarn berry locks these
    without a checksum when they were never fetched; yarn adds the checksum when it does."""
    return package.optional and bool(package.os or package.cpu) and not package.resolved
