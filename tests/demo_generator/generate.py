"""Build the demo bundle: `python -m demo_generator.generate [--base LOCKFILE] [--seed SEED]`
(from a clone: the generator is not part of the installed package).

Deterministic: the same base lockfile and seed give byte-identical files, packed into ONE
archive, `reviewer/demo/demo-data.tar.xz`, which `reviewer.demo` reads. In it:
`project/` (package.json, package-lock.json, audit.json — an `npm audit
--json` report — with reviewer-advisories.json, the same report imported, and
base/package-lock.json: the same project before an upgrade, for `reviewer review`) and
`registry/` (index.json, advisories.json in the registry bulk-advisory
answer shape, packuments/*.json, tarballs/*.tgz).

The ordinary packages are the closure of a few direct dependencies in a real lockfile
(`--base`, default: the large-npm corpus lockfile; when that is absent, the ordinary
entries of the bundled lockfile are reused, so the bundle regenerates anywhere). The
planted stories come from `demo_generator.stories`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from demo_generator import build, ordinary, stories, tree
from demo_generator.advisories import bulk_advisories, npm_audit_report
from reviewer.demo.archive import ARCHIVE_NAME, DemoArchive, pack

DEMO_DIR = Path(__file__).resolve().parents[2] / "reviewer" / "demo"
"""Where the archive goes (the `reviewer.demo` package of this clone)."""
DEFAULT_BASE = Path("/work/shared/corpus/large-npm/package-lock.json")
DEFAULT_SEED = "reviewer-demo-1"
ANCHOR = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
"""Times are written relative to this instant; the provider rebases them to "now"."""
PROJECT_NAME = "acme-storefront"
PROJECT_VERSION = "2.3.0"
INSTALL_HOOKS = ("preinstall", "install", "postinstall")

Json = dict[str, Any]


def dump(data: object) -> str:
    """Compact JSON, stable key order as built."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"


def load_base(base: Path) -> dict[str, Json]:
    if base.is_file():
        return json.loads(base.read_text(encoding="utf-8"))["packages"]
    bundled = json.loads(DemoArchive.bundled().read_bytes("project/package-lock.json"))
    planted = {f"node_modules/{p.name}" for p in stories.PLANTED}
    return {k: v for k, v in bundled["packages"].items() if k not in planted}


def _planted_lock_entry(package: stories.PlantedPackage, built: build.BuiltTarball) -> Json:
    version = next(v for v in package.versions if v.version == package.locked)
    entry: Json = {
        "version": version.version,
        "resolved": build.tarball_url(package.name, version.version),
        "integrity": built.integrity,
        "license": package.license,
    }
    if version.dependencies:
        entry["dependencies"] = dict(version.dependencies)
    if version.optional_dependencies:
        entry["optionalDependencies"] = dict(version.optional_dependencies)
    for key in ("bin", "engines", "os", "cpu"):
        if key in version.extra:
            entry[key] = version.extra[key]
    if any(hook in version.scripts for hook in INSTALL_HOOKS) or version.extra.get("gypfile"):
        entry["hasInstallScript"] = True
    return entry


def _spec(version: str) -> str:
    return "^" + version


def build_lockfile(base: dict[str, Json], tarballs: dict[tuple[str, str], build.BuiltTarball]) -> tuple[Json, Json]:
    """(package.json, package-lock.json) of the demo project."""
    packages = tree.subset(base, ordinary.DEMO_ROOTS_PROD + ordinary.DEMO_ROOTS_DEV)
    for package in stories.PLANTED:
        path = f"node_modules/{package.name}"
        if path in packages:
            raise ValueError(f"planted package {package.name} clashes with the base tree")
        packages[path] = _planted_lock_entry(package, tarballs[(package.name, package.locked)])
    prod_roots = ordinary.DEMO_ROOTS_PROD + stories.DIRECT_PROD_PLANTED
    dev_roots = ordinary.DEMO_ROOTS_DEV + stories.DIRECT_DEV_PLANTED
    dependencies = {n: _spec(packages[f"node_modules/{n}"]["version"]) for n in sorted(prod_roots)}
    dev_dependencies = {n: _spec(packages[f"node_modules/{n}"]["version"]) for n in sorted(dev_roots)}
    root = {
        "name": PROJECT_NAME,
        "version": PROJECT_VERSION,
        "license": "UNLICENSED",
        "dependencies": dependencies,
        "devDependencies": dev_dependencies,
        "engines": {"node": ">=20"},
    }
    ordered = {"": root, **dict(sorted(packages.items()))}
    tree.recompute_flags(ordered, prod_roots, dev_roots)
    problems = tree.unresolved(ordered)
    if problems:
        raise ValueError("unresolved dependencies: " + ", ".join(problems[:5]))
    manifest = {
        "name": PROJECT_NAME,
        "version": PROJECT_VERSION,
        "private": True,
        "description": "Example shop (API on express + sqlite, webpack front end) for `reviewer demo`",
        "license": "UNLICENSED",
        "scripts": {
            "dev": "nodemon server/index.js",
            "build": "webpack --mode production",
            "start": "node server/index.js",
            "lint": "eslint .",
        },
        "dependencies": dependencies,
        "devDependencies": dev_dependencies,
        "engines": {"node": ">=20"},
    }
    lock = {"name": PROJECT_NAME, "version": PROJECT_VERSION, "lockfileVersion": 3, "requires": True, "packages": ordered}
    return manifest, lock


def _version_key(version: str) -> tuple[int, ...]:
    core = version.split("-", 1)[0].split("+", 1)[0]
    return tuple(int(p) if p.isdigit() else 0 for p in core.split("."))


MANIFEST_FIELDS = (
    "license", "dependencies", "optionalDependencies", "peerDependencies", "peerDependenciesMeta",
    "bin", "engines", "os", "cpu", "funding",
)


def ordinary_packument(name: str, locked: dict[str, Json], seed: str) -> Json:
    """A full packument for a real package: its locked versions (real integrity) and two
    earlier versions (stand-in integrity), synthetic maintainers and times."""
    rng = random.Random(f"{seed}:times:{name}")
    maintainers = build.ordinary_maintainers(name, seed)
    emails = {m: f"{m}@users.example" for m in maintainers}
    lowest = min(locked, key=_version_key)
    all_versions = set(locked) | set(build.earlier_versions(lowest))
    ordered = sorted(all_versions, key=_version_key)
    description, repository = ordinary.DESCRIPTIONS.get(name, (None, None))
    versions: Json = {}
    times: Json = {}
    days = rng.uniform(45, 900)
    for version in reversed(ordered):
        times[version] = build.iso(build.at(ANCHOR, days))
        days += rng.uniform(15, 220)
    for version in ordered:
        entry = locked.get(version, locked[lowest])
        manifest: Json = {"name": name, "version": version}
        if description:
            manifest["description"] = description
        manifest.update({k: entry[k] for k in MANIFEST_FIELDS if k in entry})
        manifest.update(ordinary.INSTALL_SCRIPTS.get(name, {}))
        if repository:
            manifest["repository"] = {"type": "git", "url": repository}
        manifest["_id"] = f"{name}@{version}"
        manifest["_nodeVersion"] = "18.20.4"
        manifest["_npmVersion"] = "10.7.0"
        manifest["_npmUser"] = {"name": maintainers[0], "email": emails[maintainers[0]]}
        manifest["maintainers"] = [{"name": m, "email": emails[m]} for m in maintainers]
        deprecated = ordinary.deprecation_of(name, version)
        if deprecated:
            manifest["deprecated"] = deprecated
        integrity = locked[version].get("integrity") if version in locked else None
        manifest["dist"] = build.dist_block(name, version, None, integrity, seed)
        versions[version] = manifest
    created = build.at(ANCHOR, days)
    document: Json = {
        "_id": name,
        "_rev": f"{len(versions) + 1}-{hashlib.md5(f'{seed}:{name}'.encode()).hexdigest()}",
        "name": name,
        "dist-tags": {"latest": ordered[-1]},
        "versions": versions,
        "time": {"created": build.iso(created), "modified": times[ordered[-1]], **times},
        "maintainers": [{"name": m, "email": emails[m]} for m in maintainers],
        "license": locked[ordered[-1] if ordered[-1] in locked else lowest].get("license"),
    }
    if description:
        document["description"] = description
        document["repository"] = {"type": "git", "url": repository}
    return document


def _name_of(path: str) -> str:
    return path.rsplit("node_modules/", 1)[-1]


def build_base_lockfile(lock: Json, documents: dict[str, Json]) -> Json:
    """The lockfile before the upgrade: `stories.BASE_VERSIONS` locked instead, and what only
    the new versions pulled in removed."""
    base = json.loads(json.dumps(lock))
    packages = base["packages"]
    root = packages[""]
    for name, version in stories.BASE_VERSIONS.items():
        manifest = documents[name]["versions"][version]
        entry = packages[f"node_modules/{name}"]
        entry.update(version=version, resolved=build.tarball_url(name, version),
                     integrity=manifest["dist"]["integrity"])
        entry.pop("dependencies", None)
        entry.pop("hasInstallScript", None)
        if manifest.get("dependencies"):
            entry["dependencies"] = manifest["dependencies"]
        if any(hook in manifest.get("scripts", {}) for hook in INSTALL_HOOKS):
            entry["hasInstallScript"] = True
        for section in ("dependencies", "devDependencies"):
            if name in root[section]:
                root[section][name] = _spec(version)
    direct = [*root["dependencies"], *root["devDependencies"]]
    reachable = tree.closure(packages, [f"node_modules/{n}" for n in direct])
    base["packages"] = {p: e for p, e in packages.items() if not p or p in reachable}
    return base


def import_audit_report(project: Path) -> None:
    """Write `reviewer-advisories.json` as `reviewer audit import audit.json` would (dated at
    the anchor, so the output is deterministic)."""
    from reviewer.audit.importers import parse_report
    from reviewer.audit.store import advisories_path, attach, save_import
    from reviewer.lockfiles.detect import load_graph

    report = project / "audit.json"
    report_format, advisories = parse_report(report.read_text(encoding="utf-8"), report.name)
    advisories_path(project).unlink(missing_ok=True)
    save_import(project, report.name, report_format, attach(advisories, load_graph(project)), now=ANCHOR)


def _real_stories(packages: dict[str, Json]) -> dict[str, str]:
    """Stories told by real packages of the tree: advisories and real deprecations."""
    def key(path: str) -> str:
        return f"{_name_of(path)}@{packages[path]['version']}"

    return {
        "advisory": key("node_modules/webpack-dev-server"),
        "advisory-transitive": key("node_modules/resolve-url-loader/node_modules/postcss"),
        "deprecated-real": key("node_modules/inflight"),
        "install-script-real": key("node_modules/sqlite3"),
    }


def write_bundle(out: Path, seed: str, base: dict[str, Json]) -> dict[str, int]:
    tarballs: dict[tuple[str, str], build.BuiltTarball] = {}
    for package in stories.PLANTED:
        for planted_version in package.versions:
            built = build.build_tarball(package, planted_version)
            if built is not None:
                tarballs[(package.name, planted_version.version)] = built
    manifest, lock = build_lockfile(base, tarballs)
    project = out / "project"
    registry = out / "registry"
    for directory in (project, registry / "packuments", registry / "tarballs"):
        directory.mkdir(parents=True, exist_ok=True)
    for stale in [*(registry / "packuments").glob("*.json"), *(registry / "tarballs").glob("*.tgz")]:
        stale.unlink()
    (project / "package.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (project / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n", encoding="utf-8")
    (project / "audit.json").write_text(json.dumps(npm_audit_report(lock), indent=2) + "\n", encoding="utf-8")
    import_audit_report(project)

    planted_names = {p.name for p in stories.PLANTED}
    locked_by_name: dict[str, dict[str, Json]] = defaultdict(dict)
    for path, entry in lock["packages"].items():
        if path and _name_of(path) not in planted_names:
            locked_by_name[_name_of(path)][entry["version"]] = entry
    index: Json = {
        "format": 1,
        "anchor": build.iso(ANCHOR),
        "registry": build.REGISTRY_URL,
        "seed": seed,
        "stories": {p.story: f"{p.name}@{p.locked}" for p in stories.PLANTED if p.story != "platform-binary"},
        "packuments": {},
        "tarballs": {},
    }
    index["stories"].update(_real_stories(lock["packages"]))
    documents: dict[str, Json] = {}
    for package in stories.PLANTED:
        planted = {v.version: tarballs.get((package.name, v.version)) for v in package.versions}
        documents[package.name] = build.planted_packument(package, planted, ANCHOR, stories.EMAILS, seed)
    for name in sorted(locked_by_name):
        documents[name] = ordinary_packument(name, locked_by_name[name], seed)
    for name in sorted(documents):
        file_name = f"packuments/{build.file_stem(name)}.json"
        (registry / file_name).write_text(dump(documents[name]), encoding="utf-8")
        index["packuments"][name] = file_name
    for (name, version), built in sorted(tarballs.items()):
        file_name = f"tarballs/{build.file_stem(name)}-{version}.tgz"
        (registry / file_name).write_bytes(built.data)
        index["tarballs"][f"{name}@{version}"] = {"file": file_name, "integrity": built.integrity}
    (registry / "advisories.json").write_text(json.dumps(bulk_advisories(), indent=1) + "\n", encoding="utf-8")
    index["advisories"] = "advisories.json"
    (project / "base").mkdir(exist_ok=True)
    base_lock = build_base_lockfile(lock, documents)
    (project / "base" / "package-lock.json").write_text(json.dumps(base_lock, indent=2) + "\n", encoding="utf-8")
    (registry / "index.json").write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    return {"packages": len(lock["packages"]) - 1, "packuments": len(documents), "tarballs": len(tarballs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m demo_generator.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=DEFAULT_BASE, help="real npm v3 lockfile to cut the tree from")
    parser.add_argument("--seed", default=DEFAULT_SEED, help="seed for synthetic maintainers, times and signatures")
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help=f"directory to write {ARCHIVE_NAME} into")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        counts = write_bundle(Path(work), args.seed, load_base(args.base))
        args.out.mkdir(parents=True, exist_ok=True)
        pack(Path(work), args.out / ARCHIVE_NAME)
    print(", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
