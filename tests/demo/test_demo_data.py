"""The bundled demo data itself: lockfile shape, tarballs, packuments, every planted story."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import tarfile
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from reviewer.demo.archive import ARCHIVE_NAME, DemoArchive

ARCHIVE = DemoArchive.bundled()
MAX_BUNDLE_BYTES = 5 * 1024 * 1024


class ArchivePath:
    """A path inside the demo data archive (`PROJECT / "package.json"`)."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __truediv__(self, name: str) -> ArchivePath:
        return ArchivePath(f"{self.path}/{name}")

    def read_bytes(self) -> bytes:
        return ARCHIVE.read_bytes(self.path)

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)


PROJECT = ArchivePath("project")
REGISTRY = ArchivePath("registry")


def _json(path: ArchivePath) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lock() -> dict[str, Any]:
    return _json(PROJECT / "package-lock.json")


@pytest.fixture(scope="module")
def index() -> dict[str, Any]:
    return _json(REGISTRY / "index.json")


def packument(index: dict[str, Any], name: str) -> dict[str, Any]:
    return _json(REGISTRY / index["packuments"][name])


def lock_entry(lock: dict[str, Any], name: str) -> dict[str, Any]:
    return lock["packages"][f"node_modules/{name}"]


def tar_files(data: bytes) -> dict[str, str]:
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(data)), mode="r:") as tar:
        return {
            m.name: tar.extractfile(m).read().decode("utf-8")  # type: ignore[union-attr]
            for m in tar.getmembers()
            if m.isfile()
        }


def test_bundle_is_small() -> None:
    archive = Path(str(files("reviewer.demo"))) / ARCHIVE_NAME
    assert 100_000 < archive.stat().st_size < MAX_BUNDLE_BYTES
    assert 1_000_000 < sum(len(data) for data in ARCHIVE.files.values())


def test_lockfile_is_v3_with_a_large_tree(lock: dict[str, Any]) -> None:
    assert lock["lockfileVersion"] == 3
    packages = lock["packages"]
    assert len(packages) - 1 >= 300
    root = packages[""]
    manifest = _json(PROJECT / "package.json")
    assert root["dependencies"] == manifest["dependencies"]
    assert root["devDependencies"] == manifest["devDependencies"]
    for path, entry in packages.items():
        if path:
            assert entry["resolved"].startswith("https://registry.npmjs.org/"), path
            assert entry["integrity"].startswith("sha512-"), path


def test_every_locked_name_has_a_packument_with_its_version(lock: dict[str, Any], index: dict[str, Any]) -> None:
    for path, entry in lock["packages"].items():
        if not path:
            continue
        name = path.rsplit("node_modules/", 1)[-1]
        document = packument(index, name)
        manifest = document["versions"][entry["version"]]
        assert manifest["dist"]["integrity"] == entry["integrity"], path
        assert {"created", "modified", entry["version"]} <= set(document["time"])
        assert manifest["_npmUser"]["name"] and manifest["maintainers"]


def test_every_bundled_tarball_matches_lockfile_and_packument(lock: dict[str, Any], index: dict[str, Any]) -> None:
    assert len(index["tarballs"]) >= 9
    for key, entry in index["tarballs"].items():
        name, version = key.rsplit("@", 1)
        data = (REGISTRY / entry["file"]).read_bytes()
        integrity = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
        assert integrity == entry["integrity"]
        dist = packument(index, name)["versions"][version]["dist"]
        assert dist["integrity"] == integrity and dist["shasum"] == hashlib.sha1(data).hexdigest()
        locked = lock["packages"].get(f"node_modules/{name}")
        if locked is not None and locked["version"] == version:
            assert locked["integrity"] == integrity
        contents = tar_files(data)
        assert all(path.startswith("package/") for path in contents)
        assert json.loads(contents["package/package.json"])["version"] == version
        assert dist["fileCount"] == len(contents)


def test_maintainer_takeover_story(lock: dict[str, Any], index: dict[str, Any]) -> None:
    assert index["stories"]["maintainer-takeover"] == "tiny-json-merge@1.3.2"
    assert lock_entry(lock, "tiny-json-merge")["version"] == "1.3.2"
    assert lock_entry(lock, "tiny-json-merge")["hasInstallScript"] is True
    versions = packument(index, "tiny-json-merge")["versions"]
    earlier = {v["_npmUser"]["name"] for k, v in versions.items() if k != "1.3.2"}
    assert versions["1.3.2"]["_npmUser"]["name"] not in earlier
    assert {m["name"] for m in versions["1.3.2"]["maintainers"]} > {m["name"] for m in versions["1.3.1"]["maintainers"]}
    assert "postinstall" not in versions["1.3.1"].get("scripts", {})
    assert versions["1.3.2"]["scripts"]["postinstall"] == "node scripts/setup.js"
    script = tar_files((REGISTRY / index["tarballs"]["tiny-json-merge@1.3.2"]["file"]).read_bytes())[
        "package/scripts/setup.js"
    ]
    for needle in ("https.request", "process.env", "NPM_TOKEN", ".npmrc", "writeFileSync", "spawn(", "203.0.113.47"):
        assert needle in script, needle
    previous = tar_files((REGISTRY / index["tarballs"]["tiny-json-merge@1.3.1"]["file"]).read_bytes())
    assert "package/scripts/setup.js" not in previous


def test_trust_downgrade_story(index: dict[str, Any]) -> None:
    versions = packument(index, "@swiftkit/logger")["versions"]
    assert versions["3.2.0"]["dist"]["attestations"]["provenance"]["predicateType"] == "https://slsa.dev/provenance/v1"
    assert versions["3.2.0"]["_npmUser"]["trustedPublisher"]["id"] == "github"
    assert "attestations" not in versions["3.2.1"]["dist"]
    assert "trustedPublisher" not in versions["3.2.1"]["_npmUser"]
    assert versions["3.2.1"]["dist"]["signatures"]


def test_typosquat_is_transitive(lock: dict[str, Any]) -> None:
    root = lock["packages"][""]
    assert "crossenv" not in root["dependencies"] and "crossenv" not in root["devDependencies"]
    assert "crossenv" in lock_entry(lock, "env-config-loader")["dependencies"]
    assert "env-config-loader" in root["dependencies"]


def test_deprecations_have_messages(lock: dict[str, Any], index: dict[str, Any]) -> None:
    for name in ("env-config-loader", "inflight"):
        version = lock_entry(lock, name)["version"]
        message = packument(index, name)["versions"][version]["deprecated"]
        assert isinstance(message, str) and len(message) > 20


def test_native_module_has_binding_gyp_and_no_install_script(index: dict[str, Any]) -> None:
    manifest = packument(index, "hashwire-native")["versions"]["2.1.0"]
    assert manifest["gypfile"] is True
    assert "install" not in manifest.get("scripts", {}) and "preinstall" not in manifest.get("scripts", {})
    contents = tar_files((REGISTRY / index["tarballs"]["hashwire-native@2.1.0"]["file"]).read_bytes())
    assert "package/binding.gyp" in contents and "package/src/hashwire.cc" in contents


def test_advisory_report_covers_locked_versions(lock: dict[str, Any]) -> None:
    report = _json(PROJECT / "audit.json")
    assert report["auditReportVersion"] == 2
    vulns = report["vulnerabilities"]
    assert set(vulns) >= {"webpack-dev-server", "postcss", "resolve-url-loader"}
    for vuln in vulns.values():
        for node in vuln["nodes"]:
            assert node in lock["packages"]
    assert vulns["postcss"]["nodes"] == ["node_modules/resolve-url-loader/node_modules/postcss"]
    assert lock["packages"]["node_modules/resolve-url-loader/node_modules/postcss"]["version"].startswith("7.")
    assert report["metadata"]["vulnerabilities"]["total"] == len(vulns)
    assert report["metadata"]["dependencies"]["total"] == len(lock["packages"]) - 1


def test_platform_binaries_are_optional_with_os_and_cpu(lock: dict[str, Any]) -> None:
    linux = lock_entry(lock, "@quickbuild/linux-x64")
    assert linux["os"] == ["linux"] and linux["cpu"] == ["x64"]
    assert linux.get("dev") and linux.get("optional")
    assert lock_entry(lock, "@quickbuild/core")["hasInstallScript"] is True


def test_most_packages_have_no_install_script(lock: dict[str, Any]) -> None:
    with_scripts = [p for p, e in lock["packages"].items() if e.get("hasInstallScript")]
    assert 3 <= len(with_scripts) <= 10
