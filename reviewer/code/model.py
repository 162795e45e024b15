"""What the code analysis produces: capabilities per file, per package, their changes A->B,
and graded findings. Plain frozen dataclasses with a JSON form (the results cache stores
`PackageCode.to_json()`).

Every `snippet` and `detail` comes from an untrusted package: render as plain text only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reviewer.signals.finding import Severity

KINDS: tuple[str, ...] = (
    "network", "process", "fs-write", "env", "credentials", "dynamic-code",
    "runtime-hook", "propagation", "obfuscation",
)
"""Capability kinds, in the order summaries list them."""

KIND_WORDS: dict[str, str] = {
    "network": "network access",
    "process": "runs processes",
    "fs-write": "writes files",
    "env": "reads environment variables",
    "credentials": "credential material",
    "dynamic-code": "dynamic code",
    "runtime-hook": "runtime hooks",
    "propagation": "propagation",
    "obfuscation": "obfuscation",
}


@dataclass(frozen=True, slots=True)
class Capability:
    """One thing a file's code can do, where it is written."""

    kind: str
    """One of KINDS."""
    detail: str
    """What exactly: a module (`https`), a variable (`NPM_TOKEN`), a call (`eval`)."""
    file: str
    line: int
    """1-based editor line: only `\\n` (and so `\\r\\n`) ends a line."""
    snippet: str
    """The code at that place, shortened to one line (untrusted)."""
    size: int = 0
    """Bytes concerned (obfuscated code, blobs); 0 when not measured."""
    offset: int = -1
    """Byte offset in the file (-1: not known, e.g. shell lines): how near two
    capabilities are in a bundle whose lines are tens of KB long."""

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.detail)

    def to_json(self) -> list[Any]:
        return [self.kind, self.detail, self.line, self.snippet, self.size, self.offset]

    @classmethod
    def from_json(cls, file: str, raw: list[Any]) -> Capability:
        offset = int(raw[5]) if len(raw) > 5 else -1
        return cls(str(raw[0]), str(raw[1]), file, int(raw[2]), str(raw[3]), int(raw[4]), offset)


@dataclass(frozen=True, slots=True)
class FileCode:
    """The capabilities of one file (or of one inline script: `<postinstall>`)."""

    path: str
    language: str
    """"js", "shell", "batch" or "powershell"."""
    roles: tuple[str, ...]
    """Why it was read: "entry", "import" (required by an entry), "install" (run by an
    install script, directly or through requires), "inline" (a script line itself)."""
    parser: str
    """"tree-sitter", "tokens" (the parser rejected it: token-level scan) or "lines" (shell)."""
    digest: str
    """sha256 of the bytes, to tell changed files A->B."""
    size: int
    capabilities: tuple[Capability, ...] = ()
    note: str | None = None
    """Why the scan is less precise than usual (parser fallback), or None."""

    @property
    def install_time(self) -> bool:
        return "install" in self.roles or "inline" in self.roles

    @property
    def runtime(self) -> bool:
        return "entry" in self.roles or "import" in self.roles

    def kinds(self) -> set[str]:
        return {c.kind for c in self.capabilities}

    def of(self, kind: str) -> list[Capability]:
        return [c for c in self.capabilities if c.kind == kind]

    def obfuscated_bytes(self) -> int:
        return sum(c.size for c in self.capabilities if c.kind == "obfuscation" and c.detail in OBFUSCATED)

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "language": self.language, "roles": list(self.roles),
                "parser": self.parser, "digest": self.digest, "size": self.size,
                "note": self.note, "capabilities": [c.to_json() for c in self.capabilities]}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> FileCode:
        path = str(raw["path"])
        return cls(path, str(raw["language"]), tuple(raw["roles"]), str(raw["parser"]),
                   str(raw["digest"]), int(raw["size"]),
                   tuple(Capability.from_json(path, c) for c in raw["capabilities"]),
                   raw.get("note"))


OBFUSCATED: frozenset[str] = frozenset({
    "_0x identifiers", "rotated string array", "packed code", "code hidden past whitespace",
})
"""Obfuscation details that mean "this code was made unreadable on purpose" (a long
minified line, a high-entropy string, or an encoded blob decoded at run time alone does
not: yarn and many bundles carry compressed assets; a blob decoded and then run is the
"decodes hidden code and runs it" combination, graded on its own)."""


@dataclass(frozen=True, slots=True)
class PackageCode:
    """Everything the analysis read in one package version."""

    name: str
    version: str
    files: tuple[FileCode, ...]
    install_scripts: Mapping[str, str] = field(default_factory=dict)
    unresolved: tuple[str, ...] = ()
    """What scripts run that is not in the package (a dependency's bin, a missing file)."""
    incomplete: str | None = None
    """Why the analysis stopped early (time budget), or None when every file was read."""
    bytes_read: int = 0
    seconds: float = 0.0

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"

    def file(self, path: str) -> FileCode | None:
        return next((f for f in self.files if f.path == path), None)

    def capabilities(self) -> list[Capability]:
        return [c for f in self.files for c in f.capabilities]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version,
                "files": [f.to_json() for f in self.files],
                "install_scripts": dict(self.install_scripts), "unresolved": list(self.unresolved),
                "incomplete": self.incomplete, "bytes_read": self.bytes_read, "seconds": self.seconds}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> PackageCode:
        return cls(str(raw["name"]), str(raw["version"]),
                   tuple(FileCode.from_json(f) for f in raw["files"]),
                   dict(raw.get("install_scripts") or {}), tuple(raw.get("unresolved") or ()),
                   raw.get("incomplete"), int(raw.get("bytes_read") or 0),
                   float(raw.get("seconds") or 0.0))


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file A->B: "added", "changed" or "unchanged", and the capabilities of B's file
    that no file of A had (by kind and detail; see `compare.py`)."""

    path: str
    status: str
    new: tuple[Capability, ...] = ()
    obfuscated_growth: int = 0
    """Bytes of obfuscated code B's file has beyond A's."""


@dataclass(frozen=True, slots=True)
class CodeChanges:
    """Capability changes between two versions (`old_version` None: nothing to compare)."""

    old_version: str | None
    new_version: str
    files: tuple[FileChange, ...] = ()
    new_install_scripts: tuple[str, ...] = ()
    """Install hooks B has that A did not have (or that changed)."""

    def change(self, path: str) -> FileChange | None:
        return next((f for f in self.files if f.path == path), None)

    def new_capabilities(self) -> list[Capability]:
        return [c for f in self.files for c in f.new]

    def is_new(self, cap: Capability) -> bool:
        change = self.change(cap.file)
        if change is None:
            return self.old_version is None
        return cap.key in {c.key for c in change.new}


@dataclass(frozen=True, slots=True)
class CodeFinding:
    """One graded finding: a severity and one line a person understands."""

    severity: Severity
    summary: str
    kind: str
    """The capability kind that decided it (or "incomplete", "install-script")."""
    file: str | None = None
    line: int | None = None
    snippet: str | None = None
    new: bool = False
    """True when A->B made it new (the file or the capability did not exist in A)."""
    evidence: tuple[Capability, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"severity": str(self.severity), "summary": self.summary, "kind": self.kind,
                "file": self.file, "line": self.line, "snippet": self.snippet, "new": self.new}


@dataclass(frozen=True, slots=True)
class CodeVerdict:
    """What `analyze_tarball_bytes` says about one tarball (and its change from a previous one)."""

    severity: Severity | None
    """The worst finding's severity; None when nothing was found."""
    findings: list[CodeFinding]
    incomplete: bool
    code: PackageCode
    changes: CodeChanges | None = None
