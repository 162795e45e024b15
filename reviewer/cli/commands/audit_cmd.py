"""`reviewer audit import FILE [PATH]`: attach an audit report to the project.

Reads `npm audit --json` (report v1 and v2), `pnpm audit --json`, yarn 1 `audit --json`,
yarn 4 `yarn npm audit --json` or osv-scanner JSON (auto-detected), matches each advisory
to the locked packages by name and npm range, and stores them in
`reviewer-advisories.json` next to the lockfile (atomically). `-` reads standard input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reviewer.cli.common import add_path_argument


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reviewer.cli.main import common_options

    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    imp = sub.add_parser("import", parents=[common_options()],
                         help="import an audit report (npm, pnpm, yarn, osv-scanner JSON)",
                         description="import an audit report (npm, pnpm, yarn, osv-scanner JSON)")
    imp.add_argument("file", metavar="FILE", help="the report (JSON or NDJSON); - for stdin")
    add_path_argument(imp)


def _read(file: str) -> str:
    """The report's text; at most MAX_REPORT_BYTES are read (a pipe or a device included)."""
    from reviewer.audit.importers import MAX_REPORT_BYTES
    from reviewer.errors import AuditImportError

    too_large = f"over the {MAX_REPORT_BYTES // 1024**2} MiB an audit report may have (not read)"
    try:
        if file == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data: bytes | str = (stream.read(MAX_REPORT_BYTES + 1) if stream is not None
                                 else sys.stdin.read(MAX_REPORT_BYTES + 1))
        else:
            with Path(file).open("rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_REPORT_BYTES:
                    raise AuditImportError(f"{file}: {size} bytes, {too_large}")
                data = handle.read(MAX_REPORT_BYTES + 1)
        if len(data) > MAX_REPORT_BYTES:
            raise AuditImportError(f"{file}: {too_large}")
        return data if isinstance(data, str) else data.decode("utf-8")
    except FileNotFoundError:
        raise AuditImportError(f"{file}: no such file") from None
    except UnicodeDecodeError as error:
        raise AuditImportError(f"{file}: not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise AuditImportError(f"{file}: cannot read ({error.strerror or error})") from None


def run(args: argparse.Namespace) -> int:
    from reviewer.audit.importers import parse_report
    from reviewer.audit.store import attach, save_import
    from reviewer.cli.common import load_project_graph, project_dir
    from reviewer.errors import UsageError
    from reviewer.lockfiles.manifest import printable

    if getattr(args, "audit_command", None) != "import":
        raise UsageError("audit: say what to do: `reviewer audit import FILE [PATH]`")
    text = _read(args.file)
    graph = load_project_graph(args)
    report_format, advisories = parse_report(text, args.file)
    attached = attach(advisories, graph)
    target_dir = graph.lockfile.path.parent if args.lockfile else project_dir(args)
    path = save_import(target_dir, args.file, report_format, attached)
    affecting = [a for a in attached if a.affected_versions]
    print(f"imported {len(attached)} advisories ({report_format}) from {printable(args.file)}; "
          f"{len(affecting)} affect locked packages; saved to {printable(str(path))}")
    if not args.quiet:
        for advisory in sorted(affecting, key=lambda a: (-int(a.severity), a.package)):
            versions = ", ".join(advisory.affected_versions)
            print(f"  {str(advisory.severity):<9} {printable(advisory.package)}@{printable(versions)}  "
                  f"{printable(advisory.id)}  {printable(advisory.title)[:60]}")
    return 0
