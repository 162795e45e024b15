"""`reviewer-advisories.json`: imported advisories, next to the lockfile.

Machine-written JSON, written atomically (temporary file, fsync, `os.replace`):

    {"version": 1,
     "imports": [{"file": "audit.json", "format": "npm-v2", "advisories": 3, "at": "2026-11-25T..."}],
     "advisories": [Advisory.to_json(), ...]}

A new import replaces the advisories that came from the same format and keeps the others,
so an npm audit and an osv-scanner report can both be attached.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from reviewer.audit.model import Advisory
from reviewer.errors import AuditImportError
from reviewer.fileio import atomic_write_text
from reviewer.graph.model import Graph
from reviewer.jsonvalues import array, objects
from reviewer.semver import satisfies

FILENAME = "reviewer-advisories.json"
STORE_VERSION = 1


def advisories_path(project_dir: Path) -> Path:
    return Path(project_dir) / FILENAME


def _read(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": STORE_VERSION, "imports": [], "advisories": []}
    except (OSError, ValueError) as error:
        raise AuditImportError(f"{path}: unreadable ({error}); delete it and import again") from None
    except RecursionError:
        raise AuditImportError(f"{path}: unreadable (nested too deeply); delete it and import "
                               "again") from None
    if not isinstance(data, dict) or not isinstance(data.get("advisories"), list):
        raise AuditImportError(f"{path}: not a reviewer advisories file; delete it and import again")
    return data


def load_advisories(project_dir: Path) -> list[Advisory]:
    """Every stored advisory (empty when nothing was imported). Used by `reviewer check`."""
    data = _read(advisories_path(project_dir))
    out = []
    for item in array(data["advisories"]):
        try:
            out.append(Advisory.from_json(item))
        except (KeyError, TypeError, AttributeError):
            raise AuditImportError(f"{advisories_path(project_dir)}: malformed advisory entry") from None
    return out


def has_imported(project_dir: Path) -> bool:
    return advisories_path(project_dir).is_file()


def attach(advisories: Iterable[Advisory], graph: Graph) -> list[Advisory]:
    """Fill `affected_versions` with the locked versions each advisory affects (by name and
    npm range, plus versions the report itself named that are locked)."""
    from dataclasses import replace

    out = []
    for advisory in advisories:
        locked = [p.version for p in graph.find(advisory.package)]
        affected = [v for v in locked
                    if v in advisory.affected_versions or satisfies(v, advisory.vulnerable_range)]
        out.append(replace(advisory, affected_versions=tuple(dict.fromkeys(affected))))
    return out


def save_import(project_dir: Path, report_file: str, report_format: str,
                advisories: list[Advisory], now: datetime | None = None) -> Path:
    """Merge `advisories` into the store (replacing those of the same format); atomic."""
    path = advisories_path(project_dir)
    data = _read(path)
    kept = [a for a in objects(data["advisories"]) if a.get("source") != report_format]
    seen: set[tuple[str, str]] = set()
    fresh = []
    for advisory in advisories:
        key = (advisory.id, advisory.package)
        if key not in seen:
            seen.add(key)
            fresh.append(advisory.to_json())
    imports: list[dict[str, object]] = [
        i for i in objects(data.get("imports")) if i.get("format") != report_format]
    imports.append({"file": report_file, "format": report_format, "advisories": len(fresh),
                    "at": (now or datetime.now(UTC)).isoformat(timespec="seconds")})
    document = {"version": STORE_VERSION, "imports": imports,
                "advisories": sorted(kept + fresh, key=lambda a: (str(a["package"]), str(a["id"])))}
    atomic_write_text(path, json.dumps(document, indent=2, sort_keys=False) + "\n")
    return path


