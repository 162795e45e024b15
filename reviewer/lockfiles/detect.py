"""Find the lockfile of a project directory and parse it with the right module.

When a directory holds several lockfiles, the rule is: the package manager named by
`package.json#packageManager` wins; otherwise the first present in this order —
npm-shrinkwrap.json, package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock — and a
warning names the ones ignored. `--lockfile FILE` always wins.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from reviewer.errors import LockfileError
from reviewer.graph import Graph
from reviewer.lockfiles.reads import decode_text

# file name -> (module, package manager named in packageManager)
FORMATS: dict[str, tuple[str, str]] = {
    "npm-shrinkwrap.json": ("npm", "npm"),
    "package-lock.json": ("npm", "npm"),
    "pnpm-lock.yaml": ("pnpm", "pnpm"),
    "yarn.lock": ("yarn", "yarn"),
    "bun.lock": ("bun", "bun"),
}

BUN_LOCKB_HINT = (
    "bun.lockb is a binary lockfile that reviewer cannot read; "
    "run `bun install --save-text-lockfile --lockfile-only` (bun >= 1.1.39) to write bun.lock"
)


def detect_lockfile(project: Path) -> Path:
    """The lockfile to read in `project`, by the rule in this module's docstring."""
    return choose_lockfile(project)[0]


def choose_lockfile(project: Path) -> tuple[Path, str | None]:
    """The lockfile to read, and a note naming the lockfiles ignored (None if none were)."""
    if not project.is_dir():
        raise LockfileError(project, "not a directory")
    present = [project / name for name in FORMATS if (project / name).is_file()]
    if not present:
        if (project / "bun.lockb").is_file():
            raise LockfileError(project / "bun.lockb", BUN_LOCKB_HINT)
        raise LockfileError(
            project, "no lockfile found (package-lock.json, pnpm-lock.yaml, yarn.lock or bun.lock)"
        )
    chosen = _by_package_manager(project, present) or present[0]
    ignored = [p.name for p in present if p != chosen]
    note = f"using {chosen.name}; ignoring {', '.join(ignored)}" if ignored else None
    return chosen, note


def _by_package_manager(project: Path, present: list[Path]) -> Path | None:
    try:
        if (project / "package.json").stat().st_size > 16 * 1024**2:
            return None
        manifest = json.loads((project / "package.json").read_text(encoding="utf-8"))
        wanted = str(manifest.get("packageManager", "")).split("@", 1)[0]
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
    for path in present:
        if FORMATS[path.name][1] == wanted:
            return path
    return None


MAX_LOCKFILE_BYTES = 512 * 1024**2
"""A lockfile larger than this is refused before it is read (the largest real ones are
tens of MiB; reading 3 GB would take twice that in memory)."""


def load_graph(project: Path, lockfile: Path | None = None, *,
               cache_root: Path | None = None) -> Graph:
    """Parse the project's lockfile (or `lockfile`) into a Graph. Raises LockfileError.
    With `cache_root`, a graph parsed before from the same lockfile and files is taken
    from the cache there, and a graph parsed now is kept there (`graph_cache`).

    Which other lockfiles were ignored is in `graph.notes`, for the caller to show."""
    path, note = (lockfile, None) if lockfile is not None else choose_lockfile(project)
    if path.name == "bun.lockb":
        raise LockfileError(path, BUN_LOCKB_HINT)
    module_name = FORMATS.get(path.name, (_guess_module(path), ""))[0]
    try:
        size = path.stat().st_size
        if size > MAX_LOCKFILE_BYTES:
            raise LockfileError(path, f"{size} bytes, over the {MAX_LOCKFILE_BYTES // 1024**2} MiB "
                                "a lockfile may have (not read)")
        data = path.read_bytes()
        text = decode_text(data)
    except FileNotFoundError:
        raise LockfileError(path, "file not found") from None
    except UnicodeDecodeError as error:
        raise LockfileError(path, f"not UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise LockfileError(path, error.strerror or "cannot be read") from None

    def parse() -> Graph:
        module = importlib.import_module(f"reviewer.lockfiles.{module_name}")
        parsed: Graph = module.parse(path, text)
        return parsed

    if cache_root is None:
        graph = parse()
    else:
        from reviewer.lockfiles import graph_cache

        entry = graph_cache.entry_path(cache_root, path, module_name, data)
        cached = graph_cache.cached_graph(entry)
        graph = cached if cached is not None else graph_cache.parse_and_keep(entry, parse)
    if note is not None:
        graph.notes.append(note)
    return graph


def _guess_module(path: Path) -> str:
    """For a lockfile with an unusual name (e.g. from `git show` into a temp file)."""
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        return "pnpm"
    if "yarn" in name:
        return "yarn"
    if "bun" in name:
        return "bun"
    if name.endswith(".json"):
        return "npm"
    raise LockfileError(path, "unknown lockfile name; expected one of " + ", ".join(FORMATS))
