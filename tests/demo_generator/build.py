"""Deterministic builders for the demo's tarballs and packuments (used by the generator)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import random
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from demo_generator.stories import REGISTRY_SIGNING_KEY, PlantedPackage, PlantedVersion

REGISTRY_URL = "https://registry.npmjs.org/"
NPM_TAR_MTIME = 499162500
"""1985-10-26T08:15:00Z: the fixed mtime npm writes into every packed tarball."""
EXECUTABLE_PREFIXES = ("bin/",)

Json = dict[str, Any]


def iso(moment: datetime) -> str:
    """The registry's time format: UTC, milliseconds, `Z`."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def at(anchor: datetime, days_ago: float, jitter_key: str | None = None) -> datetime:
    """`days_ago` days before `anchor`; with `jitter_key`, up to a minute earlier (stable per
    key) so that hand-written ages do not all land on whole minutes."""
    moment = anchor - timedelta(days=days_ago)
    if jitter_key is not None:
        digest = hashlib.sha256(jitter_key.encode()).digest()
        moment -= timedelta(milliseconds=int.from_bytes(digest[:4], "big") % 60_000)
    return moment


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def tarball_url(name: str, version: str) -> str:
    return f"{REGISTRY_URL}{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"


def file_stem(name: str) -> str:
    """A file-system-safe stem for a package name (`@scope/pkg` -> `@scope+pkg`)."""
    return name.replace("/", "+")


def pack(files: dict[str, str]) -> bytes:
    """A .tgz like `npm pack` makes: `package/` prefix, fixed mtime, sorted entries."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for path in sorted(files):
            data = files[path].encode("utf-8")
            info = tarfile.TarInfo("package/" + path)
            info.size = len(data)
            info.mtime = NPM_TAR_MTIME
            info.mode = 0o755 if path.startswith(EXECUTABLE_PREFIXES) else 0o644
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def fake_bytes(seed: str, size: int) -> bytes:
    """Deterministic stand-in bytes (integrity of versions whose tarball is not bundled)."""
    out = b""
    counter = 0
    while len(out) < size:
        out += hashlib.sha512(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return out[:size]


def fake_signature(seed: str) -> str:
    return "MEUCIQ" + base64.b64encode(fake_bytes("sig:" + seed, 66)).decode("ascii")[:90]


@dataclass(frozen=True, slots=True)
class BuiltTarball:
    data: bytes
    integrity: str
    shasum: str
    file_count: int
    unpacked_size: int


def package_json(package: PlantedPackage, version: PlantedVersion) -> Json:
    manifest: Json = {
        "name": package.name,
        "version": version.version,
        "description": package.description,
    }
    manifest.update(version.extra)
    if version.scripts:
        manifest["scripts"] = dict(version.scripts)
    if package.keywords:
        manifest["keywords"] = list(package.keywords)
    manifest["license"] = package.license
    manifest["repository"] = {"type": "git", "url": package.repository}
    if version.dependencies:
        manifest["dependencies"] = dict(version.dependencies)
    if version.optional_dependencies:
        manifest["optionalDependencies"] = dict(version.optional_dependencies)
    return manifest


def build_tarball(package: PlantedPackage, version: PlantedVersion) -> BuiltTarball | None:
    if version.files is None:
        return None
    files = dict(version.files)
    files["package.json"] = json.dumps(package_json(package, version), indent=2) + "\n"
    data = pack(files)
    return BuiltTarball(
        data=data,
        integrity=sri_sha512(data),
        shasum=hashlib.sha1(data).hexdigest(),
        file_count=len(files),
        unpacked_size=sum(len(text.encode("utf-8")) for text in files.values()),
    )


def _people(names: tuple[str, ...], emails: dict[str, str]) -> list[Json]:
    return [{"name": n, "email": emails.get(n, f"{n}@users.example")} for n in names]


def dist_block(name: str, version: str, built: BuiltTarball | None, integrity: str | None, seed: str) -> Json:
    if built is not None:
        dist: Json = {
            "integrity": built.integrity,
            "shasum": built.shasum,
            "tarball": tarball_url(name, version),
            "fileCount": built.file_count,
            "unpackedSize": built.unpacked_size,
        }
    else:
        stand_in = fake_bytes(f"{seed}:{name}@{version}", 4096)
        dist = {
            "integrity": integrity or sri_sha512(stand_in),
            "tarball": tarball_url(name, version),
        }
        if integrity is None:
            dist["shasum"] = hashlib.sha1(stand_in).hexdigest()
    dist["signatures"] = [{"keyid": REGISTRY_SIGNING_KEY, "sig": fake_signature(f"{seed}:{name}@{version}")}]
    return dist


def _attestations(name: str, version: str) -> Json:
    escaped = name.replace("/", "%2f")
    return {
        "url": f"{REGISTRY_URL}-/npm/v1/attestations/{escaped}@{version}",
        "provenance": {"predicateType": "https://slsa.dev/provenance/v1"},
    }


def planted_packument(
    package: PlantedPackage,
    built: dict[str, BuiltTarball | None],
    anchor: datetime,
    emails: dict[str, str],
    seed: str,
) -> Json:
    versions: Json = {}
    times: Json = {}
    for version in package.versions:
        manifest = package_json(package, version)
        manifest["_id"] = f"{package.name}@{version.version}"
        manifest["gitHead"] = hashlib.sha1(f"{seed}:{manifest['_id']}".encode()).hexdigest()
        manifest["_nodeVersion"] = "20.18.1" if version.provenance else "22.11.0"
        manifest["_npmVersion"] = "10.8.2" if version.provenance else "10.9.0"
        manifest["_npmUser"] = dict(version.publisher)
        manifest["maintainers"] = _people(version.maintainers, emails)
        manifest["directories"] = {}
        manifest["_hasShrinkwrap"] = False
        if version.deprecated:
            manifest["deprecated"] = version.deprecated
        dist = dist_block(package.name, version.version, built.get(version.version), None, seed)
        if version.provenance:
            dist["attestations"] = _attestations(package.name, version.version)
        manifest["dist"] = dist
        versions[version.version] = manifest
        times[version.version] = iso(at(anchor, version.days_ago, f"{seed}:{manifest['_id']}"))
    oldest = max(v.days_ago for v in package.versions)
    newest = min(v.days_ago for v in package.versions)
    latest = package.versions[-1]
    return {
        "_id": package.name,
        "_rev": f"{len(package.versions) + 3}-{hashlib.md5(f'{seed}:{package.name}'.encode()).hexdigest()}",
        "name": package.name,
        "dist-tags": {"latest": latest.version},
        "versions": versions,
        "time": {"created": iso(at(anchor, oldest + 0.01)), "modified": iso(at(anchor, newest - 0.001)), **times},
        "maintainers": _people(latest.maintainers, emails),
        "description": package.description,
        "keywords": list(package.keywords),
        "repository": {"type": "git", "url": package.repository},
        "license": package.license,
        "readmeFilename": "README.md",
    }


MAINTAINER_POOL = (
    "aeris", "bkowalski", "cdelacroix", "dhruvk", "elena.v", "fmartins", "gkato", "hbergstrom",
    "iokafor", "jmarsh", "kpetrov", "lnguyen", "mfischer", "nrossi", "oadeyemi", "pmoreau",
    "qzhang", "rsilva", "sholm", "tvanderberg", "ugarcia", "vkumar", "wlindqvist", "xmori",
    "ybakker", "zsantos", "ajensen", "bnovak", "cwhitfield", "dsato",
)
"""Fictional handles for ordinary packages: the demo does not claim who maintains them."""


def _family(name: str) -> str:
    """Packages of one family share maintainers (`@babel/*`, `postcss-*`, `is-*`)."""
    if name.startswith("@"):
        return name.split("/", 1)[0]
    return name.split("-", 1)[0].split(".", 1)[0]


def ordinary_maintainers(name: str, seed: str) -> tuple[str, ...]:
    rng = random.Random(f"{seed}:family:{_family(name)}")
    count = rng.choice((1, 1, 2, 2, 3))
    return tuple(rng.sample(MAINTAINER_POOL, count))


def earlier_versions(version: str, count: int = 2) -> list[str]:
    """Up to `count` plausible earlier versions (patch, then minor steps back)."""
    parts = version.split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return []
    major, minor, patch = (int(p) for p in parts)
    found: list[str] = []
    while len(found) < count:
        if patch > 0:
            patch -= 1
        elif minor > 0:
            minor -= 1
            patch = 0
        else:
            break
        found.append(f"{major}.{minor}.{patch}")
    return found
