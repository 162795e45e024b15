"""The policy file: round-trip with comments, sorted inserts, the three script states,
lookups, settings, and one-line validation errors with file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reviewer.errors import PolicyError
from reviewer.policy import (
    AdvisoryDecisionKind,
    Policy,
    PolicyStore,
    ScriptState,
    default_policy_path,
)
from reviewer.signals.finding import Severity

DAY = dt.date(2026, 11, 25)

COMMENTED = """\
# Our policy. Keep this comment.
version = 1

[settings]
require_pins = true  # CI demands pins
fail_on = "moderate"

# --- pins ---
[[pins]]
name = "bcrypt"  # native
version = "5.1.1"
integrity = "sha512-bbb"
approved_by = "alice"
date = 2026-01-02
note = "checked the binding.gyp"

[[pins]]
name = "esbuild"
version = "0.25.12"
integrity = "sha512-eee"
approved_by = "bob"
date = 2026-01-03

# --- scripts ---
[[scripts]]
name = "core-js"
decision = "deny"  # just prints ads

[[scripts]]
name = "esbuild"
version = "0.25.12"
decision = "allow"
integrity = "sha512-eee"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "reviewer-policy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_round_trip_keeps_comments_order_and_inserts_sorted(tmp_path: Path) -> None:
    path = write(tmp_path, COMMENTED)
    policy = PolicyStore.load(path)
    policy.approve("cpu-features", "0.0.10", "sha512-ccc", "carol", "needed", date=DAY)
    policy.approve("aaa", "1.0.0", "sha512-aaa", "carol", date=DAY)
    policy.allow_scripts("bcrypt", "5.1.1", "sha512-bbb", "carol", date=DAY)
    PolicyStore.save(policy)
    text = path.read_text()
    # Everything that was there is still there, in the same order, comments included.
    for line in COMMENTED.splitlines():
        assert line in text.splitlines(), line
    # New pins sorted among the old ones; the new script entry between core-js and esbuild.
    names = [line.split('"')[1] for line in text.splitlines() if line.startswith("name = ")]
    assert names == ["aaa", "bcrypt", "cpu-features", "esbuild", "bcrypt", "core-js", "esbuild"]
    # An untouched policy saves byte-identically.
    again = PolicyStore.load(path)
    again.dirty = True
    PolicyStore.save(again)
    assert path.read_text() == text
    # Entries are separated by exactly one blank line.
    assert "\n\n\n" not in text


def test_new_file_layout(tmp_path: Path) -> None:
    path = default_policy_path(tmp_path)
    policy = PolicyStore.load(path)
    assert not policy.exists_on_disk and policy.pins == []
    policy.approve("b", "1.0.0", "sha512-b", "me", date=DAY)
    policy.approve("a", "2.0.0", None, "me", date=DAY)
    policy.deny("evil", by="me", date=DAY)
    PolicyStore.save(policy)
    text = path.read_text()
    assert text.startswith("# reviewer policy")
    assert "version = 1\n\n[[pins]]\nname = \"a\"\nversion = \"2.0.0\"\napproved_by = \"me\"\n" in text
    assert '[[scripts]]\nname = "evil"\ndecision = "deny"\nby = "me"\ndate = 2026-11-25\n' in text
    assert text.endswith("date = 2026-11-25\n") and "\n\n\n" not in text
    loaded = PolicyStore.load(path)
    assert [p.name for p in loaded.pins] == ["a", "b"]
    assert loaded.pin_for("a") is not None and loaded.pin_for("a").integrity is None  # type: ignore[union-attr]


def test_script_states(tmp_path: Path) -> None:
    policy = PolicyStore.load(write(tmp_path, COMMENTED))
    assert policy.script_state("esbuild", "0.25.12", "sha512-eee") is ScriptState.ALLOWED
    assert policy.script_state("esbuild", "0.25.12", None) is ScriptState.ALLOWED
    # Republished: same version, other bytes -> no longer allowed, but the entry is there.
    assert policy.script_state("esbuild", "0.25.12", "sha512-other") is ScriptState.UNREVIEWED
    assert policy.allowed_entry("esbuild", "0.25.12") is not None
    assert policy.script_state("esbuild", "0.25.13", "sha512-eee") is ScriptState.UNREVIEWED
    assert policy.script_state("core-js", "3.0.0") is ScriptState.DENIED
    assert policy.script_state("never-seen", "1.0.0") is ScriptState.UNREVIEWED
    # A version deny only denies that version.
    policy.deny("esbuild", "0.25.13", by="me")
    assert policy.script_state("esbuild", "0.25.13") is ScriptState.DENIED
    assert policy.script_state("esbuild", "0.25.12", "sha512-eee") is ScriptState.ALLOWED


def test_allow_lifts_deny_and_name_deny_replaces_allows(tmp_path: Path) -> None:
    policy = PolicyStore.load(write(tmp_path, COMMENTED))
    removed = policy.allow_scripts("core-js", "3.39.0", "sha512-c", "me")
    assert removed == ["removed the deny of core-js"]
    assert policy.script_state("core-js", "3.39.0", "sha512-c") is ScriptState.ALLOWED
    assert policy.script_state("core-js", "3.38.0") is ScriptState.UNREVIEWED
    removed = policy.deny("esbuild", by="me")
    assert removed == ["removed the allow of esbuild@0.25.12"]
    assert [e.target for e in policy.scripts] == ["core-js@3.39.0", "esbuild"]
    assert policy.clear_scripts("esbuild") == 1
    assert policy.script_state("esbuild", "0.25.12") is ScriptState.UNREVIEWED
    assert policy.dirty


def test_pins_advisories_signals_settings(tmp_path: Path) -> None:
    policy = PolicyStore.load(write(tmp_path, COMMENTED))
    assert policy.settings.require_pins is True
    assert policy.settings.fail_on is Severity.MODERATE
    assert policy.settings.minimum_release_age_days == 7
    pin = policy.pin_for("bcrypt", "5.1.1")
    assert pin is not None and pin.note == "checked the binding.gyp" and pin.date == dt.date(2026, 1, 2)
    policy.approve("bcrypt", "5.1.2", "sha512-b2", "me")
    assert policy.pin_for("bcrypt") is None  # ambiguous without a version
    assert policy.pinned_versions("bcrypt") == ["5.1.1", "5.1.2"]
    policy.accept_advisory("GHSA-aaaa", "lodash", "not reachable", dt.date(2027, 1, 1), by="me")
    policy.accept_advisory("GHSA-aaaa", "lodash@4.17.20", "fixing", None, by="me",
                           decision="fix")
    exact = policy.advisory_decision("GHSA-aaaa", "lodash", "4.17.20")
    assert exact is not None and exact.decision is AdvisoryDecisionKind.FIX
    wide = policy.advisory_decision("GHSA-aaaa", "lodash", "4.17.15")
    assert wide is not None and wide.decision is AdvisoryDecisionKind.ACCEPT
    assert wide.is_expired(dt.date(2027, 1, 2)) and not wide.is_expired(dt.date(2027, 1, 1))
    policy.accept_signal("typosquat", "lodahs", "it is ours", None, by="me")
    assert policy.signal_acceptance("typosquat", "lodahs", "1.0.0") is not None
    policy.set_setting("allowed_registries", ["https://registry.npmjs.org/"])
    policy.set_setting("fail_on", Severity.CRITICAL)
    PolicyStore.save(policy)
    loaded = PolicyStore.load(tmp_path / "reviewer-policy.toml")
    assert loaded.settings.allowed_registries == ("https://registry.npmjs.org/",)
    assert loaded.settings.fail_on is Severity.CRITICAL
    assert len(loaded.advisories) == 2 and len(loaded.signal_acceptances) == 1
    assert "# CI demands pins" in (tmp_path / "reviewer-policy.toml").read_text()


BAD = [
    ("version = 1\n[[pins]]\nname = 'a'\nversion = 1\n", 4, "pins.version: expected a string"),
    ("version = 2\n", 1, "unsupported policy schema version 2"),
    ("version = 1\n\n[settings]\nfail_on = 'severe'\n", 4, "'severe' is not one of"),
    ("version = 1\n[settings]\nrequire_pins = 'yes'\n", 3, "expected true or false"),
    ("version = 1\n[[scripts]]\nname = 'a'\ndecision = 'allow'\n", 4, "an `allow` needs an exact `version`"),
    ("version = 1\n[[scripts]]\nname = 'a'\ndecision = 'maybe'\n", 4, "'maybe' is not one of allow, deny"),
    ("version = 1\n[[advisories]]\nid = 'X'\npackage = 'a'\ndecision = 'accept'\n", 2, "missing `reason`"),
    ("version = 1\n[[advisories]]\nid='X'\npackage='a'\ndecision='fix'\nreason='r'\nexpires='soon'\n", 7, "expected a date"),
    ("version = 1\n[[signals]]\nid = 'nope'\npackage = 'a'\nreason = 'r'\n", 3, "unknown signal id 'nope'"),
    ("version = 1\nextra = true\n", 2, "unknown key `extra`"),
    ("version = 1\n[[pins]]\nname = 'a'\nversion = '1'\napproved_by = 'x'\ndate = 2026-01-01\ncolour = 'red'\n", 7, "unknown key `colour`"),
    ("version = 1\n[settings\n", 2, "invalid TOML"),
    ("version = 1\nversion = 1\n", 2, "invalid TOML"),
    ("[settings]\n", None, "missing `version = 1`"),
    ("version = 1\n[[scripts]]\nname = 'a'\ndecision = 'deny'\n\n[[scripts]]\nname = 'a'\n"
     "decision = 'deny'\n", 6, "scripts: duplicate entry for a (first at line 2)"),
]


@pytest.mark.parametrize(("text", "line", "fault"), BAD)
def test_invalid_policy_is_one_line_with_file_and_line(
    tmp_path: Path, text: str, line: int | None, fault: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        PolicyStore.load(path)
    message = str(caught.value)
    assert "\n" not in message
    assert fault in message
    prefix = f"{path}:{line}: " if line else f"{path}: "
    assert message.startswith(prefix), message


def test_invalid_policy_exits_2_from_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reviewer.cli.main import main

    (tmp_path / "package-lock.json").write_text(
        '{"name": "x", "lockfileVersion": 3, "packages": {"": {"name": "x"}}}')
    write(tmp_path, "version = 1\n[settings]\nfail_on = 7\n")
    assert main(["check", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "reviewer-policy.toml:3: settings.fail_on: expected a string" in err


def test_policy_never_saves_what_it_cannot_read(tmp_path: Path) -> None:
    policy = Policy.empty(tmp_path / "p.toml")
    policy.document["pins"] = "oops"  # a caller corrupting the document directly
    with pytest.raises(PolicyError):
        PolicyStore.save(policy)
    assert not (tmp_path / "p.toml").exists()


def test_large_policy_edits_stay_fast(tmp_path: Path) -> None:
    """A policy with every package of a large tree pinned (require_pins) stays usable."""
    import time

    path = tmp_path / "reviewer-policy.toml"
    policy = PolicyStore.load(path)
    started = time.monotonic()
    for i in range(800):
        policy.approve(f"pkg-{i:04d}", "1.0.0", "sha512-x", "me", date=DAY)
        policy.allow_scripts(f"pkg-{i:04d}", "1.0.0", "sha512-x", "me", date=DAY)
    assert policy.script_state("pkg-0400", "1.0.0", "sha512-x") is ScriptState.ALLOWED
    PolicyStore.save(policy)
    loaded = PolicyStore.load(path)
    assert len(loaded.pins) == 800 and len(loaded.scripts) == 800
    loaded.deny("pkg-0001")
    assert loaded.script_state("pkg-0001", "1.0.0") is ScriptState.DENIED
    PolicyStore.save(loaded)
    elapsed = time.monotonic() - started
    assert elapsed < 30, f"800 approvals, two saves and a load took {elapsed:.1f} s"
    names = [line for line in path.read_text().splitlines() if line.startswith("name = ")]
    assert names == sorted(names[:800]) + sorted(names[800:])
