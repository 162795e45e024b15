"""The disk cache: corrupt and poisoned caches are discarded, never fatal, never unpickled."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from reviewer.registry.cache import CacheRecord, MetadataCache, body_digest
from reviewer.registry.service import Origin, RegistryService


def test_store_and_read_back(tmp_path: Path):
    cache = MetadataCache(tmp_path)
    cache.store("full:u", b'{"a":1}', CacheRecord(10.0, '"e"', None, 7))
    again = MetadataCache(tmp_path)
    assert again.body("full:u") == b'{"a":1}'
    # the record carries the body's digest (computed when stored)
    assert again.record("full:u") == CacheRecord(10.0, '"e"', None, 7, body_digest(b'{"a":1}'))
    assert again.info().documents == 1
    cleared = again.clear()
    assert cleared.documents == 1 and not (tmp_path / "metadata-v2").exists()
    assert tmp_path.exists()  # only our subdirectory is removed


def test_large_bodies_round_trip(tmp_path: Path):
    cache = MetadataCache(tmp_path)
    body = b'{"x":"' + b"y" * 200_000 + b'"}'
    cache.store("full:big", body, CacheRecord(1.0))
    assert MetadataCache(tmp_path).body("full:big") == body


def _corrupt(cache_root: Path) -> None:
    db = cache_root / "metadata-v2" / "cache.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"this is not a sqlite database at all" * 100)


async def test_corrupt_cache_is_rebuilt_with_one_warning(fixture_registry, registry_config,
                                                         tmp_path):
    config = registry_config()
    async with RegistryService(config) as service:
        await service.packument("left-pad")
    _corrupt(config.cache_dir)
    warnings: list[str] = []
    async with RegistryService(config, warn=warnings.append) as service:
        assert await service.prefetch("left-pad") is Origin.FETCHED
        assert (await service.packument("bufferutil")).name == "bufferutil"
    assert len(warnings) == 1 and "discarded and rebuilt" in warnings[0]
    async with RegistryService(config) as service:
        assert await service.prefetch("left-pad") is Origin.CACHE


def test_pickled_rows_are_never_unpickled(tmp_path: Path):
    cache = MetadataCache(tmp_path)
    cache.store("full:u", b"{}", CacheRecord(1.0))
    cache.close()

    class Boom:
        def __reduce__(self):
            return (Path.touch, (tmp_path / "PWNED",))

    db = sqlite3.connect(tmp_path / "metadata-v2" / "cache.db")
    db.execute("UPDATE Cache SET mode = 4, value = ? WHERE key = ?",
               (pickle.dumps(Boom()), "body:full:u"))
    db.commit()
    db.close()
    warnings: list[str] = []
    poisoned = MetadataCache(tmp_path, warn=warnings.append)
    assert poisoned.body("full:u") is None
    assert not (tmp_path / "PWNED").exists()
    assert warnings and "discarded and rebuilt" in warnings[0]


def test_file_names_outside_the_cache_are_refused(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"private")
    cache = MetadataCache(tmp_path / "c")
    cache.store("full:u", b"x" * 100_000, CacheRecord(1.0))  # stored as a file
    cache.close()
    db = sqlite3.connect(tmp_path / "c" / "metadata-v2" / "cache.db")
    db.execute("UPDATE Cache SET filename = ? WHERE key = ?", ("../../secret.txt", "body:full:u"))
    db.commit()
    db.close()
    assert MetadataCache(tmp_path / "c").body("full:u") is None
    assert secret.read_bytes() == b"private"


def test_unwritable_cache_location_is_not_fatal(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    warnings: list[str] = []
    cache = MetadataCache(blocker, warn=warnings.append)
    cache.store("k", b"v", CacheRecord(1.0))
    assert cache.body("k") is None
    assert any("disabled" in w for w in warnings)


def test_info_of_missing_cache(tmp_path: Path):
    info = MetadataCache(tmp_path / "none").info()
    assert info.documents == 0 and info.size_bytes == 0


@pytest.mark.parametrize("text", ["not json", '{"t": "x"}', "[]"])
def test_bad_records_are_misses(tmp_path: Path, text: str):
    cache = MetadataCache(tmp_path)
    cache.store("k", b"{}", CacheRecord(1.0))
    cache._open().set("meta:k", text)
    assert cache.record("k") is None
