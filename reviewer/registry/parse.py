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
- `VersionManifest.shasum` is kept only when there is no sha512 `integrity` (it is then
  only a weaker duplicate and is the largest per-version field after the integrity).

Every document goes through one path: `compact_document(raw)` normalises it into the
compact form (see `compact.py`: what the documents hold, each distinct value stored once)
and `compact.load_compact` builds the `Packument`, converting versions lazily. The cache
stores the compact form, so a warm run never sees the raw document again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import orjson  # parses the cached documents several times faster than json

from reviewer.errors import RegistryError
from reviewer.jsonvalues import boolean, count, string, string_map, strings
from reviewer.registry.compact import (
    COMPACT_MARK,
    COMPACT_VERSION,
    FIELDS,
    LAZY_KINDS,
    LITERALS,
    ValueTable,
    load_compact,
)
from reviewer.registry.documents import Packument, Person, Publisher, VersionManifest


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)


def dumps(value: object) -> bytes:
    return orjson.dumps(value)


_PERSON_RE = re.compile(r"^\s*([^<(]*?)\s*(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?\s*$")


# -- small converters: wrong type -> None (the shared ones, reviewer.jsonvalues) ---------------

_nonempty_str = string
_bool = boolean
_int = count
_str_map = string_map
_str_list = strings


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


def _people(value: object) -> list[list[str | None]] | None:
    """Normalised `[[name, email|None], ...]`, or None when not a list."""
    if not isinstance(value, list):
        return None
    people = (parse_person(item) for item in value)
    return [[p.name, p.email] for p in people if p is not None]


def _publisher(value: object) -> list[str | None] | None:
    """Normalised `[name, email|None, trusted publisher id|None]`."""
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
    return [person.name, person.email, trusted]


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


def _bin(value: object, name: str) -> dict[str, str] | None:
    if isinstance(value, str):
        return {name.rsplit("/", 1)[-1]: value}
    return _str_map(value)


def _bundled(value: object, dependencies: dict[str, str] | None) -> list[str]:
    if value is True:
        return list(dependencies or {})
    return _str_list(value) if isinstance(value, list) else []


def _publish_config(value: object) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


# -- signing evidence ------------------------------------------------------------------------


def _dist_signs(dist: object) -> bool:
    return isinstance(dist, dict) and any(
        dist.get(key) for key in ("signatures", "attestations", "npm-signature")
    )


def registry_signs(versions: object) -> bool:
    """True when any version's `dist` shows the registry signs or attests."""
    if not isinstance(versions, dict):
        return False
    return any(isinstance(m, dict) and _dist_signs(m.get("dist")) for m in versions.values())


# -- raw -> compact --------------------------------------------------------------------------

# compact field -> (raw key, normaliser); the order and names are those of compact.FIELDS
_NORMALISERS: dict[str, tuple[str, Callable[[object], object]]] = {
    "scripts": ("scripts", _str_map),
    "dependencies": ("dependencies", _str_map),
    "optional_dependencies": ("optionalDependencies", _str_map),
    "peer_dependencies": ("peerDependencies", _str_map),
    "dev_dependencies": ("devDependencies", _str_map),
    "deprecated": ("deprecated", _nonempty_str),
    "maintainers": ("maintainers", _people),
    "publisher": ("_npmUser", _publisher),
    "license": ("license", _license),
    "description": ("description", _nonempty_str),
    "repository": ("repository", _url_field),
    "homepage": ("homepage", _url_field),
    "os": ("os", _str_list),
    "cpu": ("cpu", _str_list),
    "publish_config": ("publishConfig", _publish_config),
}
assert set(_NORMALISERS) | {"bin", "bundle_dependencies"} == set(FIELDS)


# (raw key, record key, normaliser, stored as JSON text, an empty map is kept)
_PLAN = [
    (raw_key, FIELDS[field][0], normalise, FIELDS[field][1] in LAZY_KINDS, field == "scripts")
    for field, (raw_key, normalise) in _NORMALISERS.items()
]


def _version_record(raw: dict[str, Any], name: str, version: str, signs: bool,
                    table: ValueTable) -> dict[str, Any]:
    """One version in the compact form (see `compact.py`)."""
    record: dict[str, Any] = {}
    add = table.add
    for raw_key, key, normalise, lazy, keep_empty in _PLAN:
        value = raw.get(raw_key)
        if value is None:
            continue
        value = normalise(value)
        if value is None or (not value and not (keep_empty and value == {})):
            continue
        record[key] = add(dumps(value).decode() if lazy else value)
    values: dict[str, Any] = {}
    if FIELDS["license"][0] not in record and "licenses" in raw:
        values["license"] = _license(raw["licenses"])
    values["bin"] = _bin(raw.get("bin"), name)
    values["bundle_dependencies"] = _bundled(
        raw.get("bundleDependencies", raw.get("bundledDependencies")),
        _str_map(raw.get("dependencies")))
    values["has_install_script"] = _bool(raw.get("hasInstallScript"))
    values["gypfile"] = _bool(raw.get("gypfile"))
    dist = raw.get("dist")
    if isinstance(dist, dict):
        integrity = _nonempty_str(dist.get("integrity"))
        values["integrity"] = integrity
        shasum = _nonempty_str(dist.get("shasum"))
        if not (integrity and "sha512-" in integrity):
            values["shasum"] = shasum
        tarball = _nonempty_str(dist.get("tarball"))
        if tarball:
            folder, _, file = tarball.rpartition("/")
            conventional = f"{name.rsplit('/', 1)[-1]}-{version}.tgz"
            values["tarball"] = table.add(folder) if file == conventional else [
                table.add(folder), file]
        values["file_count"] = _int(dist.get("fileCount"))
        values["unpacked_size"] = _int(dist.get("unpackedSize"))
    if isinstance(dist, dict) and dist.get("attestations"):
        values["has_provenance"] = True
    elif signs:
        values["has_provenance"] = False
    for field, value in values.items():
        if value is None or (value in ([], {}) and field != "scripts"):
            continue
        if field in LITERALS:
            record[LITERALS[field]] = value
        else:
            key, kind = FIELDS[field]
            record[key] = table.add(dumps(value).decode() if kind in LAZY_KINDS else value)
    return record


def compact_document(raw: object, *, name: str | None = None, abbreviated: bool = False
                     ) -> dict[str, Any]:
    """The compact form of a full or abbreviated packument (see `compact.py`)."""
    if not isinstance(raw, dict):
        raise RegistryError(f"the registry document for {name or '?'} is not a JSON object")
    real_name = _nonempty_str(raw.get("name")) or _nonempty_str(raw.get("_id")) or name
    if not real_name:
        raise RegistryError("a registry document has no package name")
    versions: dict[Any, Any] = raw["versions"] if isinstance(raw.get("versions"), dict) else {}
    signs = registry_signs(versions)
    table = ValueTable()
    records = {
        version: _version_record(manifest, real_name, version, signs, table)
        for version, manifest in versions.items()
        if isinstance(version, str) and version and isinstance(manifest, dict)
    }
    time_raw = raw.get("time")
    times = None
    if isinstance(time_raw, dict) and ("created" in time_raw or "modified" in time_raw):
        times = {k: v for k, v in time_raw.items()
                 if isinstance(k, str) and isinstance(v, str)
                 and k not in ("created", "modified", "unpublished")}
    modified = raw.get("modified")
    if not isinstance(modified, str) and isinstance(time_raw, dict):
        modified = time_raw.get("modified")
    top = {
        "maintainers": _people(raw.get("maintainers")),
        "description": _nonempty_str(raw.get("description")),
        "license": _license(raw.get("license")),
        "repository": _url_field(raw.get("repository")),
        "homepage": _url_field(raw.get("homepage")),
    }
    return {
        COMPACT_MARK: COMPACT_VERSION,
        "name": real_name,
        "abbreviated": abbreviated,
        "dist_tags": _str_map(raw.get("dist-tags")) or {},
        "times": times,
        "modified": modified if isinstance(modified, str) else None,
        "top": {k: v for k, v in top.items() if v is not None},
        "values": table.values,
        "versions": records,
    }


def compact_version_document(raw: object, *, name: str | None = None,
                             version: str | None = None) -> dict[str, Any]:
    """The compact form of a `/<name>/<version>` document: a packument of one version."""
    if not isinstance(raw, dict):
        raise RegistryError(f"the manifest of {name or '?'}@{version or '?'} is not a JSON object")
    real_name = _nonempty_str(raw.get("name")) or name
    real_version = _nonempty_str(raw.get("version")) or version
    if not real_name or not real_version:
        raise RegistryError("a version manifest has no name or version")
    return compact_document({"name": real_name, "versions": {real_version: raw}},
                            abbreviated=False)


def refresh_versions(document: dict[str, Any], manifests: dict[str, object]) -> bool:
    """Replace version records of a compact document by those of fresh `/<name>/<version>`
    documents (what can change in a published version: deprecation, maintainers). The
    document is changed in place; True when any record differs."""
    records = document.get("versions")
    values = document.get("values")
    name = document.get("name")
    if not isinstance(records, dict) or not isinstance(values, list) or not isinstance(name, str):
        raise RegistryError("the cached document is unusable")
    table = ValueTable.holding(values)
    signs = any(isinstance(r, dict) and "P" in r for r in records.values())
    changed = False
    for version, raw in manifests.items():
        if not isinstance(raw, dict):
            continue
        record = _version_record(raw, name, version, signs or _dist_signs(raw.get("dist")),
                                 table)
        if _resolved(record, table.values) != _resolved(records.get(version), values):
            records[version] = record
            changed = True
    if changed:
        document["values"] = table.values
    return changed


def _resolved(record: object, values: list[Any]) -> dict[str, Any] | None:
    """A version record with its value indexes replaced by the values (to compare records
    of two tables)."""
    if not isinstance(record, dict):
        return None
    keys = {key for key, _ in FIELDS.values()}
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in keys and isinstance(value, int) and 0 <= value < len(values):
            out[key] = values[value]
        elif key == "T" and isinstance(value, int) and 0 <= value < len(values):
            out[key] = values[value]
        elif key == "T" and isinstance(value, list) and value and isinstance(value[0], int) \
                and 0 <= value[0] < len(values):
            out[key] = [values[value[0]], *value[1:]]
        else:
            out[key] = value
    return out


# -- public entry points ---------------------------------------------------------------------


def parse_packument(raw: object, *, name: str | None = None, abbreviated: bool = False
                    ) -> Packument:
    """A full or abbreviated packument, from the registry's JSON or from the compact form."""
    if isinstance(raw, dict) and COMPACT_MARK in raw:
        return load_compact(raw)
    return load_compact(compact_document(raw, name=name, abbreviated=abbreviated))


def parse_version(raw: object, *, name: str | None = None, version: str | None = None
                  ) -> VersionManifest:
    """One version manifest (a `/<name>/<version>` document), or its compact form.
    Provenance is decided from this manifest alone (see the module docstring)."""
    if not (isinstance(raw, dict) and COMPACT_MARK in raw):
        raw = compact_version_document(raw, name=name, version=version)
    packument = load_compact(raw)
    if len(packument.versions) != 1:
        raise RegistryError(f"the cached manifest of {name or '?'} is unusable")
    return next(iter(packument.versions.values()))


__all__ = [
    "Packument", "Publisher", "compact_document", "compact_version_document", "dumps", "loads",
    "parse_packument", "parse_person", "parse_version", "refresh_versions", "registry_signs",
]
