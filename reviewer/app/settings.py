"""The review settings of a project, built in one place for every command, the TUI and the
demo: its registries, its imported advisories, the release age and extra allowed
registries of its policy, the scan cache."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from reviewer.policy.entries import Settings as PolicySettings
from reviewer.signals.settings import ReviewSettings


def review_settings(project_dir: Path, policy: PolicySettings | None,
                    registry_for: Callable[[str], str], *,
                    cache_dir: Path | None = None, advisories_url: str | None = None,
                    now: datetime | None = None, release_age_days: float | None = None,
                    read_tarballs: bool = True, query_registry_advisories: bool = True,
                    read_every_tarball: bool = False) -> ReviewSettings:
    """`policy`: the policy's settings (None: no policy file). `release_age_days` overrides
    the policy's `minimum_release_age_days`."""
    from reviewer.audit.store import has_imported, load_advisories

    settings = ReviewSettings(
        registry_for=registry_for,
        project_dir=project_dir,
        now=now,
        advisories=tuple(load_advisories(project_dir)) if has_imported(project_dir) else None,
        scan_cache_dir=cache_dir,
        no_advisories_marker=_marker(cache_dir, advisories_url),
        read_tarballs=read_tarballs,
        gyp_from_tarballs=read_every_tarball,
        query_registry_advisories=query_registry_advisories,
    )
    if policy is not None:
        hosts = tuple(h for h in (urlsplit(u).hostname for u in policy.allowed_registries) if h)
        settings = replace(settings, release_age_days=float(policy.minimum_release_age_days),
                           allowed_hosts=hosts)
    if release_age_days is not None:
        settings = replace(settings, release_age_days=float(release_age_days))
    return settings


def _marker(cache_dir: Path | None, advisories_url: str | None) -> Path | None:
    """Where "this registry has no bulk advisory endpoint" is remembered for a day."""
    if cache_dir is None or advisories_url is None:
        return None
    digest = hashlib.sha256(advisories_url.encode()).hexdigest()[:16]
    return cache_dir / "signals" / f"no-advisories-{digest}"
