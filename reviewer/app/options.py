"""What a command asks of a project, as one typed value (the CLI builds it from `argparse`
at its edge; nothing below the CLI sees `argparse`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.graph import Graph
    from reviewer.registry.config import RegistryConfig


@dataclass(frozen=True, slots=True)
class ProjectOptions:
    path: Path = Path(".")
    """The project directory."""
    lockfile: Path | None = None
    """A lockfile to use instead of detecting one (its directory is then the project's)."""
    policy: Path | None = None
    """The policy file (default: `reviewer-policy.toml` next to the lockfile)."""
    registry: str | None = None
    """Registry URL overriding `.npmrc`."""
    offline: bool = False
    cache_dir: Path | None = None
    """Metadata cache directory (None: the default one)."""
    concurrency: int = 16
    request_deadline: float | None = None
    """Seconds one registry request may take as a whole (None: the default, 120)."""
    release_age_days: float | None = None
    """Overrides the policy's `minimum_release_age_days`."""
    read_tarballs: bool = True
    """Fetch the tarballs of packages with install scripts to scan their code."""
    refresh: bool = False
    """Revalidate with the registry now what can change (`--refresh`)."""
    revalidate_after: float | None = None
    """Seconds after which cached metadata is revalidated (None: the default, a day)."""
    deep: bool = False
    """Also fetch every other tarball (`report --deep`): scripts and dependencies hidden
    from the registry manifest (manifest confusion), `binding.gyp`."""

    @property
    def project_dir(self) -> Path:
        """Where the project's files (policy, imported advisories, .npmrc) are."""
        if self.lockfile is not None:
            return self.lockfile.parent
        return self.path

    @property
    def policy_path(self) -> Path:
        from reviewer.policy.store import default_policy_path

        return self.policy if self.policy is not None else default_policy_path(self.project_dir)

    def load_graph(self) -> Graph:
        """The project's lockfile as a Graph, through the parsed lockfiles kept in the cache
        (`lockfiles.graph_cache`). Raises LockfileError."""
        from reviewer.lockfiles import load_graph
        from reviewer.paths import cache_dir

        return load_graph(self.path, self.lockfile, cache_root=cache_dir(self.cache_dir))

    def registry_config(self) -> RegistryConfig:
        """The registry configuration: the project's `.npmrc` and these options."""
        from reviewer.paths import cache_dir
        from reviewer.registry.config import DEFAULT_REQUEST_DEADLINE, RegistryConfig

        config = RegistryConfig.from_npmrc(
            self.project_dir, registry=self.registry, offline=self.offline,
            cache_dir=cache_dir(self.cache_dir), concurrency=self.concurrency,
            request_deadline=self.request_deadline or DEFAULT_REQUEST_DEADLINE,
            refresh=self.refresh)
        if self.revalidate_after is None:
            return config
        return config.with_options(freshness_seconds=self.revalidate_after)
