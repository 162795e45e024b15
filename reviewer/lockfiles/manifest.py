"""Reading package.json files safely, and checking a lockfile's root against its package.json.

Every lockfile parser records what its root importer declares (name -> spec). When the
project's `package.json` sits next to the lockfile, `check_root_in_sync` compares the
*names* declared in its four dependency sections (dependencies, devDependencies,
optionalDependencies, peerDependencies) with those the lockfile records for the root, and
raises `LockfileError` when they differ. Specs are not compared: package managers rewrite
them (`^1.0.0` vs `npm:` forms, catalog references), but a name added to or removed from
package.json without re-locking is the mistake worth stopping on.

No package.json next to the lockfile (e.g. `--lockfile` on a file extracted from git) means
no check. A package.json that exists but cannot be read or is not a JSON object is an error
naming package.json.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.errors import LockfileError
from reviewer.graph.model import DepKind
from reviewer.jsonvalues import string_map
from reviewer.lockfiles import reads
from reviewer.lockfiles._json import load_json
from reviewer.text_safety import safe_line

MANIFEST_NAME = "package.json"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
SYNC_NAMES_SHOWN = 3

SECTIONS: tuple[tuple[str, DepKind], ...] = (
    ("dependencies", DepKind.PROD),
    ("devDependencies", DepKind.DEV),
    ("optionalDependencies", DepKind.OPTIONAL),
    ("peerDependencies", DepKind.PEER),
)
"""package.json dependency sections and the edge kind each declares."""


@dataclass(frozen=True, slots=True)
class Manifest:
    """The parts of a package.json that the lockfile checks need (strings only, junk dropped)."""

    path: Path
    name: str | None = None
    version: str | None = None
    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    """Section name (`dependencies`, ...) -> {dependency name: spec}."""
    workspaces: tuple[str, ...] = ()
    """Workspace glob patterns (`workspaces` array or yarn's `workspaces.packages`)."""

    def declared(self) -> dict[str, str]:
        """Every declared dependency name -> spec, across the four sections."""
        return declared_names(self.sections)

    def edges(self) -> list[tuple[str, str, DepKind]]:
        """(name, spec, kind) per declared name, one kind per name (see `declared_edges`)."""
        return declared_edges(self.sections)


_PRECEDENCE = (
    ("devDependencies", DepKind.DEV),
    ("peerDependencies", DepKind.PEER),
    ("dependencies", DepKind.PROD),
    ("optionalDependencies", DepKind.OPTIONAL),
)
"""npm's order of loading sections (arborist `_loadDeps`): a later section wins a name."""


def declared_edges(
    declaring: Mapping[str, object], include_dev: bool = True
) -> list[tuple[str, str, DepKind]]:
    """(name, spec, kind) for each dependency declared by a package.json-shaped mapping.

    A name in several sections gets one edge, of the kind npm gives it: optional over prod
    over peer over dev (a package both in `optionalDependencies` and `peerDependencies` is
    optional). Non-string specs and non-object sections are ignored. `include_dev=False`
    leaves out devDependencies (an installed package's are never installed).
    """
    present = [
        (declared, kind)
        for section, kind in _PRECEDENCE
        if isinstance(declared := declaring.get(section), dict)
        and declared
        and (include_dev or kind is not DepKind.DEV)
    ]
    if len(present) == 1:  # the common case: nothing to reconcile
        declared, kind = present[0]
        return [
            (name, spec, kind)
            for name, spec in declared.items()
            if isinstance(name, str) and isinstance(spec, str)
        ]
    chosen: dict[str, tuple[str, DepKind]] = {}
    for declared, kind in present:
        for name, spec in declared.items():
            if isinstance(name, str) and isinstance(spec, str):
                chosen[name] = (spec, kind)
    return [(name, spec, kind) for name, (spec, kind) in chosen.items()]


def declared_names(declaring: Mapping[str, object]) -> dict[str, str]:
    """Every name -> spec declared by a package.json-shaped mapping, across the 4 sections.

    This is what a lockfile's root entry gives `check_root_in_sync`.
    """
    return {name: spec for name, spec, _kind in declared_edges(declaring)}


def read_manifest(path: Path) -> Manifest | None:
    """Read the package.json at `path`; None when there is none. Raises LockfileError."""
    try:
        data = reads.read_bytes(path, MAX_MANIFEST_BYTES)
        if data is None:
            return None
        text = reads.decode_text(data)
    except reads.OverLimit:
        raise LockfileError(path, f"larger than {MAX_MANIFEST_BYTES // (1024 * 1024)} MiB") from None
    except UnicodeDecodeError as error:
        raise LockfileError(path, f"not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise LockfileError(path, error.strerror or "cannot be read") from None
    return manifest_from_text(path, text)


def manifest_from_text(path: Path, text: str) -> Manifest:
    """Parse package.json text. Raises LockfileError on malformed JSON or a non-object."""
    data = load_json(path, text)
    if not isinstance(data, dict):
        raise LockfileError(path, "not a JSON object")
    sections = {section: string_map(data.get(section)) or {} for section, _kind in SECTIONS}
    return Manifest(
        path=path,
        name=_string_or_none(data.get("name")),
        version=_string_or_none(data.get("version")),
        sections={k: v for k, v in sections.items() if v},
        workspaces=_workspace_patterns(data.get("workspaces")),
    )


def workspace_manifests(project: Path, patterns: tuple[str, ...]) -> dict[str, Manifest]:
    """Relative POSIX path -> Manifest for each directory matched by workspace `patterns`.

    Patterns are globs relative to `project` (`packages/*`); `!` negations exclude; only
    directories holding a package.json count, and nothing outside `project` is read.
    """
    found: dict[str, Manifest] = {}
    excluded = {p[1:] for p in patterns if p.startswith("!")}
    for pattern in patterns:
        if pattern.startswith("!") or pattern.startswith("/") or ".." in pattern.split("/"):
            continue
        for directory in reads.glob(project, pattern.rstrip("/")):
            rel = directory.relative_to(project).as_posix()
            if rel in found or any(directory.match(x) for x in excluded):
                continue
            if not reads.is_inside(directory, project):
                continue
            manifest = read_manifest(directory / MANIFEST_NAME) if reads.is_dir(directory) else None
            if manifest is not None:
                found[rel] = manifest
    return found


def check_root_in_sync(lockfile: Path, lock_declared: Mapping[str, str] | None) -> None:
    """Raise LockfileError when the root package.json and the lockfile's root disagree.

    `lock_declared` is what the lockfile records as the root importer's dependencies
    (name -> spec, all four sections); None means the format records nothing to compare
    and skips the check. The package.json read is the one next to `lockfile`; when it is
    absent there is no check. Only names are compared, never specs.
    """
    if lock_declared is None:
        return
    manifest = read_manifest(lockfile.parent / MANIFEST_NAME)
    if manifest is None:
        return
    in_manifest = set(manifest.declared())
    in_lockfile = set(lock_declared)
    if in_manifest == in_lockfile:
        return
    missing = sorted(in_manifest - in_lockfile)
    extra = sorted(in_lockfile - in_manifest)
    parts = []
    if missing:
        parts.append("in package.json but not the lockfile: " + _first_few(missing))
    if extra:
        parts.append("in the lockfile but not package.json: " + _first_few(extra))
    raise LockfileError(lockfile, "lockfile out of sync with package.json: " + "; ".join(parts))


def _first_few(names: list[str]) -> str:
    shown = ", ".join(printable(n) for n in names[:SYNC_NAMES_SHOWN])
    more = len(names) - SYNC_NAMES_SHOWN
    return f"{shown} (+{more} more)" if more > 0 else shown


def printable(text: str) -> str:
    """`text` with control and other non-printable characters escaped and secrets redacted,
    for one-line messages (see reviewer.text_safety)."""
    return safe_line(text)


def _string_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _workspace_patterns(value: object) -> tuple[str, ...]:
    if isinstance(value, dict):
        value = value.get("packages")
    if not isinstance(value, list):
        return ()
    return tuple(p for p in value if isinstance(p, str))
