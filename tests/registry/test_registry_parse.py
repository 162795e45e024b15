"""Raw JSON -> typed documents: hostile input never raises beyond RegistryError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.errors import RegistryError
from reviewer.registry.parse import compact_document, parse_packument, parse_version

DATA = Path(__file__).resolve().parent.parent / "data" / "registry"


def _doc(name: str, folder: str = "documents") -> dict:
    return json.loads((DATA / folder / f"{name}.json").read_text())


def test_mirror_document_has_unknown_times_provenance_and_publishers():
    packument = parse_packument(_doc("left-pad", "recorded"))
    assert packument.times is None  # no created/modified: synthetic mirror times
    manifest = packument.versions["1.3.0"]
    assert manifest.has_provenance is None and manifest.trusted is None
    assert manifest.publisher is None
    assert packument.maintainers is None


def test_public_registry_document():
    packument = parse_packument(_doc("@isaacs__string-locale-compare"))
    assert packument.times is not None and "1.1.0" in packument.times
    assert packument.modified is not None
    signed_only = packument.versions["1.0.1"]
    assert signed_only.has_provenance is False and signed_only.trusted is False
    attested = packument.versions["1.1.0"]
    assert attested.has_provenance is True and attested.trusted is True
    assert attested.publisher.trusted_publisher == "github"
    assert [m.name for m in packument.maintainers] == ["isaacs"]


def test_compact_form_parses_to_the_same_documents():
    for name in ("left-pad", "bufferutil", "@isaacs__string-locale-compare"):
        raw = _doc(name)
        compact = compact_document(raw, abbreviated=False)
        assert "readme" not in compact
        original, again = parse_packument(raw), parse_packument(json.loads(json.dumps(compact)))
        assert original.times == again.times and original.dist_tags == again.dist_tags
        assert original.maintainers == again.maintainers
        for version in original.versions:
            assert original.versions[version] == again.versions[version], version


def test_compact_keeps_signing_evidence_across_versions():
    raw = _doc("bufferutil")
    for manifest in list(raw["versions"].values())[1:]:
        del manifest["dist"]["signatures"]
    compact = compact_document(raw, abbreviated=False)
    packument = parse_packument(compact)
    # one version shows the registry signs, so no attestation elsewhere is "False"
    assert packument.versions["4.1.0"].has_provenance is False


@pytest.mark.parametrize("bad", [None, [], "text", 12, True])
def test_not_an_object_raises_registry_error(bad):
    with pytest.raises(RegistryError):
        parse_packument(bad, name="x")


def test_wrong_types_become_unknown():
    raw = {
        "name": "hostile",
        "dist-tags": ["latest"],
        "time": {"created": "yesterday", "modified": 5, "1.0.0": "2020-01-01T00:00:00Z",
                 "2.0.0": {"x": 1}},
        "maintainers": "not a list",
        "versions": {
            "1.0.0": {
                "scripts": {"postinstall": ["rm", "-rf"], "test": "ok"},
                "dependencies": ["a"], "maintainers": [{"email": "no-name"}, "Ann <a@x.y>", 5],
                "_npmUser": {"name": 7}, "dist": "nope", "deprecated": True,
                "hasInstallScript": "yes", "bin": 5, "os": "linux", "cpu": [1, "x64"],
                "license": {"type": "MIT"}, "repository": {"url": "git+https://x/y.git"},
                "bundleDependencies": True, "fileCount": "many",
            },
            "2.0.0": "not a manifest",
            "3.0.0": {"dist": {"attestations": {"url": "u"}, "fileCount": -1}},
        },
    }
    packument = parse_packument(raw)
    assert packument.dist_tags == {}
    assert packument.maintainers is None
    assert set(packument.times) == {"1.0.0"}
    assert "2.0.0" not in packument.versions
    v1 = packument.versions["1.0.0"]
    assert v1.scripts == {"test": "ok"}
    assert v1.dependencies == {}
    assert [(m.name, m.email) for m in v1.maintainers] == [("Ann", "a@x.y")]
    assert v1.publisher is None and v1.deprecated is None and v1.has_install_script is None
    # 3.0.0 shows the registry attests, so 1.0.0 (no dist) has no provenance: False
    assert v1.integrity is None and v1.has_provenance is False
    assert v1.os == ("linux",) and v1.cpu == ("x64",) and v1.bin == {}
    assert v1.license == "MIT" and v1.repository == "git+https://x/y.git"
    v3 = packument.versions["3.0.0"]
    assert v3.has_provenance is True and v3.file_count is None


def test_version_document_and_string_forms():
    manifest = parse_version({
        "name": "@s/p", "version": "1.0.0", "bin": "cli.js",
        "_npmUser": "Bob Smith <bob@x.y> (https://bob.example)",
        "dist": {"signatures": [{"keyid": "k", "sig": "s"}]},
    })
    assert manifest.bin == {"p": "cli.js"}
    assert manifest.publisher.name == "Bob Smith" and manifest.publisher.email == "bob@x.y"
    assert manifest.has_provenance is False
    with pytest.raises(RegistryError):
        parse_version({"dist": {}})


def test_abbreviated_document_has_no_scripts():
    raw = {"name": "a", "modified": "2024-05-01T10:00:00.000Z", "dist-tags": {"latest": "1.0.0"},
           "versions": {"1.0.0": {"name": "a", "version": "1.0.0", "hasInstallScript": True,
                                  "dist": {"tarball": "t"}}}}
    packument = parse_packument(raw, abbreviated=True)
    assert packument.abbreviated and packument.times is None
    assert packument.modified.year == 2024
    manifest = packument.versions["1.0.0"]
    assert manifest.scripts is None and manifest.has_install_script is True
