"""What the review engine can be told: thresholds, registries, imported advisories."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reviewer.audit.model import Advisory
from reviewer.signals.release_age import DEFAULT_DAYS


@dataclass(frozen=True)
class ReviewSettings:
    release_age_days: float = DEFAULT_DAYS
    """recent-release fires for versions published less than this many days ago."""
    now: datetime | None = None
    """The time to judge release age against (None: the current time)."""
    registry_for: Callable[[str], str] | None = None
    """Configured registry URL for a package name (its scope); None skips unexpected-registry.
    Pass `RegistryConfig.registry_for`."""
    allowed_hosts: tuple[str, ...] = ()
    """Extra registry hosts accepted by unexpected-registry (e.g. from the policy)."""
    advisories: tuple[Advisory, ...] | None = None
    """Imported advisories (`reviewer.audit.load_advisories`); None when none were imported."""
    query_registry_advisories: bool = True
    """Ask the registry's bulk advisory endpoint when the provider offers `bulk_advisories`."""
    project_dir: Path | None = None
    """Where `file:`/`link:` dependencies are read from (their package.json scripts)."""
    read_tarballs: bool = True
    """Fetch the tarball of every registry package to read its code (suspicious-code:
    entry points, what they import, what install scripts run)."""
    gyp_from_tarballs: bool = False
    """Also fetch the tarball of every package without scripts to look for `binding.gyp`
    (npm normalises `gypfile`/`install` into the published manifest, so this is rarely
    needed; it is costly on a large tree)."""
    no_advisories_marker: Path | None = None
    """A file whose fresh mtime (< 1 day) records that the registry has no bulk advisory
    endpoint, so it is not asked again on every run; None: always ask."""
    scan_cache_dir: Path | None = None
    """Cache root for tarball scan results (`scan_cache`); None: always read tarballs."""
    code_time_budget: float = 20.0
    """Seconds of code analysis per package version (CPU time of the analysing thread, so
    a loaded machine does not cut it short); past it the finding says "analysis
    incomplete" (never a silent pass)."""
    typosquat: bool = True
    new_dependency_signals: bool = True
    """In an upgrade, look up each new dependency's own install script (one packument each)."""
