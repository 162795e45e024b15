"""suspicious-code: scan the code an install script runs with the rules in `rules.py`."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reviewer.lines import editor_lines
from reviewer.registry.interface import TarballContents
from reviewer.signals.common import shorten
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.rules import (
    CATEGORY_TITLES,
    ENV_WITH_NETWORK,
    EXFILTRATION,
    MEASURE_RULES,
    PATTERN_RULES,
    MeasureRule,
    PatternRule,
)
from reviewer.signals.script_targets import ScriptSource, Unresolved, resolve_script_sources

SIGNAL = "suspicious-code"
MAX_EVIDENCE = 60
_TOKEN_MIN = 40


@dataclass(frozen=True, slots=True)
class Match:
    rule: str
    category: str
    severity: Severity
    file: str
    line: int
    text: str


def _applies(rule_applies: str, language: str) -> bool:
    return rule_applies == "any" or rule_applies == language


def _entropy(token: str) -> float:
    counts = Counter(token)
    n = len(token)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _measure(rule: MeasureRule, line: str) -> str | None:
    if rule.metric == "line-length":
        return line[:80] if len(line) >= rule.threshold else None
    if rule.metric == "entropy":
        for token in line.replace("'", '"').replace("`", '"').split('"'):
            if len(token) >= _TOKEN_MIN and " " not in token and _entropy(token) >= rule.threshold:
                return token[:80]
    return None


def scan_source(source: ScriptSource) -> list[Match]:
    """Every rule hit in one piece of code, with 1-based line numbers."""
    matches: list[Match] = []
    patterns: list[PatternRule] = [r for r in PATTERN_RULES if _applies(r.applies, source.language)]
    measures: list[MeasureRule] = [r for r in MEASURE_RULES if _applies(r.applies, source.language)]
    for number, line in enumerate(editor_lines(source.text), start=1):
        if not line.strip():
            continue
        for rule in patterns:
            found = rule.pattern.search(line)
            if found:
                matches.append(Match(rule.id, rule.category, rule.severity, source.label, number, shorten(found.group(0), 80)))
        for measure in measures:
            hit = _measure(measure, line)
            if hit is not None:
                matches.append(Match(measure.id, measure.category, measure.severity, source.label, number, shorten(hit, 80)))
    return matches


def scan_sources(sources: Sequence[ScriptSource]) -> list[Match]:
    return [m for s in sources for m in scan_source(s)]


def combined_severity(matches: Sequence[Match]) -> Severity:
    """The highest rule severity; critical when network meets credentials anywhere in the
    install script's code, at least high when network meets an env read in one file."""
    if not matches:
        return Severity.INFO
    categories = {m.category for m in matches}
    network, secrets = EXFILTRATION
    if categories & network and categories & secrets:
        return Severity.CRITICAL
    highest = max(m.severity for m in matches)
    net, env = ENV_WITH_NETWORK
    by_file: dict[str, set[str]] = {}
    for m in matches:
        by_file.setdefault(m.file, set()).add(m.category)
    if any(cats & net and cats & env for cats in by_file.values()):
        return max(highest, Severity.HIGH)
    return highest


def suspicious_code_finding(package: str, matches: Sequence[Match], unresolved: Sequence[Unresolved] = ()) -> Finding | None:
    """One finding summarising every match (None when nothing matched)."""
    if not matches:
        return None
    categories = [c for c in CATEGORY_TITLES if any(m.category == c for m in matches)]
    files = list(dict.fromkeys(m.file for m in matches))
    summary = f"install script code: {', '.join(CATEGORY_TITLES[c] for c in categories)} in {', '.join(files[:3])}"
    if len(files) > 3:
        summary += f" and {len(files) - 3} more"
    return Finding(
        id=SIGNAL,
        severity=combined_severity(matches),
        summary=shorten(summary, 110),
        package=package,
        evidence=tuple(Evidence(m.file, m.line, f"{m.rule}: {m.text}") for m in matches[:MAX_EVIDENCE]),
        details={
            "categories": categories,
            "rules": sorted({m.rule for m in matches}),
            "files": files,
            "matches": len(matches),
            "unresolved": [f"{u.hook}: {u.what}" for u in unresolved],
        },
    )


def analyze_suspicious_code(
    package: str,
    scripts: Mapping[str, str],
    tarball: TarballContents | None,
    all_scripts: Mapping[str, str] | None = None,
) -> tuple[Finding | None, list[ScriptSource]]:
    """Resolve what `scripts` run inside `tarball`, scan it; the finding and the sources read."""
    sources, unresolved = resolve_script_sources(scripts, tarball, all_scripts)
    return suspicious_code_finding(package, scan_sources(sources), unresolved), sources
