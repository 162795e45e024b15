"""Filter package names as a person types: substring matches first, then fuzzy ones."""

from __future__ import annotations

from collections.abc import Sequence


def filter_by_name(keys: Sequence[str], names: Sequence[str], query: str) -> list[str]:
    """The `keys` whose `names` (same positions) match `query`.

    Names that start with the query come first (for a scoped name, the part after the
    slash counts too), then names that contain it, then, for queries of three characters
    or more, fuzzy matches (rapidfuzz partial ratio); each group keeps the order of `keys`.
    """
    needle = query.strip().lower()
    if not needle:
        return list(keys)
    lowered = [name.lower() for name in names]
    prefix: list[str] = []
    inside: list[str] = []
    rest: list[int] = []
    for index, name in enumerate(lowered):
        if name.startswith(needle) or name.startswith("@") and f"/{needle}" in name:
            prefix.append(keys[index])
        elif needle in name:
            inside.append(keys[index])
        else:
            rest.append(index)
    if len(needle) < 3:
        return prefix + inside
    from rapidfuzz import fuzz, process

    cutoff = 80 if len(needle) >= 5 else 90
    hits = process.extract(needle, [lowered[i] for i in rest], scorer=fuzz.partial_ratio,
                           score_cutoff=cutoff, limit=None)
    fuzzy = [keys[rest[position]] for position in sorted(p for _, _, p in hits)]
    return prefix + inside + fuzzy
