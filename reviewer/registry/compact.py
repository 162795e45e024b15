"""The compact form of registry documents (what the cache stores) and loading it.

A full packument of a big package is megabytes, mostly repeated: the same scripts,
maintainers, repository and dependency maps in hundreds of versions. The compact form keeps
only what `documents.py` holds, already normalised, and stores each distinct value once:

    {"_reviewer_compact": 2, "name": ..., "abbreviated": false, "dist_tags": {...},
     "times": {version: iso} | null, "modified": iso | null,
     "top": {"maintainers": [[name, email]], "description": ..., ...},
     "values": [distinct JSON values...],
     "versions": {version: {"s": 3, "m": 0, "I": "sha512-...", "T": 7, "P": false, ...}}}

Version records use one-letter keys: FIELDS hold an index into `values`, LITERALS a value
(`T`, the tarball URL, is the index of its folder when the file name is the conventional
`<base>-<version>.tgz`, else `[folder index, file name]`). Dependency and script maps are
stored as JSON text and decoded when first read (`LazyStrMap`). Loading
converts each distinct value once, and versions only when read (`CompactVersions`).
The cache may be corrupt or tampered with, so loading checks every shape and turns
anything unexpected into "unknown"/empty, like the raw parser does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from orjson import dumps as _dumps
from orjson import loads as _loads

from reviewer.errors import RegistryError
from reviewer.jsonvalues import array, mapping, string, string_map
from reviewer.registry.documents import Packument, Person, Publisher, VersionManifest

COMPACT_MARK = "_reviewer_compact"
COMPACT_VERSION = 2

# Fields stored as an index into the value table: field -> (record key, converter kind).
FIELDS: dict[str, tuple[str, str]] = {
    "scripts": ("s", "lazy_str_map"),
    "dependencies": ("d", "lazy_str_map"),
    "optional_dependencies": ("o", "lazy_str_map"),
    "peer_dependencies": ("p", "lazy_str_map"),
    "dev_dependencies": ("v", "lazy_str_map"),
    "bin": ("b", "str_map"),
    "publish_config": ("c", "map"),
    "deprecated": ("x", "str"),
    "maintainers": ("m", "people"),
    "publisher": ("u", "publisher"),
    "license": ("l", "str"),
    "description": ("e", "str"),
    "repository": ("r", "str"),
    "homepage": ("h", "str"),
    "os": ("O", "str_tuple"),
    "cpu": ("C", "str_tuple"),
    "bundle_dependencies": ("B", "str_tuple"),
}
# Fields a manifest holds as converted (None when absent): `CompactVersions.field` reads
# them alone.
PLAIN_FIELDS = frozenset({"deprecated", "maintainers", "publisher", "license", "description",
                          "repository", "homepage"})
# Maps of these kinds are stored as JSON *text* in the value table: decoding a string is
# much cheaper than building dicts, and most versions' maps are never read.
LAZY_KINDS = frozenset({"lazy_str_map"})
# Literal per-version fields: field -> record key.
LITERALS: dict[str, str] = {
    "integrity": "I", "shasum": "S", "tarball": "T", "file_count": "F", "unpacked_size": "U",
    "has_provenance": "P", "has_install_script": "i", "gypfile": "g",
}


def _value_key(value: Any) -> str | bytes:
    if isinstance(value, str):
        return value
    try:
        return _dumps(value)
    except (TypeError, ValueError):  # nested past orjson's limit
        return repr(value).encode()


class ValueTable:
    """Distinct JSON values, each stored once (dedup by canonical JSON text)."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._index: dict[str | bytes, int] = {}

    @classmethod
    def holding(cls, values: list[Any]) -> ValueTable:
        """A table that continues `values` (their indexes unchanged)."""
        table = cls()
        table.values = list(values)
        for index, value in enumerate(table.values):
            table._index.setdefault(_value_key(value), index)
        return table

    def add(self, value: Any) -> int:
        key = _value_key(value)
        found = self._index.get(key)
        if found is None:
            found = self._index[key] = len(self.values)
            self.values.append(value)
        return found


# -- load-time converters (the cache is not trusted) ---------------------------------------

_str_map = string_map
_str = string


def _map(value: object) -> Mapping[str, object] | None:
    return value if isinstance(value, dict) else None


def _str_tuple(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        return None
    return tuple(v for v in value if isinstance(v, str))


def _person(item: object) -> Person | None:
    if isinstance(item, list) and len(item) >= 2 and isinstance(item[0], str) and item[0]:
        return Person(item[0], item[1] if isinstance(item[1], str) else None)
    return None


def _people(value: object) -> tuple[Person, ...] | None:
    if not isinstance(value, list):
        return None
    return tuple(p for p in map(_person, value) if p is not None)


def _publisher(value: object) -> Publisher | None:
    person = _person(value)
    if person is None:
        return None
    trusted = value[2] if len(value) > 2 and isinstance(value[2], str) else None  # type: ignore[arg-type,index]
    return Publisher(person.name, person.email, trusted)


class LazyStrMap(Mapping[str, str]):
    """A string-to-string map held as JSON text until first read (never raises)."""

    __slots__ = ("_text", "_value")

    def __init__(self, text: str) -> None:
        self._text = text
        self._value: Mapping[str, str] | None = None

    def _resolved(self) -> Mapping[str, str]:
        if self._value is None:
            try:
                self._value = _str_map(_loads(self._text)) or {}
            except (ValueError, RecursionError):
                self._value = {}
        return self._value

    def __getitem__(self, key: str) -> str:
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


def _lazy_str_map(value: object) -> Mapping[str, str] | None:
    if isinstance(value, str):
        return LazyStrMap(value)
    return _str_map(value)


_CONVERTERS = {
    "str_map": _str_map, "map": _map, "str": _str, "str_tuple": _str_tuple,
    "people": _people, "publisher": _publisher, "lazy_str_map": _lazy_str_map,
}
_EMPTY: dict[str, Any] = {}


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 time (`Z` or offset, any fraction) as an aware datetime, else None."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


class CompactVersions(Mapping[str, VersionManifest]):
    """Version manifests built on first access from compact records."""

    __slots__ = ("_records", "_values", "_converted", "_built", "_name", "_abbreviated")

    def __init__(self, records: dict[str, Any], values: list[Any], name: str,
                 abbreviated: bool) -> None:
        self._records = records
        self._values = values
        self._converted: dict[tuple[str, int], Any] = {}
        self._built: dict[str, VersionManifest] = {}
        self._name = name
        self._abbreviated = abbreviated

    def _value(self, kind: str, index: object) -> Any:
        if not isinstance(index, int) or isinstance(index, bool):
            return None
        key = (kind, index)
        if key in self._converted:
            return self._converted[key]
        raw = self._values[index] if 0 <= index < len(self._values) else None
        converted = self._converted[key] = _CONVERTERS[kind](raw)
        return converted

    def _build(self, version: str, record: object) -> VersionManifest:
        if not isinstance(record, dict):
            record = {}
        fields = {field: self._value(kind, record[key])
                  for field, (key, kind) in FIELDS.items() if key in record}
        scripts = fields.get("scripts")
        tarball = record.get("T")
        tarball_url = None
        if isinstance(tarball, int):  # the conventional file name: <base>-<version>.tgz
            folder = self._value("str", tarball)
            base = self._name.rsplit("/", 1)[-1]
            tarball_url = f"{folder}/{base}-{version}.tgz" if folder else None
        elif isinstance(tarball, list) and len(tarball) == 2 and isinstance(tarball[1], str):
            folder = self._value("str", tarball[0])
            tarball_url = f"{folder}/{tarball[1]}" if folder else None
        return VersionManifest(
            name=self._name,
            version=version,
            scripts=None if self._abbreviated else (scripts if scripts is not None else _EMPTY),
            has_install_script=_flag(record.get("i")),
            gypfile=_flag(record.get("g")),
            # `_or_empty`, not `or`: the truth of a lazy map would decode it
            dependencies=_or_empty(fields.get("dependencies")),
            optional_dependencies=_or_empty(fields.get("optional_dependencies")),
            peer_dependencies=_or_empty(fields.get("peer_dependencies")),
            dev_dependencies=_or_empty(fields.get("dev_dependencies")),
            bundle_dependencies=fields.get("bundle_dependencies") or (),
            deprecated=fields.get("deprecated"),
            maintainers=fields.get("maintainers"),
            publisher=fields.get("publisher"),
            integrity=_str(record.get("I")),
            shasum=_str(record.get("S")),
            tarball=tarball_url,
            has_provenance=_flag(record.get("P")),
            file_count=_count(record.get("F")),
            unpacked_size=_count(record.get("U")),
            license=fields.get("license"),
            description=fields.get("description"),
            repository=fields.get("repository"),
            homepage=fields.get("homepage"),
            bin=fields.get("bin") or _EMPTY,
            os=fields.get("os") or (),
            cpu=fields.get("cpu") or (),
            publish_config=fields.get("publish_config") or _EMPTY,
        )

    def trust_facts(self, version: str) -> tuple[Publisher | None, bool | None]:
        """(publisher, has_provenance) of `version` without building its manifest (the
        history signals read these for every earlier release). Added by the signals part."""
        built = self._built.get(version)
        if built is not None:
            return built.publisher, built.has_provenance
        record = self._records.get(version)
        if not isinstance(record, dict):
            return None, None
        publisher = self._value("publisher", record["u"]) if "u" in record else None
        return publisher, _flag(record.get("P"))

    def field(self, version: str, name: str) -> Any:
        """One of the PLAIN_FIELDS of `version`'s manifest without building the manifest
        (what the history signals read of the previous release); KeyError for a version
        not listed."""
        if name not in PLAIN_FIELDS:
            raise ValueError(f"not a plain manifest field: {name}")
        built = self._built.get(version)
        if built is not None:
            return getattr(built, name)
        record = self._records[version]
        if not isinstance(record, dict):
            return None
        key, kind = FIELDS[name]
        return self._value(kind, record[key]) if key in record else None

    def __getitem__(self, version: str) -> VersionManifest:
        built = self._built.get(version)
        if built is None:
            built = self._built[version] = self._build(version, self._records[version])
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, version: object) -> bool:
        return version in self._records

    def __repr__(self) -> str:
        return f"CompactVersions({self._name!r}, {len(self._records)} versions)"


def _or_empty(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return _EMPTY if value is None else value


def _flag(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def load_compact(doc: dict[str, Any]) -> Packument:
    """The `Packument` of a compact document (from `parse.compact_document` or the cache)."""
    if doc.get(COMPACT_MARK) != COMPACT_VERSION:
        raise RegistryError("a cached registry document has an unknown format")
    name = doc.get("name")
    if not isinstance(name, str) or not name:
        raise RegistryError("a cached registry document has no package name")
    values = array(doc.get("values"))
    records = mapping(doc.get("versions"))
    abbreviated = doc.get("abbreviated") is True
    times_raw = doc.get("times")
    times = None
    if isinstance(times_raw, dict):
        times = {}
        for version, text in times_raw.items():
            when = parse_time(text)
            if when is not None:
                times[version] = when
    top = mapping(doc.get("top"))
    tags = doc.get("dist_tags")
    return Packument(
        name=name,
        dist_tags=_str_map(tags) or {},
        versions=CompactVersions(records, values, name, abbreviated),
        times=times,
        maintainers=_people(top.get("maintainers")),
        description=_str(top.get("description")),
        license=_str(top.get("license")),
        repository=_str(top.get("repository")),
        homepage=_str(top.get("homepage")),
        abbreviated=abbreviated,
        modified=parse_time(doc.get("modified")),
    )
