"""advisory: advisories (imported or from the registry) that affect a locked version."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from reviewer.audit.model import Advisory, parse_severity
from reviewer.semver import satisfies
from reviewer.signals.common import shorten, unknown
from reviewer.signals.finding import Evidence, Finding

SIGNAL = "advisory"
UNAVAILABLE = "advisories unavailable from this registry"


def index_advisories(advisories: Iterable[Advisory]) -> dict[str, list[Advisory]]:
    by_name: dict[str, list[Advisory]] = defaultdict(list)
    for advisory in advisories:
        by_name[advisory.package].append(advisory)
    return dict(by_name)


def affects(advisory: Advisory, version: str) -> bool:
    """The version is in the advisory's npm range (or listed as affected by the report)."""
    return version in advisory.affected_versions or satisfies(version, advisory.vulnerable_range)


def advisory_findings(package: str, name: str, version: str,
                      advisories: Sequence[Advisory]) -> list[Finding]:
    """One finding per advisory that affects `name@version`, at the advisory's severity."""
    found: dict[str, Finding] = {}
    for advisory in advisories:
        if advisory.package != name or advisory.id in found or not affects(advisory, version):
            continue
        found[advisory.id] = Finding(
            id=SIGNAL,
            severity=advisory.severity,
            summary=shorten(f"{advisory.id}: {advisory.title} ({advisory.vulnerable_range})", 110),
            package=package,
            evidence=(Evidence(text=advisory.url),) if advisory.url else (),
            details={"advisory": advisory.id, "range": advisory.vulnerable_range,
                     "url": advisory.url, "aliases": list(advisory.aliases), "source": advisory.source},
        )
    return list(found.values())


def advisories_from_bulk(response: Mapping[str, object]) -> list[Advisory]:
    """Advisories from npm's bulk endpoint answer `{name: [{id, url, title, severity,
    vulnerable_versions, cwe, cvss}]}`."""
    out: list[Advisory] = []
    for name, items in response.items():
        if not isinstance(items, list):
            continue
        for item in items:
            if not isinstance(item, dict):
                continue
            url = item.get("url") if isinstance(item.get("url"), str) else None
            ghsa = url.rstrip("/").rsplit("/", 1)[-1] if url and "GHSA-" in url else None
            out.append(Advisory(
                id=ghsa or str(item.get("id", "")),
                package=str(name),
                vulnerable_range=str(item.get("vulnerable_versions") or "*"),
                severity=parse_severity(item.get("severity")),
                title=str(item.get("title") or ""),
                url=url,
                aliases=(str(item["id"]),) if ghsa and item.get("id") is not None else (),
                source="registry",
            ))
    return out


def advisories_unavailable(package: str) -> Finding:
    return unknown(SIGNAL, package, UNAVAILABLE)
