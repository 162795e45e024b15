"""Shared fixtures: the fixture registry (per test) and Verdaccio (per session).

- `fixture_registry`: a started `servers.fixture_registry.FixtureRegistry` on 127.0.0.1 with
  the recorded documents of tests/data/registry; stopped after the test.
- `second_registry`: another FixtureRegistry, on 127.0.0.2 where possible (a different host
  for redirect and credential tests), with no documents.
- `verdaccio`: a started `servers.verdaccio.Verdaccio` (session scope). Verdaccio must be
  installed under $REVIEWER_VERDACCIO_HOME (`.ci/run` does it); if it is not, tests that
  use it FAIL with a message saying so: they are never skipped.
- `registry_config`: a `RegistryConfig` factory for the fixture registry with fast retries
  and a per-test cache directory.
- `empty_metadata_cache` (every test): REVIEWER_CACHE_DIR points at an empty directory, so
  no test sees, or writes to, a developer's metadata cache.
Mark tests that use Verdaccio with `@pytest.mark.verdaccio`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers.fixture_registry import FixtureRegistry, second_host  # noqa: E402
from servers.verdaccio import Verdaccio, verdaccio_script  # noqa: E402


@pytest.fixture(autouse=True)
def empty_metadata_cache(tmp_path_factory: pytest.TempPathFactory,
                         monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path_factory.mktemp("cache") / "absent"
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(path))
    return path


@pytest.fixture
def fixture_registry() -> Iterator[FixtureRegistry]:
    with FixtureRegistry() as registry:
        yield registry


@pytest.fixture
def second_registry() -> Iterator[FixtureRegistry]:
    with FixtureRegistry(host=second_host(), load_data=False) as registry:
        yield registry


@pytest.fixture
def registry_config(tmp_path: Path, fixture_registry: FixtureRegistry) -> Callable[..., Any]:
    """`registry_config(**options)`: a RegistryConfig pointing at the fixture registry."""
    from reviewer.registry.config import RegistryConfig

    def make(**options: Any) -> RegistryConfig:
        settings = options.pop("settings", {"registry": fixture_registry.url})
        defaults: dict[str, Any] = {
            "cache_dir": tmp_path / "cache", "backoff_base": 0.01, "backoff_max": 0.05,
            "retry_after_max": 2.0, "read_timeout": 5.0, "connect_timeout": 5.0,
        }
        defaults.update(options)
        return RegistryConfig(settings=settings, **defaults)

    return make


@pytest.fixture(scope="session")
def verdaccio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Verdaccio]:
    home = os.environ.get("REVIEWER_VERDACCIO_HOME")
    if not home:
        pytest.fail("REVIEWER_VERDACCIO_HOME is not set: run the tests through .ci/run, or "
                    "set it to a directory where tests/servers/verdaccio-package.json was "
                    "installed (e.g. /tmp/verd)", pytrace=False)
    if not verdaccio_script(Path(home)).is_file():
        pytest.fail(f"Verdaccio is not installed under REVIEWER_VERDACCIO_HOME={home} "
                    "(npm install tests/servers/verdaccio-package.json there)", pytrace=False)
    server = Verdaccio(Path(home), tmp_path_factory.mktemp("verdaccio"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
