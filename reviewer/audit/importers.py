"""Read audit reports into Advisory objects, auto-detecting the format.

| format | recognised by | fields used |
|---|---|---|
| `npm-v2`: `npm audit --json` (npm >= 7) | `auditReportVersion: 2` | `vulnerabilities.<name>.via[]` objects: `source`, `name`, `title`, `url`, `severity`, `range` (string `via` entries are metavulns and skipped) |
| `npm-v1` / `pnpm`: npm 6, `pnpm audit --json`, yarn berry 2/3 | `advisories` object | `advisories.<id>`: `id`, `module_name`, `title`, `severity`, `vulnerable_versions`, `url`, `cves`, `github_advisory_id`, `findings[].version`; `runId` marks npm |
| `yarn-classic`: yarn 1 `audit --json` | NDJSON with `type: auditAdvisory` | `data.advisory` (v1 advisory), `data.resolution` |
| `yarn-berry`: yarn 4 `yarn npm audit --json` | NDJSON with `value` + `children` | `value` (package), `children.ID`, `Issue`, `URL`, `Severity`, `Vulnerable Versions`, `Tree Versions` |
| `osv`: osv-scanner `--format json` | `results` list | `results[].packages[].package.{name,version,ecosystem}`, `vulnerabilities[]` OSV records (`id`, `aliases`, `summary`, `affected[].ranges[].events`, `database_specific.severity`), `groups[].max_severity` |
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reviewer.audit.model import Advisory, parse_severity
from reviewer.errors import AuditImportError
from reviewer.findings import Severity

FORMATS = ("npm-v2", "npm-v1", "pnpm", "yarn-classic", "yarn-berry", "osv")

MAX_REPORT_BYTES = 64 * 1024**2
"""The largest audit report read (an `npm audit --json` of a 2,000-package project with
hundreds of advisories is a few MiB; decoding 64 MiB of JSON already takes about a GiB)."""


def _ghsa(url: object) -> str | None:
    if isinstance(url, str) and "GHSA-" in url:
        tail = url.rstrip("/").rsplit("/", 1)[-1]
        if tail.startswith("GHSA-"):
            return tail
    return None


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def parse_report(text: str, origin: str = "the report") -> tuple[str, list[Advisory]]:
    """(format name, advisories) from the text of any supported report."""
    stripped = text.strip()
    if not stripped:
        raise AuditImportError(f"{origin}: empty file, not an audit report")
    try:
        data: Any = json.loads(stripped)
    except json.JSONDecodeError:
        return _parse_ndjson(stripped, origin)
    except RecursionError:
        raise AuditImportError(f"{origin}: malformed JSON: nested too deeply") from None
    if isinstance(data, dict):
        if data.get("auditReportVersion") == 2 and isinstance(data.get("vulnerabilities"), dict):
            return "npm-v2", list(_npm_v2(data))
        if isinstance(data.get("advisories"), dict):
            kind = "npm-v1" if "runId" in data else "pnpm"
            return kind, list(_v1_advisories(data["advisories"].values(), kind))
        if isinstance(data.get("results"), list):
            return "osv", list(_osv(data["results"]))
        if "value" in data and "children" in data:  # a one-line yarn berry report
            return "yarn-berry", list(_berry([data]))
        if data.get("type") in ("auditAdvisory", "auditSummary"):
            return "yarn-classic", list(_yarn_classic([data]))
    raise AuditImportError(f"{origin}: not a recognised audit report (npm, pnpm, yarn or osv-scanner JSON)")


def _parse_ndjson(text: str, origin: str) -> tuple[str, list[Advisory]]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise AuditImportError(f"{origin}:{number}: invalid JSON ({error.msg})") from None
        except RecursionError:
            raise AuditImportError(f"{origin}:{number}: malformed JSON: nested too deeply"
                                   ) from None
    objects = [r for r in records if isinstance(r, dict)]
    if any(r.get("type") in ("auditAdvisory", "auditSummary", "auditAction") for r in objects):
        return "yarn-classic", list(_yarn_classic(objects))
    if objects and all("value" in r and "children" in r for r in objects):
        return "yarn-berry", list(_berry(objects))
    raise AuditImportError(f"{origin}: JSON lines that are not a yarn audit report")


def _npm_v2(data: dict[str, Any]) -> Iterable[Advisory]:
    for entry in data["vulnerabilities"].values():
        if not isinstance(entry, dict):
            continue
        for via in entry.get("via") or ():
            if not isinstance(via, dict):
                continue  # a metavuln: "depends on vulnerable versions of X"
            name = _str(via.get("name")) or _str(entry.get("name"))
            ident = _ghsa(via.get("url")) or str(via.get("source", ""))
            if not name or not ident:
                continue
            extra: dict[str, object] = {}
            cvss = via.get("cvss")
            if isinstance(cvss, dict) and isinstance(cvss.get("score"), (int, float)):
                extra["cvss"] = cvss["score"]
            yield Advisory(
                id=ident, package=name, vulnerable_range=_str(via.get("range")) or "*",
                severity=parse_severity(via.get("severity")), title=_str(via.get("title")),
                url=_str(via.get("url")) or None,
                aliases=(str(via["source"]),) if via.get("source") is not None and ident != str(via["source"]) else (),
                source="npm-v2", extra=extra,
            )


def _v1_advisories(advisories: Iterable[Any], source: str) -> Iterable[Advisory]:
    for adv in advisories:
        if not isinstance(adv, dict) or not _str(adv.get("module_name")):
            continue
        npm_id = str(adv.get("id", ""))
        ident = _str(adv.get("github_advisory_id")) or _ghsa(adv.get("url")) or npm_id
        cves = tuple(c for c in adv.get("cves") or () if isinstance(c, str))
        aliases = tuple(dict.fromkeys(a for a in (npm_id, *cves) if a and a != ident))
        versions = tuple(dict.fromkeys(
            _str(f.get("version")) for f in adv.get("findings") or () if isinstance(f, dict) and f.get("version")
        ))
        extra = {"patched_versions": adv["patched_versions"]} if _str(adv.get("patched_versions")) else {}
        yield Advisory(
            id=ident, package=adv["module_name"],
            vulnerable_range=_str(adv.get("vulnerable_versions")) or "*",
            severity=parse_severity(adv.get("severity")), title=_str(adv.get("title")),
            url=_str(adv.get("url")) or None, affected_versions=versions, aliases=aliases,
            source=source, extra=extra,
        )


def _yarn_classic(records: Iterable[dict[str, Any]]) -> Iterable[Advisory]:
    advisories = [
        r["data"]["advisory"] for r in records
        if r.get("type") == "auditAdvisory" and isinstance(r.get("data"), dict)
        and isinstance(r["data"].get("advisory"), dict)
    ]
    return _v1_advisories(advisories, "yarn-classic")


def _berry(records: Iterable[dict[str, Any]]) -> Iterable[Advisory]:
    for record in records:
        children = record.get("children")
        name = _str(record.get("value"))
        if not isinstance(children, dict) or not name:
            continue
        url = _str(children.get("URL")) or None
        ident = _ghsa(url) or str(children.get("ID", ""))
        tree = children.get("Tree Versions")
        versions = tuple(v for v in tree if isinstance(v, str)) if isinstance(tree, list) else ()
        yield Advisory(
            id=ident, package=name,
            vulnerable_range=_str(children.get("Vulnerable Versions")) or "*",
            severity=parse_severity(children.get("Severity")), title=_str(children.get("Issue")),
            url=url, affected_versions=versions,
            aliases=(str(children["ID"]),) if children.get("ID") is not None and ident != str(children["ID"]) else (),
            source="yarn-berry",
        )


def _osv(results: list[Any]) -> Iterable[Advisory]:
    for result in results:
        for entry in (result.get("packages") or ()) if isinstance(result, dict) else ():
            package = entry.get("package") if isinstance(entry, dict) else None
            if not isinstance(package, dict) or str(package.get("ecosystem", "npm")).lower() != "npm":
                continue
            name, version = _str(package.get("name")), _str(package.get("version"))
            scores = _group_scores(entry.get("groups") or ())
            for vuln in entry.get("vulnerabilities") or ():
                if not isinstance(vuln, dict) or not _str(vuln.get("id")) or vuln.get("withdrawn"):
                    continue
                yield _osv_advisory(vuln, name, version, scores.get(vuln["id"]))


def _group_scores(groups: Iterable[Any]) -> dict[str, str]:
    scores = {}
    for group in groups:
        if isinstance(group, dict) and _str(group.get("max_severity")):
            for ident in group.get("ids") or ():
                scores[str(ident)] = group["max_severity"]
    return scores


def _osv_advisory(vuln: dict[str, Any], name: str, version: str, score: str | None) -> Advisory:
    aliases = tuple(a for a in vuln.get("aliases") or () if isinstance(a, str))
    ident = vuln["id"] if vuln["id"].startswith("GHSA-") else next(
        (a for a in aliases if a.startswith("GHSA-")), vuln["id"])
    severity = Severity.MODERATE
    db = vuln.get("database_specific")
    if isinstance(db, dict) and _str(db.get("severity")):
        severity = parse_severity(db["severity"])
    elif score:
        severity = parse_severity(score)
    url = next((r.get("url") for r in vuln.get("references") or ()
                if isinstance(r, dict) and r.get("type") == "ADVISORY" and isinstance(r.get("url"), str)), None)
    return Advisory(
        id=ident, package=name, vulnerable_range=osv_range(vuln, name),
        severity=severity, title=_str(vuln.get("summary")) or _str(vuln.get("details"))[:120],
        url=url or f"https://osv.dev/vulnerability/{vuln['id']}",
        affected_versions=(version,) if version else (),
        aliases=tuple(dict.fromkeys(a for a in (vuln["id"], *aliases) if a != ident)),
        source="osv",
    )


def osv_range(vuln: dict[str, Any], name: str) -> str:
    """The npm range of an OSV record's `affected` entries for `name`: each
    `introduced`/`fixed`/`last_affected` run becomes `>=A <B` (or `<=B`), explicit
    `versions` are added as exact versions, all joined with `||`."""
    parts: list[str] = []
    for affected in vuln.get("affected") or ():
        if not isinstance(affected, dict):
            continue
        package = affected.get("package") or {}
        if isinstance(package, dict) and package.get("name") not in (None, name):
            continue
        for rng in affected.get("ranges") or ():
            if isinstance(rng, dict) and rng.get("type") in ("SEMVER", "ECOSYSTEM"):
                parts += _events_to_ranges(rng.get("events") or ())
        parts += [v for v in affected.get("versions") or () if isinstance(v, str)]
    return " || ".join(dict.fromkeys(parts)) or "*"


def _events_to_ranges(events: Iterable[Any]) -> list[str]:
    out: list[str] = []
    low: str | None = None
    for event in events:
        if not isinstance(event, dict):
            continue
        if "introduced" in event:
            low = str(event["introduced"])
        elif "fixed" in event and low is not None:
            out.append(_bounded(low, f"<{event['fixed']}"))
            low = None
        elif "last_affected" in event and low is not None:
            out.append(_bounded(low, f"<={event['last_affected']}"))
            low = None
        elif "limit" in event and low is not None:
            out.append(_bounded(low, f"<{event['limit']}"))
            low = None
    if low is not None:
        out.append(">=0.0.0" if low == "0" else f">={low}")
    return out


def _bounded(low: str, high: str) -> str:
    return high if low == "0" else f">={low} {high}"
