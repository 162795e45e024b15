"""What each detail tab shows, as rich renderables built from untrusted data via `tui.text`.

Loaders are async (they may fetch a packument or a tarball) and never touch widgets: the
detail pane runs them in workers and puts the result in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reviewer.app.session import ReviewSession
from reviewer.app.summary import gaps_of
from reviewer.errors import ReviewerError
from reviewer.graph.model import Source
from reviewer.registry.documents import Packument, VersionManifest
from reviewer.signals.finding import Finding
from reviewer.signals.unknowns import RegistryGaps
from reviewer.tui.badges import BADGES, Palette
from reviewer.tui.text import one_line, safe_code, styled

MAX_TIMELINE = 40
"""Versions shown in the maintainers timeline (around the locked one)."""


def heading(text: str, palette: Palette) -> Text:
    return Text(text, style="bold underline")


def field_line(label: str, value: object, palette: Palette, value_style: str = "") -> Text:
    line = Text(f"{label:<13}", style=palette.muted)
    if value is None or value == "":
        line.append("unknown", style=palette.unknown)
    else:
        line.append_text(styled(value, value_style))
    return line


def findings_block(findings: Sequence[Finding], palette: Palette,
                   gaps: RegistryGaps | None = None) -> RenderableType:
    """The package's signals; unknowns the status line states once (`gaps`) are left out."""
    if gaps is not None:
        findings = gaps.known(findings)
    if not findings:
        return Text("No known signal." if gaps else "No signals.", style=palette.muted)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for finding in sorted(findings, key=lambda f: (f.unknown, -f.severity, f.id)):
        style = palette.for_severity(finding.severity, finding.unknown)
        table.add_row(Text(BADGES.get(finding.id, ("?", ""))[0], style=style),
                      Text(finding.id, style=style),
                      Text("unknown" if finding.unknown else str(finding.severity), style=palette.muted),
                      styled(finding.summary))
    return table


async def overview(session: ReviewSession, key: str, palette: Palette) -> RenderableType:
    package = session.package(key)
    document: Packument | None = None
    problem: str | None = None
    if package.source is Source.REGISTRY:
        try:
            document = await session.packument(package.name)
        except ReviewerError as error:
            problem = str(error)
    else:
        problem = f"{package.source.value} source: no registry metadata"
    manifest = document.version(package.version) if document else None
    published = document.published(package.version) if document else None
    parts: list[RenderableType] = []
    title = Text.assemble(one_line(package.name, "bold"), ("@", palette.muted), one_line(package.version))
    if key in session.direct:
        title.append("  direct", style=palette.good)
    parts.append(title)
    description = (manifest.description if manifest else None) or (document.description if document else None)
    parts.append(styled(description or "(no description)", "" if description else palette.muted.__str__()))
    fields = Table.grid(padding=(0, 1))
    fields.add_column(style=palette.muted, no_wrap=True)
    fields.add_column(ratio=1, overflow="fold")

    def add(label: str, value: object, style: str = "") -> None:
        if value in (None, ""):
            return  # only what is known: a missing field is not a fact about the package
        fields.add_row(Text(label), styled(value, style))

    add("kind", package.kind.value)
    add("source", f"{package.source.value}  {package.resolved or ''}".strip())
    add("integrity", package.integrity)
    license_ = package.license or (manifest.license if manifest else None) or (document.license if document else None)
    add("license", license_)
    add("repository", (manifest.repository if manifest else None) or (document.repository if document else None))
    add("published", published.strftime("%Y-%m-%d %H:%M UTC") if published else None)
    add("latest", document.dist_tags.get("latest") if document else None)
    if manifest and manifest.deprecated:
        add("deprecated", manifest.deprecated, str(palette.warning))
    state = session.state(key)
    add("review", state.value, str(palette.for_state(state)))
    if key in session.notes:
        add("note", session.notes[key])
    if problem:
        add("metadata", problem, str(palette.warning))
    parts += [Text(), fields]
    parts += [Text(), heading("Signals", palette),
              findings_block(session.findings_of(key), palette, gaps_of(session))]
    dependents = session.dependents(key)
    parts += [Text(), heading(f"Dependents ({len(dependents)})", palette)]
    parts.append(styled(", ".join(dependents) if dependents else "none (an importer's link)"))
    paths = session.why_labels(key)
    parts += [Text(), heading(f"Why is it here ({len(paths)} shortest path{'s' if len(paths) != 1 else ''})", palette)]
    for path in paths:
        line = Text()
        for index, label in enumerate(path):
            if index:
                line.append(" → ", style=palette.muted)
            line.append_text(one_line(label, "bold" if index == len(path) - 1 else ""))
        parts.append(line)
    return Group(*parts)


async def scripts(session: ReviewSession, key: str, palette: Palette) -> RenderableType:
    from reviewer.signals.common import scripts_of, tarball_package_json
    from reviewer.signals.install_scripts import install_scripts_of, refine_with_tarball
    from reviewer.signals.manifest_confusion import manifest_confusion
    from reviewer.signals.script_targets import resolve_script_sources
    from reviewer.signals.suspicious_code import scan_sources

    package = session.package(key)
    manifest = await _manifest(session, key)
    tarball = None
    tarball_problem: str | None = None
    try:
        tarball = await session.tarball(key)
    except ReviewerError as error:
        tarball_problem = str(error)
    found = install_scripts_of(package, manifest)
    parts: list[RenderableType] = []
    if tarball is not None:  # npm installs the tarball's package.json: its scripts decide
        found = refine_with_tarball(package, manifest, found, tarball)
        confusion = manifest_confusion(key, tarball, manifest)
        if confusion is not None:
            parts.append(Text.assemble(("manifest confusion  ", palette.danger), styled(confusion.summary)))
            parts += [Text.assemble(("  ", ""), styled(e.text or "")) for e in confusion.evidence]
            parts.append(Text())
    if found.present is False:
        parts.append(Text("No install scripts: nothing runs when this package is installed.", style=palette.good))
        return Group(*parts) if len(parts) > 1 else parts[0]
    if found.present is None:
        parts.append(Text("Whether this package runs install scripts is unknown "
                          "(not provided by this registry).", style=palette.unknown))
    if found.note:
        parts.append(styled(found.note, str(palette.warning)))
    for hook, command in found.scripts.items():
        line = Text(f"{hook:<12}", style=palette.danger)
        line.append_text(styled(command))
        if hook == "install" and found.implicit_gyp:
            line.append("   (implicit: binding.gyp present)", style=palette.muted)
        parts.append(line)
    if tarball_problem:
        parts += [Text(), Text.assemble(("tarball: ", palette.warning), styled(tarball_problem))]
    if not found.scripts:
        return Group(*parts)
    inner = None if tarball is None else scripts_of(tarball_package_json(tarball))
    all_scripts = inner or (manifest.scripts if manifest and manifest.scripts else None)
    sources, unresolved = resolve_script_sources(found.scripts, tarball, all_scripts)
    matches = scan_sources(sources)
    for missing in unresolved:
        parts.append(Text.assemble((f"{missing.hook}: ", palette.muted), styled(missing.what)))
    for source in sources:
        if source.label.startswith("<"):
            continue
        here = [m for m in matches if m.file == source.label]
        parts += [Text(), Text.assemble(("▌ ", palette.warning), one_line(source.label, "bold"),
                                        (f"  ({source.hook})", palette.muted))]
        if here:
            hits = Table.grid(padding=(0, 1))
            hits.add_column(no_wrap=True, style=palette.muted)
            hits.add_column(no_wrap=True)
            hits.add_column(ratio=1, overflow="fold")
            for match in here:
                hits.add_row(Text(f"  line {match.line}"),
                             Text(match.rule, style=palette.for_severity(match.severity)),
                             styled(match.text))
            parts.append(hits)
        lexer = "javascript" if source.language == "js" else "bash"
        parts.append(safe_code(source.text, lexer, {m.line for m in here}))
    inline = [m for m in matches if m.file.startswith("<")]
    if inline:
        parts += [Text(), heading("In the commands themselves", palette)]
        for match in inline:
            parts.append(Text.assemble((f"  {match.file:<14}", palette.muted),
                                       (f"{match.rule:<24}", palette.for_severity(match.severity)),
                                       styled(match.text)))
    return Group(*parts)


async def _manifest(session: ReviewSession, key: str) -> VersionManifest | None:
    package = session.package(key)
    if package.source is not Source.REGISTRY:
        return None
    document = await session.packument(package.name)
    return document.version(package.version)


def _people(manifest: VersionManifest, by_email: dict[str, str]) -> set[str] | None:
    """The maintainer accounts (never display text: see `signals.maintainers`)."""
    from reviewer.signals.maintainers import account_names

    if manifest.maintainers is None:
        return None
    return account_names(manifest.maintainers, by_email)


async def maintainers(session: ReviewSession, key: str, palette: Palette) -> RenderableType:
    """Per-version timeline: date, publisher, trust, maintainers. A column the registry
    gives for none of the versions shown is left out (named in the note under it, unless the
    registry gives it for no package at all: the status line says that once)."""
    package = session.package(key)
    if package.source is not Source.REGISTRY:
        return Text(f"{package.source.value} source: no registry metadata.", style=palette.unknown)
    document = await session.packument(package.name)
    versions = _timeline_versions(document, package.version)
    manifests = [document.versions[v] for v in versions]
    known = {
        "date": any(document.published(v) for v in versions),
        "publisher": any(m.publisher is not None for m in manifests),
        "trust": any(m.trusted is not None for m in manifests),
        "maintainers": any(m.maintainers is not None for m in manifests),
    }
    table = Table(box=None, pad_edge=False, expand=True, show_edge=False)
    table.add_column(Text("version", style="bold"), no_wrap=True, overflow="ellipsis")
    for column in ("date", "publisher", "trust"):
        if known[column]:
            table.add_column(Text(column, style="bold"), no_wrap=True, overflow="ellipsis")
    if known["maintainers"]:
        table.add_column(Text("maintainers", style="bold"), overflow="fold", ratio=1)
    from reviewer.signals.maintainers import email_index

    previous_people: set[str] | None = None
    seen_publishers: set[str] = set()
    by_email = email_index(*(m.maintainers or () for m in manifests))
    for version, manifest in zip(versions, manifests, strict=True):
        people = _people(manifest, by_email)
        published = document.published(version)
        row: list[Text] = [one_line(version, "bold reverse" if version == package.version else "")]
        if known["date"]:
            row.append(Text(published.strftime("%Y-%m-%d") if published else "unknown",
                            style="" if published else palette.unknown))
        if known["publisher"]:
            publisher = manifest.publisher
            if publisher is None:
                who = Text("unknown", style=palette.unknown)
            else:
                account = publisher.name.strip().lower()
                new = seen_publishers and account not in seen_publishers
                who = one_line(publisher.name, str(palette.danger) if new else "")
                if new:
                    who.append(" new", style=palette.danger)
                seen_publishers.add(account)
            row.append(who)
        if known["trust"]:
            trusted = manifest.trusted
            row.append(Text("unknown", style=palette.unknown) if trusted is None else (
                Text("provenance" if manifest.has_provenance else "trusted", style=palette.good)
                if trusted else Text("none", style=palette.muted)))
        if known["maintainers"]:
            if people is None:
                crew = Text("unknown", style=palette.unknown)
            else:
                crew = Text()
                for name in sorted(people):
                    added = previous_people is not None and name not in previous_people
                    crew.append_text(one_line(name, str(palette.danger) if added else ""))
                    crew.append(" + " if added else "  ", style=palette.danger)
                for name in sorted((previous_people or set()) - people):
                    crew.append_text(one_line(f"-{name}", str(palette.warning)))
                    crew.append("  ")
                previous_people = people
            row.append(crew)
        table.add_row(*row)
    note = Text(f"{len(versions)} of {len(document.versions)} versions, oldest first; locked "
                "reversed; red: new publisher or maintainer, yellow: removed.", style=palette.muted)
    labels = {"date": "publish times", "publisher": "publishers", "trust": "provenance",
              "maintainers": "maintainers"}
    said = set(gaps_of(session).kinds)  # what no package has is said once, in the status line
    missing = [label for column, label in labels.items() if not known[column] and label not in said]
    if missing:
        note.append(f" Not provided for these versions: {', '.join(missing)}.")
    return Group(table, Text(), note)


def _timeline_versions(document: Packument, locked: str) -> list[str]:
    def when(version: str) -> tuple[int, str]:
        published = document.published(version)
        return (0, published.isoformat()) if published else (1, version)

    ordered = sorted(document.versions, key=when)
    if locked in ordered and len(ordered) > MAX_TIMELINE:
        at = ordered.index(locked)
        start = max(0, min(at - MAX_TIMELINE // 2, len(ordered) - MAX_TIMELINE))
        ordered = ordered[start:start + MAX_TIMELINE]
    return ordered[-MAX_TIMELINE:]


def advisories(session: ReviewSession, key: str, palette: Palette) -> RenderableType:
    found = session.advisories(key)
    if not found:
        return Text("No advisories known for this version (import an audit report with "
                    "`reviewer audit import`).", style=palette.muted)
    parts: list[RenderableType] = []
    for finding in sorted(found, key=lambda f: -f.severity):
        ident = str(finding.details.get("advisory", finding.details.get("id", "")))
        parts.append(Text.assemble((f"{str(finding.severity).upper():<9}", palette.for_severity(finding.severity)),
                                   one_line(ident, "bold")))
        parts.append(styled(finding.summary))
        parts.extend(field_line(name, finding.details[name], palette)
                     for name in ("url", "range", "fixed_in", "cwe") if finding.details.get(name))
        accepted = session.accepted_advisories.get((key, ident))
        if accepted:
            parts.append(field_line("accepted", accepted, palette, str(palette.good)))
        parts.append(Text())
    parts.append(Text("v: accept an advisory with a reason and an expiry date", style=palette.muted))
    return Group(*parts)
