"""The Diff tab: another published version against the locked one (`reviewer.review.diff`).

It always reads the way the change happened: the other version → the locked version, so
that what the locked version added shows as added. The other version is the change's base
in review mode, else the release before the locked one (by publish time, or by semver when
the registry gives no times), or whichever version the user picks; the header says which."""

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
    """Other published versions to compare with, newest first (from the fetched packument),
    in release order (publish time, or semver when the registry gives no times)."""
    from reviewer.signals.history import release_order

    package = session.package(key)
    document = session.packuments.get(package.name)
    if document is None:
        return []
    ordered = release_order(document)[0]
    others = [v for v in reversed(ordered) if v != package.version]
    chosen = others[:MAX_CHOICES]
    previous = previous_version(session, key)
    if previous is not None and previous not in chosen:
        chosen.append(previous)
    return chosen


def base_version(session: ReviewSession, key: str) -> str | None:
    """Review mode: the base lockfile's version of the change to `key`, when it differs."""
    change = session.change_of(key)
    if change is None or change.from_version in (None, change.to_version):
        return None
    return change.from_version


def previous_version(session: ReviewSession, key: str) -> str | None:
    """The release just before the locked version (None before the packument is fetched,
    or when the locked version is the first)."""
    from reviewer.signals.history import previous_release

    package = session.package(key)
    document = session.packuments.get(package.name)
    if document is None or package.version not in document.versions:
        return None
    return previous_release(document, package.version)[0]


def default_other(session: ReviewSession, key: str) -> str | None:
    """What the locked version is compared with when nobody chose: the change's base
    (review mode), else the previous release, else the newest other version."""
    base = base_version(session, key)
    if base is not None:
        return base
    previous = previous_version(session, key)
    if previous is not None:
        return previous
    others = diff_versions(session, key)
    return others[0] if others else None


def direction_label(session: ReviewSession, key: str, other: str) -> str:
    """Which way the diff reads, in words (for the header)."""
    if other == base_version(session, key):
        what = "base version"
    elif other == previous_version(session, key):
        what = "previous release"
    else:
        what = "another release"
    return f"{what} → locked: + is in the locked version"


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
    result = diff_tarballs(chosen, locked, other, package.version)  # always other → locked
    header = Text.assemble(one_line(f"{package.name}@{other}", "bold"), (" → ", palette.muted),
                           one_line(f"{package.name}@{package.version}", "bold"),
                           (" (locked)", palette.muted),
                           (f"   {len(result.files)} file(s) differ", palette.muted))
    direction = Text(direction_label(session, key, other), style=palette.muted)
    warnings = await _confusions(session, package.name, ((package.version, locked), (other, chosen)), palette)
    return Group(header, direction, *warnings, Text(), safe_code(format_diff(result), "diff"))


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
