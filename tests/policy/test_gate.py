"""The check gate on small hand-made npm projects: lockfile hygiene defaults, banned
packages, and policies shared through `extends` (override, conflict, origins, `--to`)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from reviewer.cli.main import main
from reviewer.errors import PolicyError
from reviewer.policy import PolicyStore

INTEGRITY = "sha512-" + "Q" * 86 + "=="


def entry(name: str, version: str, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"version": version,
                           "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
                           "integrity": INTEGRITY}
    out.update(fields)
    return {k: v for k, v in out.items() if v is not None}


def write_project(root: Path, packages: dict[str, dict[str, Any]],
                  edges: dict[str, dict[str, str]] | None = None) -> Path:
    """package-lock.json v3 (every package hoisted): `edges` (name -> dependencies) say
    who depends on whom; the root depends on every package that no other one needs."""
    root.mkdir(parents=True, exist_ok=True)
    needed = {dep for deps in (edges or {}).values() for dep in deps}
    direct = {name: data["version"] for name, data in packages.items() if name not in needed}
    lock_packages: dict[str, Any] = {"": {"name": "app", "version": "1.0.0",
                                          "dependencies": direct}}
    for name, data in packages.items():
        location = "node_modules/" + name
        if edges and name in edges:
            data = {**data, "dependencies": edges[name]}
        lock_packages[location] = data
    lock = {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
            "packages": lock_packages}
    (root / "package-lock.json").write_text(json.dumps(lock, indent=2) + "\n")
    (root / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0",
                                                   "dependencies": direct}, indent=2) + "\n")
    return root


@pytest.fixture(autouse=True)
def no_user_npmrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry expected by `unexpected-registry` comes from the project's .npmrc only."""
    empty = tmp_path / "empty-npmrc"
    empty.write_text("")
    for name in list(os.environ):
        if name.lower() in ("npm_config_registry", "npm_config_userconfig",
                            "npm_config_globalconfig"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("npm_config_userconfig", str(empty))
    monkeypatch.setenv("npm_config_globalconfig", str(empty))


def check(capsys: pytest.CaptureFixture[str], project: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    capsys.readouterr()
    code = main(["check", str(project), "--format", "json", *extra])
    return code, json.loads(capsys.readouterr().out)


def rules(report: dict[str, Any]) -> list[tuple[str, str]]:
    return [(v["rule"], v["package"]) for v in report["violations"]]


# -- hygiene -----------------------------------------------------------------------------


def test_hygiene_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path / "app", {
        "good": entry("good", "1.0.0"),
        "from-git": entry("from-git", "1.0.0",
                          resolved="git+ssh://git@github.com/acme/from-git.git#" + "a" * 40,
                          integrity=None),
        "tarball": entry("tarball", "1.0.0", resolved="https://example.com/tarball-1.0.0.tgz"),
        "plain-http": entry("plain-http", "1.0.0",
                            resolved="http://registry.npmjs.org/plain-http/-/plain-http-1.0.0.tgz"),
        "no-hash": entry("no-hash", "1.0.0", integrity=None),
        "elsewhere": entry("elsewhere", "1.0.0",
                           resolved="https://npm.evil.example/elsewhere/-/elsewhere-1.0.0.tgz"),
    })
    code, report = check(capsys, project)
    assert code == 1
    assert rules(report) == [
        ("unexpected-registry", "elsewhere@1.0.0"),
        ("disallowed-source", "from-git@1.0.0"),
        ("missing-integrity", "no-hash@1.0.0"),
        ("insecure-source", "plain-http@1.0.0"),
        ("disallowed-source", "tarball@1.0.0"),
    ]
    messages = {v["package"]: v["message"] for v in report["violations"]}
    assert "resolved from npm.evil.example, configured registry is registry.npmjs.org" in \
        messages["elsewhere@1.0.0"]
    assert "does not allow (allowed_sources: registry, file, link, workspace)" in \
        messages["tarball@1.0.0"]

    # The project's .npmrc names the registry it uses: resolving from it is expected.
    (project / ".npmrc").write_text("registry=https://npm.evil.example/\n")
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.set_setting("allowed_sources", ["registry", "git", "tarball"])
    policy.set_setting("require_integrity", False)
    PolicyStore.save(policy)
    code, report = check(capsys, project)
    assert rules(report) == [("insecure-source", "plain-http@1.0.0")]  # never allowed


def test_allowed_registries_replace_the_configured_one(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path / "app", {"good": entry("good", "1.0.0")})
    assert check(capsys, project)[0] == 0
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.set_setting("allowed_registries", ["https://npm.internal.example/"])
    PolicyStore.save(policy)
    code, report = check(capsys, project)
    assert rules(report) == [("unexpected-registry", "good@1.0.0")]


# -- bans --------------------------------------------------------------------------------


def banned_project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "app", {
        "web": entry("web", "1.0.0"),
        "event-stream": entry("event-stream", "3.3.6"),
        "flatmap-stream": entry("flatmap-stream", "0.1.1", hasInstallScript=True),
    }, edges={"web": {"event-stream": "^3"}, "event-stream": {"flatmap-stream": "^0.1"}})


def test_ban_fails_check_with_the_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = banned_project(tmp_path)
    assert main(["deny", "flatmap-stream", str(project)]) == 0
    assert main(["deny", "--ban", "event-stream@3.3.6", str(project), "--note",
                 "compromised release"]) == 0
    assert main(["deny", "--ban", "flatmap-stream", str(project), "--note", "malware"]) == 0
    out = capsys.readouterr().out
    assert "banned flatmap-stream; locked now: flatmap-stream@0.1.1" in out
    code, report = check(capsys, project)
    assert code == 1
    assert rules(report) == [("banned-package", "event-stream@3.3.6"),
                             ("banned-package", "flatmap-stream@0.1.1")]
    message = report["violations"][1]["message"]
    assert message == ("flatmap-stream@0.1.1 is banned by reviewer-policy.toml "
                       "(flatmap-stream: malware); brought in by app > web@1.0.0 > "
                       "event-stream@3.3.6 > flatmap-stream@0.1.1 (reviewer why --all flatmap-stream)")
    assert report["violations"][1]["severity"] == "critical"

    # A range that does not match the locked version bans nothing.
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.unban("event-stream@3.3.6")
    policy.ban("event-stream@>=4", "future majors")
    PolicyStore.save(policy)
    assert rules(check(capsys, project)[1]) == [("banned-package", "flatmap-stream@0.1.1")]

    # The exports deny the banned package's scripts and say they cannot remove it.
    for target, fragment in [("npm", "npm overrides cannot remove a package"),
                             ("pnpm", "pnpm overrides drop a package only as the dependency of "
                                      "a named parent"),
                             ("yarn", "yarn resolutions cannot remove a package"),
                             ("bun", "bun overrides cannot remove a package"),
                             ("lavamoat", "LavaMoat cannot remove a package")]:
        assert main(["export", "--to", target, "--dry-run", str(project)]) == 0
        notes = capsys.readouterr().err
        assert f"banned and still locked: flatmap-stream; {fragment}" in notes, notes
    assert main(["export", "--to", "npm", str(project)]) == 0
    manifest = json.loads((project / "package.json").read_text())
    assert manifest["allowScripts"] == {"flatmap-stream": False}


def test_bad_ban_range_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = banned_project(tmp_path)
    assert main(["deny", "--ban", "event-stream@not a range!", str(project)]) == 2
    assert "is not a version or semver range" in capsys.readouterr().err
    (project / "reviewer-policy.toml").write_text(
        'version = 1\n\n[[bans]]\npackage = "x@>>1"\nreason = "r"\n')
    with pytest.raises(PolicyError, match=r"reviewer-policy.toml:4: bans.package: '>>1' is not"):
        PolicyStore.load(project / "reviewer-policy.toml")


def bans(capsys: pytest.CaptureFixture[str], project: Path) -> list[str]:
    """The locked packages `check` reports as banned."""
    return [key for rule, key in rules(check(capsys, project)[1]) if rule == "banned-package"]


def test_unban_removes_the_ban_and_keeps_the_rest_of_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = banned_project(tmp_path)
    policy_file = project / "reviewer-policy.toml"
    policy_file.write_text(
        "version = 1\n\n# the incident of 2018\n[[bans]]\npackage = \"event-stream@3.3.6\"\n"
        "reason = \"compromised release\"  # see the postmortem\n\n"
        "[[bans]]\npackage = \"flatmap-stream\"\nreason = \"malware\"\n")
    assert bans(capsys, project) == ["event-stream@3.3.6", "flatmap-stream@0.1.1"]
    assert main(["unban", "flatmap-stream", str(project)]) == 0
    out = capsys.readouterr().out
    assert "removed the ban of flatmap-stream (malware)" in out and f"wrote {policy_file}" in out
    assert policy_file.read_text() == (
        "version = 1\n\n# the incident of 2018\n[[bans]]\npackage = \"event-stream@3.3.6\"\n"
        "reason = \"compromised release\"  # see the postmortem\n")
    assert bans(capsys, project) == ["event-stream@3.3.6"]


def test_unban_without_such_a_ban_is_one_line_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = banned_project(tmp_path)
    policy_file = project / "reviewer-policy.toml"
    # no policy file at all: an error, and no file appears
    assert main(["unban", "event-stream", str(project)]) == 2
    err = capsys.readouterr().err
    assert err == f"reviewer: error: no ban of event-stream in {policy_file}\n"
    assert not policy_file.exists()
    assert main(["deny", "--ban", "event-stream@3.3.6", str(project), "--note", "bad"]) == 0
    before = policy_file.read_bytes()
    capsys.readouterr()
    # another spelling of the same name: the error names the one to use
    assert main(["unban", "event-stream", str(project)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"no ban of event-stream in {policy_file} (it bans event-stream@3.3.6: " in err
    assert main(["unban", "[red]left-pad[/red]", str(project)]) == 2
    assert "no ban of [red]left-pad[/red] in" in capsys.readouterr().err
    assert policy_file.read_bytes() == before
    assert bans(capsys, project) == ["event-stream@3.3.6"]
    assert main(["unban", "event-stream@3.3.6", str(project)]) == 0
    assert bans(capsys, project) == []


def test_banning_then_unbanning_leaves_the_file_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The last entry of a section removed: the section goes too (tomlkit would otherwise
    write `bans = []` above the file's header comment)."""
    project = banned_project(tmp_path)
    policy_file = project / "reviewer-policy.toml"
    original = ("# our policy\nversion = 1\n\n[[scripts]]\nname = \"esbuild\"\n"
                "decision = \"deny\"  # no binaries from the network\n")
    policy_file.write_text(original)
    assert main(["deny", "--ban", "left-pad", str(project)]) == 0
    assert "[[bans]]" in policy_file.read_text()
    assert main(["unban", "left-pad", str(project)]) == 0
    capsys.readouterr()
    assert policy_file.read_text() == original


# -- extends -----------------------------------------------------------------------------

ORG = """\
version = 1

[settings]
require_integrity = false
fail_on_denied_scripts = true

[[scripts]]
name = "native"
version = "1.0.0"
decision = "allow"

[[scripts]]
name = "adware"
decision = "deny"
note = "prints ads"

[[bans]]
package = "left-pad"
reason = "use String.prototype.padStart"
"""

TEAM = """\
version = 1

[[scripts]]
name = "native"
decision = "deny"
"""


def shared_project(tmp_path: Path) -> Path:
    org = tmp_path / "security-policies"
    org.mkdir()
    (org / "reviewer-org.toml").write_text(ORG)
    project = write_project(tmp_path / "app", {
        "native": entry("native", "1.0.0", hasInstallScript=True),
        "adware": entry("adware", "2.0.0", hasInstallScript=True),
        "left-pad": entry("left-pad", "1.3.0", integrity=None),
    })
    (project / "reviewer-policy.toml").write_text(
        'version = 1\nextends = ["../security-policies/reviewer-org.toml"]\n')
    return project


def test_extends_brings_shared_decisions_and_names_their_origin(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = shared_project(tmp_path)
    code, report = check(capsys, project)
    # The org allows native, denies adware (and fails on denied scripts), bans left-pad;
    # require_integrity = false comes from the org too (left-pad has no integrity).
    assert code == 1
    assert rules(report) == [("denied-script", "adware@2.0.0"),
                             ("banned-package", "left-pad@1.3.0")]
    assert "../security-policies/reviewer-org.toml denies them" in report["violations"][0]["message"]
    assert "banned by ../security-policies/reviewer-org.toml" in report["violations"][1]["message"]
    assert report["decisions"] == [{"package": "native@1.0.0", "state": "allowed",
                                    "origin": "../security-policies/reviewer-org.toml"}]

    # Local entries override: the project accepts denied scripts and allows adware@2.0.0.
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.set_setting("fail_on_denied_scripts", False)
    policy.allow_scripts("adware", "2.0.0", None, "me")
    PolicyStore.save(policy)
    code, report = check(capsys, project)
    assert rules(report) == [("banned-package", "left-pad@1.3.0")]
    assert {(d["package"], d["origin"]) for d in report["decisions"]} == {
        ("adware@2.0.0", "reviewer-policy.toml"),
        ("native@1.0.0", "../security-policies/reviewer-org.toml")}
    capsys.readouterr()
    main(["check", str(project)])
    text = capsys.readouterr().out
    assert ("install scripts allowed: 2 package(s) (1 by ../security-policies/reviewer-org.toml, "
            "1 by reviewer-policy.toml)") in text

    # The export writes the merged decisions.
    assert main(["export", "--to", "npm", str(project)]) == 0
    manifest = json.loads((project / "package.json").read_text())
    assert manifest["allowScripts"] == {"adware@2.0.0": True, "left-pad": False,
                                        "native@1.0.0": True}


def test_extends_conflict_is_a_violation_until_decided_locally(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = shared_project(tmp_path)
    (tmp_path / "security-policies" / "team.toml").write_text(TEAM)
    (project / "reviewer-policy.toml").write_text(
        'version = 1\nextends = ["../security-policies/reviewer-org.toml", '
        '"../security-policies/team.toml"]\n\n[settings]\nfail_on_denied_scripts = false\n')
    code, report = check(capsys, project)
    conflict = [v for v in report["violations"] if v["rule"] == "policy-conflict"]
    assert [v["package"] for v in conflict] == ["native@1.0.0"]
    assert ("the extended policies disagree (../security-policies/reviewer-org.toml says "
            "allow native@1.0.0; ../security-policies/team.toml says deny native)") in \
        conflict[0]["message"]
    assert {"package": "native@1.0.0", "state": "denied",  # the deny wins meanwhile
            "origin": "../security-policies/team.toml"} in report["decisions"]
    assert main(["approve", "native@1.0.0", str(project)]) == 0
    code, report = check(capsys, project)
    assert "policy-conflict" not in {v["rule"] for v in report["violations"]}


def test_approve_to_writes_the_shared_file(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    project = shared_project(tmp_path)
    org = tmp_path / "security-policies" / "reviewer-org.toml"
    assert main(["approve", "adware@2.0.0", str(project), "--to", str(org)]) == 0
    assert "wrote " + str(org) in capsys.readouterr().out
    shared = PolicyStore.load(org)
    assert shared.script_state("adware", "2.0.0") is not None
    assert [(e.name, e.version, e.decision.value) for e in shared.scripts] == [
        ("adware", "2.0.0", "allow"), ("native", "1.0.0", "allow")]
    assert "extends" in (project / "reviewer-policy.toml").read_text()
    assert "adware" not in (project / "reviewer-policy.toml").read_text()
    assert main(["approve", "native@1.0.0", str(project), "--to",
                 str(tmp_path / "elsewhere.toml")]) == 0
    assert "is not extended by" in capsys.readouterr().err


def test_unban_of_a_shared_ban_names_the_file_and_to_removes_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = shared_project(tmp_path)
    org = tmp_path / "security-policies" / "reviewer-org.toml"
    local = project / "reviewer-policy.toml"
    local_before = local.read_bytes()
    assert main(["unban", "left-pad", str(project)]) == 2
    err = capsys.readouterr().err
    assert (f"no ban of left-pad in {local}: the ban is in ../security-policies/reviewer-org.toml "
            f"(reviewer unban left-pad --to {org})") in err
    assert local.read_bytes() == local_before
    # a local ban of the same name: removing it says the shared one still applies
    assert main(["deny", "--ban", "left-pad", str(project), "--note", "local"]) == 0
    capsys.readouterr()
    assert main(["unban", "left-pad", str(project)]) == 0
    out = capsys.readouterr().out
    assert ("note: left-pad is still banned by ../security-policies/reviewer-org.toml "
            "(use String.prototype.padStart)") in out
    assert local.read_text().count("[[bans]]") == 0
    assert main(["unban", "left-pad", str(project), "--to", str(org)]) == 0
    assert "[[bans]]" not in org.read_text() and "# " not in out
    assert bans(capsys, project) == []


def test_extends_faults_are_one_line(tmp_path: Path) -> None:
    project = shared_project(tmp_path)
    policy_path = project / "reviewer-policy.toml"
    policy_path.write_text('version = 1\nextends = ["../missing.toml"]\n')
    with pytest.raises(PolicyError, match=r"extends '../missing.toml': .* is not a file"):
        PolicyStore.load(policy_path)
    org = tmp_path / "security-policies" / "reviewer-org.toml"
    org.write_text(ORG.replace("version = 1\n", 'version = 1\nextends = ["../app/reviewer-policy.toml"]\n'))
    policy_path.write_text('version = 1\nextends = ["../security-policies/reviewer-org.toml"]\n')
    with pytest.raises(PolicyError, match="a cycle"):
        PolicyStore.load(policy_path)
    policy_path.write_text('version = 1\nextends = [1]\n')
    with pytest.raises(PolicyError, match="extends: expected a list of policy file paths"):
        PolicyStore.load(policy_path)


def test_tui_states_name_the_shared_file(tmp_path: Path) -> None:
    from reviewer.lockfiles import load_graph
    from reviewer.policy.decisions import review_states

    project = shared_project(tmp_path)
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    states = {key: (state, note) for key, state, note in review_states(policy, load_graph(project))}
    assert states == {
        "native@1.0.0": ("allowed", "(decided in ../security-policies/reviewer-org.toml)"),
        "adware@2.0.0": ("denied", "prints ads (decided in ../security-policies/reviewer-org.toml)"),
        "left-pad@1.3.0": ("banned", "use String.prototype.padStart "
                                     "(decided in ../security-policies/reviewer-org.toml)"),
    }
