"""`reviewer list`, `tree` and `why` as a user runs them: output, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli.main import main

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def test_list_text_counts_packages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(CORPUS / "mono-npm")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "206 packages from package-lock.json"
    assert any(line.startswith("zod@") and line.endswith("direct") for line in out)


def test_tree_marks_workspaces_and_dedupes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tree", str(CORPUS / "mono-npm")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "mono-sample"
    assert "@mono/shared -> @mono/shared (packages/shared) (workspace)" in out
    assert "(deduped)" in out or "deduped)" in out


def test_tree_depth_limits_output(capsys: pytest.CaptureFixture[str]) -> None:
    main(["tree", "--depth", "1", str(CORPUS / "mono-npm")])
    shallow = capsys.readouterr().out
    main(["tree", str(CORPUS / "mono-npm")])
    full = capsys.readouterr().out
    assert len(shallow.splitlines()) < len(full.splitlines())
    assert all(line.startswith(("├", "└", "mono", "@mono")) for line in shallow.splitlines())


def test_why_scoped_name_with_version(capsys: pytest.CaptureFixture[str]) -> None:
    graph_json = subprocess.run(
        [sys.executable, "-m", "reviewer", "list", "--json", str(CORPUS / "mono-npm")],
        capture_output=True, text=True, check=True).stdout
    prisma = next(r for r in json.loads(graph_json) if r["name"] == "@prisma/client")
    assert main(["why", f"@prisma/client@{prisma['version']}", str(CORPUS / "mono-npm")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"@prisma/client@{prisma['version']}"
    assert out[1].strip().startswith("@mono/api (packages/api) > @prisma/client@")


def test_why_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["why", "zod", "--json", str(CORPUS / "mono-pnpm")]) == 0
    data = json.loads(capsys.readouterr().out)
    [(key, paths)] = data.items()
    assert key.startswith("zod@")
    assert paths == [["@mono/shared (packages/shared)", key]]


def _run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", *argv], capture_output=True,
                          text=True, cwd=cwd)


def test_why_all_lists_every_chain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["why", "esbuild", str(CORPUS / "mono-npm")]) == 0
    shortest = capsys.readouterr().out.splitlines()
    assert main(["why", "esbuild", "--all", str(CORPUS / "mono-npm")]) == 0
    every = capsys.readouterr().out.splitlines()
    assert every[0] == "esbuild@0.21.5 (4 chains)"
    assert set(shortest[1:]) < set(every[1:])
    assert "  mono-sample > vitest@2.1.9 > vite-node@2.1.9 > vite@5.4.21 > esbuild@0.21.5" in every
    assert main(["why", "debug@4.4.3", "--all", "--json", str(CORPUS / "large-npm")]) == 0
    chains = json.loads(capsys.readouterr().out)["debug@4.4.3"]
    assert len(chains) == 1000 and len({tuple(c) for c in chains}) == 1000  # capped, distinct
    assert all(chain[-1] == "debug@4.4.3" and chain[0] == "large-sample" for chain in chains)


def test_unknown_package_is_a_one_line_error() -> None:
    result = _run("why", "no-such-package", str(CORPUS / "mono-npm"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no-such-package is not in" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_lockfile_is_a_one_line_error(tmp_path: Path) -> None:
    result = _run("list", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.startswith("reviewer: error: ")
    assert "no lockfile found" in result.stderr
    assert result.stderr.count("\n") == 1


def test_bun_lockb_says_how_to_produce_bun_lock(tmp_path: Path) -> None:
    (tmp_path / "bun.lockb").write_bytes(b"\x00bun binary")
    result = _run("list", str(tmp_path))
    assert result.returncode == 2
    assert "bun.lock" in result.stderr and "--save-text-lockfile" in result.stderr


def test_two_lockfiles_pick_by_package_manager(tmp_path: Path) -> None:
    for name in ("package-lock.json", "pnpm-lock.yaml", "package.json"):
        (tmp_path / name).write_text((CORPUS / "single-pnpm6" / name).read_text()
                                     if name != "package-lock.json"
                                     else (CORPUS / "single-npm-v1" / name).read_text())
    manifest = json.loads((tmp_path / "package.json").read_text())
    manifest["packageManager"] = "pnpm@8.15.0"
    (tmp_path / "package.json").write_text(json.dumps(manifest))
    result = _run("list", "--json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "using pnpm-lock.yaml; ignoring package-lock.json" in result.stderr


def test_usage_error_exit_code() -> None:
    result = _run("list", "--no-such-flag")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_default_command_is_the_tui_with_a_path_error_first(tmp_path: Path) -> None:
    """`reviewer PATH` means `reviewer tui PATH`; a load error exits 2 before any UI."""
    result = _run(str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert "not a directory" in result.stderr
