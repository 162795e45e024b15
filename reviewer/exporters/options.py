"""Options shared by every export target."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportOptions:
    pins: bool = False
    """Also write approved pins (npm/pnpm/bun `overrides`, yarn `resolutions`)."""
    pnpm_legacy: bool | None = None
    """pnpm only: True forces onlyBuiltDependencies/ignoredBuiltDependencies, False forces
    allowBuilds, None detects from `packageManager` and the lockfile."""
    lavamoat_skip_versions: bool = False
    """LavaMoat only: names-only keys (allow-scripts `--skip-versions`, or before 5)."""
