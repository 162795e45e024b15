"""The generator is deterministic and the committed bundle is exactly its output."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from reviewer.demo import generate

DEMO = Path(str(files("reviewer.demo")))


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for sub in ("project", "registry")
        for p in (root / sub).rglob("*")
        if p.is_file()
    }


def test_regenerating_gives_the_committed_bytes(tmp_path: Path) -> None:
    # No base lockfile: the generator reuses the ordinary entries of the bundled lockfile.
    assert generate.main(["--base", str(tmp_path / "absent.json"), "--out", str(tmp_path)]) == 0
    regenerated = _tree(tmp_path)
    committed = _tree(DEMO)
    assert sorted(regenerated) == sorted(committed)
    changed = [path for path in committed if committed[path] != regenerated[path]]
    assert changed == []


def test_another_seed_changes_synthetic_data_only() -> None:
    locked = {"4.22.3": {"version": "4.22.3", "integrity": "sha512-real", "license": "MIT"}}
    default = generate.ordinary_packument("express", locked, generate.DEFAULT_SEED)
    other = generate.ordinary_packument("express", locked, "other")
    assert default == generate.ordinary_packument("express", locked, generate.DEFAULT_SEED)
    assert default["versions"]["4.22.3"]["dist"]["integrity"] == "sha512-real"
    assert other["versions"]["4.22.3"]["dist"]["integrity"] == "sha512-real"
    assert set(default["versions"]) == set(other["versions"]) == {"4.22.1", "4.22.2", "4.22.3"}
    assert default["time"] != other["time"]
