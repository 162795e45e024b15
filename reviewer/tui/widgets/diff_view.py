"""The Diff tab: the locked version against another published version (`reviewer.review.diff`).

In review mode the other version defaults to the change's base version, and the diff reads
base → head (what the upgrade brings in)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from reviewer.app.session import ReviewSession
from reviewer.errors import ReviewerError
from reviewer.graph.model import Source
from reviewer.registry.interface import TarballContents
from reviewer.tui.badges import Palette
from reviewer.tui.text import one_line, safe_code, styled
from reviewer.tui.widgets.change_label import change_line

MAX_CHOICES = 30


def diff_versions(session: ReviewSession, key: str) -> list[str]:
    """Other published versions to compare with, newest first (from the fetched packument)."""
    package = session.package(key)
    document = session.packuments.get(package.name)
    if document is None:
        return []

    def when(version: str) -> str:
        published = document.published(version)
        return published.isoformat() if published else ""

    others = [v for v in document.versions if v != package.version]
    return sorted(others, key=when, reverse=True)[:MAX_CHOICES]


def base_version(session: ReviewSession, key: str) -> str | None:
    """Review mode: the base lockfile's version of the change to `key`, when it differs."""
    change = session.change_of(key)
    if change is None or change.from_version in (None, change.to_version):
        return None
    return change.from_version


def default_other(session: ReviewSession, key: str) -> str | None:
    """`latest` when it differs from the locked version, else the newest other version."""
    package = session.package(key)
    document = session.packuments.get(package.name)
    if document is None:
        return None
    latest = document.dist_tags.get("latest")
    if latest and latest != package.version and latest in document.versions:
        return latest
    others = diff_versions(session, key)
    return others[0] if others else None


async def load_diff(session: ReviewSession, key: str, other: str | None,
                    palette: Palette) -> RenderableType:
    change = session.change_of(key)
    if change is None:
        return await _diff(session, key, other, palette)
    try:  # review mode: the change stays in sight above whatever the diff turns out to be
        body = await _diff(session, key, other, palette)
    except ReviewerError as error:
        body = Text.assemble(("Could not load: ", palette.danger), styled(str(error)))
    return Group(change_line(change, palette), Text(), body)


async def _diff(session: ReviewSession, key: str, other: str | None,
                palette: Palette) -> RenderableType:
    package = session.package(key)
    if package.source is not Source.REGISTRY:
        return Text(f"{package.source.value} source: no other published versions.", style=palette.unknown)
    await session.packument(package.name)
    other = other or default_other(session, key)
    if other is None:
        return Text("No other published version to compare with.", style=palette.muted)
    from reviewer.review.diff import diff_tarballs, format_diff

    locked = await session.tarball(key)
    chosen = await session.tarball_of(package.name, other)
    if other == base_version(session, key):  # review mode: what the change brings in
        result = diff_tarballs(chosen, locked, other, package.version)
        before, after = other, package.version
    else:
        result = diff_tarballs(locked, chosen, package.version, other)
        before, after = package.version, other
    header = Text.assemble(one_line(f"{package.name}@{before}", "bold"), (" → ", palette.muted),
                           one_line(f"{package.name}@{after}", "bold"),
                           (f"   {len(result.files)} file(s) differ", palette.muted))
    warnings = await _confusions(session, package.name, ((package.version, locked), (other, chosen)), palette)
    return Group(header, *warnings, Text(), safe_code(format_diff(result), "diff"))


async def _confusions(session: ReviewSession, name: str,
                      tarballs: tuple[tuple[str, TarballContents], ...], palette: Palette) -> list[Text]:
    """A line per tarball whose package.json differs from its registry manifest."""
    from reviewer.signals.manifest_confusion import manifest_confusion

    document = await session.packument(name)
    lines = []
    for version, tarball in tarballs:
        finding = manifest_confusion(f"{name}@{version}", tarball, document.version(version))
        if finding is not None:
            lines.append(Text.assemble(("manifest confusion  ", palette.danger),
                                       styled(f"{finding.package}: {finding.summary}")))
    return lines
