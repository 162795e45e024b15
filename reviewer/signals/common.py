"""Small helpers shared by the signal analyses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.jsontext import json_object
from reviewer.signals.finding import Finding, Severity

if TYPE_CHECKING:
    from reviewer.registry.documents import Packument, VersionManifest
    from reviewer.registry.interface import TarballContents

NOT_PROVIDED = "not provided by this registry"


def unknown(signal_id: str, package: str, reason: str, **details: object) -> Finding:
    """A finding that says the signal could not be decided, and why."""
    return Finding(
        id=signal_id,
        severity=Severity.INFO,
        summary=f"unknown: {reason}",
        package=package,
        unknown=True,
        details={"reason": reason, **details},
    )


def shorten(text: str, limit: int = 100) -> str:
    """One line of at most `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def labelled_lists(*groups: tuple[str, list[str]], sep: str = "; ") -> str:
    """`added a, b; removed c` from ("added", [a, b]), ("removed", [c]); empty groups skipped."""
    return sep.join(f"{label} {', '.join(items)}" for label, items in groups if items)


def version_or_unknown(signal_id: str, package: str, packument: Packument,
                       version: str) -> VersionManifest | Finding:
    """The manifest of `version`, or the unknown finding saying it is missing."""
    manifest = packument.version(version)
    if manifest is None:
        return unknown(signal_id, package, f"version {version} not in the registry document")
    return manifest


def parse_package_json(text: str) -> dict[str, object] | None:
    """A package.json object, or None when it is not a JSON object."""
    return json_object(text)


def tarball_package_json(tarball: TarballContents) -> dict[str, object] | None:
    """The package.json inside a tarball (what npm reads), or None."""
    try:
        return parse_package_json(tarball.read_text("package.json"))
    except KeyError:
        return None


def scripts_of(package_json: dict[str, object] | None) -> dict[str, str] | None:
    """`scripts` as a str->str map; None when there is no package.json, {} when no scripts."""
    if package_json is None:
        return None
    scripts = package_json.get("scripts")
    if not isinstance(scripts, dict):
        return {}
    return {str(k): v for k, v in scripts.items() if isinstance(v, str)}
