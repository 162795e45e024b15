"""Maintainers and publishers by account, and repository-changed.

Unit cases on typed manifests, then `reviewer report` through the real RegistryService and
the fixture registry: a display/e-mail change of the same account is informational, a new
account is not, and a repository moved to another owner is moderate with both URLs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from signal_fakes import manifest, packument

from reviewer.cli.main import main
from reviewer.registry.documents import Person, Publisher, VersionManifest
from reviewer.registry.parse import parse_person
from reviewer.signals.finding import Severity
from reviewer.signals.maintainers import maintainers_changed, new_publisher
from reviewer.signals.repository import (
    normalise_repository,
    repository_changed,
    repository_changed_since_previous,
)


def _people(version: str, *people: object) -> VersionManifest:
    parsed = tuple(p for p in (parse_person(x) for x in people) if p is not None)
    return VersionManifest("p", version, maintainers=parsed)


def test_same_account_with_new_email_is_informational() -> None:
    old = _people("1.0.4", {"name": "sindresorhus", "email": "sindresorhus@gmail.com"})
    new = _people("1.0.5", {"name": "sindresorhus", "email": "sindre@example.com"})
    finding = maintainers_changed("p@1.0.5", old, new)
    assert finding is not None and finding.severity is Severity.INFO
    assert finding.details["added"] == [] and finding.details["removed"] == []
    assert finding.details["edited"] == ["sindresorhus"]


def test_display_entry_of_the_same_account_is_not_a_change_of_account() -> None:
    # the string form `Display Name <email>` is the account with that e-mail
    old = _people("1.0.4", {"name": "sindresorhus", "email": "sindresorhus@gmail.com"},
                  {"name": "bob", "email": "bob@example.com"})
    new = _people("1.0.5", "Sindre Sorhus <sindresorhus@gmail.com>", {"name": "bob", "email": "BOB@example.com"})
    finding = maintainers_changed("p@1.0.5", old, new)
    assert finding is not None and finding.severity is Severity.INFO, finding
    assert finding.details["edited"] == ["sindresorhus"]  # bob's e-mail only changed case
    same = _people("1.0.6", {"name": "sindresorhus", "email": "SindreSorhus@gmail.com "},
                   {"name": "bob", "email": "bob@example.com"})
    assert maintainers_changed("p@1.0.6", old, same) is None


def test_new_account_is_still_a_change() -> None:
    old = _people("1.0.0", {"name": "alice", "email": "a@example.com"})
    new = _people("1.1.0", {"name": "alice", "email": "a@example.com"},
                  {"name": "mallory", "email": "a2@example.com"})
    finding = maintainers_changed("p@1.1.0", old, new)
    assert finding is not None and finding.severity is Severity.MODERATE
    assert finding.details["added"] == ["mallory"]
    # a takeover with the old maintainer's display name but another e-mail is an account change
    takeover = _people("2.0.0", "Alice <mallory@evil.example>")
    finding = maintainers_changed("p@2.0.0", old, takeover)
    assert finding is not None and finding.severity is Severity.HIGH
    assert finding.details["removed"] == ["alice"]


def test_publisher_compared_by_account() -> None:
    versions = [manifest("p", "1.0.0", publisher="alice"), manifest("p", "1.1.0", publisher="alice")]
    versions[1] = VersionManifest("p", "1.1.0", maintainers=(Person("alice"),),
                                  publisher=Publisher("Alice ", email="new@example.com"))
    assert new_publisher("p@1.1.0", packument("p", versions), "1.1.0") is None


@pytest.mark.parametrize(("a", "b"), [
    ("git+https://github.com/Sindre/Foo.git", "https://github.com/sindre/foo"),
    ("git://github.com/sindre/foo.git", "git@github.com:sindre/foo.git"),
    ("github:sindre/foo", "sindre/foo"),
    ("ssh://git@github.com/sindre/foo.git", "https://github.com/sindre/foo/"),
    ("https://gitlab.com/group/sub/proj.git", "git+https://gitlab.com/group/sub/proj"),
])
def test_repository_spellings_are_one(a: str, b: str) -> None:
    assert normalise_repository(a) == normalise_repository(b)


def test_repository_changed_is_moderate_with_both_urls() -> None:
    old = VersionManifest("p", "1.0.0", repository="git+https://github.com/alice/p.git")
    new = VersionManifest("p", "1.0.1", repository="https://github.com/mallory/p")
    finding = repository_changed("p@1.0.1", old, new)
    assert finding is not None and finding.id == "repository-changed"
    assert finding.severity is Severity.MODERATE
    assert finding.details["previous"] == "git+https://github.com/alice/p.git"
    assert finding.details["repository"] == "https://github.com/mallory/p"
    assert "alice/p" in finding.summary and "mallory/p" in finding.summary
    same = VersionManifest("p", "1.0.1", repository="git@github.com:alice/p.git")
    assert repository_changed("p@1.0.1", old, same) is None
    assert repository_changed("p@1.0.1", old, VersionManifest("p", "1.0.1")) is None
    doc = packument("p", [manifest("p", "1.0.0", repository="github:alice/p"),
                          manifest("p", "1.0.1", repository="github:mallory/p")])
    assert repository_changed_since_previous("p@1.0.1", doc, "1.0.1") is not None
    assert repository_changed_since_previous("p@1.0.0", doc, "1.0.0") is None


# -- through `reviewer report` and the fixture registry ------------------------------------------

TARBALL = "https://registry.npmjs.org/{0}/-/{0}-{1}.tgz"


def _version(name: str, version: str, maintainers: list[Any], publisher: dict[str, str],
             repository: str) -> dict[str, Any]:
    return {"name": name, "version": version, "maintainers": maintainers, "_npmUser": publisher,
            "repository": {"type": "git", "url": repository},
            "dist": {"tarball": TARBALL.format(name, version), "integrity": "sha512-" + "A" * 86 + "=="}}


def _doc(name: str, versions: list[dict[str, Any]]) -> dict[str, Any]:
    times = {v["version"]: f"2020-0{i + 1}-01T00:00:00.000Z" for i, v in enumerate(versions)}
    return {"name": name, "dist-tags": {"latest": versions[-1]["version"]},
            "versions": {v["version"]: v for v in versions},
            "time": {"created": "2020-01-01T00:00:00.000Z", "modified": "2021-01-01T00:00:00.000Z", **times}}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    deps = {"esr": "1.0.5", "moved": "2.0.1"}
    packages: dict[str, Any] = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for name, version in deps.items():
        packages[f"node_modules/{name}"] = {"version": version, "resolved": TARBALL.format(name, version),
                                            "integrity": "sha512-" + "A" * 86 + "=="}
    (tmp_path / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0", "dependencies": deps}))
    (tmp_path / "package-lock.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}))
    return tmp_path


def test_report_by_account_and_repository(project, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    sindre = {"name": "sindresorhus", "email": "sindresorhus@gmail.com"}
    fixture_registry.add_packument(_doc("esr", [
        _version("esr", "1.0.4", [sindre], sindre, "git+https://github.com/sindresorhus/esr.git"),
        # the same account, written as display text with another e-mail spelling
        _version("esr", "1.0.5", ["Sindre Sorhus <SindreSorhus@gmail.com>"],
                 {"name": "sindresorhus", "email": "sindre@example.com"}, "https://github.com/sindresorhus/esr"),
    ]))
    alice = {"name": "alice", "email": "alice@example.com"}
    fixture_registry.add_packument(_doc("moved", [
        _version("moved", "2.0.0", [alice], alice, "https://github.com/alice/moved.git"),
        _version("moved", "2.0.1", [alice], alice, "https://github.com/someone-else/moved.git"),
    ]))
    code = main(["report", str(project), "--format", "json", "--registry", fixture_registry.url,
                 "--cache-dir", str(tmp_path / "cache")])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    signals = {p["name"]: {s["id"]: s for s in p["signals"]} for p in json.loads(captured.out)["packages"]}
    esr = signals["esr"]
    assert esr["maintainers-changed"]["severity"] == "info", esr["maintainers-changed"]
    assert esr["maintainers-changed"]["details"]["added"] == []
    assert "new-publisher" not in esr and "repository-changed" not in esr
    moved = signals["moved"]["repository-changed"]
    assert moved["severity"] == "moderate"
    assert moved["details"]["previous"] == "https://github.com/alice/moved.git"
    assert moved["details"]["repository"] == "https://github.com/someone-else/moved.git"
