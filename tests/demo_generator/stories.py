"""The planted stories of the demo: fictional packages, their versions, publishers and files.

Read by `demo_generator.generate` only. Every package here is fictional (no real package's
history is rewritten); the hosts they talk to are in documentation address ranges
(203.0.113.0/24, TEST-NET-3), and nothing here is ever executed: the install-script files
are inert text that reviewer reads, scans and displays.

Times are days before the generator's anchor date; the provider rebases every time at load
so that "published 2 days ago" stays true whenever the demo runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from demo_generator.story_files import (
    CONFIG_INDEX_JS,
    CROSSENV_INDEX_JS,
    ENV_LOADER_INDEX_JS,
    HASHWIRE_BINDING_GYP,
    HASHWIRE_CC,
    HASHWIRE_INDEX_JS,
    HASHWIRE_XXHASH_C,
    HASHWIRE_XXHASH_H,
    LOGGER_INDEX_JS,
    LOGGER_INDEX_JS_321,
    MERGE_INDEX_JS,
    MERGE_README,
    MERGE_SETUP_JS,
    MIT_LICENSE,
    QUICKBUILD_BINARY,
    QUICKBUILD_INSTALL_JS,
    QUICKBUILD_MAIN_JS,
)

REGISTRY_SIGNING_KEY = "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"
"""The public npm registry's signing key id, as seen in real packuments. The demo's
signatures are not cryptographically valid: the demo serves no keys to verify them with."""

GITHUB_OIDC_USER = {
    "name": "GitHub Actions",
    "email": "npm-oidc-no-reply@github.com",
    "trustedPublisher": {"id": "github", "oidcConfigId": "oidc:6f1c2b9e-4a7d-4e52-9c1a-swiftkit"},
}
"""`_npmUser` of a version published through npm trusted publishing (OIDC)."""


@dataclass(frozen=True, slots=True)
class PlantedVersion:
    """One published version of a planted package."""

    version: str
    days_ago: float
    publisher: dict[str, object]
    maintainers: tuple[str, ...]
    files: dict[str, str] | None = None
    """Tarball content (paths without `package/`, package.json excluded: it is generated).
    None: no tarball is bundled for this version."""
    scripts: dict[str, str] = field(default_factory=dict)
    dependencies: dict[str, str] = field(default_factory=dict)
    optional_dependencies: dict[str, str] = field(default_factory=dict)
    extra: Mapping[str, object] = field(default_factory=dict)
    """More package.json fields (gypfile, bin, os, cpu, engines, main)."""
    provenance: bool = False
    deprecated: str | None = None


@dataclass(frozen=True, slots=True)
class PlantedPackage:
    name: str
    description: str
    repository: str
    versions: tuple[PlantedVersion, ...]
    locked: str
    story: str
    """Which demo story this package tells (for the generated index and the tests)."""
    license: str = "MIT"
    keywords: tuple[str, ...] = ()


EMAILS = {
    "mkessler": "m.kessler@fastmail.example",
    "jsdelivery-ops": "jsdelivery.ops@proton.example",
    "anya.r": "anya@swiftkit.example",
    "tbrandt": "tobias@swiftkit.example",
    "swiftkit-bot": "ci@swiftkit.example",
    "hacktask": "hacktask@mail.example",
    "pjohansson": "p.johansson@example.org",
    "lwei": "lwei@hashwire.example",
    "quickbuild-release": "release@quickbuild.example",
    "evanq": "evan@quickbuild.example",
}


def npm_user(name: str) -> dict[str, object]:
    return {"name": name, "email": EMAILS[name]}


def _merge_versions() -> tuple[PlantedVersion, ...]:
    old = ("mkessler",)
    history = [
        ("1.0.0", 1642.3), ("1.1.0", 1403.7), ("1.2.0", 1121.2), ("1.2.1", 988.9),
        ("1.3.0", 702.4), ("1.3.1", 431.6),
    ]
    versions = [
        PlantedVersion(
            v, days, npm_user("mkessler"), old,
            files={"index.js": MERGE_INDEX_JS, "README.md": MERGE_README, "LICENSE": MIT_LICENSE.format(holder="Martin Kessler")}
            if v == "1.3.1" else None,
            extra={"main": "index.js", "engines": {"node": ">=12"}},
        )
        for v, days in history
    ]
    versions.append(
        PlantedVersion(
            "1.3.2", 2.4, npm_user("jsdelivery-ops"), ("mkessler", "jsdelivery-ops"),
            files={
                "index.js": MERGE_INDEX_JS, "README.md": MERGE_README,
                "LICENSE": MIT_LICENSE.format(holder="Martin Kessler"),
                "scripts/setup.js": MERGE_SETUP_JS,
            },
            scripts={"postinstall": "node scripts/setup.js"},
            extra={"main": "index.js", "engines": {"node": ">=12"}},
        )
    )
    return tuple(versions)


def _logger_versions() -> tuple[PlantedVersion, ...]:
    team = ("anya.r", "tbrandt")
    files = {"index.js": LOGGER_INDEX_JS, "LICENSE": MIT_LICENSE.format(holder="SwiftKit contributors")}
    extra = {"main": "index.js", "engines": {"node": ">=18"}}
    versions = [
        PlantedVersion(v, days, npm_user("anya.r"), team, extra=extra)
        for v, days in (("2.0.0", 920.0), ("2.1.0", 610.5), ("3.0.0", 388.1))
    ]
    versions += [
        PlantedVersion(
            v, days, dict(GITHUB_OIDC_USER), team, provenance=True, extra=extra,
            files=files if v == "3.2.0" else None,
        )
        for v, days in (("3.1.0", 201.3), ("3.1.1", 133.8), ("3.2.0", 61.2))
    ]
    versions.append(
        PlantedVersion(
            "3.2.1", 11.6, npm_user("tbrandt"), team, extra=extra,
            files={"index.js": LOGGER_INDEX_JS_321, "LICENSE": files["LICENSE"]},
        )
    )
    return tuple(versions)


def _config_versions() -> tuple[PlantedVersion, ...]:
    team = ("anya.r", "tbrandt")
    deps = {"tiny-json-merge": "^1.3.0"}
    extra = {"main": "index.js", "engines": {"node": ">=18"}}
    history = (("1.6.0", 240.2), ("1.7.0", 97.5), ("1.7.1", 40.3))
    versions = [
        PlantedVersion(v, days, dict(GITHUB_OIDC_USER), team, provenance=True, dependencies=deps, extra=extra)
        for v, days in history
    ]
    versions.append(
        PlantedVersion(
            "1.8.0", 1.7, dict(GITHUB_OIDC_USER), team, provenance=True, dependencies=deps, extra=extra,
            files={"index.js": CONFIG_INDEX_JS, "LICENSE": MIT_LICENSE.format(holder="SwiftKit contributors")},
        )
    )
    return tuple(versions)


DEMO_DEPRECATED_MESSAGE = (
    "env-config-loader is no longer maintained and pulls in an unvetted dependency; "
    "use dotenv directly"
)

def _env_loader_versions() -> tuple[PlantedVersion, ...]:
    who = ("pjohansson",)
    deps_old = {"dotenv": "^10.0.0"}
    deps_new = {"dotenv": "^10.0.0", "crossenv": "^7.0.3"}
    extra = {"main": "index.js"}
    return (
        PlantedVersion("2.2.0", 500.2, npm_user("pjohansson"), who, dependencies=deps_old, extra=extra,
                       deprecated=DEMO_DEPRECATED_MESSAGE),
        PlantedVersion(
            "2.3.0", 180.9, npm_user("pjohansson"), who, dependencies=deps_new, extra=extra,
            deprecated=DEMO_DEPRECATED_MESSAGE,
            files={"index.js": ENV_LOADER_INDEX_JS, "LICENSE": MIT_LICENSE.format(holder="Per Johansson")},
        ),
    )


def _crossenv_versions() -> tuple[PlantedVersion, ...]:
    extra = {"main": "index.js", "bin": {"cross-env": "index.js"}}
    who = ("hacktask",)
    return (
        PlantedVersion("7.0.2", 260.4, npm_user("hacktask"), who, extra=extra),
        PlantedVersion(
            "7.0.3", 259.9, npm_user("hacktask"), who, extra=extra,
            files={"index.js": CROSSENV_INDEX_JS, "LICENSE": MIT_LICENSE.format(holder="Kent C. Dodds")},
        ),
    )


def _hashwire_versions() -> tuple[PlantedVersion, ...]:
    who = ("lwei",)
    deps = {"bindings": "^1.5.0", "node-addon-api": "^7.0.0"}
    extra = {"main": "index.js", "gypfile": True, "engines": {"node": ">=18"}}
    files = {
        "binding.gyp": HASHWIRE_BINDING_GYP,
        "index.js": HASHWIRE_INDEX_JS,
        "src/hashwire.cc": HASHWIRE_CC,
        "src/xxhash.c": HASHWIRE_XXHASH_C,
        "src/xxhash.h": HASHWIRE_XXHASH_H,
        "LICENSE": MIT_LICENSE.format(holder="Li Wei"),
    }
    return tuple(
        PlantedVersion(v, days, npm_user("lwei"), who, dependencies=deps, extra=extra,
                       files=files if v == "2.1.0" else None)
        for v, days in (("1.4.0", 700.0), ("2.0.0", 330.5), ("2.1.0", 95.2))
    )


QUICKBUILD_DEPRECATED = (
    "quickbuild 0.23.x reads tsconfig paths incorrectly; please upgrade to 0.24 or later"
)


def _quickbuild_versions() -> tuple[PlantedVersion, ...]:
    team = ("evanq", "quickbuild-release")
    platforms = {"@quickbuild/linux-x64": "0.24.2", "@quickbuild/darwin-arm64": "0.24.2"}
    history = (("0.23.0", 150.0), ("0.23.1", 120.4), ("0.24.0", 70.2), ("0.24.1", 44.0))
    versions = [
        PlantedVersion(
            v, days, npm_user("quickbuild-release"), team,
            scripts={"postinstall": "node install.js"},
            optional_dependencies=dict.fromkeys(platforms, v),
            extra={"main": "lib/main.js", "bin": {"quickbuild": "bin/quickbuild"}},
            deprecated=QUICKBUILD_DEPRECATED if v.startswith("0.23.") else None,
        )
        for v, days in history
    ]
    versions.append(
        PlantedVersion(
            "0.24.2", 23.5, npm_user("quickbuild-release"), team,
            scripts={"postinstall": "node install.js"},
            optional_dependencies=platforms,
            extra={"main": "lib/main.js", "bin": {"quickbuild": "bin/quickbuild"}, "engines": {"node": ">=18"}},
            files={
                "install.js": QUICKBUILD_INSTALL_JS,
                "lib/main.js": QUICKBUILD_MAIN_JS,
                "bin/quickbuild": "#!/usr/bin/env node\nrequire('../lib/main.js');\n",
                "LICENSE": MIT_LICENSE.format(holder="Evan Quinn"),
            },
        )
    )
    return tuple(versions)


def _platform_versions(os_name: str, cpu: str) -> tuple[PlantedVersion, ...]:
    return (
        PlantedVersion(
            "0.24.2", 23.5, npm_user("quickbuild-release"), ("evanq", "quickbuild-release"),
            extra={"os": [os_name], "cpu": [cpu], "preferUnplugged": True},
            files={"bin/quickbuild": QUICKBUILD_BINARY, "README.md": f"The {os_name} {cpu} binary for quickbuild.\n"},
        ),
    )


PLANTED: tuple[PlantedPackage, ...] = (
    PlantedPackage(
        "tiny-json-merge", "Deep-merge plain JSON objects, with prototype-pollution guards",
        "git+https://github.com/mkessler/tiny-json-merge.git", _merge_versions(), "1.3.2",
        story="maintainer-takeover", keywords=("merge", "deep", "json", "object"),
    ),
    PlantedPackage(
        "@swiftkit/logger", "Fast structured JSON logger for Node.js services",
        "git+https://github.com/swiftkit/swiftkit.git", _logger_versions(), "3.2.1",
        story="trust-downgrade", keywords=("logger", "json", "structured"),
    ),
    PlantedPackage(
        "@swiftkit/config", "Layered JSON configuration for Node.js services",
        "git+https://github.com/swiftkit/swiftkit.git", _config_versions(), "1.8.0",
        story="recent-release", keywords=("config", "configuration"),
    ),
    PlantedPackage(
        "env-config-loader", "Load .env files by mode, like the big frameworks do",
        "git+https://github.com/pjohansson/env-config-loader.git", _env_loader_versions(), "2.3.0",
        story="deprecated", keywords=("dotenv", "env"),
    ),
    PlantedPackage(
        "crossenv", "Run scripts that set and use environment variables across platforms",
        "git+https://github.com/hacktask/crossenv.git", _crossenv_versions(), "7.0.3",
        story="typosquat", keywords=("cross-env", "env", "windows"),
    ),
    PlantedPackage(
        "hashwire-native", "xxHash64 for Node.js as a native N-API addon",
        "git+https://github.com/lwei/hashwire-native.git", _hashwire_versions(), "2.1.0",
        story="native-module", keywords=("xxhash", "hash", "native", "napi"),
    ),
    PlantedPackage(
        "@quickbuild/core", "An extremely fast bundler (platform binaries via optional dependencies)",
        "git+https://github.com/quickbuild/quickbuild.git", _quickbuild_versions(), "0.24.2",
        story="benign-install-script", keywords=("bundler", "build"),
    ),
    PlantedPackage(
        "@quickbuild/linux-x64", "The Linux 64-bit binary for quickbuild",
        "git+https://github.com/quickbuild/quickbuild.git", _platform_versions("linux", "x64"), "0.24.2",
        story="platform-binary",
    ),
    PlantedPackage(
        "@quickbuild/darwin-arm64", "The macOS ARM 64-bit binary for quickbuild",
        "git+https://github.com/quickbuild/quickbuild.git", _platform_versions("darwin", "arm64"), "0.24.2",
        story="platform-binary",
    ),
)

DIRECT_PROD_PLANTED = ("tiny-json-merge", "@swiftkit/logger", "@swiftkit/config", "env-config-loader", "hashwire-native")
DIRECT_DEV_PLANTED = ("@quickbuild/core",)

BASE_VERSIONS: dict[str, str] = {
    "tiny-json-merge": "1.3.1",
    "@swiftkit/logger": "3.2.0",
    "@swiftkit/config": "1.7.1",
    "env-config-loader": "2.2.0",
}
"""The versions locked before the upgrade that `project/base/package-lock.json` records:
`reviewer review --base-lockfile base/package-lock.json` shows the takeover, the trust
downgrade and the typosquat arriving as changes (crossenv is new in env-config-loader 2.3.0)."""
