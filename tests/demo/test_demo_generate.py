"""The generator (tests/demo_generator, outside the package) is deterministic and the committed
archive holds exactly its output."""

from __future__ import annotations

from pathlib import Path

from demo_generator import generate

from reviewer.demo.archive import ARCHIVE_NAME, DemoArchive


def test_regenerating_gives_the_committed_files(tmp_path: Path) -> None:
    # No base lockfile: the generator reuses the ordinary entries of the bundled lockfile.
    assert generate.main(["--base", str(tmp_path / "absent.json"), "--out", str(tmp_path)]) == 0
    regenerated = DemoArchive((tmp_path / ARCHIVE_NAME).read_bytes()).files
    committed = DemoArchive.bundled().files
    assert len(committed) > 500
    assert sorted(regenerated) == sorted(committed)
    changed = [path for path in committed if committed[path] != regenerated[path]]
    assert changed == []
    assert (tmp_path / ARCHIVE_NAME).read_bytes() == (generate.DEMO_DIR / ARCHIVE_NAME).read_bytes()


def test_the_generator_is_not_in_the_package() -> None:
    import reviewer.demo

    package = Path(reviewer.demo.__file__).parent
    assert not (package / "generate.py").exists() and not (package / "project").exists()
    assert sorted(p.name for p in package.glob("*.py")) == ["__init__.py", "archive.py", "provider.py"]


def test_another_seed_changes_synthetic_data_only() -> None:
    locked = {"4.22.3": {"version": "4.22.3", "integrity": "sha512-real", "license": "MIT"}}
    default = generate.ordinary_packument("express", locked, generate.DEFAULT_SEED)
    other = generate.ordinary_packument("express", locked, "other")
    assert default == generate.ordinary_packument("express", locked, generate.DEFAULT_SEED)
    assert default["versions"]["4.22.3"]["dist"]["integrity"] == "sha512-real"
    assert other["versions"]["4.22.3"]["dist"]["integrity"] == "sha512-real"
    assert set(default["versions"]) == set(other["versions"]) == {"4.22.1", "4.22.2", "4.22.3"}
    assert default["time"] != other["time"]
