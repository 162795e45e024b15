"""deprecated: the registry's deprecation message for the locked version.

The registry document cannot tell "not deprecated" from "not sent" (`deprecated` is
simply absent). A mirror that strips per-version metadata strips both `maintainers` and
`_npmUser` too; when all three are missing the answer is unknown rather than "fine".
"""

from __future__ import annotations

from reviewer.registry.documents import VersionManifest
from reviewer.signals.common import NOT_PROVIDED, shorten, unknown
from reviewer.signals.finding import Evidence, Finding, Severity

SIGNAL = "deprecated"


def deprecation(package: str, manifest: VersionManifest) -> Finding | None:
    if manifest.deprecated:
        return Finding(
            id=SIGNAL,
            severity=Severity.LOW,
            summary=shorten(f"deprecated: {manifest.deprecated}", 110),
            package=package,
            evidence=(Evidence(text=manifest.deprecated),),
            details={"message": manifest.deprecated},
        )
    if manifest.maintainers is None and manifest.publisher is None:
        return unknown(SIGNAL, package, f"deprecation status {NOT_PROVIDED} (per-version metadata stripped)")
    return None
