"""Safe writes: atomic replace keeping the mode, the advisory lock, concurrent-edit
detection, and crash safety with a real SIGKILL in the middle of a write."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reviewer.errors import PolicyError
from reviewer.fileio import (
    PAUSE_ENV,
    ConcurrentEditError,
    FileLockedError,
    atomic_write_text,
    file_lock,
    guarded_write_text,
)
from reviewer.policy import PolicyStore


def test_atomic_write_keeps_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "package.json"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_text(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["package.json"]


def test_new_file_gets_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "new.toml", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o644


def test_guarded_write_refuses_concurrent_edit(tmp_path: Path) -> None:
    target = tmp_path / "f"
    target.write_text("as loaded")
    target.write_text("edited by a person")
    with pytest.raises(ConcurrentEditError, match="changed by someone else"):
        guarded_write_text(target, "ours", b"as loaded")
    assert target.read_text() == "edited by a person"
    (tmp_path / "g").write_text("created after we looked")
    with pytest.raises(ConcurrentEditError, match="was created by someone else"):
        guarded_write_text(tmp_path / "g", "ours", None)
    target.unlink()
    with pytest.raises(ConcurrentEditError, match="was deleted"):
        guarded_write_text(target, "ours", b"edited by a person")
    assert not target.exists()


def test_policy_save_detects_edit_by_a_person(tmp_path: Path) -> None:
    path = tmp_path / "reviewer-policy.toml"
    policy = PolicyStore.load(path)
    policy.approve("a", "1.0.0", "sha512-a", "me")
    PolicyStore.save(policy)
    policy.approve("b", "1.0.0", "sha512-b", "me")
    edited = path.read_text() + "# a comment typed meanwhile\n"
    path.write_text(edited)
    with pytest.raises(PolicyError, match="changed by someone else after reviewer loaded it"):
        PolicyStore.save(policy)
    assert path.read_text() == edited
    # Saving again after a reload works.
    fresh = PolicyStore.load(path)
    fresh.approve("b", "1.0.0", "sha512-b", "me")
    PolicyStore.save(fresh)
    assert "# a comment typed meanwhile" in path.read_text() and 'name = "b"' in path.read_text()


def test_lock_waits_then_fails_clearly(tmp_path: Path) -> None:
    target = tmp_path / "reviewer-policy.toml"
    released = threading.Event()
    holding = threading.Event()

    def hold() -> None:
        with file_lock(target):
            holding.set()
            released.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(5)
    try:
        started = time.monotonic()
        with pytest.raises(FileLockedError, match="another reviewer process is writing"), \
                file_lock(target, timeout=0.3):
            pass
        assert time.monotonic() - started >= 0.3
    finally:
        released.set()
        thread.join()
    with file_lock(target, timeout=0.3):  # free again
        pass


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reviewer.fileio import atomic_write_text
    atomic_write_text(Path(sys.argv[1]), sys.argv[2] * int(sys.argv[3]))
""")


def _python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_mid_write_leaves_old_file_byte_identical(tmp_path: Path) -> None:
    target = tmp_path / "reviewer-policy.toml"
    old = b"version = 1\n# the old file\n" + bytes(range(32, 127)) * 100
    target.write_bytes(old)
    proc = _python(WRITER, str(target), "NEW", "200000", env={PAUSE_ENV: "30"})
    # Wait until the temporary file is fully written (the writer is paused before rename).
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size == 600000:
            break
        time.sleep(0.02)
    else:
        proc.kill()
        pytest.fail("the writer never reached the pause before rename")
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_bytes() == old


def test_sigkill_of_reviewer_approve_mid_save(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "package-lock.json").write_text(LOCK)
    policy = project / "reviewer-policy.toml"
    policy.write_text("# hand-written\nversion = 1\n")
    before = policy.read_bytes()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reviewer", "approve", "esbuild@0.25.12", str(project)],
        env={**os.environ, PAUSE_ENV: "30"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(p.name.endswith(".tmp") for p in project.iterdir()):
        time.sleep(0.02)
    time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert policy.read_bytes() == before
    # The lock died with the process: the next approve goes through.
    done = subprocess.run([sys.executable, "-m", "reviewer", "approve", "esbuild@0.25.12",
                           str(project)], env=dict(os.environ),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert 'name = "esbuild"' in policy.read_text() and "# hand-written" in policy.read_text()


def test_two_concurrent_writers_never_mix(tmp_path: Path) -> None:
    target = tmp_path / "big.txt"
    target.write_text("start")
    size = 2_000_000
    writers = [_python(WRITER.replace("atomic_write_text(", "[atomic_write_text(")
                       .replace("int(sys.argv[3]))", "int(sys.argv[3])) for _ in range(5)]"),
                       str(target), letter, str(size)) for letter in "AB"]
    while any(w.poll() is None for w in writers):
        content = target.read_bytes()
        assert content in (b"start", b"A" * size, b"B" * size)
        time.sleep(0.005)
    for writer in writers:
        assert writer.wait() == 0, writer.stderr.read() if writer.stderr else ""
    assert target.read_bytes() in (b"A" * size, b"B" * size)


def test_two_concurrent_reviewer_processes_keep_both_decisions(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "package-lock.json").write_text(LOCK)
    env = {**os.environ, PAUSE_ENV: "0.5"}
    procs = [subprocess.Popen([sys.executable, "-m", "reviewer", *argv, str(project)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for argv in (["approve", "esbuild@0.25.12"], ["deny", "core-js"])]
    for proc in procs:
        assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""
    text = (project / "reviewer-policy.toml").read_text()
    assert 'name = "esbuild"' in text and 'name = "core-js"' in text
    assert PolicyStore.load(project / "reviewer-policy.toml").script_state(
        "core-js", "3.0.0").value == "denied"


def test_second_process_gives_up_clearly_when_lock_is_held(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "package-lock.json").write_text(LOCK)
    env = dict(os.environ)
    slow = subprocess.Popen([sys.executable, "-m", "reviewer", "approve", "esbuild@0.25.12",
                             str(project)], env={**env, PAUSE_ENV: "4"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not any(p.name.endswith(".tmp") for p in project.iterdir()):
        time.sleep(0.02)
    fast = subprocess.run([sys.executable, "-m", "reviewer", "deny", "core-js", str(project)],
                          env={**env, "REVIEWER_LOCK_TIMEOUT": "0.5"}, capture_output=True,
                          text=True, timeout=60)
    assert slow.wait(60) == 0
    assert fast.returncode == 2
    assert "another reviewer process is writing" in fast.stderr and fast.stderr.count("\n") == 1
    text = (project / "reviewer-policy.toml").read_text()
    assert 'name = "esbuild"' in text and "core-js" not in text


LOCK = """{
  "name": "demo",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {"name": "demo", "dependencies": {"esbuild": "0.25.12"}},
    "node_modules/esbuild": {
      "version": "0.25.12",
      "resolved": "https://registry.npmjs.org/esbuild/-/esbuild-0.25.12.tgz",
      "integrity": "sha512-esbuild",
      "hasInstallScript": true
    }
  }
}
"""


def test_symlinked_file_keeps_its_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "reviewer-policy.toml"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "reviewer-policy.toml"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["reviewer-policy.toml"]


def test_unwritable_directory_is_one_clear_error(tmp_path: Path) -> None:
    policy = PolicyStore.load(tmp_path / "missing-dir" / "reviewer-policy.toml")
    policy.approve("a", "1.0.0", None, "me")
    with pytest.raises(PolicyError, match="missing-dir/reviewer-policy.toml: cannot create a temporary file"):
        PolicyStore.save(policy)
