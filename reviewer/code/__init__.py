"""Code analysis: what the code of a package version can do, file by file, and what
changed A->B. A pure analysis layer (tree-sitter's JavaScript grammar, no I/O besides the
results cache); it imports nothing from the application, CLI, TUI or policy layers.

    ANALYZER_VERSION
    analyze_package(files, manifest=None, *, time_budget_s=20.0) -> PackageCode
    compare_packages(old, new) -> CodeChanges
    grade(new, changes=None) -> list[CodeFinding]
    analyze_tarball_bytes(tgz, *, previous=None) -> CodeVerdict
"""

from __future__ import annotations

from reviewer.code.analyze import analyze_package
from reviewer.code.compare import compare_packages
from reviewer.code.grade import grade
from reviewer.code.model import (
    KIND_WORDS,
    KINDS,
    Capability,
    CodeChanges,
    CodeFinding,
    CodeVerdict,
    FileChange,
    FileCode,
    PackageCode,
)


def _analyzer_version() -> str:
    """"1." + a hash of this package's sources: any change to a rule or a grade is a new
    version, so cached results of older analysers are never used."""
    from reviewer.source_digest import source_digest

    return "1." + source_digest("code")[:12]


ANALYZER_VERSION = _analyzer_version()
"""Part of every results-cache key."""


def analyze_tarball_bytes(tgz: bytes, *, previous: bytes | None = None,
                          time_budget_s: float = 20.0) -> CodeVerdict:
    """Analyse a .tgz (and compare with `previous`, another .tgz of the same package)."""
    from reviewer.code.tarballs import files_of_tgz

    code = analyze_package(files_of_tgz(tgz), time_budget_s=time_budget_s)
    old = analyze_package(files_of_tgz(previous), time_budget_s=time_budget_s) if previous is not None else None
    changes = compare_packages(old, code) if old is not None else None
    findings = grade(code, changes)
    severity = max((f.severity for f in findings), default=None)
    return CodeVerdict(severity, findings, code.incomplete is not None, code, changes)


__all__ = [
    "ANALYZER_VERSION", "KINDS", "KIND_WORDS", "Capability", "CodeChanges", "CodeFinding", "CodeVerdict",
    "FileChange", "FileCode", "PackageCode", "analyze_package", "analyze_tarball_bytes", "compare_packages",
    "grade",
]
