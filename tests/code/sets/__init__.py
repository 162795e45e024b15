"""Serve sets of packages (payload shapes, recorded legitimate packages) through the fixture
registry and run the real CLI (`reviewer report` / `reviewer review`) over a project that
locks them.

    published = serve(registry, name, {version: tarball_bytes, ...})   # packument + tarballs
    project = write_project(dir, {name: published_version, ...})       # package.json + lock
    signals = run_report(project, registry, cache)    # {name: [signal json, ...]}
    changes = run_review(project, base_lockfile, registry, cache)      # {name: [signal json]}
    code_signals(signals) -> the code-analysis findings among them
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from servers.fixture_registry import PUBLIC_REGISTRY, FixtureRegistry, tarball_basename
from servers.verdaccio import integrity_of

from reviewer.cli.main import main

SEVERITIES = ("info", "low", "moderate", "high", "critical")
NOT_CODE = frozenset({
    "install-script", "maintainers-changed", "new-publisher", "trust-downgrade",
    "recent-release", "deprecated", "typosquat", "non-registry-source", "insecure-source",
    "missing-integrity", "unexpected-registry", "advisory", "new-dependency",
    "manifest-confusion", "maintainer-account",
})
"""Signal ids that are not about the code inside the tarball (metadata, scripts' presence,
names). A code signal is any other one whose id names code ("suspicious-code", "code-...")."""


def is_code_signal(signal: Mapping[str, Any]) -> bool:
    ident = str(signal.get("id", ""))
    return ident not in NOT_CODE and "code" in ident


def code_signals(signals: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [s for s in signals if is_code_signal(s)]


def rank(severity: str | None) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1


def worst(signals: Sequence[Mapping[str, Any]]) -> str | None:
    """The highest severity of the known (not "unknown") signals given, or None."""
    known = [str(s["severity"]) for s in signals if not s.get("unknown")]
    return max(known, key=rank) if known else None


def describe(signals: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(f"{s['id']}={s['severity']}{' (unknown)' if s.get('unknown') else ''}: "
                     f"{s.get('summary')}" for s in signals) or "no signals"


@dataclass(frozen=True)
class Locked:
    name: str
    version: str
    tarball_url: str
    integrity: str
    install_script: bool


def serve(registry: FixtureRegistry, name: str, tarballs: Mapping[str, bytes],
          manifests: Mapping[str, Mapping[str, Any]]) -> dict[str, Locked]:
    """Publish `tarballs` (version -> .tgz) with their package.json `manifests` on the
    fixture registry: one packument, same maintainer and publisher for every version, a
    release a month apart. Returns version -> what a lockfile records."""
    versions: dict[str, Any] = {}
    time = {"created": "2024-01-01T00:00:00.000Z", "modified": "2025-06-01T00:00:00.000Z"}
    locked: dict[str, Locked] = {}
    for index, (version, data) in enumerate(tarballs.items()):
        integrity, shasum = integrity_of(data)
        url = f"{PUBLIC_REGISTRY}{name}/-/{tarball_basename(name)}-{version}.tgz"
        manifest = dict(manifests[version])
        manifest.update({"name": name, "version": version,
                         "dist": {"tarball": url, "integrity": integrity, "shasum": shasum},
                         "maintainers": [{"name": "alice", "email": "alice@example.invalid"}],
                         "_npmUser": {"name": "alice", "email": "alice@example.invalid"}})
        scripts = manifest.get("scripts") or {}
        has_install = any(k in scripts for k in ("preinstall", "install", "postinstall"))
        if has_install:
            manifest["hasInstallScript"] = True
        versions[version] = manifest
        time[version] = f"2025-{(index % 11) + 1:02d}-01T00:00:00.000Z"
        registry.add_tarball(name, version, data)
        locked[version] = Locked(name, version, url, integrity, has_install)
    registry.add_packument({"name": name, "dist-tags": {"latest": list(tarballs)[-1]},
                            "versions": versions, "time": time})
    return locked


def lockfile(packages: Sequence[Locked]) -> str:
    deps = {p.name: p.version for p in packages}
    entries: dict[str, Any] = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for p in packages:
        entry: dict[str, Any] = {"version": p.version, "resolved": p.tarball_url,
                                 "integrity": p.integrity}
        if p.install_script:
            entry["hasInstallScript"] = True
        entries[f"node_modules/{p.name}"] = entry
    return json.dumps({"name": "app", "version": "1.0.0", "lockfileVersion": 3,
                       "requires": True, "packages": entries}, indent=2) + "\n"


def write_project(directory: Path, packages: Sequence[Locked]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    deps = {p.name: p.version for p in packages}
    (directory / "package.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "dependencies": deps}, indent=2) + "\n")
    (directory / "package-lock.json").write_text(lockfile(packages))
    return directory


def run_report(project: Path, registry: FixtureRegistry, cache: Path,
               capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    code = main(["report", str(project), "--format", "json", "--registry", registry.url,
                 "--cache-dir", str(cache), *extra])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    data = json.loads(captured.out)
    return code, {p["name"]: list(p["signals"]) for p in data["packages"]}


def run_review(project: Path, base_lockfile: Path, registry: FixtureRegistry, cache: Path,
               capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    code = main(["review", "--base-lockfile", str(base_lockfile), str(project), "--format",
                 "json", "--registry", registry.url, "--cache-dir", str(cache), *extra])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    data = json.loads(captured.out)
    return code, {c["name"]: list(c["signals"]) for c in data["changes"]}
