"""The policy's decisions in the shape every exporter needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.graph.model import Graph, Source
from reviewer.graph.queries import direct_keys
from reviewer.policy.entries import ScriptDecision, ScriptDecisionKind, ScriptState
from reviewer.policy.model import Policy
from reviewer.semver import sort_versions


@dataclass
class ExportDecisions:
    allowed: dict[str, list[str]] = field(default_factory=dict)
    """name -> allowed exact versions that are locked (sorted by semver)."""
    denied_names: list[str] = field(default_factory=list)
    """Names whose scripts are denied in every version."""
    denied_versions: dict[str, list[str]] = field(default_factory=dict)
    """name -> denied exact versions (names not denied as a whole)."""
    pins: dict[str, str] = field(default_factory=dict)
    """name -> pinned version, for transitive packages locked at exactly one pinned version."""
    notes: list[str] = field(default_factory=list)
    pin_notes: list[str] = field(default_factory=list)
    """What --pins could not express."""
    unresolved: set[str] = field(default_factory=set)
    """Allowed names with a locked version that package-lock.json records without a
    `resolved` URL: npm cannot verify a pinned version of those."""
    banned: list[str] = field(default_factory=list)
    """`[[bans]]` entries (`name` or `name@range`) that match a locked package."""

    @property
    def allowed_names(self) -> list[str]:
        return sorted(self.allowed)

    def matcher(self, name: str, versions: list[str]) -> str:
        """npm/pnpm key: `name@1.2.3 || 1.2.4`."""
        return f"{name}@{' || '.join(versions)}"


def collect(policy: Policy, graph: Graph) -> ExportDecisions:
    """Allowed versions that are locked, every deny, and the pins usable as overrides."""
    out = ExportDecisions()
    locked = set(graph.packages)
    stale = 0
    entries = _effective_scripts(policy)
    denied_names = {e.name for e in entries
                    if e.decision is ScriptDecisionKind.DENY and e.version is None}
    for ban in policy.bans:
        if any(ban.matches(p.name, p.version) for p in graph.find(ban.name)):
            out.banned.append(ban.package)
        if ban.range is None:
            denied_names.add(ban.name)
    for entry in entries:
        if entry.decision is ScriptDecisionKind.ALLOW and entry.version is not None:
            if f"{entry.name}@{entry.version}" not in locked:
                stale += 1 if entry.origin == policy.path else 0
            elif (policy.script_state(entry.name, entry.version) is ScriptState.ALLOWED
                    and policy.ban_for(entry.name, entry.version) is None):
                out.allowed.setdefault(entry.name, []).append(entry.version)
        elif entry.version is not None and entry.name not in denied_names:
            out.denied_versions.setdefault(entry.name, []).append(entry.version)
    # A name-wide deny that a nearer file overrides for some versions cannot be written
    # as a name-wide deny (the package managers let a deny win): those versions stay
    # allowed and the others unreviewed.
    denied_names -= set(out.allowed)
    for package in graph:
        matched = policy.ban_for(package.name, package.version)
        if matched is not None and matched.range is not None and package.name not in denied_names:
            versions = out.denied_versions.setdefault(package.name, [])
            if package.version not in versions:
                versions.append(package.version)
    out.denied_names = sorted(denied_names)
    out.allowed = {name: sort_versions(versions) for name, versions in sorted(out.allowed.items())}
    if graph.lockfile.format == "npm":
        out.unresolved = {p.name for p in graph if p.name in out.allowed
                          and p.version in out.allowed[p.name]
                          and p.source is Source.REGISTRY and not p.resolved}
    exotic = sorted({p.key for p in graph if p.name in out.allowed and p.version in out.allowed[p.name]
                     and p.source in (Source.GIT, Source.TARBALL, Source.FILE)})
    if exotic:
        out.notes.append("allowed packages from git/tarball/file sources are exported as "
                         "name@version, but npm and pnpm match those by their resolved URL: "
                         "check the entries for " + ", ".join(exotic))
    out.denied_versions = {name: sort_versions(v) for name, v in sorted(out.denied_versions.items())}
    if stale:
        out.notes.append(f"skipped {stale} allow entr{'y' if stale == 1 else 'ies'} for versions "
                         "no longer in the lockfile")
    out.pins, out.pin_notes = _pins(policy, graph)
    return out


def _effective_scripts(policy: Policy) -> list[ScriptDecision]:
    """Script entries of the policy and of the files it extends; an entry of an extended
    file is left out when a nearer file has an entry for the same name@version (or, for
    a name-wide deny, for the same name)."""
    seen: set[tuple[str, str | None]] = set()
    out: list[ScriptDecision] = []
    for layer in policy.layers():
        mine = [e for e in layer.scripts if (e.name, e.version) not in seen]
        seen.update((e.name, e.version) for e in layer.scripts)
        out.extend(mine)
    return out


def _pins(policy: Policy, graph: Graph) -> tuple[dict[str, str], list[str]]:
    direct_names = {graph.packages[k].name for k in direct_keys(graph) if k in graph.packages}
    by_name: dict[str, list[str]] = {}
    for package in graph:
        if package.source in (Source.WORKSPACE, Source.LINK):
            continue
        pin = policy.pin_for(package.name, package.version)
        if pin is not None:
            by_name.setdefault(package.name, []).append(package.version)
    pins: dict[str, str] = {}
    several, direct = [], []
    for name, versions in sorted(by_name.items()):
        if name in direct_names:
            direct.append(name)
        elif len(versions) > 1 or len(graph.find(name)) > 1:
            several.append(name)
        else:
            pins[name] = versions[0]
    notes = []
    if direct:
        notes.append(f"not pinned through overrides: {len(direct)} direct dependenc"
                     f"{'y' if len(direct) == 1 else 'ies'} ({', '.join(direct[:5])}"
                     f"{', ...' if len(direct) > 5 else ''}); write exact versions in package.json")
    if several:
        notes.append(f"not pinned through overrides: {', '.join(several[:5])}"
                     f"{', ...' if len(several) > 5 else ''} (locked at several versions)")
    return pins, notes
