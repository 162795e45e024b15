"""`reviewer review` on a two-package bump against the fixture registry serving stripped
documents (the mirror's case): the kinds of data the registry does not provide are listed
once at the top, never under each change, and the markdown fits on one screen."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))
from stripped import DOCUMENTS, SENTENCE, STRIPPED_KINDS, serve_stripped  # noqa: E402

PUBLIC = "https://registry.npmjs.org/"
"""What the lockfile records (the service fetches from the fixture registry given with --registry)."""
BUMP = {"left-pad": ("1.2.0", "1.3.0"), "bufferutil": ("4.0.9", "4.1.0")}
STRIPPED_SIGNALS = ("maintainers-changed", "new-publisher", "trust-downgrade", "recent-release",
                    "deprecated", "advisory")


def _lockfile(path: Path, side: int, registry_url: str) -> None:
    deps = {name: f"^{versions[side]}" for name, versions in BUMP.items()}
    packages: dict[str, object] = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for name, versions in BUMP.items():
        version = versions[side]
        document = json.loads((DOCUMENTS / f"{name}.json").read_text())
        manifest = document["versions"][version]
        entry = {"version": version, "resolved": f"{PUBLIC}{name}/-/{name}-{version}.tgz",
                 "integrity": manifest["dist"]["integrity"]}
        if manifest.get("scripts", {}).get("install"):
            entry["hasInstallScript"] = True
        packages[f"node_modules/{name}"] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"name": "app", "version": "1.0.0", "lockfileVersion": 3,
                                "requires": True, "packages": packages}))


@pytest.fixture
def bump(tmp_path: Path, fixture_registry) -> tuple[Path, Path]:  # noqa: ANN001
    serve_stripped(fixture_registry, *BUMP)
    project = tmp_path / "app"
    _lockfile(project / "package-lock.json", 1, fixture_registry.url)
    deps = {name: f"^{versions[1]}" for name, versions in BUMP.items()}
    (project / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0",
                                                      "dependencies": deps}))
    base = tmp_path / "base" / "package-lock.json"
    _lockfile(base, 0, fixture_registry.url)
    return project, base


def _review(bump: tuple[Path, Path], registry, tmp_path: Path, capsys, fmt: str) -> str:  # noqa: ANN001
    project, base = bump
    code = main(["review", "--base-lockfile", str(base), str(project), "--format", fmt,
                 "--registry", registry.url, "--cache-dir", str(tmp_path / "cache")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def test_markdown_lists_unknown_kinds_once_and_fits_one_screen(bump, fixture_registry, tmp_path,
                                                               capsys) -> None:  # noqa: ANN001
    data = json.loads(_review(bump, fixture_registry, tmp_path, capsys, "json"))
    # the engine did find them unknown for both changes (JSON keeps them, per package)
    for change in data["changes"]:
        unknown = {s["id"] for s in change["signals"] if s["unknown"]}
        assert set(STRIPPED_SIGNALS) <= unknown, (change["name"], unknown)
    markdown = _review(bump, fixture_registry, tmp_path, capsys, "markdown")
    assert markdown.count("does not provide") == 1
    assert SENTENCE[1:] in markdown
    assert markdown.count("*unknown*") == 0  # no per-change unknown lines
    for signal in STRIPPED_SIGNALS:
        assert signal not in markdown, signal
    assert "| left&#45;pad |" in markdown or "| left-pad |" in markdown
    assert "| bufferutil | upgraded | 4.0.9 | 4.1.0 |" in markdown
    lines = markdown.splitlines()
    assert len(lines) <= 24, markdown  # one screen (it was 441 lines before)
    assert len(markdown) < 2000
    assert "<summary>bufferutil" in markdown  # its install script is known: it has a section
    assert "<summary>left-pad" not in markdown  # nothing known beyond its table row


def test_text_lists_unknown_kinds_once(bump, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    text = _review(bump, fixture_registry, tmp_path, capsys, "text")
    assert text.count("does not provide") == 1
    assert f"unknown: {SENTENCE}" in text
    for signal in STRIPPED_SIGNALS:
        assert signal not in text, signal
    assert len(text.splitlines()) <= 24, text
    assert ", ".join(STRIPPED_KINDS[:-1]) in text
