"""Banned packages in the gate: `[[bans]]` entries (name, or name@range) that match a
locked package are `banned-package` violations, with the dependency path that brings the
package in (`reviewer why --all NAME` shows every one)."""

from __future__ import annotations

from reviewer.findings import Severity
from reviewer.graph.model import Graph
from reviewer.graph.queries import why
from reviewer.policy.model import Policy
from reviewer.policy.violation import Violation, violation


def ban_violations(graph: Graph, policy: Policy) -> list[Violation]:
    out: list[Violation] = []
    if not policy.bans:
        return out
    for package in graph.sorted_packages():
        ban = policy.ban_for(package.name, package.version)
        if ban is None:
            continue
        paths = why(graph, package.key, limit=1)
        via = " > ".join(graph.label(node) for node in paths[0]) if paths else "not reachable"
        out.append(violation(
            "banned-package", package,
            f"{package.key} is banned by {policy.origin_label(ban.origin)} "
            f"({ban.package}: {ban.reason}); brought in by {via} "
            f"(reviewer why --all {package.name})", Severity.CRITICAL))
    return out
