"""Facts about the real (ordinary) packages of the demo tree, used by the generator.

The ordinary packages keep their real names, versions and integrity (taken from a real
lockfile). What a lockfile does not record is added here: descriptions of the direct
dependencies, the install scripts of the packages the lockfile flags, the real deprecation
messages of well-known deprecated versions, and real advisories (GitHub advisory ids and
ranges) for versions in the tree that fall inside them. Maintainer handles and publish
times of ordinary packages are synthesised by the generator: they are demo data.
"""

from __future__ import annotations

from collections.abc import Callable

DEMO_ROOTS_PROD: tuple[str, ...] = ("express", "sqlite3", "dotenv")
DEMO_ROOTS_DEV: tuple[str, ...] = (
    "webpack", "webpack-dev-server", "resolve-url-loader", "@babel/core", "eslint",
    "postcss", "tailwindcss", "nodemon",
)
"""The direct dependencies taken from the base lockfile; their closure is the ordinary tree."""

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "express": ("Fast, unopinionated, minimalist web framework", "git+https://github.com/expressjs/express.git"),
    "sqlite3": ("Asynchronous, non-blocking SQLite3 bindings", "git+https://github.com/TryGhost/node-sqlite3.git"),
    "dotenv": ("Loads environment variables from .env file", "git+https://github.com/motdotla/dotenv.git"),
    "webpack": (
        "Packs ECMAScript/CommonJs/AMD modules for the browser. Allows you to split your codebase into multiple bundles, which can be loaded on demand.",
        "git+https://github.com/webpack/webpack.git",
    ),
    "webpack-dev-server": ("Serves a webpack app. Updates the browser on changes.", "git+https://github.com/webpack/webpack-dev-server.git"),
    "resolve-url-loader": (
        "Webpack loader that resolves relative paths in url() statements based on the original source file",
        "git+https://github.com/bholloway/resolve-url-loader.git",
    ),
    "@babel/core": ("Babel compiler core.", "git+https://github.com/babel/babel.git"),
    "eslint": ("An AST-based pattern checker for JavaScript.", "git+https://github.com/eslint/eslint.git"),
    "postcss": ("Tool for transforming styles with JS plugins", "git+https://github.com/postcss/postcss.git"),
    "tailwindcss": ("A utility-first CSS framework for rapidly building custom user interfaces.", "git+https://github.com/tailwindlabs/tailwindcss.git"),
    "nodemon": ("Simple monitor script for use during development of a Node.js app.", "git+https://github.com/remy/nodemon.git"),
    "inflight": ("Add callbacks to requests in flight to avoid async duplication", "git+https://github.com/npm/inflight.git"),
}

INSTALL_SCRIPTS: dict[str, dict[str, object]] = {
    "sqlite3": {"scripts": {"install": "prebuild-install -r napi || node-gyp rebuild"}, "gypfile": True},
}
"""Manifest fields of the ordinary packages that the lockfile flags with hasInstallScript."""


def _major_below(limit: int) -> Callable[[str], bool]:
    def check(version: str) -> bool:
        head = version.split(".", 1)[0]
        return head.isdigit() and int(head) < limit

    return check


def _exact(wanted: str) -> Callable[[str], bool]:
    return lambda version: version == wanted


NO_LONGER_SUPPORTED = "This package is no longer supported."

DEPRECATIONS: dict[str, tuple[Callable[[str], bool], str]] = {
    "inflight": (
        _exact("1.0.6"),
        "This module is not supported, and leaks memory. Do not use it. Check out lru-cache if you "
        "want a good and tested way to coalesce async requests by a key value, which is much more "
        "comprehensive and powerful.",
    ),
    "glob": (_major_below(9), "Glob versions prior to v9 are no longer supported"),
    "rimraf": (_major_below(4), "Rimraf versions prior to v4 are no longer supported"),
    "@humanwhocodes/config-array": (_major_below(99), "Use @eslint/config-array instead"),
    "@humanwhocodes/object-schema": (_major_below(99), "Use @eslint/object-schema instead"),
    "npmlog": (_major_below(99), NO_LONGER_SUPPORTED),
    "are-we-there-yet": (_major_below(99), NO_LONGER_SUPPORTED),
    "gauge": (_major_below(99), NO_LONGER_SUPPORTED),
    "@npmcli/move-file": (_major_below(99), "This functionality has been moved to @npmcli/fs"),
    "sourcemap-codec": (_major_below(99), "Please use @jridgewell/sourcemap-codec instead"),
}
"""Real deprecation messages: name -> (which versions, message)."""


def deprecation_of(name: str, version: str) -> str | None:
    entry = DEPRECATIONS.get(name)
    if entry is None or not entry[0](version):
        return None
    return entry[1]


ADVISORIES: tuple[dict[str, object], ...] = (
    {
        "name": "webpack-dev-server",
        "source": 1103895,
        "title": "webpack-dev-server users' source code may be stolen when they access a malicious web site with non-Chromium based browser",
        "url": "https://github.com/advisories/GHSA-9jgg-88mc-972h",
        "severity": "moderate",
        "cwe": ["CWE-346"],
        "cvss": {"score": 6.5, "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N"},
        "range": "<=5.2.0",
    },
    {
        "name": "webpack-dev-server",
        "source": 1103896,
        "title": "webpack-dev-server users' source code may be stolen when they access a malicious web site",
        "url": "https://github.com/advisories/GHSA-4v9v-hfq4-rm2v",
        "severity": "moderate",
        "cwe": ["CWE-749"],
        "cvss": {"score": 5.3, "vectorString": "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:N/A:N"},
        "range": "<=5.2.0",
    },
    {
        "name": "postcss",
        "source": 1094544,
        "title": "PostCSS line return parsing error",
        "url": "https://github.com/advisories/GHSA-7fh5-64p2-3v2j",
        "severity": "moderate",
        "cwe": ["CWE-74", "CWE-144"],
        "cvss": {"score": 5.3, "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N"},
        "range": "<8.4.31",
    },
)
"""Real advisories (GHSA ids, ranges, CWE, CVSS) for versions in the demo tree. The numeric
npm `source` ids are illustrative."""

ADVISORY_FIXES: dict[str, object] = {
    "webpack-dev-server": {"name": "webpack-dev-server", "version": "5.2.2", "isSemVerMajor": True},
    "postcss": {"name": "resolve-url-loader", "version": "5.0.0", "isSemVerMajor": True},
    "resolve-url-loader": {"name": "resolve-url-loader", "version": "5.0.0", "isSemVerMajor": True},
}
METAVULNS: dict[str, tuple[str, str]] = {
    "resolve-url-loader": ("postcss", "0.0.1-experimental - 0.0.1-experimental || 2.2.0 - 4.0.0"),
}
"""Packages vulnerable only through a dependency: name -> (vulnerable dependency, range)."""
