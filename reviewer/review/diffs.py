"""The file diff A->B of each change, on demand (`reviewer review --diff`, the TUI's Diff tab).

Both tarballs are fetched through the provider (verified against the lockfile's integrity
before any byte is read) and compared with `reviewer.review.diff.diff_tarballs`. Registry
packages are fetched from the configured registry; tarball-URL packages from their URL.
A change without two tarballs (added, removed, a git/file/link side) gets no diff or a
diff with `error` saying why; a fetch failure is an `error`, never an exception.
The head tarball of a registry package is also compared with its registry manifest
(manifest-confusion): the finding rides on the diff and joins the change's findings.
"""

from __future__ import annotations

import asyncio

from reviewer.errors import ReviewerError
from reviewer.graph.model import Package, Source
from reviewer.registry.interface import MetadataProvider, TarballContents
from reviewer.review.changes import Change, ChangeSet
from reviewer.review.report import PackageDiff
from reviewer.signals.finding import Finding

_FETCHABLE = (Source.REGISTRY, Source.TARBALL)


async def diff_change(change: Change, provider: MetadataProvider) -> PackageDiff | None:
    """The diff of one change; None when it has only one side (added or removed)."""
    from reviewer.review.diff import diff_tarballs

    if change.base is None or change.head is None:
        return None
    for package in (change.base, change.head):
        if package.source not in _FETCHABLE:
            return PackageDiff((), error=f"{package.key} comes from a {package.source} source: "
                                         "no published tarball to compare")
    try:
        old, new = await asyncio.gather(_tarball(change.base, provider),
                                        _tarball(change.head, provider))
    except ReviewerError as error:
        return PackageDiff((), error=str(error))
    diff = diff_tarballs(old, new, change.base.version, change.head.version)
    confusion = await _confusion(change.head, new, provider)
    return PackageDiff(diff.files, diff.manifest, diff.unsafe,
                       findings=() if confusion is None else (confusion,))


async def _confusion(package: Package, tarball: TarballContents, provider: MetadataProvider) -> Finding | None:
    from reviewer.signals.manifest_confusion import manifest_confusion

    if package.source is not Source.REGISTRY:
        return None
    try:
        manifest = (await provider.packument(package.name)).version(package.version)
    except ReviewerError:
        return None  # the signals part says the metadata is unavailable
    return manifest_confusion(package.key, tarball, manifest)


async def _tarball(package: Package, provider: MetadataProvider) -> TarballContents:
    url = package.resolved if package.source is Source.TARBALL else None
    return await provider.tarball(package.name, package.version, package.integrity, url)


async def diff_changes(
    changes: ChangeSet, provider: MetadataProvider, *, concurrency: int = 8
) -> dict[str, PackageDiff]:
    """Diffs per `Change.id` for every change that has two sides."""
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(change: Change) -> tuple[str, PackageDiff | None]:
        async with gate:
            return change.id, await diff_change(change, provider)

    results = await asyncio.gather(*(one(change) for change in changes))
    return {key: diff for key, diff in results if diff is not None}
