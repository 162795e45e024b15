"""Registry faults served by the fixture registry: a slow-drip registry ends by the
per-request deadline, bad URLs (registry, tarball, resolved) are one clear line or a
per-package finding, credentials never appear in any message."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from .conftest import SHA, npm_project, packument, sri, tgz

DATA = tgz({"package.json": '{"name":"d","version":"1.0.0"}', "index.js": "x\n"})
DATA_B = tgz({"package.json": '{"name":"d","version":"1.0.1"}', "index.js": "y\n"})


def _publish(registry, name: str = "d", versions: tuple[str, ...] = ("1.0.0", "1.0.1")) -> None:  # noqa: ANN001
    data = dict(zip(versions, (DATA, DATA_B), strict=False))
    registry.add_packument(packument(name, {v: {"data": data[v]} for v in versions}, registry.url))
    for version in versions:
        registry.add_tarball(name, version, data[version])


def test_slow_drip_packument_ends_by_deadline_in_diff(run, fixture_registry) -> None:  # noqa: ANN001
    _publish(fixture_registry)
    fixture_registry.drip("/d", 0.5)
    started = time.monotonic()
    result = run("diff", "d", "1.0.0", "1.0.1", "--registry", fixture_registry.url,
                 "--request-deadline", "2")
    elapsed = time.monotonic() - started
    assert result.code == 2
    result.assert_clean()
    assert elapsed < 8, elapsed
    host = fixture_registry.url.split("//", 1)[1].rstrip("/")
    assert host in result.err and "deadline" in result.err, result.err
    assert len(result.err.strip().splitlines()) == 1


def test_slow_drip_tarball_ends_by_deadline_in_diff(run, fixture_registry) -> None:  # noqa: ANN001
    _publish(fixture_registry)
    fixture_registry.drip("/d/-/d-1.0.1.tgz", 0.5)
    started = time.monotonic()
    result = run("diff", "d", "1.0.0", "1.0.1", "--registry", fixture_registry.url,
                 "--request-deadline", "2")
    assert result.code == 2 and time.monotonic() - started < 8
    assert "request deadline of 2 s" in result.err and "tarball of d@1.0.1" in result.err
    result.assert_clean()


def test_slow_drip_ends_by_deadline_in_report(run, fixture_registry, tmp_path: Path) -> None:  # noqa: ANN001
    _publish(fixture_registry, versions=("1.0.0",))
    fixture_registry.drip("/d", 0.5)
    project = npm_project(tmp_path / "app", {"d": {
        "resolved": fixture_registry.tarball_url("d", "1.0.0"), "integrity": sri(DATA)}})
    started = time.monotonic()
    result = run("report", str(project), "--format", "json", "--registry", fixture_registry.url,
                 "--request-deadline", "2")
    assert time.monotonic() - started < 15
    assert result.code == 0, result.err
    result.assert_clean()
    signals = json.loads(result.out)["packages"][0]["signals"]
    assert any(s["unknown"] and "deadline" in json.dumps(s) for s in signals), signals


def test_request_deadline_rejects_nonsense(run) -> None:  # noqa: ANN001
    for value in ("0", "-1", "abc", "inf"):
        result = run("diff", "d", "1", "2", "--request-deadline", value)
        assert result.code == 2 and "--request-deadline" in result.err
        result.assert_clean()


@pytest.mark.parametrize("url", ["http://[::1", "notaurl", "ftp://x/", "http://a b/",
                                 "http://x:99999/", "", "http://\x1b[2J/"])
def test_bad_registry_option_is_one_clear_line(run, url: str) -> None:
    result = run("diff", "d", "1.0.0", "1.0.1", "--registry", url)
    assert result.code == 2
    result.assert_clean()
    assert "registry" in result.err and len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("url", ["http://[::1", "javascript:alert(1)", "http://x:70000/"])
def test_bad_registry_in_npmrc_is_one_clear_line(run, tmp_path: Path, url: str) -> None:
    project = npm_project(tmp_path / "app", {"d": {"integrity": SHA}})
    (project / ".npmrc").write_text(f"registry={url}\n")
    for command in (["report", str(project)], ["scan", str(project)]):
        result = run(*command)
        assert result.code == 2, result.err
        result.assert_clean()
        assert "registry" in result.err and len(result.err.strip().splitlines()) == 1


def test_tarball_url_with_bracket_in_host_is_one_clear_line(run, fixture_registry) -> None:  # noqa: ANN001
    doc = packument("d", {"1.0.0": {"data": DATA}, "1.0.1": {
        "dist": {"tarball": "http://evil]host/d-1.0.1.tgz", "integrity": sri(DATA_B)}}},
        fixture_registry.url)
    fixture_registry.add_packument(doc)
    fixture_registry.add_tarball("d", "1.0.0", DATA)
    result = run("diff", "d", "1.0.0", "1.0.1", "--registry", fixture_registry.url)
    assert result.code == 2
    result.assert_clean()
    assert "evil]host" in result.err and len(result.err.strip().splitlines()) == 1


def test_malformed_resolved_url_is_a_finding_not_a_stopped_report(run, fixture_registry,  # noqa: ANN001
                                                                    tmp_path: Path) -> None:
    _publish(fixture_registry, versions=("1.0.0",))
    data = tgz({"package.json": '{"name":"e","version":"1.0.0"}'})
    project = npm_project(tmp_path / "app", {
        "d": {"resolved": fixture_registry.tarball_url("d", "1.0.0"), "integrity": sri(DATA),
              "hasInstallScript": True},
        "e": {"resolved": "http://[::1/e/-/e-1.0.0.tgz", "integrity": sri(data),
              "hasInstallScript": True},
        "f": {"resolved": "https://exa]mple.com:99999/f.tgz", "integrity": SHA,
              "hasInstallScript": True},
    })
    for fmt in ("json", "text", "markdown"):
        result = run("report", str(project), "--format", fmt, "--registry", fixture_registry.url)
        assert result.code == 0, result.err
        result.assert_clean()
        if fmt == "json":
            packages = {p["name"]: p for p in json.loads(result.out)["packages"]}
            assert set(packages) == {"d", "e", "f"}
            for name in ("e", "f"):
                assert packages[name]["signals"], packages[name]


def test_credentials_never_printed(run, fixture_registry, tmp_path: Path) -> None:  # noqa: ANN001
    url = fixture_registry.url.replace("http://", "http://bob:hunter2@")
    fixture_registry.fail("*", *([503] * 50))
    project = npm_project(tmp_path / "app", {"d": {"integrity": SHA}})
    (project / ".npmrc").write_text(
        f"//{url.split('@', 1)[1]}:_authToken=s3cr3t-token-value\n"
        "//other.example/:_auth=Ym9iOmh1bnRlcjI=\n")
    for command in (["diff", "d", "1.0.0", "1.0.1", "--registry", url],
                    ["report", str(project), "--registry", url, "--format", "json"],
                    ["report", str(project), "--registry", url, "--format", "markdown"],
                    ["scan", str(project), "--registry", url, "-v"]):
        result = run(*command)
        for secret in ("hunter2", "s3cr3t-token-value", "Ym9iOmh1bnRlcjI="):
            assert secret not in result.out and secret not in result.err, (command, result)
    result = run("diff", "d", "1.0.0", "1.0.1", "--registry", "http://bob:hunter2@[::1")
    assert result.code == 2 and "hunter2" not in result.err


def test_hostile_redirect_location_is_one_clear_line(run, fixture_registry) -> None:  # noqa: ANN001
    _publish(fixture_registry)
    fixture_registry.fail("/d", 302)
    fixture_registry.extra_headers("/d", {"location": "http://[evil/x"})
    result = run("diff", "d", "1.0.0", "1.0.1", "--registry", fixture_registry.url)
    assert result.code == 2
    result.assert_clean()
    assert "redirected" in result.err and len(result.err.strip().splitlines()) == 1


def test_npmrc_credentials_echoed_by_a_registry_are_redacted(run, fixture_registry,  # noqa: ANN001
                                                             tmp_path: Path) -> None:
    """A registry error (or anything else) that repeats a configured credential: the value
    itself is redacted, whatever shape it has."""
    from reviewer.registry.npmrc import secret_values
    from reviewer.text_safety import redact, register_secrets

    settings = {"//r.example/:_authToken": "plain-opaque-value-123",
                "//r.example/:_auth": "Ym9iOmNvcnJlY3QtaG9yc2U=",  # bob:correct-horse
                "//r.example/:_password": "aHVudGVyMg=="}  # hunter2
    register_secrets(secret_values(settings))
    line = "echo: plain-opaque-value-123 / correct-horse / hunter2 / Ym9iOmNvcnJlY3QtaG9yc2U="
    for secret in ("plain-opaque-value-123", "correct-horse", "hunter2", "Ym9iOmNvcnJlY3QtaG9yc2U="):
        assert secret not in redact(line)


@pytest.mark.parametrize("fault", ["malformed", "status-500", "not-an-object", "hostile-fields"])
def test_hostile_registry_bodies_are_never_echoed_raw(run, fixture_registry, tmp_path: Path,  # noqa: ANN001
                                                       fault: str) -> None:
    from .conftest import PAYLOADS

    payload = "".join(PAYLOADS.values())
    _publish(fixture_registry)
    if fault == "malformed":
        fixture_registry.malformed("/d")
    elif fault == "status-500":
        fixture_registry.fail("/d", *([500] * 10))
    elif fault == "not-an-object":
        doc = packument("d", {"1.0.0": {"data": DATA}}, fixture_registry.url)
        doc["versions"]["1.0.1"] = payload
        fixture_registry.add_packument(doc)
    else:
        doc = packument("d", {"1.0.0": {"data": DATA}, "1.0.1": {"data": DATA_B}},
                        fixture_registry.url, description=payload, readme=payload)
        doc["dist-tags"]["evil" + payload] = "1.0.1"
        doc["versions"]["1.0.1"]["deprecated"] = payload
        fixture_registry.add_packument(doc)
    for command in (["diff", "d", "1.0.0", "1.0.1", "--registry", fixture_registry.url],
                    ["diff", "d", "1.0.0", "evil" + payload, "--registry", fixture_registry.url]):
        result = run(*command)
        assert result.code in (0, 2), result
        result.assert_clean()
    project = npm_project(tmp_path / "app", {"d": {
        "resolved": fixture_registry.tarball_url("d", "1.0.0"), "integrity": sri(DATA)}})
    for fmt in ("text", "markdown", "json"):
        result = run("report", str(project), "--format", fmt, "--registry", fixture_registry.url)
        assert result.code == 0, result.err
        result.assert_clean()
