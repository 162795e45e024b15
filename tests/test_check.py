"""`reviewer check`: the CI gate on corpus projects (copied to tmp) and on small hand-made
lockfiles: a pass, each kind of violation, exit codes, JSON, and SARIF validated against
the SARIF 2.1.0 JSON schema."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from reviewer.audit.model import Advisory as AuditAdvisory
from reviewer.cli.main import main
from reviewer.lockfiles import load_graph
from reviewer.policy import PolicyStore
from reviewer.policy.check import run_check
from reviewer.policy.decisions import script_facts
from reviewer.signals.finding import SIGNAL_IDS, Finding, Severity

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("REVIEWER_CORPUS", REPO.parent / "shared" / "corpus"))
SCHEMA = json.loads((REPO / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
MONO_NPM_SCRIPTED = ["@prisma/client@5.22.0", "@prisma/engines@5.22.0", "@swc/core@1.16.22",
                     "better-sqlite3@11.10.0", "esbuild@0.21.5", "prisma@5.22.0"]


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[[str], Path]:
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(CORPUS / name, target)
        for path in [target, *target.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
        return target

    return copy


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys: pytest.CaptureFixture[str], project: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    code, out, _ = run(capsys, "check", str(project), "--format", "json")
    return code, json.loads(out)


def test_unreviewed_scripts_fail_then_pass_after_approval(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = corpus("mono-npm")
    code, report = check_json(capsys, project)
    assert code == 1 and report["ok"] is False
    assert [v["package"] for v in report["violations"]] == MONO_NPM_SCRIPTED
    assert {v["rule"] for v in report["violations"]} == {"unreviewed-script"}
    assert report["counts"] == {"unreviewed-script": 6}
    assert report["packages_checked"] == 206

    code, out, _ = run(capsys, "approve", "--all-pending", str(project))
    assert code == 0
    assert [line.split()[1] for line in out.splitlines() if line.startswith("approved")] == \
        MONO_NPM_SCRIPTED
    code, out, _ = run(capsys, "check", str(project))
    assert code == 0 and out.startswith("reviewer check: OK - 206 packages")
    assert "review signals not evaluated" in out


def test_text_output_points_at_lockfile_lines(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = corpus("mono-npm")
    code, out, _ = run(capsys, "check", str(project))
    assert code == 1
    assert "6 violation(s)" in out and "by rule: unreviewed-script: 6" in out
    lock_lines = (project / "package-lock.json").read_text().splitlines()
    for line in out.splitlines():
        if line.strip().startswith("unreviewed-script"):
            name = line.split()[1].rsplit("@", 1)[0]
            number = int(line.rsplit(":", 1)[1].rstrip("]"))
            assert lock_lines[number - 1].strip().startswith(f'"node_modules/{name}"'), line


def test_denied_scripts_and_the_setting_that_accepts_them(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = corpus("mono-npm")
    assert run(capsys, "approve", "--all-pending", str(project))[0] == 0
    assert run(capsys, "deny", "esbuild", str(project))[0] == 0
    # A deny is a decision: check passes and lists it in the summary, with its origin.
    code, report = check_json(capsys, project)
    assert code == 0 and report["violations"] == []
    denied = [d for d in report["decisions"] if d["state"] == "denied"]
    assert denied == [{"package": "esbuild@0.21.5", "state": "denied",
                       "origin": "reviewer-policy.toml"}]
    code, out, _ = run(capsys, "check", str(project))
    assert code == 0
    assert "denied (skipped by the package manager): esbuild@0.21.5" in out
    path = project / "reviewer-policy.toml"
    policy = PolicyStore.load(path)
    policy.set_setting("fail_on_denied_scripts", True)
    PolicyStore.save(policy)
    code, report = check_json(capsys, project)
    assert code == 1
    assert [(v["rule"], v["package"]) for v in report["violations"]] == \
        [("denied-script", "esbuild@0.21.5")]


def test_republished_pin_and_script(corpus: Callable[[str], Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    project = corpus("mono-npm")
    run(capsys, "approve", "--all-pending", str(project))
    lock = project / "package-lock.json"
    text = lock.read_text()
    old = "sha512-mg3OPMV4hXywwpoDxu3Qda5xCKQi+vCTZq8S9J/EpkhB2HzKXq4SNFZE3+NK93JYxc8VMSep+lOUSC/RVKaBqw=="
    assert old in text
    lock.write_text(text.replace(old, "sha512-" + "A" * 86 + "=="))
    code, report = check_json(capsys, project)
    assert code == 1
    assert [(v["rule"], v["package"]) for v in report["violations"]] == \
        [("republished", "esbuild@0.21.5"), ("republished", "esbuild@0.21.5")]
    assert any("pinned by reviewer-policy.toml with integrity" in v["message"]
               for v in report["violations"])
    assert any("install scripts were allowed by reviewer-policy.toml for integrity" in v["message"]
               for v in report["violations"])


def test_required_pins(corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    project = corpus("mono-npm")
    run(capsys, "approve", "--all-pending", str(project))
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.set_setting("require_pins", True)
    policy.approve("vitest", "1.0.0", None, "me")
    PolicyStore.save(policy)
    code, report = check_json(capsys, project)
    assert code == 1
    rules = {v["rule"] for v in report["violations"]}
    assert rules == {"pin-mismatch"}
    assert report["counts"]["pin-mismatch"] == 206 - 6
    vitest = [v for v in report["violations"] if v["name"] == "vitest"]
    assert vitest and "approved: 1.0.0" in vitest[0]["message"]


def test_sources_and_registries(corpus: Callable[[str], Path],
                                capsys: pytest.CaptureFixture[str]) -> None:
    project = corpus("mono-npm")
    run(capsys, "approve", "--all-pending", str(project))
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.set_setting("allowed_registries", ["https://registry.npmjs.org/"])
    PolicyStore.save(policy)
    assert check_json(capsys, project)[0] == 0
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.set_setting("allowed_registries", ["https://npm.internal.example/"])
    policy.set_setting("allowed_sources", ["git"])
    PolicyStore.save(policy)
    code, report = check_json(capsys, project)
    assert code == 1
    assert report["counts"] == {"disallowed-source": 206, "unexpected-registry": 206}


def test_lockfile_without_script_facts_is_reported_as_unknown(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = corpus("mono-pnpm")  # pnpm 9 lockfiles do not record build scripts
    code, out, _ = run(capsys, "check", str(project))
    assert code == 0
    assert "note: 206 package(s): neither the lockfile nor cached metadata says" in out
    code, report = check_json(capsys, project)
    assert len(report["unknown_install_scripts"]) == 206


def test_pnpm6_requires_build(corpus: Callable[[str], Path],
                              capsys: pytest.CaptureFixture[str]) -> None:
    project = corpus("single-pnpm6")
    code, report = check_json(capsys, project)
    assert code == 1 and report["counts"] == {"unreviewed-script": 55}
    assert run(capsys, "deny", "--all-pending", str(project))[0] == 0
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    assert not policy.settings.fail_on_denied_scripts
    code, report = check_json(capsys, project)
    assert code == 0 and len([d for d in report["decisions"] if d["state"] == "denied"]) == 55
    code, out, _ = run(capsys, "check", str(project))
    assert code == 0 and out.count("(by reviewer-policy.toml)") == 20
    assert ", and 35 more (--format json lists all)" in out
    policy.set_setting("fail_on_denied_scripts", True)
    PolicyStore.save(policy)
    assert check_json(capsys, project)[1]["counts"] == {"denied-script": 55}


def test_advisories(corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
                    monkeypatch: pytest.MonkeyPatch) -> None:
    project = corpus("mono-npm")
    run(capsys, "approve", "--all-pending", str(project))
    graph = load_graph(project)
    vite = graph.find("vite")[0]
    imported = [
        AuditAdvisory("GHSA-vite-0001", "vite", f"<={vite.version}", Severity.HIGH, "path traversal"),
        AuditAdvisory("GHSA-none-0002", "vite", "<0.0.1", Severity.HIGH, "not affected"),
    ]
    (project / "reviewer-advisories.json").write_text(json.dumps(
        {"version": 1, "imports": [], "advisories": [a.to_json() for a in imported]}))
    code, report = check_json(capsys, project)
    assert code == 1
    assert [(v["rule"], v["package"], v["severity"]) for v in report["violations"]] == \
        [("undecided-advisory", vite.key, "high")]
    assert report["advisories_checked"] == 1

    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.accept_advisory("GHSA-vite-0001", "vite", "dev server only", dt.date(2000, 1, 1))
    PolicyStore.save(policy)
    code, report = check_json(capsys, project)
    assert [v["rule"] for v in report["violations"]] == ["expired-decision"]
    assert "expired on 2000-01-01" in report["violations"][0]["message"]

    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.accept_advisory("GHSA-vite-0001", "vite", "dev server only", dt.date(2999, 1, 1))
    PolicyStore.save(policy)
    assert check_json(capsys, project)[0] == 0


def test_signals_threshold_and_acceptance(corpus: Callable[[str], Path]) -> None:
    project = corpus("mono-npm")
    graph = load_graph(project)
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    for key in MONO_NPM_SCRIPTED:
        name, version = key.rsplit("@", 1)
        policy.allow_scripts(name, version, graph.packages[key].integrity, "me")
    findings = [
        Finding("typosquat", Severity.HIGH, "name close to 'vitest'", "vite@5.4.21"),
        Finding("deprecated", Severity.LOW, "deprecated", "glob@7.2.3"),
        Finding("new-publisher", Severity.CRITICAL, "unknown", "esbuild@0.21.5", unknown=True),
        Finding("install-script", Severity.CRITICAL, "postinstall", "esbuild@0.21.5"),
        Finding("trust-downgrade", Severity.CRITICAL, "lost provenance", "esbuild@0.21.5"),
    ]
    facts = script_facts(graph)
    result = run_check(graph, policy, facts, findings=findings)
    assert result.signals_evaluated
    assert [(v.rule, v.package) for v in result.violations] == \
        [("trust-downgrade", "esbuild@0.21.5"), ("typosquat", "vite@5.4.21")]
    policy.accept_signal("typosquat", "vite", "it is vite", None)
    policy.accept_signal("trust-downgrade", "esbuild@0.21.5", "checked", dt.date(2000, 1, 1))
    result = run_check(graph, policy, facts, findings=findings, today=dt.date(2026, 1, 1))
    assert [(v.rule, v.package) for v in result.violations] == \
        [("expired-decision", "esbuild@0.21.5")]
    policy.set_setting("fail_on", "critical")
    policy.accept_signal("trust-downgrade", "esbuild@0.21.5", "checked", None)
    assert run_check(graph, policy, facts, findings=findings).ok
    assert run_check(graph, policy, facts, advisories=[
        AuditAdvisory("GHSA-x", "esbuild", "*", Severity.LOW, "t", affected_versions=("0.21.5",))]
    ).counts() == {"undecided-advisory": 1}


def test_unknowns_the_registry_never_sends_are_said_once_not_per_package(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A registry that strips publishers leaves `new-publisher` unknown for every package:
    one sentence, not "N packages could not be decided (run scan)"; an unknown for a reason
    of one package's own (a cache miss) stays counted, with its reason."""
    from reviewer.cli.commands.check_cmd import to_text
    from reviewer.signals.common import unknown

    project = corpus("mono-npm")
    graph = load_graph(project)
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    registry = [p for p in graph.sorted_packages() if p.source.value == "registry"]
    findings = [unknown("new-publisher", p.key, "publisher not provided by this registry")
                for p in registry]
    missed = registry[0].key
    findings.append(unknown("deprecated", missed,
                            "registry metadata unavailable: not in the cache (offline mode)"))
    result = run_check(graph, policy, script_facts(graph), findings=findings)
    assert result.registry_gap.startswith("this registry does not provide publishers")
    assert result.signals_unknown == [missed]
    text = to_text(result, project / "package-lock.json", policy.path)
    assert text.count("does not provide publishers") == 1
    assert "note: 1 package(s) have review signals that could not be decided:" in text
    assert "deprecated: registry metadata unavailable: not in the cache (offline mode) (1)" in text


def test_sarif_is_valid_and_points_into_the_lockfile(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = corpus("mono-npm")
    monkeypatch.chdir(project.parent)
    code, out, _ = run(capsys, "check", project.name, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run_ = log["runs"][0]
    rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert rule_ids[: len(SIGNAL_IDS)] == list(SIGNAL_IDS)
    assert {"unreviewed-script", "pin-mismatch", "republished", "undecided-advisory"} <= set(rule_ids)
    assert len(rule_ids) == len(set(rule_ids))
    lock_lines = (project / "package-lock.json").read_text().splitlines()
    assert len(run_["results"]) == 6
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"] == "unreviewed-script"
        assert result["level"] == "error"
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "mono-npm/package-lock.json"
        name = result["properties"]["package"].rsplit("@", 1)[0]
        assert f'"node_modules/{name}"' in lock_lines[location["region"]["startLine"] - 1]
    # A passing run is valid SARIF too, with no results.
    run(capsys, "approve", "--all-pending", str(project))
    code, out, _ = run(capsys, "check", str(project), "--format", "sarif")
    assert code == 0
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


def test_script_facts_from_cached_findings(corpus: Callable[[str], Path]) -> None:
    graph = load_graph(corpus("mono-pnpm"))  # the lockfile records no build scripts
    keys = sorted(graph.packages)
    assert set(script_facts(graph).values()) == {None}
    findings = [
        Finding("install-script", Severity.MODERATE, "postinstall: node x.js", keys[0]),
        Finding("install-script", Severity.MODERATE, "not provided", keys[1], unknown=True),
        Finding("deprecated", Severity.LOW, "old", keys[2]),
    ]
    facts = script_facts(graph, findings)
    assert facts[keys[0]] is True and facts[keys[1]] is None and facts[keys[2]] is False
    assert facts[keys[3]] is None  # not reviewed at all: still unknown


def test_sarif_schema_catches_a_broken_log() -> None:
    """The vendored schema is strict enough to matter."""
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SCHEMA).validate(broken)


def test_input_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and err.startswith("reviewer: error: ") and err.count("\n") == 1
    (tmp_path / "package-lock.json").write_text("{not json")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "package-lock.json" in err and err.count("\n") == 1
    with pytest.raises(SystemExit) as caught:
        main(["check", str(tmp_path), "--format", "xml"])
    assert caught.value.code == 2


def test_text_output_escapes_control_characters(tmp_path: Path) -> None:
    from reviewer.cli.commands.check_cmd import to_text
    from reviewer.policy.check import CheckResult, Violation

    evil = "evil\x1b[2J\x07"
    result = CheckResult(violations=[Violation("unreviewed-script", evil, "1.0.0",
                                               f"{evil}@1.0.0 has install scripts", line=3)])
    text = to_text(result, tmp_path / "package-lock.json", tmp_path / "p.toml")
    assert "\x1b" not in text and "\x07" not in text
    assert "evil\\x1b[2J\\x07@1.0.0" in text


def test_version_deny_under_a_name_deny_changes_nothing(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = corpus("mono-npm")
    assert run(capsys, "deny", "esbuild", str(project))[0] == 0
    before = (project / "reviewer-policy.toml").read_text()
    code, out, _ = run(capsys, "deny", "esbuild@0.21.5", str(project))
    assert code == 0 and "already denied in every version" in out and "unchanged" in out
    assert (project / "reviewer-policy.toml").read_text() == before


def test_yarn_berry_checksum_detects_republish(
    corpus: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = corpus("mono-yarnberry")  # no SRI integrity: yarn's own checksum is pinned
    assert run(capsys, "approve", "--all-pending", str(project))[0] == 0
    assert run(capsys, "approve", "vitest@2.1.9", str(project))[0] == 0
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    pin = policy.pin_for("vitest", "2.1.9")
    assert pin is not None and pin.integrity is not None and pin.integrity.startswith("10c0/")
    assert check_json(capsys, project)[0] == 0
    lock = project / "yarn.lock"
    lock.write_text(lock.read_text().replace(pin.integrity, "10c0/" + "0" * 128))
    code, report = check_json(capsys, project)
    assert code == 1
    assert {(v["rule"], v["package"]) for v in report["violations"]} == {("republished", "vitest@2.1.9")}
    # A pin recorded from another lockfile format (SRI) is not comparable: no false alarm.
    policy = PolicyStore.load(project / "reviewer-policy.toml")
    policy.approve("vitest", "2.1.9", "sha512-" + "A" * 86 + "==", "me")
    policy.clear_scripts("vitest")
    PolicyStore.save(policy)
    assert check_json(capsys, project)[0] == 0
