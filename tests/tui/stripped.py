"""Registry documents as the stripping mirror serves them: no maintainers, _npmUser, time,
attestations, signatures or deprecation (and no advisory endpoint: the fixture registry
answers 405 unless told otherwise)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "registry" / "documents"
STRIPPED_KINDS = ("maintainers", "publishers", "publish times", "provenance", "deprecation",
                  "advisories")
SENTENCE = ("this registry does not provide maintainers, publishers, publish times, provenance, "
            "deprecation or advisories: those signals are unknown for every package")


def stripped(document: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(document)
    for key in ("maintainers", "time", "users"):
        doc.pop(key, None)
    for manifest in doc["versions"].values():
        for key in ("maintainers", "_npmUser", "deprecated"):
            manifest.pop(key, None)
        for key in ("attestations", "signatures"):
            manifest.get("dist", {}).pop(key, None)
    return doc


def serve_stripped(registry: Any, *names: str) -> None:
    """Replace the fixture registry's documents of `names` with stripped copies."""
    for name in names:
        document = json.loads((DOCUMENTS / f"{name.replace('/', '__')}.json").read_text())
        registry.add_packument(stripped(document))
