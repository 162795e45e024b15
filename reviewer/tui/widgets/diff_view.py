"""The Diff tab: the locked version against another published version (`reviewer.diff`)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from reviewer.graph.model import Source
from reviewer.session import ReviewSession
from reviewer.tui.badges import Palette
from reviewer.tui.text import one_line, safe_code

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
    package = session.package(key)
    if package.source is not Source.REGISTRY:
        return Text(f"{package.source.value} source: no other published versions.", style=palette.unknown)
    await session.packument(package.name)
    other = other or default_other(session, key)
    if other is None:
        return Text("No other published version to compare with.", style=palette.muted)
    from reviewer.diff import diff_tarballs, format_diff

    old = await session.tarball(key)
    new = await session.tarball_of(package.name, other)
    result = diff_tarballs(old, new, package.version, other)
    header = Text.assemble(one_line(f"{package.name}@{package.version}", "bold"), (" → ", palette.muted),
                           one_line(f"{package.name}@{other}", "bold"),
                           (f"   {len(result.files)} file(s) differ", palette.muted))
    return Group(header, Text(), safe_code(format_diff(result), "diff"))
