"""Hostile-input suite: helpers to build projects, packuments and tarballs carrying
injection payloads, and to run commands the way a user does (`main([...])`, output
captured), asserting nothing raw reaches the terminal."""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import re
import tarfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli.main import main

OSC_TITLE = "\x1b]0;PWNED\x07"
OSC52 = "\x1b]52;c;Y3VybCBldmlsfHNo\x07"
CSI_CLEAR = "\x1b[2J\x1b[H"
HYPERLINK = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
BIDI = "\u202e"
ISOLATE = "\u2066"
ZERO_WIDTH = "\u200b"
C1 = "\x9b"
BELL = "\x07"
CR = "\r"
PAYLOADS = {
    "osc-title": OSC_TITLE, "osc52": OSC52, "csi-clear": CSI_CLEAR, "hyperlink": HYPERLINK,
    "bidi": BIDI, "isolate": ISOLATE, "zero-width": ZERO_WIDTH, "c1-csi": C1, "bell": BELL,
    "carriage-return": CR,
}
"""Each payload must never appear raw in any output."""

FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\u2028\u2029\u061c]"
)
"""Characters that must never reach a terminal or document raw (\\n and \\t are allowed)."""

HOSTILE_NAME = "evil" + OSC_TITLE + BIDI + ZERO_WIDTH + "pkg"
"""A lockfile key: not a valid npm name, but lockfiles are input."""
SHA = "sha512-" + "A" * 86 + "=="


def assert_clean(text: str, where: str = "output") -> None:
    found = FORBIDDEN.search(text)
    assert found is None, f"raw {found.group()!r} in {where}: ...{text[max(0, found.start() - 60):found.end() + 60]!r}"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def assert_clean(self) -> None:
        assert_clean(self.out, "stdout")
        assert_clean(self.err, "stderr")
        assert "Traceback" not in self.err and "internal error" not in self.err, self.err


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    def go(*argv: str) -> Result:
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return go


def npm_project(root: Path, packages: dict[str, dict[str, Any]],
                direct: Iterable[str] | None = None) -> Path:
    """A package.json + package-lock.json v3 in `root`: `packages` maps a node_modules key
    (the package name) to its lockfile entry; `direct` names the root's dependencies
    (default: every package)."""
    root.mkdir(parents=True, exist_ok=True)
    deps = {name: packages[name].get("version", "1.0.0") for name in (direct or packages)}
    (root / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0",
                                                   "dependencies": deps}))
    entries: dict[str, Any] = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for name, entry in packages.items():
        entries[f"node_modules/{name}"] = {"version": "1.0.0", **entry}
    (root / "package-lock.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
         "packages": entries}))
    return root


def tgz(files: dict[str, str | bytes], *, top: str = "package") -> bytes:
    """A gzipped tar whose entries sit under `top/`."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as archive:
        for path, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(f"{top}/{path}")
            info.size = len(data)
            info.mtime = 0
            archive.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def sri(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def packument(name: str, versions: dict[str, dict[str, Any]], base_url: str,
              **extra: Any) -> dict[str, Any]:
    """A full packument; each version dict may hold `data` (tarball bytes) plus manifest
    fields. Tarball URLs point at `base_url`."""
    docs: dict[str, Any] = {}
    times = {"created": "2020-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z"}
    for index, (version, fields) in enumerate(versions.items()):
        fields = dict(fields)
        data = fields.pop("data", None)
        dist = fields.pop("dist", None) or {
            "tarball": f"{base_url}{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz",
            "integrity": sri(data) if data is not None else SHA,
        }
        docs[version] = {"name": name, "version": version, "dist": dist,
                         "maintainers": [{"name": "alice"}], "_npmUser": {"name": "alice"},
                         **fields}
        times[version] = f"2020-0{index % 9 + 1}-01T00:00:00.000Z"
    return {"name": name, "dist-tags": {"latest": list(versions)[-1]}, "versions": docs,
            "time": times, "maintainers": [{"name": "alice"}], **extra}
