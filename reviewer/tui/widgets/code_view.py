"""The Code view (the Scripts tab's lower part): what the package's code can do, per file,
from the suspicious-code finding (`reviewer.code`): capabilities with their lines, A->B
markers (NEW), and the flagged lines in the code itself, highlighted. Everything from the
package is untrusted: built through `tui.text` (plain text, never markup)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reviewer.code import PackageCode
from reviewer.registry.interface import TarballContents
from reviewer.signals.finding import Finding, Severity
from reviewer.tui.badges import Palette
from reviewer.tui.text import cut_long_lines, one_line, safe_code, styled

CONTEXT = 2
"""Lines of code shown around each flagged line."""
MAX_LINE = 200
"""Characters of one code line shown (minified lines are cut, the flagged part kept)."""
MAX_FILES = 30
_LEXERS = {"js": "javascript", "shell": "bash", "batch": "batch", "powershell": "powershell"}


async def read_code(tarball: TarballContents | None, scripts: Mapping[str, str]) -> PackageCode | None:
    """The package's code analysed here (in a thread), for the capabilities of every file
    even when nothing was graded. `scripts`: the install hooks shown above, used when the
    tarball's package.json names none."""
    if tarball is None:
        return None
    import asyncio
    import json

    from reviewer.code import analyze_package
    from reviewer.code.tarballs import TarballFiles

    files = TarballFiles(tarball)
    manifest: dict[str, Any] = {}
    if "package.json" in files:
        try:
            loaded = json.loads(files["package.json"].decode("utf-8", errors="replace"))
            manifest = loaded if isinstance(loaded, dict) else {}
        except (ValueError, RecursionError):
            manifest = {}
    declared = manifest.get("scripts")
    own: dict[str, Any] = declared if isinstance(declared, dict) else {}
    if not any(h in own for h in ("preinstall", "install", "postinstall")):
        manifest["scripts"] = {**own, **scripts}
    return await asyncio.to_thread(analyze_package, files, manifest)


def _files(finding: Finding | None, code: PackageCode | None) -> list[dict[str, Any]]:
    """Files with capabilities: from the local analysis, marked NEW as the finding's A->B
    comparison says; else the finding's own list."""
    graded = finding.details.get("files") if finding is not None and not finding.unknown else None
    graded_files = {f.get("path"): f for f in graded if isinstance(f, dict)} if isinstance(graded, list) else {}
    if code is None:
        return list(graded_files.values())
    out = []
    for file in code.files:
        before = graded_files.get(file.path) or {}
        fresh = {(c[0], c[1]) for c in before.get("capabilities") or () if c[4]}
        out.append({"path": file.path, "roles": list(file.roles), "note": file.note, "language": file.language,
                    "status": before.get("status"),
                    "capabilities": [[c.kind, c.detail, c.line, c.snippet, (c.kind, c.detail) in fresh]
                                     for c in file.capabilities]})
    return out


def code_block(finding: Finding | None, tarball: TarballContents | None, palette: Palette,
               install_scripts: Mapping[str, str] | None = None, *, evaluated: bool = True,
               code: PackageCode | None = None) -> list[RenderableType]:
    """The Code view's parts for one package version. `evaluated`: the signals ran on it
    with its tarball (else no finding means "not read", never "nothing found")."""
    parts: list[RenderableType] = [Text(), Text("Code", style="bold underline")]
    if finding is None and not evaluated and code is None:
        parts.append(Text("Not evaluated: the code of this version was not read (no tarball, or not "
                          "scanned yet).", style=palette.unknown))
        return parts
    if finding is None:
        parts.append(Text("Nothing in this package's code needs a word (entry points, what they "
                          "import, what install scripts run).", style=palette.good))
        details: Mapping[str, object] = {}
    elif finding.unknown:
        parts.append(Text.assemble(("unknown: ", palette.unknown), styled(finding.summary.removeprefix("unknown: "))))
        details = {}
    else:
        details = finding.details
        if not isinstance(details.get("findings"), list):
            parts.append(Text.assemble((str(finding.severity), palette.for_severity(finding.severity)),
                                       ("  ", ""), styled(finding.summary)))
    compared = details.get("compared_with")
    note = details.get("compare_note")
    if compared:
        parts.append(Text.assemble(("compared with ", palette.muted), one_line(str(compared), "bold"),
                                   ("  (NEW: not in that version)", palette.muted)))
    elif note:
        parts.append(Text.assemble(("not compared: ", palette.muted), styled(str(note))))
    if details.get("incomplete"):
        parts.append(styled(str(details["incomplete"]), str(palette.warning)))
    findings = details.get("findings")
    if isinstance(findings, list):
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for item in findings:
            if not isinstance(item, dict):
                continue
            severity = _severity(item.get("severity"))
            table.add_row(Text(str(severity), style=palette.for_severity(severity)),
                          Text("NEW" if item.get("new") else "", style=palette.danger),
                          styled(item.get("summary", "")))
        parts.append(table)
    files = _files(finding, code)
    if files:
        flagged = [f for f in files if f.get("capabilities")]
        flagged.sort(key=lambda f: (not any(c[4] for c in f["capabilities"]), f.get("path", "")))
        for file in flagged[:MAX_FILES]:
            parts += _file_block(file, tarball, palette, install_scripts or {})
        if len(flagged) > MAX_FILES:
            parts.append(Text(f"… and {len(flagged) - MAX_FILES} more files", style=palette.muted))
    return parts


def _severity(value: object) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError:
        return Severity.INFO


def _file_block(file: dict[str, Any], tarball: TarballContents | None, palette: Palette,
                install_scripts: Mapping[str, str]) -> list[RenderableType]:
    path = str(file.get("path", ""))
    roles = ", ".join(str(r) for r in file.get("roles") or ())
    status = file.get("status")
    head = Text.assemble(("▌ ", palette.warning), one_line(path, "bold"), (f"  ({roles})", palette.muted))
    if status in ("added", "changed"):
        head.append(f"  {status} in this version", style=palette.danger)
    if file.get("note"):
        head.append("  ")
        head.append_text(styled(str(file["note"]), str(palette.unknown)))
    out: list[RenderableType] = [Text(), head]
    caps: Sequence[list[Any]] = file.get("capabilities") or ()
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style=palette.muted)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for kind, detail, line, _snippet, new in caps:
        table.add_row(Text(f"  line {line}"), Text("NEW" if new else "   ", style=palette.danger),
                      Text(str(kind), style=palette.warning), styled(detail))
    out.append(table)
    text = _file_text(path, tarball, install_scripts)
    if text is not None:
        lines = {int(c[2]) for c in caps}
        out.append(excerpt(text, lines, file.get("language") or _language(path)))
    return out


def _language(path: str) -> str:
    lower = path.lower()
    if lower.endswith((".sh", ".bash")) or lower.startswith("<"):
        return "shell"
    if lower.endswith((".bat", ".cmd")):
        return "batch"
    if lower.endswith(".ps1"):
        return "powershell"
    return "js"


def _file_text(path: str, tarball: TarballContents | None, install_scripts: Mapping[str, str]) -> str | None:
    if path.startswith("<"):
        hook = path.strip("<>").split(" ", 1)[0]
        return install_scripts.get(hook)
    if tarball is None:
        return None
    try:
        return tarball.read_bytes(path).decode("utf-8", errors="replace")
    except KeyError:
        return None


def excerpt(text: str, flagged: set[int], language: str) -> RenderableType:
    """The flagged lines (and CONTEXT around each), numbered as in an editor, flagged ones
    highlighted; long lines cut to MAX_LINE characters; gaps marked `…`."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line starts no line of its own
    keep: list[int] = sorted({n for line in flagged for n in range(line - CONTEXT, line + CONTEXT + 1)
                              if 1 <= n <= len(lines)})
    if not keep:
        return Text()
    chunks: list[RenderableType] = []
    start = keep[0]
    previous = start
    for n in [*keep[1:], None]:
        if n is not None and n == previous + 1:
            previous = n
            continue
        body = "\n".join(_cut(lines[i - 1]) for i in range(start, previous + 1))
        # Rich numbers highlighted lines from start_line: the flagged lines as the editor does.
        syntax = safe_code(body, _LEXERS.get(language, "text"), {i for i in flagged if start <= i <= previous})
        syntax.start_line = start
        if any(len(lines[i - 1]) > MAX_LINE for i in range(start, previous + 1)):
            syntax.word_wrap = True  # the cut line's marker stays in view
        chunks.append(syntax)
        if n is not None:
            chunks.append(Text("  …", style="dim"))
            start = previous = n
    return Group(*chunks)


def _cut(line: str) -> str:
    """One line of an excerpt, cut to MAX_LINE with the TUI's one marker for a cut line."""
    return cut_long_lines(line.rstrip("\r"), MAX_LINE)[0]
