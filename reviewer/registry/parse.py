"""Raw registry JSON -> typed documents (`documents.py`), safe against hostile input.

Rules:
- The only exception raised is `RegistryError`, and only when the document is not a
  JSON object at all (or has no usable name). A field of the wrong type is "unknown"
  (None) or dropped, never an exception.
- `VersionManifest.has_provenance` is True when `dist.attestations` is present; False when
  the document shows the registry signs or attests (some version carries
  `dist.signatures`, `dist.attestations` or `dist.npm-signature`) but this version has no
  attestation; None when the registry strips all of it (the mirror: `dist` holds only
  `integrity`, `shasum`, `tarball`).
- `Packument.times` is None when `time` is missing or carries neither `created` nor
  `modified`: the mirror these machines reach sends per-version times that are synthetic
  and no `created`/`modified`, so such times cannot be trusted. Every real npm registry
  (npmjs, Verdaccio) sends both.
- `Packument.versions` is a lazy mapping: a version is converted the first time it is
  read, so loading a packument with thousands of versions costs only what is used.

`compact_document` keeps only the keys this module reads, in the registry's own shape,
so the cache can hold a small document that `parse_packument` reads like the original.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from reviewer.errors import RegistryError
from reviewer.registry.documents import Packument, Person, Publisher, VersionManifest

# Keys of a version manifest that `parse_version` reads (everything else is dropped by
# `compact_document`).
MANIFEST_KEYS = frozenset({
    "name", "version", "scripts", "hasInstallScript", "gypfile", "dependencies",
    "optionalDependencies", "peerDependencies", "devDependencies", "bundleDependencies",
    "bundledDependencies", "deprecated", "maintainers", "_npmUser", "dist", "license",
    "description", "repository", "homepage", "bin", "os", "cpu", "publishConfig",
})
DIST_KEYS = frozenset({
    "integrity", "shasum", "tarball", "fileCount", "unpackedSize", "attestations",
    "signatures", "npm-signature",
})
PACKUMENT_KEYS = frozenset({
    "name", "_id", "dist-tags", "versions", "time", "maintainers", "description", "license",
    "repository", "homepage", "modified",
})
# Keys moved into one JSON *string* (`_h`) per version by `compact_manifest`: decoding a
# string is far cheaper than building dicts, and `parse_version` exposes them as lazy
# mappings, so loading a packument with thousands of versions builds only what is read.
HEAVY_KEYS = frozenset({
    "scripts", "dependencies", "optionalDependencies", "peerDependencies", "devDependencies",
    "bin", "publishConfig",
})
_HEAVY = "_h"
# Marker key added by `compact_document`; records what the original said about signing,
# since the compact form drops the signatures themselves.
_SIGNS_KEY = "_reviewer_registry_signs"
_ABBREVIATED_KEY = "_reviewer_abbreviated"

try:  # orjson parses the cached documents 3-4x faster; json is the fallback
    import orjson

    loads = orjson.loads

    def dumps(value: object) -> bytes:
        return orjson.dumps(value)
except ImportError:  # pragma: no cover - orjson is a declared dependency
    loads = json.loads

    def dumps(value: object) -> bytes:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


_PERSON_RE = re.compile(r"^\s*([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?\s*$")


# -- small converters: wrong type -> None ---------------------------------------------------


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _nonempty_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


def _str_map(value: object) -> dict[str, str] | None:
    """A mapping of strings to strings; non-string entries are dropped. None if not a map."""
    if not isinstance(value, dict):
        return None
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _str_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def parse_person(value: object) -> Person | None:
    """`{"name", "email"}` or the string form `Name <email> (url)`."""
    if isinstance(value, dict):
        name = _nonempty_str(value.get("name"))
        if name is None:
            return None
        return Person(name=name, email=_nonempty_str(value.get("email")))
    if isinstance(value, str):
        match = _PERSON_RE.match(value)
        if match and match.group(1):
            return Person(name=match.group(1), email=match.group(2) or None)
    return None


def _people(value: object) -> tuple[Person, ...] | None:
    if not isinstance(value, list):
        return None
    people = (parse_person(item) for item in value)
    return tuple(p for p in people if p is not None)


def _publisher(value: object) -> Publisher | None:
    person = parse_person(value)
    if person is None:
        return None
    trusted: str | None = None
    if isinstance(value, dict):
        info = value.get("trustedPublisher")
        if isinstance(info, dict):
            trusted = _nonempty_str(info.get("id")) or "unknown"
        elif info is not None:
            trusted = "unknown"
    return Publisher(name=person.name, email=person.email, trusted_publisher=trusted)


def _url_field(value: object) -> str | None:
    """`repository` / `homepage` / `bugs`: a string or `{"url": ...}`."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        return _nonempty_str(value.get("url"))
    return None


def _license(value: object) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        return _nonempty_str(value.get("type"))
    if isinstance(value, list):  # old `licenses: [{type}]`-style arrays
        names = [n for n in (_license(item) for item in value) if n]
        return " OR ".join(names) or None
    return None


def _bin(value: object, name: str) -> dict[str, str]:
    if isinstance(value, str):
        return {name.rsplit("/", 1)[-1]: value}
    return _str_map(value) or {}


def _bundled(value: object, dependencies: Mapping[str, str]) -> tuple[str, ...]:
    if value is True:
        return tuple(dependencies)
    return _str_tuple(value) if isinstance(value, list) else ()


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 time (`Z` or offset, any fraction) as an aware UTC datetime, else None."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


# -- lazily decoded heavy fields -------------------------------------------------------------


class _HeavyFields:
    """The `_h` JSON text of a compact manifest, decoded on first use (never raises)."""

    __slots__ = ("_text", "_data")

    def __init__(self, text: object) -> None:
        self._text = text if isinstance(text, str) else "{}"
        self._data: dict[str, Any] | None = None

    def get(self, key: str) -> object:
        if self._data is None:
            try:
                data = loads(self._text)
            except (ValueError, RecursionError):
                data = {}
            self._data = data if isinstance(data, dict) else {}
        return self._data.get(key)


class LazyField(Mapping[str, str]):
    """A mapping field of a version manifest converted from `_HeavyFields` on first use."""

    __slots__ = ("_heavy", "_key", "_convert", "_value")

    def __init__(self, heavy: _HeavyFields, key: str,
                 convert: Callable[[object], Mapping[str, Any]]) -> None:
        self._heavy = heavy
        self._key = key
        self._convert = convert
        self._value: Mapping[str, Any] | None = None

    def _resolved(self) -> Mapping[str, Any]:
        if self._value is None:
            self._value = self._convert(self._heavy.get(self._key))
        return self._value

    def __getitem__(self, key: str) -> Any:
        return self._resolved()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._resolved())

    def __len__(self) -> int:
        return len(self._resolved())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self._resolved()) == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self._resolved()))


def _str_map_or_empty(value: object) -> dict[str, str]:
    return _str_map(value) or {}


def _dict_or_empty(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


# -- versions ------------------------------------------------------------------------------


def _dist_signs(dist: object) -> bool:
    return isinstance(dist, dict) and any(
        dist.get(key) for key in ("signatures", "attestations", "npm-signature")
    )


def registry_signs(versions: object) -> bool:
    """True when any version's `dist` shows the registry signs or attests."""
    if not isinstance(versions, dict):
        return False
    return any(isinstance(m, dict) and _dist_signs(m.get("dist")) for m in versions.values())


def parse_version(
    raw: object,
    *,
    name: str | None = None,
    version: str | None = None,
    abbreviated: bool = False,
    signs: bool | None = None,
) -> VersionManifest:
    """One version manifest. `name`/`version` are used when the manifest lacks them;
    `signs` says whether the registry is known to sign (see the module docstring); None
    means "decide from this manifest alone"."""
    if not isinstance(raw, dict):
        raise RegistryError(f"the manifest of {name or '?'}@{version or '?'} is not a JSON object")
    real_name = _nonempty_str(raw.get("name")) or name
    real_version = version or _nonempty_str(raw.get("version"))
    if not real_name or not real_version:
        raise RegistryError("a version manifest has no name or version")
    dist = raw.get("dist") if isinstance(raw.get("dist"), dict) else {}
    if dist.get("attestations"):
        provenance: bool | None = True
    elif signs or (signs is None and _dist_signs(dist)):
        provenance = False
    else:
        provenance = None
    bundle = raw.get("bundleDependencies", raw.get("bundledDependencies"))
    deprecated = raw.get("deprecated")
    if _HEAVY in raw:
        heavy = _HeavyFields(raw[_HEAVY])

        def field(key: str, convert: Callable[[object], Mapping[str, Any]] = _str_map_or_empty
                  ) -> Mapping[str, Any]:
            return LazyField(heavy, key, convert)

        dependencies = field("dependencies")
        bundled = _str_tuple(bundle) if isinstance(bundle, list) else (
            tuple(dependencies) if bundle is True else ())
        mappings = {
            "scripts": None if abbreviated else field("scripts"),
            "dependencies": dependencies,
            "optional_dependencies": field("optionalDependencies"),
            "peer_dependencies": field("peerDependencies"),
            "dev_dependencies": field("devDependencies"),
            "bin": field("bin", lambda value: _bin(value, real_name)),
            "publish_config": field("publishConfig", _dict_or_empty),
        }
    else:
        dependencies = _str_map_or_empty(raw.get("dependencies"))
        bundled = _bundled(bundle, dependencies)
        mappings = {
            "scripts": None if abbreviated else _str_map_or_empty(raw.get("scripts")),
            "dependencies": dependencies,
            "optional_dependencies": _str_map_or_empty(raw.get("optionalDependencies")),
            "peer_dependencies": _str_map_or_empty(raw.get("peerDependencies")),
            "dev_dependencies": _str_map_or_empty(raw.get("devDependencies")),
            "bin": _bin(raw.get("bin"), real_name),
            "publish_config": _dict_or_empty(raw.get("publishConfig")),
        }
    return VersionManifest(
        name=real_name,
        version=real_version,
        has_install_script=_bool(raw.get("hasInstallScript")),
        gypfile=_bool(raw.get("gypfile")),
        bundle_dependencies=bundled,
        deprecated=deprecated if isinstance(deprecated, str) and deprecated else None,
        maintainers=_people(raw.get("maintainers")),
        publisher=_publisher(raw.get("_npmUser")),
        integrity=_nonempty_str(dist.get("integrity")),
        shasum=_nonempty_str(dist.get("shasum")),
        tarball=_nonempty_str(dist.get("tarball")),
        has_provenance=provenance,
        file_count=_int(dist.get("fileCount")),
        unpacked_size=_int(dist.get("unpackedSize")),
        license=_license(raw.get("license", raw.get("licenses"))),
        description=_nonempty_str(raw.get("description")),
        repository=_url_field(raw.get("repository")),
        homepage=_url_field(raw.get("homepage")),
        os=_str_tuple(raw.get("os")),
        cpu=_str_tuple(raw.get("cpu")),
        **mappings,  # type: ignore[arg-type]
    )


class LazyVersions(Mapping[str, VersionManifest]):
    """Version manifests converted on first access; malformed ones are left out."""

    __slots__ = ("_raw", "_parsed", "_name", "_abbreviated", "_signs")

    def __init__(self, raw: dict[str, Any], name: str, abbreviated: bool, signs: bool) -> None:
        self._raw = {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, dict)}
        self._parsed: dict[str, VersionManifest] = {}
        self._name = name
        self._abbreviated = abbreviated
        self._signs = signs

    def __getitem__(self, version: str) -> VersionManifest:
        held = self._parsed.get(version)
        if held is None:
            raw = self._raw[version]
            held = parse_version(
                raw, name=self._name, version=version, abbreviated=self._abbreviated,
                signs=self._signs,
            )
            self._parsed[version] = held
        return held

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, version: object) -> bool:
        return version in self._raw

    def __repr__(self) -> str:
        return f"LazyVersions({self._name!r}, {len(self._raw)} versions)"


# -- packuments ----------------------------------------------------------------------------


def _times(value: object) -> dict[str, datetime] | None:
    if not isinstance(value, dict) or ("created" not in value and "modified" not in value):
        return None
    times = {}
    for key, text in value.items():
        if isinstance(key, str) and key not in ("created", "modified", "unpublished"):
            when = parse_time(text)
            if when is not None:
                times[key] = when
    return times


def parse_packument(
    raw: object, *, name: str | None = None, abbreviated: bool | None = None
) -> Packument:
    """A full or abbreviated packument. `name` is used when the document lacks one.
    `abbreviated` None: decided from the document (a compact form records it)."""
    if not isinstance(raw, dict):
        raise RegistryError(f"the registry document for {name or '?'} is not a JSON object")
    real_name = _nonempty_str(raw.get("name")) or _nonempty_str(raw.get("_id")) or name
    if not real_name:
        raise RegistryError("a registry document has no package name")
    if abbreviated is None:
        abbreviated = raw.get(_ABBREVIATED_KEY) is True
    versions_raw = raw.get("versions") if isinstance(raw.get("versions"), dict) else {}
    signs = raw.get(_SIGNS_KEY)
    if not isinstance(signs, bool):
        signs = registry_signs(versions_raw)
    time_raw = raw.get("time")
    modified = parse_time(raw.get("modified"))
    if modified is None and isinstance(time_raw, dict):
        modified = parse_time(time_raw.get("modified"))
    return Packument(
        name=real_name,
        dist_tags=_str_map(raw.get("dist-tags")) or {},
        versions=LazyVersions(versions_raw, real_name, abbreviated, signs),
        times=_times(time_raw),
        maintainers=_people(raw.get("maintainers")),
        description=_nonempty_str(raw.get("description")),
        license=_license(raw.get("license")),
        repository=_url_field(raw.get("repository")),
        homepage=_url_field(raw.get("homepage")),
        abbreviated=abbreviated,
        modified=modified,
    )


def compact_manifest(raw: dict[str, Any]) -> dict[str, Any]:
    """A version manifest with only the keys `parse_version` reads, the heavy ones (see
    `HEAVY_KEYS`) as one JSON string under `_h`."""
    kept = {k: v for k, v in raw.items() if k in MANIFEST_KEYS and k not in HEAVY_KEYS}
    heavy = {k: v for k, v in raw.items() if k in HEAVY_KEYS}
    try:
        kept[_HEAVY] = dumps(heavy).decode()
    except (TypeError, ValueError):  # orjson's nesting limit: the stdlib goes deeper
        kept[_HEAVY] = json.dumps(heavy, separators=(",", ":"), ensure_ascii=False)
    dist = kept.get("dist")
    if isinstance(dist, dict):
        compact_dist = {k: v for k, v in dist.items() if k in DIST_KEYS}
        # keep only whether signatures exist, not the signatures themselves
        for key in ("signatures", "npm-signature"):
            if compact_dist.get(key):
                compact_dist[key] = True
        if compact_dist.get("attestations"):
            compact_dist["attestations"] = True
        kept["dist"] = compact_dist
    return kept


def compact_document(raw: dict[str, Any], *, abbreviated: bool) -> dict[str, Any]:
    """The packument reduced to what `parse_packument` reads (no readmes, no signatures),
    with markers so that parsing it gives the same `Packument` as the original."""
    kept = {k: v for k, v in raw.items() if k in PACKUMENT_KEYS}
    versions = raw.get("versions")
    if isinstance(versions, dict):
        kept["versions"] = {
            k: compact_manifest(v) if isinstance(v, dict) else v for k, v in versions.items()
        }
    kept[_SIGNS_KEY] = registry_signs(versions)
    kept[_ABBREVIATED_KEY] = abbreviated
    return kept
