"""`reviewer check`: compare a dependency graph with the policy. Pure logic, no I/O.

Violations (rule ids, stable; used in JSON and as SARIF rule ids):

| rule | meaning |
|---|---|
| `unreviewed-script` | a locked package has install scripts and no decision |
| `denied-script` | a locked package has install scripts that the policy denies, with `fail_on_denied_scripts = true` (otherwise a deny is a decision, listed in `CheckResult.decisions`) |
| `policy-conflict` | two extended policy files disagree about a package's scripts and no local entry decides |
| `banned-package` | a `[[bans]]` entry matches a locked package (`reviewer.policy.bans`) |
| `settings-drift` | a package manager's settings differ from the export of the policy (computed by `reviewer.exporters.drift`, passed in) |
| `republished` | a pin or an allowed script entry names this exact version with a different integrity |
| `pin-mismatch` | pins are required and the locked version has no approved pin |
| `undecided-advisory` | an imported advisory affects a locked package and has no decision |
| `expired-decision` | the advisory decision or signal acceptance that covers a finding has expired |
| `disallowed-source` | a package comes from a source kind not in `allowed_sources` |
| `insecure-source` | fetched over plain http: or git: |
| `missing-integrity` | no integrity hash in the lockfile (unless `require_integrity = false`) |
| `unexpected-registry` | a registry package resolved from outside `allowed_registries` / the configured registry |
| any signal id | a review signal at or above `fail_on` that the policy does not accept |

Signals are evaluated only when the caller passes findings (computed from cached metadata);
install-script, advisory and source signals are ignored there because the rules above
cover them. The source rules are in `reviewer.policy.hygiene`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from reviewer.audit.model import Advisory
from reviewer.findings import Finding, Severity
from reviewer.graph.model import Graph, Package, Source
from reviewer.policy.bans import ban_violations
from reviewer.policy.entries import ScriptState, content_hash, differs
from reviewer.policy.hygiene import HYGIENE_SIGNALS, hygiene_violations
from reviewer.policy.model import Policy
from reviewer.policy.violation import Violation
from reviewer.semver import satisfies
from reviewer.signals.unknowns import registry_gaps

POLICY_RULES: dict[str, str] = {
    "unreviewed-script": "Install scripts without a decision",
    "denied-script": "Install scripts denied by the policy",
    "republished": "Approved version republished with a different integrity",
    "pin-mismatch": "Locked version not approved by a pin",
    "undecided-advisory": "Advisory without a decision",
    "expired-decision": "Advisory decision or signal acceptance expired",
    "disallowed-source": "Package source kind not allowed by the policy",
    "policy-conflict": "Extended policy files disagree and no local decision settles it",
    "banned-package": "A package the policy bans is locked",
    "settings-drift": "Package manager settings differ from the policy's export",
}
"""Rule ids for policy violations (`insecure-source`, `missing-integrity` and
`unexpected-registry` reuse the signal ids)."""

SIGNALS_COVERED_BY_RULES = frozenset({"install-script", "advisory", *HYGIENE_SIGNALS})


@dataclass(frozen=True, slots=True)
class ScriptDecisionNote:
    """A locked package with install scripts that the policy decides (not a violation)."""

    package: str
    state: ScriptState
    origin: str
    """The policy file that decides it, relative to the project's policy."""

    def to_json(self) -> dict[str, str]:
        return {"package": self.package, "state": str(self.state), "origin": self.origin}


@dataclass(slots=True)
class CheckResult:
    violations: list[Violation] = field(default_factory=list)
    unknown_scripts: list[str] = field(default_factory=list)
    """Keys of packages for which nothing says whether they have install scripts."""
    signals_evaluated: bool = False
    signals_unknown: list[str] = field(default_factory=list)
    """Keys of packages with at least one signal that could not be decided for a reason of
    their own (no cached metadata, a failed fetch); not those the registry gap covers."""
    unknown_reasons: Counter[str] = field(default_factory=Counter)
    """`signal: why it is unknown` -> how many packages (those in `signals_unknown`)."""
    registry_gap: str = ""
    """Said once: the kinds of data this registry provides for no package (empty if none)."""
    packages_checked: int = 0
    advisories_checked: int = 0
    decisions: list[ScriptDecisionNote] = field(default_factory=list)
    """Packages with install scripts that a decision covers (allowed, or denied without
    `fail_on_denied_scripts`), with the file that decides each."""

    @property
    def ok(self) -> bool:
        return not self.violations

    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(v.rule for v in self.violations).items()))

    def decided(self, state: ScriptState) -> list[ScriptDecisionNote]:
        return [d for d in self.decisions if d.state is state]


def run_check(
    graph: Graph,
    policy: Policy,
    script_facts: Mapping[str, bool | None],
    advisories: Iterable[Advisory] = (),
    findings: Iterable[Finding] | None = None,
    today: dt.date | None = None,
    registry_for: Callable[[str], str] | None = None,
    drift: Iterable[Violation] = (),
) -> CheckResult:
    """Every violation of `policy` by the locked packages of `graph`.

    `registry_for(name)`: the registry configured for a package's scope (`.npmrc`), for
    `unexpected-registry`; `drift`: settings-drift violations computed by the caller
    (`reviewer.exporters.drift`, which reads the package managers' files)."""
    today = today or dt.date.today()
    result = CheckResult(packages_checked=len(graph))
    packages = graph.sorted_packages()
    settings = policy.settings
    for package in packages:
        _check_scripts(package, policy, script_facts.get(package.key), result)
        _check_pin(package, policy, result)
        result.violations.extend(hygiene_violations(package, settings, registry_for))
    result.violations.extend(ban_violations(graph, policy))
    result.violations.extend(drift)
    _check_advisories(graph, policy, list(advisories), today, result)
    if findings is not None:
        result.signals_evaluated = True
        _check_signals(graph, policy, findings, today, result)
    result.violations.sort(key=lambda v: (v.name, v.version, v.rule, v.message))
    return result


__all__ = ["POLICY_RULES", "CheckResult", "ScriptDecisionNote", "Violation",
           "affected_packages", "run_check"]


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
    state, entry = policy.script_decision(package.name, package.version, locked_hash)
    conflict = policy.script_conflict(package.name, package.version, locked_hash)
    if conflict:
        sides = "; ".join(f"{policy.origin_label(e.origin)} says {e.decision.value} {e.target}"
                          for e in conflict)
        _add(result, "policy-conflict", package,
             f"{package.key}: the extended policies disagree ({sides}); the deny applies "
             f"until a local decision settles it (reviewer approve {package.key} / "
             f"reviewer deny {package.name})")
    origin = policy.origin_label(entry.origin if entry is not None else None)
    if state is ScriptState.ALLOWED:
        result.decisions.append(ScriptDecisionNote(package.key, state, origin))
        return
    if state is ScriptState.DENIED:
        if policy.settings.fail_on_denied_scripts:
            _add(result, "denied-script", package,
                 f"{package.key} has install scripts and {origin} denies them "
                 "(fail_on_denied_scripts = true)")
        else:
            result.decisions.append(ScriptDecisionNote(package.key, state, origin))
        return
    allowed = policy.allowed_entry(package.name, package.version)
    if allowed is not None:
        _add(result, "republished", package,
             f"{package.key}: install scripts were allowed by "
             f"{policy.origin_label(allowed.origin)} for integrity {allowed.integrity}, "
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
                 f"{package.key}: pinned by {policy.origin_label(pin.origin)} with integrity "
                 f"{pin.integrity}, the lockfile has {locked_hash}")
        return
    if not policy.settings.require_pins:
        return
    approved = policy.pinned_versions(package.name)
    detail = f"approved: {', '.join(approved)}" if approved else "no approved pin"
    _add(result, "pin-mismatch", package, f"{package.key} is not an approved version ({detail})")


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
    findings = list(findings)
    per_package: dict[str, list[Finding]] = {}
    for finding in findings:
        per_package.setdefault(finding.package, []).append(finding)
    registered = [per_package.get(p.key, []) for p in graph.packages.values()
                  if p.source is Source.REGISTRY]
    gaps = registry_gaps(registered)
    result.registry_gap = gaps.sentence()
    unknown: set[str] = set()
    for finding in findings:
        if (finding.unknown and finding.id not in SIGNALS_COVERED_BY_RULES
                and not gaps.covers(finding)):
            unknown.add(finding.package)
            reason = str(finding.details.get("reason") or finding.summary)
            result.unknown_reasons[f"{finding.id}: {reason}"] += 1
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
