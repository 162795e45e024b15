"""RegistryService against a real Verdaccio 6.8.0 on loopback (publish as two users)."""

from __future__ import annotations

import uuid

import pytest

from reviewer.errors import IntegrityError
from reviewer.registry.config import RegistryConfig
from reviewer.registry.service import Origin, RegistryService

pytestmark = pytest.mark.verdaccio


def _config(verdaccio, tmp_path, **options) -> RegistryConfig:
    defaults = {"cache_dir": tmp_path / "cache", "backoff_base": 0.01}
    defaults.update(options)
    return RegistryConfig(settings={"registry": verdaccio.url}, **defaults)


@pytest.fixture
def package_name() -> str:
    return f"left-padx-{uuid.uuid4().hex[:8]}"


async def test_publishers_and_maintainers_per_version(verdaccio, tmp_path, package_name):
    verdaccio.publish(package_name, "1.0.0", {"index.js": "module.exports = 1"},
                      user="alice", npm_user="alice", maintainers=["alice"])
    verdaccio.publish(package_name, "1.1.0", {"index.js": "module.exports = 2",
                                              "setup.js": "require('child_process')"},
                      user="mallory", npm_user="mallory", maintainers=["alice", "mallory"],
                      extra={"scripts": {"postinstall": "node setup.js"}})
    async with RegistryService(_config(verdaccio, tmp_path)) as service:
        packument = await service.packument(package_name)
        corgi = await service.abbreviated(package_name)
    first, second = packument.versions["1.0.0"], packument.versions["1.1.0"]
    assert first.publisher.name == "alice" and second.publisher.name == "mallory"
    assert [m.name for m in first.maintainers] == ["alice"]
    assert [m.name for m in second.maintainers] == ["alice", "mallory"]
    assert second.scripts == {"postinstall": "node setup.js"}
    assert packument.dist_tags["latest"] == "1.1.0"
    # Verdaccio stamps real times with created/modified: trusted
    assert packument.times is not None and packument.published("1.1.0") >= packument.published(
        "1.0.0")
    # no signatures on Verdaccio: provenance cannot be decided
    assert second.has_provenance is None
    assert corgi.abbreviated and corgi.versions["1.1.0"].has_install_script is True
    assert corgi.versions["1.0.0"].has_install_script is False
    assert corgi.versions["1.1.0"].scripts is None


async def test_scoped_package_and_tarball_integrity(verdaccio, tmp_path):
    name = f"@acme/util-{uuid.uuid4().hex[:6]}"
    published = verdaccio.publish(name, "2.0.0", {"index.js": "exports.x = 1"}, user="alice",
                                  npm_user="alice", extra={"dependencies": {"left-padx": "^1"}})
    async with RegistryService(_config(verdaccio, tmp_path)) as service:
        manifest = await service.version_document(name, "2.0.0")
        assert manifest.dependencies == {"left-padx": "^1"}
        assert manifest.integrity == published.integrity
        assert manifest.tarball == verdaccio.tarball_url(name, "2.0.0")
        tarball = await service.tarball(name, "2.0.0", published.integrity)
        assert tarball.read_text("index.js") == "exports.x = 1"
        other = verdaccio.publish(name, "2.0.1", {"index.js": "2"}, user="alice")
        with pytest.raises(IntegrityError, match="expected sha512-"):
            await service.tarball(name, "2.0.0", other.integrity)


async def test_etag_revalidation_gives_304(verdaccio, tmp_path, package_name):
    verdaccio.publish(package_name, "1.0.0", {"index.js": "1"}, user="alice")
    config = _config(verdaccio, tmp_path, freshness_seconds=0)
    async with RegistryService(config) as service:
        assert await service.prefetch(package_name) is Origin.FETCHED
    async with RegistryService(config) as service:
        assert await service.prefetch(package_name) is Origin.REVALIDATED
        assert service.transfer_stats.requests == 1
    verdaccio.publish(package_name, "1.0.1", {"index.js": "2"}, user="mallory")
    async with RegistryService(config) as service:
        assert await service.prefetch(package_name) is Origin.FETCHED
        assert "1.0.1" in (await service.packument(package_name)).versions


async def test_token_authenticates_only_at_its_registry(verdaccio, tmp_path, package_name):
    from reviewer.registry.npmrc import parse_npmrc

    verdaccio.publish(package_name, "1.0.0", {"index.js": "1"}, user="alice")
    settings = parse_npmrc(verdaccio.npmrc_for("alice"), {})
    config = RegistryConfig(settings=settings, cache_dir=None)
    assert config.auth_header_for(verdaccio.url + "left-padx") == (
        "Bearer " + verdaccio.tokens["alice"])
    assert config.auth_header_for("http://127.0.0.2:1/left-padx") is None
    async with RegistryService(config) as service:
        assert (await service.packument(package_name)).name == package_name


async def test_missing_package_on_verdaccio(verdaccio, tmp_path):
    from reviewer.registry.service import PackageNotFound

    async with RegistryService(_config(verdaccio, tmp_path)) as service:
        with pytest.raises(PackageNotFound, match="not found"):
            await service.packument("no-such-package-anywhere")


async def test_failing_advisory_endpoint_is_a_clear_error(verdaccio, tmp_path):
    from reviewer.errors import RegistryError

    # Verdaccio with its audit middleware disabled answers 500 at once
    async with RegistryService(_config(verdaccio, tmp_path, retries=1)) as service:
        with pytest.raises(RegistryError, match=r"bulk advisories: 127\.0\.0\.1:\d+ failed "
                                                r"after 2 attempts \(HTTP 500\)"):
            await service.bulk_advisories({"x": ["1.0.0"]})
