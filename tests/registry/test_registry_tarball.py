"""Hostile tarballs built in the test: listed, never followed; caps; integrity first."""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile

import pytest
from servers.verdaccio import build_tarball, integrity_of

from reviewer.errors import IntegrityError, TarballError
from reviewer.registry.tarball import TarballLimits, decode_text, open_tarball


def _tgz(members: list[tuple[tarfile.TarInfo, bytes | None]]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as archive:
        for info, data in members:
            if data is not None:
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            else:
                archive.addfile(info)
    return raw.getvalue()


def _info(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    return info


def _open(data: bytes, **limits: int):
    integrity, _ = integrity_of(data)
    return open_tarball(data, integrity, limits=TarballLimits(**limits) if limits else
                        TarballLimits())


def test_normal_package_strips_top_directory():
    data = build_tarball({"package.json": '{"name":"x"}', "lib/a.js": "1"})
    tarball = _open(data)
    assert [e.path for e in tarball.entries] == ["package.json", "lib/a.js"]
    assert all(e.unsafe is None for e in tarball.entries)
    assert tarball.read_text("lib/a.js") == "1"
    with pytest.raises(KeyError):
        tarball.read_bytes("package/lib/a.js")


def test_any_single_top_directory_is_stripped():
    data = build_tarball({"index.d.ts": "export {}"}, top="node")
    assert _open(data).files() == ["index.d.ts"]


def test_hostile_entries_are_listed_not_followed():
    data = _tgz([
        (_info("package/../../etc/passwd"), b"root:x:0:0"),
        (_info("/abs/evil.sh"), b"#!/bin/sh"),
        (_info("package/link", tarfile.SYMTYPE, "/etc/shadow"), None),
        (_info("package/hard", tarfile.LNKTYPE, "package/../../x"), None),
        (_info("package/dev", tarfile.CHRTYPE), None),
        (_info("package/fifo", tarfile.FIFOTYPE), None),
        (_info("loose.txt"), b"outside"),
        (_info("package\\..\\..\\win.txt"), b"w"),
        (_info("package/ok.js"), b"ok"),
    ])
    tarball = _open(data)
    reasons = {e.path: (e.kind, e.unsafe) for e in tarball.entries}
    assert reasons["../../etc/passwd"] == ("file", "path goes up with `..`")
    assert reasons["evil.sh"] == ("file", "absolute path")
    assert reasons["link"][0] == "symlink" and "'/etc/shadow'" in reasons["link"][1]
    assert reasons["hard"][0] == "hardlink"
    assert reasons["dev"] == ("device", "device entry")
    assert reasons["fifo"] == ("fifo", "fifo entry")
    assert reasons["loose.txt"][1] == "outside the package directory"
    assert reasons["../../win.txt"][1] == "path goes up with `..`"
    assert reasons["ok.js"] == ("file", None)
    assert {e.path for e in tarball.unsafe_entries} == set(reasons) - {"ok.js"}
    with pytest.raises(KeyError):
        tarball.read_bytes("link")  # links have no content and are never followed
    assert tarball.read_bytes("../../etc/passwd") == b"root:x:0:0"  # read in memory only


def test_decompression_bomb_is_stopped():
    bomb = io.BytesIO()
    with tarfile.open(fileobj=bomb, mode="w:gz") as archive:
        info = tarfile.TarInfo("package/zeros")
        info.size = 50 * 1024 * 1024
        archive.addfile(info, io.BytesIO(bytes(info.size)))
    data = bomb.getvalue()
    assert len(data) < 200_000
    with pytest.raises(TarballError, match="decompression bomb"):
        _open(data, uncompressed_bytes=5 * 1024 * 1024)


def test_compressed_size_cap_checked_before_anything():
    data = build_tarball({"a.js": "x" * 1000})
    with pytest.raises(TarballError, match="over the 100 cap"):
        open_tarball(data, "sha512-wrong", limits=TarballLimits(compressed_bytes=100))


def test_too_many_entries():
    data = build_tarball({f"f{i}.js": "" for i in range(50)})
    with pytest.raises(TarballError, match="more than 20 entries"):
        _open(data, entries=20)


def test_integrity_mismatch_names_both_hashes_and_reads_nothing():
    data = build_tarball({"a.js": "1"})
    other = build_tarball({"a.js": "2"})
    expected, _ = integrity_of(other)
    actual, _ = integrity_of(data)
    with pytest.raises(IntegrityError) as caught:
        open_tarball(data, expected)
    assert expected in str(caught.value) and actual in str(caught.value)


def test_sha1_integrity_and_shasum_fallback():
    data = build_tarball({"a.js": "1"})
    import base64

    sha1_sri = "sha1-" + base64.b64encode(hashlib.sha1(data).digest()).decode()
    assert open_tarball(data, sha1_sri).verified_with == "sha1"
    assert open_tarball(data, None, hashlib.sha1(data).hexdigest()).verified_with == "sha1"
    with pytest.raises(IntegrityError, match="shasum mismatch: expected 00"):
        open_tarball(data, None, "00" * 20)
    with pytest.raises(IntegrityError, match="no integrity or shasum"):
        open_tarball(data, None, None)
    with pytest.raises(IntegrityError, match="unsupported integrity"):
        open_tarball(data, "md5-abc")


def test_strongest_algorithm_wins():
    data = build_tarball({"a.js": "1"})
    good, _ = integrity_of(data)
    import base64

    bad_sha1 = "sha1-" + base64.b64encode(b"x" * 20).decode()
    assert open_tarball(data, f"{bad_sha1} {good}").verified_with == "sha512"


def test_not_gzip_or_not_tar():
    garbage = b"\x1f\x8b" + b"garbage" * 20
    with pytest.raises(TarballError, match="not valid gzip"):
        _open(garbage)
    not_tar = gzip.compress(b"hello world, not a tar" * 40)
    with pytest.raises(TarballError, match="not a valid tar"):
        _open(not_tar)


def test_text_decoding_fallbacks():
    assert decode_text("héllo".encode()) == "héllo"
    assert decode_text(b"\xef\xbb\xbfbom") == "bom"
    assert decode_text("ütf16".encode("utf-16")) == "ütf16"
    assert decode_text(b"caf\xe9") == "café"
