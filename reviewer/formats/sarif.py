"""SARIF 2.1.0 output for `reviewer check`.

One rule per signal id (`SIGNAL_IDS`) plus one per policy rule (`check.POLICY_RULES`);
each result points at the package's entry in the lockfile (`region.startLine` when the
parser knows the line). Levels: critical/high -> error, moderate -> warning, low/info -> note.
"""

from __future__ import annotations

from pathlib import Path

from reviewer import __version__
from reviewer.findings import SIGNAL_IDS, SIGNALS, Severity
from reviewer.policy.check import POLICY_RULES, CheckResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

SIGNAL_DESCRIPTIONS: dict[str, str] = {s.id: s.description for s in SIGNALS}
"""Signal id -> SARIF rule description, from the signal catalogue."""


def rule_ids() -> list[str]:
    return list(SIGNAL_IDS) + [rule for rule in POLICY_RULES if rule not in SIGNAL_IDS]


def _level(severity: Severity) -> str:
    if severity >= Severity.HIGH:
        return "error"
    if severity >= Severity.MODERATE:
        return "warning"
    return "note"


def _artifact_uri(lockfile: Path) -> str:
    """The lockfile relative to the working directory when inside it (POSIX), else a file URI."""
    try:
        return lockfile.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return lockfile.resolve().as_uri()


def to_sarif(result: CheckResult, lockfile: Path) -> dict[str, object]:
    """The SARIF log (a JSON-serialisable dict) for one check run."""
    ids = rule_ids()
    index = {rule: i for i, rule in enumerate(ids)}
    rules = [
        {
            "id": rule,
            "name": "".join(part.capitalize() for part in rule.split("-")),
            "shortDescription": {"text": POLICY_RULES.get(rule) or SIGNAL_DESCRIPTIONS.get(rule, rule)},
        }
        for rule in ids
    ]
    uri = _artifact_uri(lockfile)
    results = []
    for violation in result.violations:
        location: dict[str, object] = {"artifactLocation": {"uri": uri}}
        if violation.line is not None and violation.line >= 1:
            location["region"] = {"startLine": violation.line}
        entry: dict[str, object] = {
            "ruleId": violation.rule,
            "level": _level(violation.severity),
            "message": {"text": violation.message},
            "locations": [{
                "physicalLocation": location,
                "logicalLocations": [{"name": violation.package, "kind": "package"}],
            }],
            "partialFingerprints": {"packageRule/v1": f"{violation.package}|{violation.rule}"},
            "properties": {"package": violation.package, "severity": str(violation.severity)},
        }
        if violation.rule in index:
            entry["ruleIndex"] = index[violation.rule]
        results.append(entry)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "reviewer", "version": __version__, "rules": rules}},
            "artifacts": [{"location": {"uri": uri}}],
            "results": results,
            "properties": {
                "signalsEvaluated": result.signals_evaluated,
                "signalsUnknownPackages": len(result.signals_unknown),
                **({"registryGap": result.registry_gap} if result.registry_gap else {}),
                "unknownInstallScripts": len(result.unknown_scripts),
            },
        }],
    }
