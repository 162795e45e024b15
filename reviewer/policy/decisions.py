"""Decisions about locked packages, shared by the headless commands and the TUI.

- `script_facts(graph, findings)`: which locked packages have install scripts
  (True / False / None = unknown), from the lockfile and, where it says nothing, from
  findings computed from cached registry metadata (`Project.cached_findings`).
- `pending_script_packages(graph, policy, facts)`: packages with install scripts whose
  decision is `unreviewed` (including republished ones whose allow no longer matches).
- `approve_package` / `deny_package`: record a decision for one locked package and
  return human-readable lines saying what was done.
- `ban_package` / `unban_package`: add or remove a `[[bans]]` entry.
- `resolve_spec(graph, spec)`: `NAME@VERSION` (or `NAME` with one locked version) -> Package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from reviewer.errors import UsageError
from reviewer.graph.model import Graph, Package
from reviewer.policy.entries import (
    ScriptDecisionKind,
    ScriptState,
    content_hash,
    split_spec,
)
from reviewer.policy.model import Policy
from reviewer.signals.finding import Finding

INSTALL_SCRIPT_SIGNAL = "install-script"

ScriptFacts = Mapping[str, bool | None]
"""package key -> has install scripts (None = unknown)."""


def script_facts(graph: Graph, findings: Iterable[Finding] | None = None) -> dict[str, bool | None]:
    """Install-script facts for every locked package.

    The lockfile's `hasInstallScript`/`requiresBuild` comes first. Where the lockfile does
    not say (pnpm 9, yarn), review findings computed from cached registry metadata fill the
    gap when given (`reviewer.app.Project.cached_findings`): a known `install-script` finding means yes, an
    `unknown` one means still unknown, none at all means no. Otherwise it stays None.
    """
    facts: dict[str, bool | None] = {p.key: p.has_install_script for p in graph}
    if findings is None or all(value is not None for value in facts.values()):
        return facts
    reported: dict[str, bool | None] = {}
    reviewed: set[str] = set()
    for finding in findings:
        reviewed.add(finding.package)
        if finding.id == INSTALL_SCRIPT_SIGNAL:
            reported[finding.package] = None if finding.unknown else True
    for key, value in facts.items():
        if value is None and key in reviewed:
            facts[key] = reported.get(key, False)
    return facts


def pending_script_packages(graph: Graph, policy: Policy, facts: ScriptFacts) -> list[Package]:
    """Locked packages with install scripts and no decision that applies (sorted)."""
    return [
        p for p in graph.sorted_packages()
        if facts.get(p.key) and policy.script_state(p.name, p.version, content_hash(p))
        is ScriptState.UNREVIEWED
    ]


def resolve_spec(graph: Graph, spec: str) -> Package:
    """The locked package named by `NAME@VERSION` (or `NAME` when one version is locked)."""
    name, version = split_spec(spec)
    found = graph.find(name, version)
    if version is not None and found:
        return found[0]
    locked = graph.find(name)
    if not locked:
        raise UsageError(f"{name} is not in the lockfile")
    if version is None and len(locked) == 1:
        return locked[0]
    versions = ", ".join(p.version for p in locked)
    if version is None:
        raise UsageError(f"{name} is locked at several versions ({versions}); name one: {name}@VERSION")
    raise UsageError(f"{name}@{version} is not in the lockfile (locked: {versions})")


def approve_package(policy: Policy, package: Package, by: str, facts: ScriptFacts,
                    note: str | None = None) -> list[str]:
    """Pin `package` (exact version + integrity) and allow its install scripts unless the
    lockfile says it has none. Returns lines describing what was done."""
    recorded = content_hash(package)
    policy.approve(package.name, package.version, recorded, by, note)
    lines = [f"approved {package.key} (pinned {recorded or 'no integrity in the lockfile'})"]
    if facts.get(package.key) is not False:
        removed = policy.allow_scripts(package.name, package.version, recorded, by, note)
        lines[0] += "; install scripts allowed"
        lines.extend(f"  {line}" for line in removed)
    return lines


def deny_package(policy: Policy, name: str, version: str | None, by: str,
                 note: str | None = None) -> list[str]:
    """Deny install scripts of `name` (every version) or `name@version`."""
    wide = policy.deny_entry(name)
    if version is not None and wide is not None and wide.version is None:
        return [f"{name} is already denied in every version; nothing changed"]
    removed = policy.deny(name, version, by, note)
    target = name if version is None else f"{name}@{version}"
    lines = [f"denied install scripts of {target}" + (" (every version)" if version is None else "")]
    lines.extend(f"  {line}" for line in removed)
    return lines


def review_states(policy: Policy, graph: Graph) -> Iterator[tuple[str, str, str | None]]:
    """(package key, review state, note) for every locked package the policy decides:
    banned, denied, allowed or pinned (the TUI's review states). A decision that comes from
    a shared policy (`extends`) says so in its note."""
    for package in graph:
        ban = policy.ban_for(package.name, package.version)
        if ban is not None:
            yield package.key, "banned", with_origin(policy, ban.reason, ban.origin)
            continue
        script, entry = policy.script_decision(package.name, package.version, package.integrity)
        pin = policy.pin_for(package.name, package.version)
        note = pin.note if pin is not None else None
        if script is ScriptState.DENIED and entry is not None:
            yield package.key, "denied", with_origin(policy, entry.note or note, entry.origin)
        elif script is ScriptState.ALLOWED and entry is not None:
            yield package.key, "allowed", with_origin(policy, entry.note or note, entry.origin)
        elif pin is not None and (not pin.integrity or not package.integrity
                                  or pin.integrity == package.integrity):
            yield package.key, "pinned", with_origin(policy, note, pin.origin)


def with_origin(policy: Policy, note: str | None, origin: Path | None) -> str | None:
    """`note`, followed by where the decision comes from when it is not the project's file."""
    if origin is None or origin.resolve() == policy.path.resolve():
        return note
    where = f"(decided in {policy.origin_label(origin)})"
    return f"{note} {where}" if note else where


def ban_package(policy: Policy, graph: Graph, spec: str, by: str,
                reason: str | None = None) -> list[str]:
    """Ban `spec` (NAME, or NAME@RANGE); says which locked versions it matches."""
    from reviewer.policy.entries import Ban

    ban = Ban(spec, reason or "banned")
    if ban.range is not None:
        from reviewer.semver import parse_range

        if parse_range(ban.range) is None:
            raise UsageError(f"{ban.range!r} is not a version or semver range")
    policy.ban(spec, reason or f"banned by {by}", by)
    locked = [p.key for p in graph.find(ban.name) if ban.matches(p.name, p.version)]
    where = (f"; locked now: {', '.join(locked)} (reviewer why --all {ban.name}), so "
             "`reviewer check` fails until it is removed" if locked else "; not locked now")
    return [f"banned {spec}{where}"]


def unban_package(policy: Policy, spec: str) -> list[str]:
    """Remove the `[[bans]]` entry of `spec` (NAME or NAME@RANGE, as written in the entry)
    from `policy`'s own file. Raises UsageError, naming what is banned instead, when that
    file has no such ban; says when an extended file still bans the package."""
    spec = spec.strip()
    name = split_spec(spec)[0]
    own = [ban for ban in policy.bans if ban.origin == policy.path]
    found = next((ban for ban in own if ban.package == spec), None)
    if found is None:
        fault = f"no ban of {spec} in {policy.path}"
        same_name = [ban.package for ban in own if ban.name == name]
        if same_name:
            raise UsageError(f"{fault} (it bans {', '.join(same_name)}: unban that spelling)")
        elsewhere = next((ban for ban in policy.bans if ban.package == spec), None)
        if elsewhere is not None and elsewhere.origin is not None:
            raise UsageError(f"{fault}: the ban is in {policy.origin_label(elsewhere.origin)} "
                             f"(reviewer unban {spec} --to {elsewhere.origin})")
        raise UsageError(fault)
    policy.unban(found.package)
    lines = [f"removed the ban of {spec} ({found.reason})"]
    lines += [f"note: {ban.package} is still banned by {policy.origin_label(ban.origin)} "
              f"({ban.reason})" for ban in policy.bans if ban.name == name]
    return lines


def deny_pending(policy: Policy, packages: Iterable[Package], by: str,
                 note: str | None = None) -> list[str]:
    """Deny each pending package by name (npm's convention), or by name@version when another
    version of the name is allowed (a name-wide deny would override that allow)."""
    lines: list[str] = []
    done: set[str] = set()
    for package in packages:
        if package.name in done:
            continue
        has_allow = any(e.name == package.name and e.decision is ScriptDecisionKind.ALLOW
                        for e in policy.scripts)
        if has_allow:
            lines += deny_package(policy, package.name, package.version, by, note)
        else:
            lines += deny_package(policy, package.name, None, by, note)
            done.add(package.name)
    return lines
