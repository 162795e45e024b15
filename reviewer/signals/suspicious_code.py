"""suspicious-code: what the code of a package version can do (`reviewer.code`), graded,
and compared with another version: the one an upgrade comes from (`review`), else the
previous release (`report`, browsing) when its tarball can be fetched — and said when not.

One Finding per package version: the worst code finding's line as its summary, every code
finding in `details["findings"]`, the capabilities per file in `details["files"]` (the TUI's
Code view), what was compared in `details["compared_with"]` / `details["compare_note"]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from reviewer.code import (
    ANALYZER_VERSION,
    CodeChanges,
    CodeFinding,
    PackageCode,
    grade,
)
from reviewer.code import cache as code_cache
from reviewer.code.compare import compare_packages
from reviewer.code.tarballs import TarballFiles, analyze_elsewhere
from reviewer.errors import ReviewerError
from reviewer.registry.documents import Packument
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.signals.common import shorten
from reviewer.signals.finding import Evidence, Finding
from reviewer.signals.settings import ReviewSettings

SIGNAL = "suspicious-code"
MAX_EVIDENCE = 40
MAX_CAPABILITIES = 400
_WORKERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="code-analysis")
"""Analyses at once in this process (CPU-bound, in threads, so the event loop keeps reading
meanwhile), when they are not in a worker process (`reviewer.workers`)."""


async def package_code(name: str, version: str, integrity: str | None, provider: MetadataProvider,
                       settings: ReviewSettings, tarball: TarballContents | None = None,
                       url: str | None = None) -> PackageCode | str:
    """The analysed code of `name@version` (results cache first), or why it is unknown."""
    cached = code_cache.load(settings.scan_cache_dir, f"{name}@{version}", integrity)
    if cached is not None:
        return cached
    if tarball is None:
        try:
            tarball = await provider.tarball(name, version, integrity, url)
        except ReviewerError as error:
            return f"tarball unavailable: {shorten(str(error), 80)}"
    code = await analyze_elsewhere(TarballFiles(tarball), time_budget_s=settings.code_time_budget,
                                   here=_WORKERS)
    code_cache.store(settings.scan_cache_dir, f"{name}@{version}", integrity, code)
    return code


async def code_finding(
    key: str,
    code: PackageCode,
    provider: MetadataProvider,
    settings: ReviewSettings,
    *,
    previous: tuple[str, str | None] | None = None,
    packument: Packument | None = None,
) -> Finding | None:
    """The suspicious-code finding of one analysed version. `previous`: (version, integrity)
    to compare with (an upgrade's A); else, when `packument` is given and the version has
    something to say, its previous release is fetched and compared."""
    findings = grade(code)
    compared_with: str | None = None
    note: str | None = None
    if previous is None and packument is not None and findings:
        from reviewer.signals.history import previous_release

        before, _ = previous_release(packument, code.version or key.rsplit("@", 1)[-1])
        if before is None:
            note = "no earlier release to compare with"
        else:
            manifest = packument.version(before)
            previous = (before, manifest.integrity if manifest is not None else None)
    changes: CodeChanges | None = None
    if previous is not None and (findings or packument is None):
        name = key.rsplit("@", 1)[0]
        old = await package_code(name, previous[0], previous[1], provider, settings)
        if isinstance(old, str):
            note = f"not compared with {previous[0]}: {old}"
        else:
            changes = compare_packages(old, code)
            compared_with = previous[0]
            findings = grade(code, changes)
    if not findings:
        return None
    return to_finding(key, code, findings, changes, compared_with, note)


def to_finding(key: str, code: PackageCode, findings: Sequence[CodeFinding], changes: CodeChanges | None,
               compared_with: str | None, note: str | None) -> Finding:
    top = findings[0]
    suffix = f" (+{len(findings) - 1} more)" if len(findings) > 1 else ""
    if note and note.startswith("not compared"):
        suffix += f" ({note.split(':', 1)[0]}: unavailable)"
    summary = shorten(top.summary, 200 - len(suffix)) + suffix
    evidence: list[Evidence] = []
    for finding in findings:
        evidence.extend(Evidence(cap.file, cap.line, cap.snippet) for cap in finding.evidence[:4])
        if not finding.evidence and finding.file:
            evidence.append(Evidence(finding.file, finding.line, finding.snippet))
    return Finding(
        id=SIGNAL,
        severity=top.severity,
        summary=summary,
        package=key,
        evidence=tuple(evidence[:MAX_EVIDENCE]),
        details={
            "findings": [f.to_json() for f in findings],
            "files": files_json(code, changes),
            "compared_with": compared_with,
            "compare_note": note,
            "incomplete": code.incomplete,
            "unresolved": list(code.unresolved),
            "analyzer": ANALYZER_VERSION,
        },
    )


def files_json(code: PackageCode, changes: CodeChanges | None) -> list[dict[str, Any]]:
    """Capabilities per file for the Code view: each as [kind, detail, line, snippet, new]."""
    out: list[dict[str, Any]] = []
    budget = MAX_CAPABILITIES
    for file in code.files:
        change = changes.change(file.path) if changes is not None else None
        fresh = {c.key for c in change.new} if change is not None else set()
        caps = [[c.kind, c.detail, c.line, c.snippet, c.key in fresh or (change is not None and change.status == "added")]
                for c in file.capabilities[:max(0, budget)]]
        budget -= len(caps)
        out.append({"path": file.path, "roles": list(file.roles), "parser": file.parser, "note": file.note,
                    "status": change.status if change is not None else None, "capabilities": caps})
    return out
