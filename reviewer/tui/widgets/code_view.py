"""The Code view (the Code tab: install scripts on top): what the package's code can do,
per file, from the suspicious-code finding (`reviewer.code`): capabilities with their lines,
A->B markers (NEW), and the flagged lines in the code itself, highlighted. The reader jumps
from flagged line to flagged line (`CodeChunk.current`, moved by `CodeScroll`). Everything
from the package is untrusted: built through `tui.text` (plain text, never markup)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

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
CURRENT_STYLE = Style(reverse=True, bold=True)
"""The flagged line the reader jumped to (the other flagged lines keep the theme's highlight)."""
JUMP_HINT = "f: next flagged line   F: previous   (or click a 'line N' below)"

if TYPE_CHECKING:
    from rich.syntax import Syntax

    from reviewer.code import PackageCode  # the analysis itself: imported when first run


@dataclass(eq=False)
class CodeChunk:
    """Consecutive lines of one file from `start` (already cut to MAX_LINE), the flagged ones
    highlighted. `current`: the flagged line the reader jumped to, shown reversed under a
    caption line (`caption`) that says which one it is. A Rich renderable."""

    path: str
    file_index: int
    body: str
    language: str
    start: int
    flagged: frozenset[int]
    captions: dict[int, str] = field(default_factory=dict)
    wrap: bool = False
    current: int | None = None
    caption: Text | None = None

    @property
    def lines(self) -> list[int]:
        """The flagged lines shown in this chunk, in order (where the reader can jump)."""
        end = self.start + self.body.count("\n")
        return sorted(n for n in self.flagged if self.start <= n <= end)

    def syntax(self, upto: int | None = None) -> Syntax:
        """The chunk as Rich Syntax; `upto`: only the lines before that line number."""
        body = self.body
        if upto is not None:
            body = "\n".join(body.split("\n")[:max(0, upto - self.start)])
        # Rich numbers highlighted lines from start_line: the flagged lines as the editor does.
        syntax = safe_code(body, _LEXERS.get(self.language, "text"), set(self.flagged))
        syntax.start_line = self.start
        if self.wrap:
            syntax.word_wrap = True  # the cut line's marker stays in view
        if self.current is not None and upto is None:
            row = self.current - self.start + 1  # Rich's ranges count lines of the text from 1
            syntax.stylize_range(CURRENT_STYLE, (row, 0), (row + 1, 0))
        return syntax

    def rows_before(self, line: int, console: Console, options: ConsoleOptions) -> int:
        """Rows from the top of this chunk's rendering to the first row of `line`."""
        rows = 1 if self.caption is not None else 0
        if line > self.start:
            rows += _height(self.syntax(upto=line), console, options)
        return rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        if self.caption is not None:
            yield self.caption
        yield self.syntax()


def _height(renderable: RenderableType, console: Console, options: ConsoleOptions) -> int:
    """Rows `renderable` takes at `options`' width (as Textual counts them)."""
    return sum(text.count("\n") for text, _, _ in console.render(renderable, options))


def chunks_of(renderable: object) -> Iterator[CodeChunk]:
    """The CodeChunks inside `renderable` (Groups walked), in display order."""
    if isinstance(renderable, CodeChunk):
        yield renderable
    elif isinstance(renderable, Group):
        for part in renderable.renderables:
            yield from chunks_of(part)


def rows_to(renderable: RenderableType, chunk: CodeChunk, console: Console, options: ConsoleOptions) -> int | None:
    """The row at which `chunk` starts in `renderable` (a Group of parts), or None when the
    chunk is not in it."""
    if renderable is chunk:
        return 0
    if isinstance(renderable, Group):
        rows = 0
        for part in renderable.renderables:
            found = rows_to(part, chunk, console, options)
            if found is not None:
                return rows + found
            rows += _height(part, console, options)
    return None


async def read_code(tarball: TarballContents | None, scripts: Mapping[str, str]) -> PackageCode | None:
    """The package's code analysed off the screen's event loop (in a worker process when
    there is one), for the capabilities of every file even when nothing was graded.
    `scripts`: the install hooks shown above, used when the tarball's package.json names
    none."""
    if tarball is None:
        return None
    import json

    from reviewer.code.tarballs import TarballFiles, analyze_elsewhere

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
    return await analyze_elsewhere(files, manifest)


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
        if flagged:
            parts.append(Text(JUMP_HINT, style=palette.muted))
        for index, file in enumerate(flagged[:MAX_FILES]):
            parts += _file_block(file, tarball, palette, install_scripts or {}, index)
        if len(flagged) > MAX_FILES:
            parts.append(Text(f"… and {len(flagged) - MAX_FILES} more files", style=palette.muted))
    return parts


def _severity(value: object) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError:
        return Severity.INFO


def _file_block(file: dict[str, Any], tarball: TarballContents | None, palette: Palette,
                install_scripts: Mapping[str, str], index: int = 0) -> list[RenderableType]:
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
    captions: dict[int, list[str]] = {}
    for kind, detail, line, _snippet, new in caps:
        # A click on "line N" jumps there (CodeBody.action_jump: two integers, nothing untrusted).
        jump = Style(meta={"@click": f"jump({index}, {int(line)})"})
        table.add_row(Text(f"  line {line}", style=jump), Text("NEW" if new else "   ", style=palette.danger),
                      Text(str(kind), style=palette.warning), styled(detail))
        captions.setdefault(int(line), []).append(f"{'NEW ' if new else ''}{kind}: {detail}")
    out.append(table)
    text = _file_text(path, tarball, install_scripts)
    if text is not None:
        lines = {int(c[2]) for c in caps}
        out.append(excerpt(text, lines, file.get("language") or _language(path), path=path, file_index=index,
                           captions={n: "; ".join(c) for n, c in captions.items()}))
    return out


def _language(path: str) -> str:
    """A file's language by its name; "<hook …>" (an install script itself) is shell."""
    from reviewer.code.scripts import script_language

    return "shell" if path.startswith("<") else script_language(path) or "js"


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


def excerpt(text: str, flagged: set[int], language: str, *, path: str = "", file_index: int = 0,
            captions: Mapping[int, str] | None = None) -> RenderableType:
    """The flagged lines (and CONTEXT around each), numbered as in an editor, flagged ones
    highlighted; long lines cut to MAX_LINE characters; gaps marked `…`. Each run of lines
    is a CodeChunk (where the reader can jump); `captions`: what each flagged line does."""
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
        shown = frozenset(i for i in flagged if start <= i <= previous)
        chunks.append(CodeChunk(path, file_index, body, language, start, shown,
                                {n: c for n, c in (captions or {}).items() if n in shown},
                                wrap=any(len(lines[i - 1]) > MAX_LINE for i in range(start, previous + 1))))
        if n is not None:
            chunks.append(Text("  …", style="dim"))
            start = previous = n
    return Group(*chunks)


def _cut(line: str) -> str:
    """One line of an excerpt, cut to MAX_LINE with the TUI's one marker for a cut line."""
    return cut_long_lines(line.rstrip("\r"), MAX_LINE)[0]
