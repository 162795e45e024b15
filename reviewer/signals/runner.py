"""Run the review engine against the real registry service (used by `report` and `check`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.graph.model import Graph
from reviewer.signals.finding import Finding
from reviewer.signals.results import PackageReview
from reviewer.signals.settings import ReviewSettings

if TYPE_CHECKING:
    from reviewer.registry.config import RegistryConfig


def settings_for(project_dir: Path, config: RegistryConfig, **overrides: object) -> ReviewSettings:
    """Settings for a project: its registries, its imported advisories (if any), the release
    age and extra allowed registries of its policy file; `overrides` (not None) win."""
    from reviewer.audit.store import has_imported, load_advisories

    advisories = tuple(load_advisories(project_dir)) if has_imported(project_dir) else None
    base: dict[str, object] = {**_policy_settings(project_dir),
        "registry_for": config.registry_for,
        "advisories": advisories,
        "project_dir": project_dir,
        "scan_cache_dir": config.cache_dir,
        "no_advisories_marker": _marker(config),
    }
    base.update({k: v for k, v in overrides.items() if v is not None})
    return ReviewSettings(**base)  # type: ignore[arg-type]


def _policy_settings(project_dir: Path) -> dict[str, object]:
    """`minimum_release_age_days` and `allowed_registries` from the project's policy file."""
    from urllib.parse import urlsplit

    from reviewer.policy.store import PolicyStore, default_policy_path

    path = default_policy_path(project_dir)
    if not path.is_file():
        return {}
    policy = PolicyStore.load(path)
    hosts = tuple(h for h in (urlsplit(u).hostname for u in policy.settings.allowed_registries) if h)
    return {"release_age_days": float(policy.settings.minimum_release_age_days), "allowed_hosts": hosts}


def _marker(config: RegistryConfig) -> Path | None:
    import hashlib

    if config.cache_dir is None:
        return None
    digest = hashlib.sha256(config.advisories_url().encode()).hexdigest()[:16]
    return config.cache_dir / "signals" / f"no-advisories-{digest}"


async def review_project(graph: Graph, config: RegistryConfig, settings: ReviewSettings,
                         progress: Callable[[int, int], None] | None = None) -> list[PackageReview]:
    from reviewer.registry.scan import registry_versions
    from reviewer.registry.service import RegistryService
    from reviewer.signals.engine import review_all

    async with RegistryService(config) as service:
        service.track(registry_versions(graph))
        return await review_all(graph, service, settings, config.concurrency, progress)


def cached_findings(graph: Graph, cache_dir: str | Path | None = None,
                    registry: str | None = None, project_dir: Path | None = None,
                    **overrides: object) -> list[Finding] | None:
    """Findings from cached metadata only (never the network): for `reviewer check`.
    None when there is no cache at all. `overrides`: ReviewSettings fields (the policy's
    `release_age_days`, `allowed_hosts`)."""
    import asyncio

    from reviewer.paths import cache_dir as resolve_cache_dir
    from reviewer.registry.config import RegistryConfig

    root = resolve_cache_dir(cache_dir)
    if not root.exists():
        return None
    project = project_dir or graph.lockfile.path.parent
    config = RegistryConfig.from_npmrc(project, registry=registry, offline=True, cache_dir=root)
    settings = settings_for(project, config, **{"read_tarballs": False,
                                                "query_registry_advisories": False, **overrides})
    reviews = asyncio.run(review_project(graph, config, settings))
    return [f for r in reviews for f in r.findings]
