"""The bundled example behind `reviewer demo`: a project and its registry, fully offline.

    bundle = load_demo()           # fresh writable copy of the project + a DemoProvider
    graph = load_graph(bundle.project_dir)
    findings = await reviewer.app.review_all(graph, bundle.provider, bundle.settings())
    ...
    bundle.cleanup()               # or use `with load_demo() as bundle:`

The project (`project/` in the data archive `demo-data.tar.xz`) is a web shop with ~570 locked packages: a real
npm tree (names, versions and integrity from a real lockfile) plus planted stories —
a maintainer takeover adding a postinstall that downloads and runs code, a trust
downgrade, a typosquat, deprecations, advisories (`audit.json`, and the provider's bulk
advisory answer), a node-gyp native module, a release from two days ago and benign install
scripts. `bundle.provider.stories` names the package telling each story. Regenerate
the data with `PYTHONPATH=tests python -m demo_generator.generate` (from a clone; the generator is not installed).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.demo.archive import DemoArchive
from reviewer.demo.provider import DemoProvider

if TYPE_CHECKING:
    from reviewer.app import Project
    from reviewer.signals.settings import ReviewSettings

PROJECT_DIR_NAME = "acme-storefront"
AUDIT_REPORT_NAME = "audit.json"


@dataclass
class DemoBundle:
    project_dir: Path
    """A fresh, writable copy of the bundled project (policy files can be saved here)."""
    provider: DemoProvider
    demo_registry_url: str
    """The registry the lockfile's `resolved` URLs name (https://registry.npmjs.org/)."""
    _temp_root: Path | None = field(default=None, repr=False)

    @property
    def audit_report(self) -> Path:
        """The project's `npm audit --json` report (auditReportVersion 2)."""
        return self.project_dir / AUDIT_REPORT_NAME

    @property
    def base_lockfile(self) -> Path:
        """The project's lockfile before an upgrade (for `review --base-lockfile`): the
        takeover, the trust downgrade, the recent release and the typosquat arrive as changes."""
        return self.project_dir / "base" / "package-lock.json"

    def project(self, policy: Path | None = None) -> Project:
        """The demo project opened like any other (its lockfile, policy, imported
        advisories), reviewed against the bundled registry at the provider's clock."""
        from reviewer.app import Project, ProjectOptions

        return Project.open(ProjectOptions(path=self.project_dir, policy=policy, offline=True),
                            now=self.provider.now, registry_for=self.provider.registry_for)

    def settings(self, **overrides: Any) -> ReviewSettings:
        """The demo project's review settings (`project().settings`), with `overrides`."""
        from dataclasses import replace

        return replace(self.project().settings, **overrides)

    def cleanup(self) -> None:
        """Remove the temporary copy made by `load_demo` (nothing when a target was given)."""
        if self._temp_root is not None:
            shutil.rmtree(self._temp_root, ignore_errors=True)
            self._temp_root = None

    def __enter__(self) -> DemoBundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def load_demo(target: Path | None = None, now: datetime | None = None) -> DemoBundle:
    """Copy the bundled project into `target` (default: a new temporary directory, removed
    by `cleanup()`) and open the bundled registry. `now` fixes the provider's clock."""
    temp_root: Path | None = None
    if target is None:
        temp_root = Path(tempfile.mkdtemp(prefix="reviewer-demo-"))
        target = temp_root / PROJECT_DIR_NAME
    target.mkdir(parents=True, exist_ok=True)
    DemoArchive.bundled().extract("project", target)
    provider = DemoProvider(now=now)
    return DemoBundle(target, provider, provider.registry_url, temp_root)


__all__ = ["DemoBundle", "DemoProvider", "load_demo"]
