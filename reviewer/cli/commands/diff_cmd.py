"""`reviewer diff NAME A B`: files and unified diff between two published versions.

A and B are versions or dist-tags. Both tarballs are verified against the registry's
integrity before any byte is compared. `--name-only` lists changed paths only; extra
paths after B limit the comparison (like `npm diff -- paths`). A tarball whose package.json
differs from the registry manifest of its version (manifest confusion: npm installs the
tarball's) is reported on stderr, one line per field, the diff on stdout unchanged."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reviewer.registry.config import RegistryConfig
    from reviewer.registry.interface import TarballContents
    from reviewer.signals.finding import Finding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="package name")
    parser.add_argument("a", metavar="A", help="the older version (or a dist-tag)")
    parser.add_argument("b", metavar="B", help="the newer version (or a dist-tag)")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="only these files or folders")
    parser.add_argument("--name-only", action="store_true", help="print only the changed paths")


def run(args: argparse.Namespace) -> int:
    import asyncio

    from reviewer.cli.common import registry_config
    from reviewer.lockfiles.manifest import printable
    from reviewer.review.diff import diff_tarballs, format_diff

    config = registry_config(args)
    result, confusions = asyncio.run(_diff(config, args.name, args.a, args.b, args.paths))
    for finding in confusions:
        sys.stderr.write(printable(f"warning: {finding.package}: {finding.summary}") + "\n")
        for evidence in finding.evidence:
            sys.stderr.write(printable(f"  {evidence.text}") + "\n")
    sys.stdout.write(format_diff(diff_tarballs(*result, paths=args.paths), name_only=args.name_only))
    return 0


async def _diff(config: RegistryConfig, name: str, a: str, b: str, paths: list[str]
                ) -> tuple[tuple[TarballContents, TarballContents, str, str], list[Finding]]:
    """Both tarballs, verified against the registry's integrity, and their labels; and the
    manifest-confusion findings of either."""
    import asyncio

    from reviewer.errors import UsageError
    from reviewer.registry.service import RegistryService
    from reviewer.signals.manifest_confusion import manifest_confusion

    async with RegistryService(config) as service:
        packument = await service.packument(name)
        resolved = []
        for wanted in (a, b):
            version = packument.dist_tags.get(wanted, wanted)
            manifest = packument.version(version)
            if manifest is None:
                raise UsageError(f"{name}@{wanted} is not published on this registry")
            resolved.append(manifest)
        old, new = await asyncio.gather(
            service.tarball(name, resolved[0].version, resolved[0].integrity),
            service.tarball(name, resolved[1].version, resolved[1].integrity),
        )
        confusions = [f for f in (manifest_confusion(f"{name}@{m.version}", t, m)
                                  for t, m in ((old, resolved[0]), (new, resolved[1])))
                      if f is not None]
        return (old, new, f"v{resolved[0].version}", f"v{resolved[1].version}"), confusions

