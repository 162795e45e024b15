"""maintainers-changed, new-publisher, trust-downgrade, recent-release, deprecated."""

from __future__ import annotations

from signal_fakes import NOW, manifest, packument

from reviewer.signals.deprecation import deprecation
from reviewer.signals.finding import Severity
from reviewer.signals.maintainers import (
    maintainers_changed,
    maintainers_changed_since_previous,
    new_publisher,
)
from reviewer.signals.provenance import trust_downgrade, trust_downgrade_between
from reviewer.signals.release_age import recent_release


def test_maintainers_changed_between_versions() -> None:
    old = manifest("p", "1.0.0", maintainers=["alice", "bob"])
    new = manifest("p", "1.1.0", maintainers=["bob", "mallory"])
    finding = maintainers_changed("p@1.1.0", old, new)
    assert finding is not None and not finding.unknown
    assert finding.details["added"] == ["mallory"] and finding.details["removed"] == ["alice"]
    assert maintainers_changed("p@1.1.0", old, manifest("p", "1.1.0", maintainers=["bob", "alice"])) is None


def test_full_takeover_is_high() -> None:
    finding = maintainers_changed("p@2.0.0", manifest("p", "1.0.0", maintainers=["alice"]),
                                  manifest("p", "2.0.0", maintainers=["mallory"]))
    assert finding is not None and finding.severity is Severity.HIGH


def test_maintainers_unknown_when_stripped() -> None:
    finding = maintainers_changed("p@1.1.0", manifest("p", "1.0.0", maintainers=None),
                                  manifest("p", "1.1.0"))
    assert finding is not None and finding.unknown and "not provided by this registry" in finding.summary


def test_single_version_against_previous_release_by_time() -> None:
    # 2.0.0 published before 1.5.0 (a backport): 1.5.0's previous release is 2.0.0 by time.
    doc = packument("p", [manifest("p", "1.0.0", maintainers=["a"]),
                          manifest("p", "2.0.0", maintainers=["a", "b"]),
                          manifest("p", "1.5.0", maintainers=["a"])])
    finding = maintainers_changed_since_previous("p@1.5.0", doc, "1.5.0")
    assert finding is not None and finding.details["removed"] == ["b"]
    assert finding.details["ordered_by"] == "publish-time"
    # No times: semver order, previous of 1.5.0 is 1.0.0 (same maintainers).
    untimed = packument("p", list(doc.versions.values()), times=False)
    assert maintainers_changed_since_previous("p@1.5.0", untimed, "1.5.0") is None


def test_new_publisher() -> None:
    doc = packument("p", [manifest("p", "1.0.0", publisher="alice"),
                          manifest("p", "1.0.1", publisher="alice"),
                          manifest("p", "1.1.0", publisher="mallory")])
    finding = new_publisher("p@1.1.0", doc, "1.1.0")
    assert finding is not None and finding.severity is Severity.HIGH
    assert finding.details["publisher"] == "mallory" and finding.details["earlier_publishers"] == ["alice"]
    assert new_publisher("p@1.0.1", doc, "1.0.1") is None
    assert new_publisher("p@1.0.0", doc, "1.0.0") is None  # first release: nothing to compare


def test_new_publisher_unknown_without_npm_user() -> None:
    doc = packument("p", [manifest("p", "1.0.0", publisher=None), manifest("p", "1.1.0", publisher=None)])
    finding = new_publisher("p@1.1.0", doc, "1.1.0")
    assert finding is not None and finding.unknown and "_npmUser" in finding.summary
    partial = packument("p", [manifest("p", "1.0.0", publisher=None), manifest("p", "1.1.0", publisher="x")])
    finding = new_publisher("p@1.1.0", partial, "1.1.0")
    assert finding is not None and finding.unknown and "earlier versions" in finding.summary


def test_trust_downgrade_no_downgrade_semantics() -> None:
    doc = packument("p", [
        manifest("p", "1.0.0", provenance=True),
        manifest("p", "1.1.0", trusted="github"),
        manifest("p", "1.2.0-beta.1", provenance=False),
        manifest("p", "1.2.0", provenance=True),
    ])
    finding = trust_downgrade("p@1.2.0", doc, "1.2.0")
    assert finding is not None and finding.details["from"] == "1.1.0"
    assert "trusted publisher" in finding.summary
    # The prerelease is judged against everything earlier (1.1.0 had a trusted publisher).
    assert trust_downgrade("p@1.2.0-beta.1", doc, "1.2.0-beta.1") is not None
    assert trust_downgrade("p@1.1.0", doc, "1.1.0") is None


def test_prereleases_ignored_for_stable() -> None:
    doc = packument("p", [
        manifest("p", "1.0.0", provenance=False),
        manifest("p", "1.1.0-rc.1", provenance=True),
        manifest("p", "1.1.0", provenance=False),
    ])
    assert trust_downgrade("p@1.1.0", doc, "1.1.0") is None


def test_trust_unknown_and_between() -> None:
    doc = packument("p", [manifest("p", "1.0.0", publisher=None, provenance=None)])
    finding = trust_downgrade("p@1.0.0", doc, "1.0.0")
    assert finding is not None and finding.unknown
    between = trust_downgrade_between("p@2", manifest("p", "1", provenance=True), manifest("p", "2"))
    assert between is not None and between.severity is Severity.HIGH


def test_recent_release() -> None:
    doc = packument("p", [manifest("p", "1.0.0"), manifest("p", "1.1.0")], ages_days=[40, 2])
    finding = recent_release("p@1.1.0", doc, "1.1.0", 7, NOW)
    assert finding is not None and finding.severity is Severity.LOW and "2.0 days" in finding.summary
    assert recent_release("p@1.0.0", doc, "1.0.0", 7, NOW) is None
    assert recent_release("p@1.1.0", doc, "1.1.0", 1, NOW) is None  # configurable
    untimed = packument("p", [manifest("p", "1.0.0")], times=False)
    unknown = recent_release("p@1.0.0", untimed, "1.0.0", 7, NOW)
    assert unknown is not None and unknown.unknown and "publish time" in unknown.summary


def test_deprecation() -> None:
    finding = deprecation("p@1", manifest("p", "1.0.0", deprecated="use q instead"))
    assert finding is not None and finding.summary == "deprecated: use q instead"
    assert deprecation("p@1", manifest("p", "1.0.0")) is None
    stripped = deprecation("p@1", manifest("p", "1.0.0", maintainers=None, publisher=None))
    assert stripped is not None and stripped.unknown


def test_compact_cache_form_gives_the_same_answers() -> None:
    from reviewer.registry.compact import PLAIN_FIELDS, load_compact
    from reviewer.registry.parse import compact_document, parse_packument
    from reviewer.signals.history import trust_facts, version_field

    def version(v: str, user: str, trusted: bool = False, attested: bool = False) -> dict:
        npm_user: dict = {"name": user}
        if trusted:
            npm_user["trustedPublisher"] = {"id": "github", "oidcConfigId": "oidc:x"}
        dist: dict = {"tarball": f"https://r.example/p/-/p-{v}.tgz", "integrity": "sha512-" + "A" * 86 + "=="}
        if attested:
            dist["attestations"] = {"url": f"https://r.example/-/npm/v1/attestations/p@{v}",
                                    "provenance": {"predicateType": "https://slsa.dev/provenance/v1"}}
        extra = {"repository": {"type": "git", "url": f"git+https://github.com/{user}/p.git"},
                 "license": "MIT", "deprecated": "old"} if v == "1.1.0" else {}
        return {"name": "p", "version": v, "_npmUser": npm_user, "maintainers": [{"name": user}],
                "dist": dist, **extra}

    raw = {"name": "p", "dist-tags": {"latest": "1.3.0"},
           "time": {"created": "2024-01-01T00:00:00.000Z", "modified": "2024-05-01T00:00:00.000Z",
                    "1.0.0": "2024-01-01T00:00:00.000Z", "1.1.0": "2024-02-01T00:00:00.000Z",
                    "1.2.0": "2024-03-01T00:00:00.000Z", "1.3.0": "2024-04-01T00:00:00.000Z"},
           "versions": {"1.0.0": version("1.0.0", "alice", attested=True),
                        "1.1.0": version("1.1.0", "GitHub Actions", trusted=True),
                        "1.2.0": version("1.2.0", "alice"),
                        "1.3.0": version("1.3.0", "mallory")}}
    parsed = parse_packument(raw)
    compact = load_compact(compact_document(raw, abbreviated=False))
    for v in raw["versions"]:
        manifest = parsed.versions[v]
        assert trust_facts(compact, v) == (manifest.publisher, manifest.has_provenance)
        for name in PLAIN_FIELDS:  # one field alone, as the built manifest has it
            assert version_field(compact, v, name) == getattr(manifest, name), (v, name)
            assert version_field(parsed, v, name) == getattr(manifest, name)
    assert version_field(compact, "1.1.0", "repository") == "git+https://github.com/GitHub Actions/p.git"
    assert version_field(compact, "1.2.0", "repository") is None
    for doc in (parsed, compact):
        downgrade = trust_downgrade("p@1.2.0", doc, "1.2.0")
        assert downgrade is not None and downgrade.details["from"] == "1.1.0"
        publisher = new_publisher("p@1.3.0", doc, "1.3.0")
        assert publisher is not None and publisher.details["earlier_publishers"] == ["GitHub Actions", "alice"]
