"""Export policy decisions into each package manager's own enforcement settings.

`build_export(target, project_dir, policy, graph, options) -> ExportPlan`; the plan holds the
new text of each file (`plan.diff()` for --dry-run, `plan.write()` to write them through
`reviewer.fileio`) and messages about what each target cannot express.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from reviewer.exporters.decisions import collect
from reviewer.exporters.options import ExportOptions
from reviewer.exporters.plan import ExportPlan
from reviewer.graph.model import Graph
from reviewer.policy.model import Policy

TARGETS: tuple[str, ...] = ("npm", "pnpm", "yarn", "bun", "lavamoat")


def require_package_json(project: Path) -> None:
    """Export edits an existing project: without its package.json it is a clear error,
    and nothing is written (it would otherwise create a package.json of `{}`)."""
    if not (project / "package.json").is_file():
        from reviewer.exporters.jsonfile import ExportError

        raise ExportError(f"{project}: no package.json here: export only edits an existing "
                          "project's settings (nothing was written)")


def build_export(target: str, project: Path, policy: Policy, graph: Graph,
                 options: ExportOptions | None = None) -> ExportPlan:
    if target not in TARGETS:
        raise ValueError(f"unknown export target {target!r}")
    require_package_json(project)
    decisions = collect(policy, graph)
    module = importlib.import_module(f"reviewer.exporters.{target}")
    options = options or ExportOptions()
    plan: ExportPlan = module.export(project, decisions, options)
    plan.messages.extend(decisions.notes)
    if options.pins and target != "lavamoat":
        plan.messages.extend(decisions.pin_notes)
    return plan


__all__ = ["TARGETS", "ExportOptions", "ExportPlan", "build_export", "require_package_json"]
