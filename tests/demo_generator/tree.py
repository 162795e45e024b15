"""Cut a consistent sub-tree out of a real npm v3 lockfile and recompute its flags.

Used by the demo generator: the closure of some direct dependencies, found with Node's
module resolution over the lockfile's `node_modules/...` paths, is itself a valid hoisted
tree (every kept node resolves its dependencies to the same kept nodes as before).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FLAG_KEYS = ("dev", "optional", "devOptional", "peer")
Entry = dict[str, Any]


def resolve(packages: dict[str, Entry], from_path: str, name: str) -> str | None:
    """The `node_modules/...` path that `name` resolves to from the node at `from_path`."""
    base = from_path
    while True:
        candidate = f"{base}/node_modules/{name}" if base else f"node_modules/{name}"
        if candidate in packages:
            return candidate
        if not base:
            return None
        cut = base.rfind("/node_modules/")
        base = base[:cut] if cut >= 0 else ""


def _edges(packages: dict[str, Entry], path: str, optional_too: bool) -> Iterable[str]:
    entry = packages[path]
    meta = entry.get("peerDependenciesMeta", {})
    sections: list[tuple[str, bool]] = [("dependencies", False), ("peerDependencies", False)]
    if optional_too:
        sections.append(("optionalDependencies", True))
    for section, _optional in sections:
        for name in entry.get(section, {}):
            is_optional_peer = section == "peerDependencies" and meta.get(name, {}).get("optional")
            if is_optional_peer and not optional_too:
                continue
            target = resolve(packages, path, name)
            if target is not None:
                yield target


def closure(packages: dict[str, Entry], starts: Iterable[str], optional_too: bool = True) -> set[str]:
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        path = stack.pop()
        if path in seen or path not in packages:
            continue
        seen.add(path)
        stack.extend(_edges(packages, path, optional_too))
    return seen


def subset(packages: dict[str, Entry], roots: Iterable[str]) -> dict[str, Entry]:
    """The entries reachable from top-level `roots` (names), in the original order."""
    keep = closure(packages, [f"node_modules/{r}" for r in roots])
    missing = sorted(f"node_modules/{r}" for r in roots if f"node_modules/{r}" not in packages)
    if missing:
        raise ValueError(f"not in the base lockfile: {', '.join(missing)}")
    return {path: dict(entry) for path, entry in packages.items() if path in keep}


def recompute_flags(packages: dict[str, Entry], prod_roots: Iterable[str], dev_roots: Iterable[str]) -> None:
    """Set npm's dev / optional / devOptional flags from reachability, as npm would."""
    prod_starts = [f"node_modules/{r}" for r in prod_roots]
    all_starts = prod_starts + [f"node_modules/{r}" for r in dev_roots]
    prod_strict = closure(packages, prod_starts, optional_too=False)
    prod_any = closure(packages, prod_starts, optional_too=True)
    any_strict = closure(packages, all_starts, optional_too=False)
    for path, entry in packages.items():
        if not path:
            continue
        for key in FLAG_KEYS:
            entry.pop(key, None)
        if path in prod_strict:
            continue
        if path in prod_any and path in any_strict:
            entry["devOptional"] = True
        elif path in prod_any:
            entry["optional"] = True
        elif path in any_strict:
            entry["dev"] = True
        else:
            entry["dev"] = True
            entry["optional"] = True


def unresolved(packages: dict[str, Entry]) -> list[str]:
    """`path -> name` for every required (non-optional) dependency that resolves nowhere."""
    return [
        f"{path} -> {name}"
        for path, entry in packages.items()
        if path
        for name in entry.get("dependencies", {})
        if resolve(packages, path, name) is None
    ]
