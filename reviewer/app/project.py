"""A project opened from a path and options: its graph, policy, imported advisories,
registry configuration (`.npmrc` + options) and the review settings, built once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.graph.model import Graph
from reviewer.paths import metadata_cache_dir
from reviewer.policy.model import Policy
from reviewer.policy.store import PolicyStore
from reviewer.registry.config import RegistryConfig
from reviewer.registry.interface import MetadataProvider
from reviewer.registry.service import RegistryService
from reviewer.signals.finding import Finding
from reviewer.signals.settings import ReviewSettings

from .options import ProjectOptions
from .review import ReviewService
from .settings import review_settings

if TYPE_CHECKING:
    from reviewer.audit.model import Advisory


@dataclass
class Project:
    """Open with `Project.open(options)`; everything else is derived, once."""

    options: ProjectOptions
    graph: Graph
    now: datetime | None = None
    """The clock signals judge release age against (None: the current time; the demo
    fixes it)."""
    registry_for: Callable[[str], str] | None = None
    """The registry of a package name when the provider is not the configured registry
    (the demo: then no disk cache is used either); None: from the registry configuration."""
    _policy: Policy | None = field(default=None, repr=False)

    @classmethod
    def open(cls, options: ProjectOptions, graph: Graph | None = None, *,
             now: datetime | None = None,
             registry_for: Callable[[str], str] | None = None) -> Project:
        """Load the project's lockfile (unless `graph` is given) and policy. Raises
        LockfileError, PolicyError."""
        if graph is None:
            graph = options.load_graph()
        project = cls(options, graph, now, registry_for)
        project.policy  # noqa: B018 - a broken policy file is an error now, not mid-review
        return project

    @property
    def directory(self) -> Path:
        return self.options.project_dir

    @property
    def policy_path(self) -> Path:
        return self.options.policy_path

    @property
    def policy(self) -> Policy:
        """The policy as loaded when the project was opened (empty when there is no file)."""
        if self._policy is None:
            self._policy = PolicyStore.load(self.policy_path)
        return self._policy

    def imported_advisories(self) -> list[Advisory]:
        """What `reviewer audit import` stored for this project (none when nothing was)."""
        from reviewer.audit.store import has_imported, load_advisories

        return load_advisories(self.directory) if has_imported(self.directory) else []

    @cached_property
    def registry_config(self) -> RegistryConfig:
        return self.options.registry_config()

    def _settings(self, config: RegistryConfig, **overrides: bool) -> ReviewSettings:
        # Another provider than the configured registry (the demo's): no disk caches.
        configured = self.registry_for is None
        return review_settings(
            self.directory, self.policy.settings if self.policy.exists_on_disk else None,
            self.registry_for or config.registry_for,
            cache_dir=config.cache_dir if configured else None,
            advisories_url=config.advisories_url() if configured else None,
            now=self.now, release_age_days=self.options.release_age_days,
            read_tarballs=overrides.get("read_tarballs", self.options.read_tarballs),
            read_every_tarball=self.options.deep and overrides.get("read_tarballs", True),
            query_registry_advisories=overrides.get("query_registry_advisories", True))

    @cached_property
    def settings(self) -> ReviewSettings:
        """The review settings every command, the TUI and the demo use for this project."""
        return self._settings(self.registry_config)

    def registry(self, warn: Callable[[str], None] | None = None) -> RegistryService:
        """A RegistryService for the configured registry (an async context manager); it
        revalidates the locked versions' mutable facts with their packuments."""
        from reviewer.app.scan import registry_versions

        service = RegistryService(self.registry_config, warn=warn)
        service.track(registry_versions(self.graph))
        return service

    def review_service(self, provider: MetadataProvider | None) -> ReviewService:
        return ReviewService(provider, self.settings, concurrency=self.options.concurrency)

    def cached_findings(self, deep: bool = False) -> list[Finding] | None:
        """Findings from cached registry metadata only (never the network; no registry
        advisory endpoint), for `check` and `approve`: code findings for every tarball in the
        cache (their analysis results are cached by integrity). `deep`: fetch what the cache
        lacks (metadata, tarballs). None when there is no cache at all (and not `deep`)."""
        import asyncio

        root = self.registry_config.cache_dir
        if not deep and (root is None or not metadata_cache_dir(root).exists()):
            return None
        config = self.registry_config.with_options(offline=not deep)
        settings = self._settings(config, read_tarballs=True, query_registry_advisories=False)

        async def review() -> list[Finding]:
            async with RegistryService(config) as service:
                reviews = await ReviewService(service, settings,
                                              concurrency=config.concurrency).review_graph(self.graph)
            return [f for r in reviews for f in r.findings]

        return asyncio.run(review())


def keep_parsed_lockfiles_later() -> None:
    """Lockfiles parsed from now on are kept in the cache when `keep_parsed_lockfiles()` is
    called, not at once: the terminal UI keeps them once its first screen is drawn."""
    from reviewer.lockfiles import graph_cache

    graph_cache.write_later()


def keep_parsed_lockfiles() -> None:
    """Keep the lockfiles parsed since `keep_parsed_lockfiles_later()`, and from now on at once."""
    from reviewer.lockfiles import graph_cache

    graph_cache.write_now()
