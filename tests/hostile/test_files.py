"""Files: commands never create a file nobody asked for, keep the formatting (one line,
BOM) of the files they edit, and refuse oversized or absurdly nested input before reading
it whole."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import SHA, npm_project


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("target", ["npm", "pnpm", "yarn", "bun", "lavamoat"])
@pytest.mark.parametrize("dry_run", [False, True])
def test_export_without_package_json_is_an_error_and_writes_nothing(run, tmp_path: Path,  # noqa: ANN001
                                                                    target: str, dry_run: bool) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA, "hasInstallScript": True}})
    (project / "package.json").unlink()
    lockfile = project / "package-lock.json"
    before = _snapshot(project)
    result = run("export", "--to", target, str(project), "--lockfile", str(lockfile),
                 *(["--dry-run"] if dry_run else []))
    assert result.code == 2, result
    assert "package.json" in result.err and len(result.err.strip().splitlines()) == 1
    result.assert_clean()
    assert _snapshot(project) == before


def _policy(project: Path) -> None:
    (project / "reviewer-policy.toml").write_text(
        'version = 1\n[[scripts]]\nname = "a"\nversion = "1.0.0"\ndecision = "allow"\n')


@pytest.mark.parametrize("text", [
    '{"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}',
    '{"name":"app","version":"1.0.0","dependencies":{"a":"1.0.0"}}\n',
])
def test_one_line_package_json_keeps_its_formatting(run, tmp_path: Path, text: str) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA, "hasInstallScript": True}})
    (project / "package.json").write_text(text)
    _policy(project)
    result = run("export", "--to", "npm", str(project))
    assert result.code == 0, result.err
    written = (project / "package.json").read_text()
    assert "\n" not in written.rstrip("\n") and written.endswith("\n") == text.endswith("\n")
    assert written.startswith(text.rstrip("\n")[:-1]), written  # every old member as it was
    separator = ", " if ", " in text else ","
    assert separator + '"' in written[len(text.rstrip("\n")) - 1:]
    assert json.loads(written)["name"] == "app"


@pytest.mark.parametrize("target", ["npm", "pnpm", "yarn", "bun", "lavamoat"])
def test_bom_package_json_is_accepted_and_kept(run, tmp_path: Path, target: str) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA, "hasInstallScript": True}})
    text = json.dumps(json.loads((project / "package.json").read_text()), indent=2) + "\n"
    (project / "package.json").write_bytes(b"\xef\xbb\xbf" + text.encode())
    _policy(project)
    assert run("list", str(project)).code == 0  # the loader accepts it...
    result = run("export", "--to", target, str(project))
    assert result.code == 0, result.err  # ...and so does export
    result.assert_clean()
    assert (project / "package.json").read_bytes().startswith(b"\xef\xbb\xbf{")


def test_huge_lockfile_refused_before_reading(run, tmp_path: Path) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA}})
    lockfile = project / "package-lock.json"
    with lockfile.open("r+b") as handle:  # sparse: 3 GB that take no disk and must not be read
        handle.truncate(3 * 1024**3)
    import resource
    import time

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    for command in (["list"], ["report", "--offline"], ["check", "--offline"]):
        result = run(*command, str(project))
        assert result.code == 2, result
        assert "package-lock.json" in result.err and len(result.err.strip().splitlines()) == 1
    assert time.monotonic() - started < 10
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 200 * 1024, grown_kb


def test_huge_policy_refused_before_reading(run, tmp_path: Path) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA}})
    policy = project / "reviewer-policy.toml"
    policy.write_text("version = 1\n")
    with policy.open("r+b") as handle:
        handle.truncate(3 * 1024**3)
    result = run("check", str(project), "--offline")
    assert result.code == 2 and "reviewer-policy.toml" in result.err, result


@pytest.mark.parametrize("depth", [1_000, 50_000])
def test_deeply_nested_policy_is_one_clear_line(run, tmp_path: Path, depth: int) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA}})
    (project / "reviewer-policy.toml").write_text("version = 1\nx = " + "[" * depth + "]" * depth + "\n")
    for command in (["check", str(project), "--offline"], ["export", "--to", "npm", "--dry-run", str(project)]):
        result = run(*command)
        assert result.code == 2, result
        result.assert_clean()
        assert "reviewer-policy.toml" in result.err and len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("depth", [100_000])
def test_deeply_nested_lockfile_json_is_one_clear_line(run, tmp_path: Path, depth: int) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA}})
    (project / "package-lock.json").write_text('{"lockfileVersion": 3, "x": ' + "[" * depth + "]" * depth + "}")
    result = run("list", str(project))
    assert result.code == 2, result
    result.assert_clean()


def test_deep_chain_tree_and_why(run, tmp_path: Path) -> None:
    count = 100_000
    packages = {f"p{i}": {"integrity": SHA, **({"dependencies": {f"p{i + 1}": "1.0.0"}}
                                               if i + 1 < count else {})} for i in range(count)}
    project = npm_project(tmp_path / "app", packages, direct=["p0"])
    result = run("why", f"p{count - 1}", str(project))
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].count(" > ") == count  # app > p0 > ... > p99999
    result = run("why", "--all", f"p{count - 1}", str(project))
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].count(" > ") == count
    result = run("tree", "--depth", "2000", str(project))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == 2001 and "[level 2000]" in lines[-1] and len(lines[-1]) < 1000


def test_reading_commands_create_no_files(run, tmp_path: Path) -> None:
    project = npm_project(tmp_path / "app", {"a": {"integrity": SHA}})
    before = _snapshot(project)
    for command in (["list"], ["tree"], ["why", "a"], ["report", "--offline"],
                    ["check", "--offline"], ["export", "--to", "pnpm", "--dry-run"]):
        run(*command, str(project))
    assert _snapshot(project) == before
    assert not any(name.startswith(".") for name in os.listdir(project))
