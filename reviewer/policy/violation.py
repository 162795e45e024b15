"""`Violation`: one reason `reviewer check` fails (shared by the check modules)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.findings import Severity
from reviewer.graph.model import Package


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
        return f"{self.name}@{self.version}" if self.version else self.name

    def to_json(self) -> dict[str, object]:
        return {"rule": self.rule, "package": self.package, "name": self.name,
                "version": self.version, "severity": str(self.severity),
                "message": self.message, "line": self.line}


def violation(rule: str, package: Package, message: str,
              severity: Severity = Severity.HIGH) -> Violation:
    """A violation about a locked package (at its line in the lockfile)."""
    return Violation(rule, package.name, package.version, message, severity, package.line)
