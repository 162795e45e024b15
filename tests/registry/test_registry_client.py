"""RegistryService + RegistryClient against the fixture registry, over real sockets."""

from __future__ import annotations

import time

import pytest

from reviewer.errors import IntegrityError, OfflineMiss, RegistryError
from reviewer.registry.client import parse_retry_after
from reviewer.registry.service import DocKind, Origin, PackageNotFound, RegistryService

SCOPED = "@isaacs/string-locale-compare"


async def test_full_packument_is_typed(fixture_registry, registry_config):
    async with RegistryService(registry_config()) as service:
        packument = await service.packument("bufferutil")
    latest = packument.versions["4.1.0"]
    assert latest.publisher is not None and latest.publisher.name == "mallory-dev"
    assert [p.name for p in latest.maintainers] == ["mallory-dev", "lpinca"]
    assert latest.scripts == {"install": "node-gyp-build",
                              "prebuild": "prebuildify --napi --strip --target=8.11.2",
                              "test": "mocha"}
    assert latest.has_provenance is False  # the registry signs, no attestation
    assert packument.times is not None and packument.published("4.1.0").year >= 2016
    request = fixture_registry.requests_for("/bufferutil")[0]
    assert request.headers["accept"] == "application/json"


async def test_scoped_name_is_encoded(fixture_registry, registry_config):
    async with RegistryService(registry_config()) as service:
        packument = await service.packument(SCOPED)
        manifest = await service.version_document(SCOPED, "1.1.0")
    assert packument.versions["1.1.0"].has_provenance is True
    assert manifest.publisher.trusted_publisher == "github"
    raw_paths = [r.path for r in fixture_registry.requests]
    assert raw_paths == [f"/{SCOPED}", f"/{SCOPED}/1.1.0"]
    # the request line carried %2f (the server decodes it for routing)
    assert [r.raw_path for r in fixture_registry.requests] == [
        "/@isaacs%2fstring-locale-compare", "/@isaacs%2fstring-locale-compare/1.1.0"]


async def test_abbreviated_and_full_have_separate_cache_keys(fixture_registry, registry_config):
    config = registry_config()
    async with RegistryService(config) as service:
        corgi = await service.abbreviated("left-pad")
        full = await service.packument("left-pad")
    assert corgi.abbreviated and corgi.versions["1.3.0"].scripts is None
    assert corgi.times is None
    assert not full.abbreviated and full.versions["1.3.0"].scripts is not None
    assert full.versions["1.2.0"].deprecated == "use String.prototype.padStart()"
    accepts = [r.headers["accept"] for r in fixture_registry.requests_for("/left-pad")]
    assert "application/vnd.npm.install-v1+json" in accepts[0]
    assert accepts[1] == "application/json"


async def test_retries_429_honouring_retry_after(fixture_registry, registry_config):
    fixture_registry.fail("/left-pad", 429, retry_after="1")
    start = time.monotonic()
    async with RegistryService(registry_config()) as service:
        packument = await service.packument("left-pad")
    elapsed = time.monotonic() - start
    assert packument.name == "left-pad"
    assert len(fixture_registry.requests_for("/left-pad")) == 2
    assert 0.9 <= elapsed < 6.0, elapsed  # waited for Retry-After, not the 30 s cap


async def test_retry_after_is_capped(fixture_registry, registry_config):
    fixture_registry.fail("/left-pad", 503, retry_after="3600")
    start = time.monotonic()
    async with RegistryService(registry_config(retry_after_max=0.2)) as service:
        await service.packument("left-pad")
    assert time.monotonic() - start < 5.0  # not 3600 s


def test_retry_after_http_date():
    now = 1_700_000_000.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:30 GMT", now=now) == pytest.approx(10.0)
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


async def test_500s_retried_then_clear_error(fixture_registry, registry_config):
    fixture_registry.fail("/left-pad", 500, 502, 503, 500, 500)
    async with RegistryService(registry_config(retries=2)) as service:
        with pytest.raises(RegistryError) as caught:
            await service.packument("left-pad")
    message = str(caught.value)
    assert "packument of left-pad" in message
    assert "127.0.0.1" in message and "HTTP 503" in message and "3 attempts" in message
    assert len(fixture_registry.requests_for("/left-pad")) == 3


async def test_network_error_is_retried_then_reported(registry_config, tmp_path):
    config = registry_config(settings={"registry": "http://127.0.0.1:9/"}, retries=1)
    async with RegistryService(config) as service:
        with pytest.raises(RegistryError, match=r"packument of x: 127.0.0.1:9 failed after 2"):
            await service.packument("x")


async def test_missing_package_is_not_found(fixture_registry, registry_config):
    async with RegistryService(registry_config()) as service:
        with pytest.raises(PackageNotFound, match="no-such-package not found on 127.0.0.1"):
            await service.packument("no-such-package")
        with pytest.raises(PackageNotFound, match=r"left-pad@9\.9\.9 not found"):
            await service.version_document("left-pad", "9.9.9")


async def test_malformed_json_is_a_registry_error(fixture_registry, registry_config):
    fixture_registry.malformed("/left-pad")
    async with RegistryService(registry_config()) as service:
        with pytest.raises(RegistryError, match="packument of left-pad: .* sent malformed JSON"):
            await service.packument("left-pad")


async def test_not_an_object_is_a_registry_error(fixture_registry, registry_config):
    fixture_registry.add_packument({"name": "weird", "versions": {}})
    fixture_registry.packuments["weird"] = ["not", "an", "object"]  # type: ignore[assignment]
    async with RegistryService(registry_config()) as service:
        with pytest.raises(RegistryError, match="other than a JSON object"):
            await service.packument("weird")


async def test_truncated_body_is_retried_then_fails(fixture_registry, registry_config):
    fixture_registry.truncate("/left-pad")
    async with RegistryService(registry_config(retries=1)) as service:
        with pytest.raises(RegistryError, match="failed after 2 attempts .*RemoteProtocolError"):
            await service.packument("left-pad")
    assert len(fixture_registry.requests_for("/left-pad")) == 2


@pytest.mark.parametrize("chunked", [False, True])
async def test_size_cap_stops_reading(fixture_registry, registry_config, chunked):
    fixture_registry.oversize("/left-pad", 5_000_000, chunked=chunked)
    async with RegistryService(registry_config(max_document_bytes=200_000)) as service:
        with pytest.raises(RegistryError, match="200000-byte cap"):
            await service.packument("left-pad")
        assert service.client.stats.bytes_received < 1_000_000


async def test_slow_response_times_out(fixture_registry, registry_config):
    fixture_registry.slow("/left-pad", 1.5)
    config = registry_config(read_timeout=0.3, retries=0)
    async with RegistryService(config) as service:
        with pytest.raises(RegistryError, match="ReadTimeout"):
            await service.packument("left-pad")


async def test_etag_revalidation_gives_304(fixture_registry, registry_config):
    config = registry_config(freshness_seconds=0)
    async with RegistryService(config) as service:
        assert await service.prefetch("left-pad") is Origin.FETCHED
    async with RegistryService(config) as service:
        assert await service.prefetch("left-pad") is Origin.REVALIDATED
        packument = await service.packument("left-pad")
    assert packument.dist_tags["latest"] == "1.3.0"
    second = fixture_registry.requests_for("/left-pad")[1]
    assert second.headers["if-none-match"].startswith('"')


async def test_last_modified_revalidation(fixture_registry, registry_config):
    fixture_registry.etag = False
    fixture_registry.last_modified = True
    config = registry_config(freshness_seconds=0)
    async with RegistryService(config) as service:
        await service.prefetch("left-pad")
    async with RegistryService(config) as service:
        assert await service.prefetch("left-pad") is Origin.REVALIDATED
    second = fixture_registry.requests_for("/left-pad")[1]
    assert second.headers["if-modified-since"] == "Wed, 04 Jun 2025 08:30:00 GMT"


async def test_changed_document_replaces_cached_body(fixture_registry, registry_config):
    config = registry_config(freshness_seconds=0)
    async with RegistryService(config) as service:
        await service.packument("left-pad")
    fixture_registry.packuments["left-pad"]["dist-tags"]["latest"] = "1.2.0"
    async with RegistryService(config) as service:
        assert await service.prefetch("left-pad") is Origin.FETCHED
        assert (await service.packument("left-pad")).dist_tags["latest"] == "1.2.0"


async def test_fresh_cache_makes_no_request(fixture_registry, registry_config):
    config = registry_config()
    async with RegistryService(config) as service:
        await service.packument("left-pad")
    async with RegistryService(config) as service:
        assert await service.prefetch("left-pad") is Origin.CACHE
        packument = await service.packument("left-pad")
    assert packument.versions["1.3.0"].integrity.startswith("sha512-")
    assert len(fixture_registry.requests_for("/left-pad")) == 1


async def test_stale_after_freshness_window(fixture_registry, registry_config):
    config = registry_config(freshness_seconds=300)
    async with RegistryService(config) as service:
        await service.packument("left-pad")
    later = time.time() + 301
    async with RegistryService(config, clock=lambda: later) as service:
        assert await service.prefetch("left-pad") is Origin.REVALIDATED


async def test_offline_serves_cache_and_names_what_is_missing(fixture_registry,
                                                              registry_config):
    async with RegistryService(registry_config()) as service:
        await service.packument("left-pad")
    before = len(fixture_registry.requests)
    async with RegistryService(registry_config(offline=True)) as service:
        assert (await service.packument("left-pad")).name == "left-pad"
        with pytest.raises(OfflineMiss, match=r"packument of bufferutil is not in the cache"):
            await service.packument("bufferutil")
        with pytest.raises(OfflineMiss, match=r"version document of left-pad@1\.3\.0"):
            await service.version_document("left-pad", "1.3.0")
    assert len(fixture_registry.requests) == before


async def test_concurrent_requests_for_one_document_share_a_fetch(fixture_registry,
                                                                  registry_config):
    import asyncio

    fixture_registry.slow("/left-pad", 0.2)
    async with RegistryService(registry_config()) as service:
        results = await asyncio.gather(*(service.packument("left-pad") for _ in range(5)))
    assert {r.name for r in results} == {"left-pad"}
    assert len(fixture_registry.requests_for("/left-pad")) == 1


async def test_tarball_verified_from_lockfile_integrity(fixture_registry, registry_config):
    async with RegistryService(registry_config()) as service:
        manifest = await service.version_document("left-pad", "1.3.0")
        tarball = await service.tarball("left-pad", "1.3.0", manifest.integrity)
        assert "index.js" in tarball.files()
        assert '"name": "left-pad"' in tarball.read_text("package.json")
        wrong = "sha512-" + "A" * 86 + "=="
        with pytest.raises(IntegrityError, match="expected sha512-AAAA.*got sha512-XI5M"):
            await service.tarball("left-pad", "1.3.0", wrong)


async def test_tarball_without_lockfile_integrity_uses_registry_dist(fixture_registry,
                                                                    registry_config):
    async with RegistryService(registry_config()) as service:
        tarball = await service.tarball(SCOPED, "1.1.0", None)
    assert tarball.verified_with == "sha512"
    assert "index.js" in tarball.files()


async def test_bulk_advisories_unavailable_is_none(fixture_registry, registry_config):
    async with RegistryService(registry_config()) as service:
        assert await service.bulk_advisories({"left-pad": ["1.3.0"]}) is None
    fixture_registry.advisories = {"left-pad": [{"id": 1, "severity": "high",
                                                 "vulnerable_versions": "<2"}]}
    async with RegistryService(registry_config()) as service:
        answer = await service.bulk_advisories({"left-pad": ["1.3.0"]})
    assert answer["left-pad"][0]["severity"] == "high"
    post = [r for r in fixture_registry.requests if r.method == "POST"][-1]
    assert post.body == b'{"left-pad": ["1.3.0"]}'


async def test_version_document_by_kind_key(fixture_registry, registry_config):
    async with RegistryService(registry_config()) as service:
        body, origin = await service.document(DocKind.VERSION, "left-pad", "1.3.0")
    assert origin is Origin.FETCHED and b'"versions":{"1.3.0":{' in body


async def test_verified_tarballs_are_cached_and_rechecked(fixture_registry, registry_config):
    config = registry_config()
    path = "/left-pad/-/left-pad-1.3.0.tgz"
    async with RegistryService(config) as service:
        integrity = (await service.version_document("left-pad", "1.3.0")).integrity
        await service.tarball("left-pad", "1.3.0", integrity)
    async with RegistryService(registry_config(offline=True)) as service:
        tarball = await service.tarball("left-pad", "1.3.0", integrity)
        assert "index.js" in tarball.files()
        with pytest.raises(OfflineMiss, match="tarball of bufferutil@4.1.0 is not in the cache"):
            await service.tarball("bufferutil", "4.1.0", "sha512-" + "B" * 86 + "==",
                                  url=fixture_registry.tarball_url("bufferutil", "4.1.0"))
    assert len(fixture_registry.requests_for(path)) == 1
    # a tampered cache entry fails verification, is dropped and fetched again
    async with RegistryService(config) as service:
        service.cache.store_blob(f"tarball:{integrity}", b"tampered")
        tarball = await service.tarball("left-pad", "1.3.0", integrity)
        assert tarball.verified_with == "sha512"
    assert len(fixture_registry.requests_for(path)) == 2


async def test_cached_tarball_needs_no_document(fixture_registry, registry_config):
    """With the lockfile's integrity, a cached tarball is read without the version document
    (warm `report`/`check` at 10,000 packages), and offline a miss says "tarball"."""
    integrity = None
    async with RegistryService(registry_config()) as service:
        integrity = (await service.version_document("left-pad", "1.3.0")).integrity
        await service.tarball("left-pad", "1.3.0", integrity)
    before = len(fixture_registry.requests)
    async with RegistryService(registry_config()) as service:
        service.cache.drop(f"{DocKind.VERSION}:{service.config.document_url('left-pad', '1.3.0')}")
        tarball = await service.tarball("left-pad", "1.3.0", integrity)
        assert '"name": "left-pad"' in tarball.read_text("package.json")
    assert len(fixture_registry.requests) == before  # neither the document nor the tarball
    async with RegistryService(registry_config(offline=True)) as service:
        with pytest.raises(OfflineMiss, match="tarball of bufferutil@4.1.0 is not in the cache"):
            await service.tarball("bufferutil", "4.1.0", "sha512-" + "B" * 86 + "==")


async def test_missing_tarball_is_not_asked_again_within_the_hour(fixture_registry,
                                                                   registry_config):
    path = "/left-pad/-/left-pad-1.3.0.tgz"
    url = fixture_registry.tarball_url("left-pad", "1.3.0")
    fixture_registry.fail(path, 404, 404, 404)
    now = [1_000_000.0]

    async def fetch(**options: object) -> None:
        async with RegistryService(registry_config(**options), clock=lambda: now[0]) as service:
            integrity = (await service.version_document("left-pad", "1.3.0")).integrity
            await service.tarball("left-pad", "1.3.0", integrity, url)

    for _ in range(2):
        with pytest.raises(PackageNotFound):
            await fetch()
    assert len(fixture_registry.requests_for(path)) == 1  # the second run remembered the 404
    with pytest.raises(PackageNotFound):
        await fetch(refresh=True)  # --refresh asks again
    assert len(fixture_registry.requests_for(path)) == 2
    now[0] += 3601  # an hour later: asked again (and the registry has it now)
    fixture_registry.faults.clear()
    await fetch()
    assert len(fixture_registry.requests_for(path)) == 3
    await fetch()  # from the tarball cache
    assert len(fixture_registry.requests_for(path)) == 3


async def test_registry_ignoring_corgi_accept_gives_a_full_document(fixture_registry,
                                                                   registry_config):
    fixture_registry.corgi = False  # like the mirror: the full document as application/json
    async with RegistryService(registry_config()) as service:
        packument = await service.abbreviated("left-pad")
    assert not packument.abbreviated
    assert packument.versions["1.3.0"].scripts == {"test": "node test",
                                                   "bench": "node perf/perf.js"}
