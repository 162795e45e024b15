"""The demo's `npm audit --json` report (auditReportVersion 2), built from the demo lockfile."""

from __future__ import annotations

from typing import Any

from demo_generator.ordinary import ADVISORIES, ADVISORY_FIXES, METAVULNS

SEVERITIES = ("info", "low", "moderate", "high", "critical")
Json = dict[str, Any]


def _numbers(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split("-", 1)[0].split("."))


def in_simple_range(version: str, spec: str) -> bool:
    """`<X`, `<=X`, `>=X`, `>X` for the demo's advisory ranges (plain x.y.z versions only)."""
    for op in ("<=", ">=", "<", ">"):
        if spec.startswith(op):
            mine, bound = _numbers(version), _numbers(spec[len(op):].strip())
            return {"<=": mine <= bound, ">=": mine >= bound, "<": mine < bound, ">": mine > bound}[op]
    raise ValueError(f"unsupported range {spec!r}")


def _name_of(path: str) -> str:
    return path.rsplit("node_modules/", 1)[-1]


def _is_direct(name: str, nodes: list[str], direct: set[str]) -> bool:
    """npm's isDirect: one of the vulnerable nodes is a dependency of the root."""
    return name in direct and f"node_modules/{name}" in nodes


def _counts(packages: Json) -> Json:
    counts = {"prod": 0, "dev": 0, "optional": 0, "peer": 0, "peerOptional": 0}
    for path, entry in packages.items():
        if not path:
            continue
        if entry.get("dev"):
            counts["dev"] += 1
        elif entry.get("optional") or entry.get("devOptional"):
            counts["optional"] += 1
        else:
            counts["prod"] += 1
    counts["total"] = len(packages) - 1
    return counts


def npm_audit_report(lock: Json) -> Json:
    packages: Json = lock["packages"]
    direct = set(packages[""].get("dependencies", {})) | set(packages[""].get("devDependencies", {}))
    vulns: dict[str, Json] = {}
    for advisory in ADVISORIES:
        name = str(advisory["name"])
        nodes = [
            path for path, entry in packages.items()
            if path and _name_of(path) == name and in_simple_range(entry["version"], str(advisory["range"]))
        ]
        if not nodes:
            continue
        via = {k: advisory[k] for k in ("source", "title", "url", "severity", "cwe", "cvss", "range")}
        via = {"source": via["source"], "name": name, "dependency": name, **{k: v for k, v in via.items() if k != "source"}}
        vuln = vulns.setdefault(name, {
            "name": name, "severity": "info", "isDirect": _is_direct(name, nodes, direct), "via": [], "effects": [],
            "range": advisory["range"], "nodes": nodes, "fixAvailable": ADVISORY_FIXES.get(name, True),
        })
        vuln["via"].append(via)
        if SEVERITIES.index(str(advisory["severity"])) > SEVERITIES.index(vuln["severity"]):
            vuln["severity"] = advisory["severity"]
    for name, (dependency, spec) in METAVULNS.items():
        if dependency not in vulns:
            continue
        nodes = [path for path in packages if path and _name_of(path) == name]
        vulns[name] = {
            "name": name, "severity": vulns[dependency]["severity"], "isDirect": _is_direct(name, nodes, direct),
            "via": [dependency], "effects": [], "range": spec, "nodes": nodes,
            "fixAvailable": ADVISORY_FIXES.get(name, True),
        }
        vulns[dependency]["effects"].append(name)
    summary = dict.fromkeys(SEVERITIES, 0)
    for vuln in vulns.values():
        summary[vuln["severity"]] += 1
    summary["total"] = len(vulns)
    return {
        "auditReportVersion": 2,
        "vulnerabilities": dict(sorted(vulns.items())),
        "metadata": {"vulnerabilities": summary, "dependencies": _counts(packages)},
    }


def bulk_advisories() -> dict[str, list[Json]]:
    """The demo's advisories in the registry bulk endpoint's answer shape
    (`{name: [{id, url, title, severity, vulnerable_versions, cwe, cvss}]}`)."""
    answer: dict[str, list[Json]] = {}
    for advisory in ADVISORIES:
        answer.setdefault(str(advisory["name"]), []).append({
            "id": advisory["source"],
            "url": advisory["url"],
            "title": advisory["title"],
            "severity": advisory["severity"],
            "vulnerable_versions": advisory["range"],
            "cwe": advisory["cwe"],
            "cvss": advisory["cvss"],
        })
    return answer
