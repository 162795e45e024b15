"""The typosquat table: documented squats, synthetic one-edit squats, and legitimate names.

Shared by tests/signals/test_typosquat.py and tests/bench/eval_typosquat.py (which also
measures the false-alarm rate on names ranked 20,001-40,000)."""

from __future__ import annotations

import random
import string

DOCUMENTED: dict[str, str | None] = {
    # name -> the package it imitated on npm, or None when no listed npm package has a
    # name like it (the name of a C library or of another ecosystem's package: no
    # lookalike rule can catch those, and they count as misses).
    # 2017, the "hacktask" campaign (npm's removal notice, August 2017).
    "crossenv": "cross-env", "cross-env.js": "cross-env", "jquery.js": "jquery",
    "nodesass": "node-sass", "nodemailer.js": "nodemailer", "nodemailer-js": "nodemailer",
    "mssql-node": "mssql", "mssql.js": "mssql", "nodemssql": "mssql", "mysqljs": "mysql",
    "babelcli": "babel-cli", "d3.js": "d3", "fabric-js": "fabric", "node-fabric": "fabric",
    "nodefabric": "fabric", "ffmepg": "ffmpeg", "gruntcli": "grunt-cli",
    "http-proxy.js": "http-proxy", "mongose": "mongoose", "noderequest": "request",
    "node-sqlite": "sqlite", "nodesqlite": "sqlite", "sqlite.js": "sqlite",
    "sqliter": "sqlite", "nodeffmpeg": "ffmpeg", "proxy.js": "proxy",
    "node-opencv": None, "opencv.js": None, "node-opensl": None, "node-openssl": None,
    "openssl.js": None, "nodecaffe": None, "node-tkinter": None, "tkinter": None,
    "shadowsock": None, "smb": None, "sqlserver": None,
    # later campaigns (npm, Sonatype, ReversingLabs, Phylum and Socket write-ups)
    "electorn": "electron", "loadyaml": None, "discord.dll": "discord.js",
    "discordi.js": "discord.js", "noblox.js-proxy": None, "twilio-npm": "twilio",
    "typescriptjs": "typescript", "umbrellaks": "umbrellajs",
    "@typescript_eslinter/eslint": "@typescript-eslint/eslint-plugin",
    "@acitons/artifact": "@actions/artifact",
}
"""Documented squats: names published as malware and removed, from public reports."""

SHAPES: dict[str, str] = {
    # the shapes the issue names, on popular targets
    "cross_env": "cross-env", "lodahs": "lodash", "axois": "axios", "reqeust": "request",
    "jquerry": "jquery", "expresss": "express", "webpack-dev-servr": "webpack-dev-server",
    "@types-node/x": "@types/node", "types-node": "@types/node", "@bable/core": "@babel/core",
    "l0dash": "lodash", "exprress": "express", "coffe-script": "coffee-script",
    "react-dom.js": "react-dom", "js-chalk": "chalk", "moment-node": "moment",
    "eslint-plugin-reactt": "eslint-plugin-react", "axlos": "axios", "colours": "colors",
}
"""Lookalikes of each shape: separator, transposition, doubled letter, affix, scope, homoglyph."""

POPULAR = [
    "cross-env", "lodash", "react", "react-dom", "express", "@types/node", "@babel/core",
    "debug", "semver", "chalk", "colors", "classnames", "uuid", "ws", "mime", "mime-types",
    "request", "core-js", "tslib", "typescript", "esbuild", "webpack", "electron",
    "node-fetch", "event-stream", "jest", "eslint", "prettier", "axios", "moment", "mariadb",
    "once", "consola", "sqlite", "sqlite3", "mysql", "mysql2", "node-sass", "sass",
    "discord.js", "js-yaml", "yaml", "@typescript-eslint/parser", "@actions/core",
]
"""Popular names: never flagged."""

LEGITIMATE = [
    "nonce", "console", "@iconify-json/mdi", "@myorg/lodash", "@babel/coer", "pngjs2", "bootstrap-4",
    "left-pad-xyz-unique", "abc", "preact", "redux", "vuex", "yarn", "pnpm", "jsdom",
]
"""Legitimate names below the popular ones (or made up, unrelated): never flagged."""

KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
HOMOGLYPH = {"l": "1", "o": "0", "m": "rn", "w": "vv", "i": "1"}


def _neighbours(ch: str) -> str:
    for row in KEYBOARD:
        i = row.find(ch)
        if i >= 0:
            return row[max(i - 1, 0):i] + row[i + 1:i + 2]
    return ""


def mutate(name: str, kind: str, rng: random.Random) -> str | None:
    """One synthetic squat of `name` of the given kind (None when `name` has no such form)."""
    scope, rest = (name[1:].split("/", 1) if name.startswith("@") else (None, name))
    if scope is not None and kind != "scope":
        return None  # inside its own scope only the owner publishes: no squat there
    word = scope if kind == "scope" else rest
    if word is None or len(word) < 4:
        return None
    letters = [i for i, c in enumerate(word) if c in string.ascii_lowercase]
    if not letters:
        return None
    i = rng.choice(letters[1:] or letters)
    if kind == "transposition":
        j = i - 1
        if j < 0 or word[j] == word[i]:
            return None
        new = word[:j] + word[i] + word[j] + word[i + 1:]
    elif kind == "omission":
        new = word[:i] + word[i + 1:]
    elif kind == "doubled-letter":
        new = word[:i] + word[i] + word[i:]
    elif kind in ("substitution", "insertion"):
        near = _neighbours(word[i])
        if not near:
            return None
        ch = rng.choice(near)
        new = word[:i] + ch + word[i + (kind == "substitution"):]
    elif kind == "homoglyph":
        spots = [k for k, c in enumerate(word) if c in HOMOGLYPH]
        if not spots:
            return None
        k = rng.choice(spots)
        new = word[:k] + HOMOGLYPH[word[k]] + word[k + 1:]
    elif kind == "separator":
        if "-" in word:
            new = word.replace("-", rng.choice(["", "_", "."]), 1)
        else:
            return None
    elif kind == "affix":
        new = rng.choice(["node-{}", "{}.js", "{}-js", "{}-node", "node{}", "js-{}"]).format(word)
    elif kind == "scope":
        if scope is None:
            return None
        new = word[:i] + word[i + 1:] if len(word) > 5 else word[:i] + word[i] + word[i:]
        return f"@{new}/{rest}"
    else:
        raise ValueError(kind)
    return f"@{scope}/{new}" if scope is not None else new


SYNTHETIC_KINDS = ("transposition", "omission", "doubled-letter", "substitution", "insertion",
                   "homoglyph", "separator", "affix", "scope")


def synthetic(targets: list[str], existing: set[str], count: int, seed: int = 13) -> list[tuple[str, str, str]]:
    """`count` synthetic squats (name, target, kind) of `targets`, none an existing name."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    while len(out) < count:
        target = rng.choice(targets)
        kind = rng.choice(SYNTHETIC_KINDS)
        name = mutate(target, kind, rng)
        if name is None or name in existing or name in seen:
            continue
        seen.add(name)
        out.append((name, target, kind))
    return out
