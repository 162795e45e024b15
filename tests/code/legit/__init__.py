"""Legitimate code recorded from real packages (see README.md and record.py).

    LEGIT_SPECS                      # "name@version": every recorded package
    UPGRADES                         # (A spec, B spec): real releases and the one before
    legit(spec) -> Legit             # the recorded files (gzipped ones unpacked)
    Legit.tarball() -> bytes         # a .tgz of those files, `package/` prefix, like npm pack
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from servers.verdaccio import build_tarball

from legit.record import PREVIOUS

HERE = Path(__file__).resolve().parent
PACKAGES = HERE / "packages"
INDEX: dict[str, dict[str, object]] = json.loads((HERE / "packages.json").read_text())
LEGIT_SPECS: tuple[str, ...] = tuple(INDEX)
UPGRADES: tuple[tuple[str, str], ...] = tuple((old, new) for new, old in PREVIOUS.items())


@dataclass(frozen=True)
class Legit:
    spec: str
    name: str
    version: str
    files: dict[str, bytes]
    """Path inside the package -> bytes, as in the real tarball."""

    def tarball(self) -> bytes:
        return build_tarball(dict(self.files))

    @property
    def manifest(self) -> dict[str, object]:
        return dict(json.loads(self.files["package.json"]))


@cache
def legit(spec: str) -> Legit:
    entry = INDEX[spec]
    root = PACKAGES / str(entry["slug"])
    files: dict[str, bytes] = {}
    for item in entry["files"]:  # type: ignore[attr-defined]
        path = str(item["path"])
        plain = root / path
        data = plain.read_bytes() if plain.is_file() else gzip.decompress(
            (root / (path + ".gz")).read_bytes())
        assert len(data) == int(item["bytes"]), (spec, path)
        files[path] = data
    name, version = spec.rsplit("@", 1)
    return Legit(spec, name, version, files)
