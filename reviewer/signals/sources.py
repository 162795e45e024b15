"""Where a locked package comes from (lockfile-lint parity).

- non-registry-source: git, tarball URL, file or link sources (workspaces are the
  project's own code and are not reported);
- insecure-source: fetched over plain `http:` or `git:`;
- missing-integrity: a registry or tarball package with no integrity in the lockfile (nor
  yarn berry's own `checksum`);
- unexpected-registry: the resolved URL's host is not the registry configured for the
  package's scope. `registry.npmjs.org` and its alias `registry.yarnpkg.com` are always
  accepted: npm rewrites them to the configured registry (`replace-registry-host=npmjs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from urllib.parse import urlsplit

from reviewer.graph.model import Package, Source
from reviewer.signals.common import shorten
from reviewer.signals.finding import Evidence, Finding, Severity

NON_REGISTRY = "non-registry-source"
INSECURE = "insecure-source"
MISSING_INTEGRITY = "missing-integrity"
UNEXPECTED_REGISTRY = "unexpected-registry"
PUBLIC_REGISTRY_HOSTS = frozenset({"registry.npmjs.org", "registry.yarnpkg.com"})

_NON_REGISTRY_SEVERITY = {
    Source.GIT: Severity.MODERATE,
    Source.TARBALL: Severity.MODERATE,
    Source.FILE: Severity.LOW,
    Source.LINK: Severity.LOW,
}


def _evidence(package: Package) -> tuple[Evidence, ...]:
    return (Evidence(file=None, line=package.line, text=package.resolved),) if package.resolved else ()


def non_registry_source(package: Package) -> Finding | None:
    severity = _NON_REGISTRY_SEVERITY.get(package.source)
    if severity is None:
        return None
    where = shorten(package.resolved or "(no resolved location)", 90)
    return Finding(NON_REGISTRY, severity, f"{package.source} source: {where}", package.key,
                   evidence=_evidence(package), details={"source": str(package.source)})


def insecure_source(package: Package) -> Finding | None:
    resolved = (package.resolved or "").lower()
    scheme = resolved.split("://", 1)[0] if "://" in resolved else ""
    if scheme.split("+")[-1] not in ("http", "git"):
        return None
    return Finding(INSECURE, Severity.HIGH, f"fetched without TLS: {shorten(package.resolved or '', 90)}",
                   package.key, evidence=_evidence(package), details={"scheme": scheme})


def missing_integrity(package: Package) -> Finding | None:
    if package.source not in (Source.REGISTRY, Source.TARBALL) or package.integrity or package.bundled:
        return None
    if package.checksum:
        return None  # yarn berry records its own archive checksum instead, and checks it
    return Finding(MISSING_INTEGRITY, Severity.MODERATE, "no integrity hash in the lockfile",
                   package.key, evidence=_evidence(package))


@lru_cache(maxsize=1024)
def _registry_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _host(url: str) -> str:
    """Host of an http(s) URL (no userinfo/port), lower-cased."""
    rest = url.split("://", 1)[-1]
    authority = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    if authority.startswith("["):
        return authority.split("]", 1)[0].lower() + "]"
    return authority.split(":", 1)[0].lower()


def unexpected_registry(package: Package, registry_for: Callable[[str], str],
                        allowed_hosts: Iterable[str] = ()) -> Finding | None:
    """`registry_for(name)` gives the configured registry URL for the package's scope."""
    if package.source is not Source.REGISTRY or not package.resolved:
        return None
    if not package.resolved.startswith(("http://", "https://")):
        return None
    host = _host(package.resolved)
    expected = _registry_host(registry_for(package.name))
    allowed = {expected, *PUBLIC_REGISTRY_HOSTS, *(h.lower() for h in allowed_hosts)}
    if host in allowed:
        return None
    return Finding(UNEXPECTED_REGISTRY, Severity.HIGH,
                   f"resolved from {host}, configured registry is {expected}", package.key,
                   evidence=_evidence(package), details={"host": host, "expected": expected})


def source_findings(package: Package, registry_for: Callable[[str], str] | None = None,
                    allowed_hosts: Iterable[str] = ()) -> list[Finding]:
    found = [non_registry_source(package), insecure_source(package), missing_integrity(package)]
    if registry_for is not None:
        found.append(unexpected_registry(package, registry_for, allowed_hosts))
    return [f for f in found if f is not None]
