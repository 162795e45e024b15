"""`reviewer check`: compare a dependency graph with the policy. Pure logic, no I/O.

Violations (rule ids, stable; used in JSON and as SARIF rule ids):

| rule | meaning |
|---|---|
| `unreviewed-script` | a locked package has install scripts and no decision |
| `denied-script` | a locked package has install scripts that the policy denies (setting `fail_on_denied_scripts`) |
| `republished` | a pin or an allowed script entry names this exact version with a different integrity |
| `pin-mismatch` | pins are required and the locked version has no approved pin |
| `undecided-advisory` | an imported advisory affects a locked package and has no decision |
| `expired-decision` | the advisory decision or signal acceptance that covers a finding has expired |
| `disallowed-source` | a package comes from a source kind not in `allowed_sources` |
| `unexpected-registry` | a registry package resolved from outside `allowed_registries` |
| any signal id | a review signal at or above `fail_on` that the policy does not accept |

Signals are evaluated only when the caller passes findings (computed from cached metadata);
install-script and advisory signals are ignored there because the script and advisory
rules above cover them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reviewer.audit.model import Advisory
from reviewer.findings import Finding, Severity
from reviewer.graph.model import Graph, Package, Source
from reviewer.policy.entries import ScriptState, content_hash, differs
from reviewer.policy.model import Policy
from reviewer.semver import satisfies

POLICY_RULES: dict[str, str] = {
    "unreviewed-script": "Install scripts without a decision",
    "denied-script": "Install scripts denied by the policy",
    "republished": "Approved version republished with a different integrity",
    "pin-mismatch": "Locked version not approved by a pin",
    "undecided-advisory": "Advisory without a decision",
    "expired-decision": "Advisory decision or signal acceptance expired",
    "disallowed-source": "Package source kind not allowed by the policy",
}
"""Rule ids for policy violations (`unexpected-registry` reuses the signal id)."""

SIGNALS_COVERED_BY_RULES = frozenset({"install-script", "advisory"})


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    name: str
    version: str
    message: str
    """One line; contains untrusted names: print as plain text only."""
    severity: Severity = Severity.HIGH
    line: int | None = None
    """Line of the package's entry in the lockfile."""

    @property
    def package(self) -> str:
        return f"{self.name}@{self.version}"

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "package": self.package, "name": self.name,
                "version": self.version, "severity": str(self.severity),
                "message": self.message, "line": self.line}


@dataclass(slots=True)
class CheckResult:
    violations: list[Violation] = field(default_factory=list)
    unknown_scripts: list[str] = field(default_factory=list)
    """Keys of packages for which nothing says whether they have install scripts."""
    signals_evaluated: bool = False
    signals_unknown: list[str] = field(default_factory=list)
    """Keys of packages with at least one signal that could not be decided (no cached
    metadata, or the registry does not provide the field)."""
    packages_checked: int = 0
    advisories_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.violations

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(v.rule for v in self.violations).items()))


def run_check(
    graph: Graph,
    policy: Policy,
    script_facts: Mapping[str, bool | None],
    advisories: Iterable[Advisory] = (),
    findings: Iterable[Finding] | None = None,
    today: dt.date | None = None,
) -> CheckResult:
    """Every violation of `policy` by the locked packages of `graph`."""
    today = today or dt.date.today()
    result = CheckResult(packages_checked=len(graph))
    packages = graph.sorted_packages()
    for package in packages:
        _check_scripts(package, policy, script_facts.get(package.key), result)
        _check_pin(package, policy, result)
        _check_source(package, policy, result)
    _check_advisories(graph, policy, list(advisories), today, result)
    if findings is not None:
        result.signals_evaluated = True
        _check_signals(graph, policy, findings, today, result)
    result.violations.sort(key=lambda v: (v.name, v.version, v.rule, v.message))
    return result


def _add(result: CheckResult, rule: str, package: Package, message: str,
         severity: Severity = Severity.HIGH) -> None:
    result.violations.append(Violation(rule, package.name, package.version, message, severity,
                                       package.line))


def _check_scripts(package: Package, policy: Policy, has_scripts: bool | None,
                   result: CheckResult) -> None:
    if has_scripts is None:
        if package.source not in (Source.WORKSPACE, Source.LINK):
            result.unknown_scripts.append(package.key)
        return
    if not has_scripts:
        return
    locked_hash = content_hash(package)
    state = policy.script_state(package.name, package.version, locked_hash)
    if state is ScriptState.ALLOWED:
        return
    if state is ScriptState.DENIED:
        if policy.settings.fail_on_denied_scripts:
            _add(result, "denied-script", package,
                 f"{package.key} has install scripts and the policy denies them")
        return
    allowed = policy.allowed_entry(package.name, package.version)
    if allowed is not None:
        _add(result, "republished", package,
             f"{package.key}: install scripts were allowed for integrity {allowed.integrity}, "
             f"the lockfile has {locked_hash}")
        return
    _add(result, "unreviewed-script", package,
         f"{package.key} has install scripts that nobody has reviewed "
         f"(reviewer approve {package.key} / reviewer deny {package.name})")


def _check_pin(package: Package, policy: Policy, result: CheckResult) -> None:
    if package.source in (Source.WORKSPACE, Source.LINK):
        return
    pin = policy.pin_for(package.name, package.version)
    if pin is not None:
        locked_hash = content_hash(package)
        if differs(pin.integrity, locked_hash):
            _add(result, "republished", package,
                 f"{package.key}: pinned with integrity {pin.integrity}, "
                 f"the lockfile has {locked_hash}")
        return
    if not policy.settings.require_pins:
        return
    approved = policy.pinned_versions(package.name)
    detail = f"approved: {', '.join(approved)}" if approved else "no approved pin"
    _add(result, "pin-mismatch", package, f"{package.key} is not an approved version ({detail})")


def _check_source(package: Package, policy: Policy, result: CheckResult) -> None:
    settings = policy.settings
    if package.source.value not in settings.allowed_sources:
        _add(result, "disallowed-source", package,
             f"{package.key} comes from a {package.source.value} source, which the policy "
             f"does not allow ({', '.join(settings.allowed_sources) or 'none allowed'})")
    resolved = package.resolved or ""
    if (settings.allowed_registries and package.source is Source.REGISTRY
            and resolved.startswith(("http://", "https://"))
            and not any(resolved.startswith(prefix) for prefix in settings.allowed_registries)):
        _add(result, "unexpected-registry", package,
             f"{package.key} is resolved from {resolved}, outside the allowed registries")


def affected_packages(graph: Graph, advisories: Iterable[Advisory]) -> list[tuple[Advisory, Package]]:
    """Each imported advisory with each locked package it affects: its `affected_versions`
    (attached on import), else the locked versions in its range."""
    pairs: list[tuple[Advisory, Package]] = []
    seen: set[tuple[str, str]] = set()
    for advisory in advisories:
        versions = advisory.affected_versions or tuple(
            p.version for p in graph.find(advisory.package)
            if satisfies(p.version, advisory.vulnerable_range))
        for version in versions:
            package = graph.packages.get(f"{advisory.package}@{version}")
            if package is not None and (advisory.id, package.key) not in seen:
                seen.add((advisory.id, package.key))
                pairs.append((advisory, package))
    return pairs


def _check_advisories(graph: Graph, policy: Policy, advisories: list[Advisory], today: dt.date,
                      result: CheckResult) -> None:
    affected = affected_packages(graph, advisories)
    result.advisories_checked = len(affected)
    for advisory, package in affected:
        decision = policy.advisory_decision(advisory.id, package.name, package.version)
        title = f" ({advisory.title})" if advisory.title else ""
        if decision is None:
            _add(result, "undecided-advisory", package,
                 f"{package.key}: advisory {advisory.id}{title} has no decision",
                 advisory.severity)
        elif decision.is_expired(today):
            _add(result, "expired-decision", package,
                 f"{package.key}: the {decision.decision.value} decision on advisory "
                 f"{advisory.id} expired on {decision.expires}", advisory.severity)


def _check_signals(graph: Graph, policy: Policy, findings: Iterable[Finding], today: dt.date,
                   result: CheckResult) -> None:
    threshold = policy.settings.fail_on
    unknown: set[str] = set()
    for finding in findings:
        if finding.unknown and finding.id not in SIGNALS_COVERED_BY_RULES:
            unknown.add(finding.package)
        if (finding.unknown or finding.severity < threshold
                or finding.id in SIGNALS_COVERED_BY_RULES):
            continue
        package = graph.packages.get(finding.package)
        if package is None:
            name, _, version = finding.package.rpartition("@")
            package = Package(name or finding.package, version)
        acceptance = policy.signal_acceptance(finding.id, package.name, package.version)
        if acceptance is None:
            _add(result, finding.id, package, f"{package.key}: {finding.summary}", finding.severity)
        elif acceptance.is_expired(today):
            _add(result, "expired-decision", package,
                 f"{package.key}: the acceptance of {finding.id} expired on {acceptance.expires}",
                 finding.severity)
    result.signals_unknown = sorted(unknown)
