"""Helpers shared by command modules: the PATH argument, and the edge where `argparse`
results become the application's typed `ProjectOptions` (nothing below the CLI sees
`args`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.graph import Graph

if TYPE_CHECKING:
    from reviewer.app import Project, ProjectOptions
    from reviewer.registry.config import RegistryConfig


def add_path_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", metavar="PATH",
                        help="project directory (default: the current one)")


def add_policy_argument(parser: argparse.ArgumentParser) -> None:
    from reviewer.policy.store import POLICY_FILE_NAME

    parser.add_argument("--policy", metavar="FILE",
                        help=f"policy file (default: {POLICY_FILE_NAME} in the project directory)")


def project_dir(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "path", ".") or ".")


def options_from_args(args: argparse.Namespace) -> ProjectOptions:
    """The project options named on the command line (the common options, and `--policy`,
    `--release-age`, `--no-tarballs` where the command has them)."""
    from reviewer.app import ProjectOptions

    given = vars(args)
    lockfile, policy, cache = given.get("lockfile"), given.get("policy"), given.get("cache_dir")
    return ProjectOptions(
        path=project_dir(args),
        lockfile=Path(lockfile) if lockfile else None,
        policy=Path(policy) if policy else None,
        registry=given.get("registry"),
        offline=bool(given.get("offline")),
        cache_dir=Path(cache) if cache else None,
        concurrency=int(given.get("concurrency") or 16),
        request_deadline=given.get("request_deadline"),
        release_age_days=given.get("release_age"),
        read_tarballs=not given.get("no_tarballs"),
        refresh=bool(given.get("refresh")),
        revalidate_after=given.get("revalidate_after"),
        deep=bool(given.get("deep")) and not given.get("no_tarballs"),
    )


def open_project(args: argparse.Namespace, *, print_notes: bool = True,
                 graph: Graph | None = None) -> Project:
    """The project named on the command line, its graph's notes printed as warnings (the
    terminal UI shows them itself). Raises LockfileError, PolicyError."""
    from reviewer.app import Project

    project = Project.open(options_from_args(args), graph)
    if print_notes:
        print_graph_notes(project.graph)
    return project


def registry_config(args: argparse.Namespace) -> RegistryConfig:
    """The registry configuration alone (`.npmrc` of PATH + the common options), for
    commands that need no lockfile (`diff`)."""
    return options_from_args(args).registry_config()


def load_project_graph(args: argparse.Namespace, *, print_notes: bool = True) -> Graph:
    """The graph of the project named on the command line, its notes printed as warnings
    (the terminal UI shows them itself). Raises LockfileError."""
    graph = options_from_args(args).load_graph()
    if print_notes:
        print_graph_notes(graph)
    return graph


def print_graph_notes(graph: Graph) -> None:
    for note in graph.notes:
        print(f"reviewer: warning: {note}", file=sys.stderr)
