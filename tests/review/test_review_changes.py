"""compute_changes on hand-built graphs: pairing, kinds, integrity and source rules."""

from __future__ import annotations

from pathlib import Path

from reviewer.graph import Edge, Graph, Importer, LockfileInfo, Package, Source, importer_node
from reviewer.review.changes import ChangeKind, compute_changes
from reviewer.review.compare import integrity_differs
from reviewer.review.versions import compare_versions


def graph(fmt: str = "npm", *packages: Package, edges: tuple[tuple[str, str], ...] = ()) -> Graph:
    built = Graph(LockfileInfo(Path("lock"), fmt, "3"))
    for path in (".", "packages/a", "packages/b"):
        built.add_importer(Importer(path, name=None if path == "." else path.rsplit("/", 1)[1]))
    for package in packages:
        built.add_package(package)
    for source, target in edges:
        name = target.rsplit("@", 1)[0]
        src = importer_node(source) if source in built.importers else source
        built.add_edge(Edge(src, target, name, "*"))
    return built


def pkg(name: str, version: str, integrity: str | None = None, **kw: object) -> Package:
    return Package(name, version, integrity or f"sha512-{name}{version}", **kw)  # type: ignore[arg-type]


def summary(base: Graph, head: Graph) -> list[tuple[str, str | None, str | None, str]]:
    return [(c.name, c.from_version, c.to_version, str(c.kind)) for c in compute_changes(base, head)]


def test_kinds_for_single_instances() -> None:
    base = graph("npm", pkg("a", "1.0.0"), pkg("b", "2.0.0"), pkg("c", "1.0.0"), pkg("d", "1.0.0"),
                 pkg("e", "1.0.0"))
    head = graph("npm", pkg("a", "1.1.0"), pkg("b", "1.9.9"), pkg("c", "1.0.0", "sha512-other"),
                 pkg("e", "1.0.0"), pkg("f", "0.1.0"))
    assert summary(base, head) == [
        ("a", "1.0.0", "1.1.0", "upgraded"),
        ("b", "2.0.0", "1.9.9", "downgraded"),
        ("c", "1.0.0", "1.0.0", "republished"),
        ("d", "1.0.0", None, "removed"),
        ("f", None, "0.1.0", "added"),
    ]
    republished = compute_changes(base, head).changes[2]
    assert "integrity" in republished.reason


def test_prerelease_order_decides_upgrade_or_downgrade() -> None:
    base = graph("npm", pkg("a", "1.0.0-rc.1"), pkg("b", "1.0.0"))
    head = graph("npm", pkg("a", "1.0.0"), pkg("b", "1.0.0-rc.2"))
    assert summary(base, head) == [
        ("a", "1.0.0-rc.1", "1.0.0", "upgraded"),
        ("b", "1.0.0", "1.0.0-rc.2", "downgraded"),
    ]


def test_semver_precedence() -> None:
    ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
               "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"]
    for low, high in zip(ordered, ordered[1:], strict=False):
        assert compare_versions(low, high) == -1, (low, high)
        assert compare_versions(high, low) == 1, (low, high)
    assert compare_versions("1.0.0+build.1", "1.0.0+build.2") == 0
    assert compare_versions("1.0.0", "not-a-version") == -1


def test_source_change_wins_and_says_what_changed() -> None:
    base = graph("npm", pkg("a", "1.0.0", resolved="https://registry.npmjs.org/a/-/a-1.0.0.tgz"),
                 pkg("b", "1.0.0", resolved="https://registry.npmjs.org/b/-/b-1.0.0.tgz"))
    head = graph("npm", pkg("a", "1.0.1", resolved="git+ssh://git@github.com/x/a.git#abc",
                            source=Source.GIT),
                 pkg("b", "1.0.0", resolved="https://evil.example/b/-/b-1.0.0.tgz"))
    changes = compute_changes(base, head)
    assert [(c.name, c.kind) for c in changes] == [
        ("a", ChangeKind.SOURCE_CHANGED), ("b", ChangeKind.SOURCE_CHANGED)]
    assert changes.changes[0].reason.startswith("registry -> git")
    assert "evil.example" in changes.changes[1].reason


def test_yarnpkg_and_npmjs_hosts_are_the_same_registry() -> None:
    base = graph("npm", pkg("a", "1.0.0", resolved="https://registry.npmjs.org/a/-/a-1.0.0.tgz"))
    head = graph("yarn-classic",
                 pkg("a", "1.0.0", resolved="https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#deadbeef"))
    assert summary(base, head) == []


def test_git_commit_change_at_the_same_version() -> None:
    base = graph("npm", pkg("a", "1.0.0", resolved="git+ssh://git@github.com/x/a.git#aaa",
                            source=Source.GIT))
    head = graph("npm", pkg("a", "1.0.0", resolved="git+ssh://git@github.com/x/a.git#bbb",
                            source=Source.GIT))
    (change,) = compute_changes(base, head)
    assert change.kind is ChangeKind.SOURCE_CHANGED
    assert "aaa -> bbb" in change.reason


def test_integrity_compared_only_with_a_shared_algorithm() -> None:
    assert integrity_differs("sha512-AAA", "sha512-BBB")
    assert not integrity_differs("sha512-AAA", "sha1-BBB")
    assert not integrity_differs("sha512-AAA sha1-X", "sha1-X")
    assert integrity_differs("sha512-AAA sha1-X", "sha1-Y")
    assert not integrity_differs(None, "sha512-AAA")
    assert integrity_differs("10c0/aaa", "10c0/bbb")
    assert not integrity_differs("8/aaa", "10c0/bbb")


def test_instances_pair_by_dependent_then_nearest() -> None:
    # foo@1 for workspace a, foo@3 for workspace b; head: a gets foo@2, b gets foo@4.
    base = graph("npm", pkg("foo", "1.0.0"), pkg("foo", "3.0.0"),
                 edges=(("packages/a", "foo@1.0.0"), ("packages/b", "foo@3.0.0")))
    head = graph("npm", pkg("foo", "4.0.0"), pkg("foo", "2.0.0"),
                 edges=(("packages/a", "foo@4.0.0"), ("packages/b", "foo@2.0.0")))
    assert summary(base, head) == [
        ("foo", "1.0.0", "4.0.0", "upgraded"),
        ("foo", "3.0.0", "2.0.0", "downgraded"),
    ]
    # Without dependents, nearest versions pair up.
    base = graph("npm", pkg("foo", "1.0.0"), pkg("foo", "3.0.0"))
    head = graph("npm", pkg("foo", "1.2.0"), pkg("foo", "3.0.1"), pkg("foo", "9.0.0"))
    assert summary(base, head) == [
        ("foo", "1.0.0", "1.2.0", "upgraded"),
        ("foo", "3.0.0", "3.0.1", "upgraded"),
        ("foo", None, "9.0.0", "added"),
    ]


def test_new_version_beside_a_kept_one_pairs_with_its_dependents_old_version() -> None:
    base = graph("npm", pkg("foo", "1.0.0"), pkg("bar", "1.0.0"), pkg("baz", "1.0.0"),
                 edges=(("bar@1.0.0", "foo@1.0.0"), ("baz@1.0.0", "foo@1.0.0")))
    head = graph("npm", pkg("foo", "1.0.0"), pkg("foo", "2.0.0"), pkg("bar", "2.0.0"),
                 pkg("baz", "1.0.0"), pkg("new", "1.0.0"), pkg("foo", "5.0.0"),
                 edges=(("bar@2.0.0", "foo@2.0.0"), ("baz@1.0.0", "foo@1.0.0"),
                        ("new@1.0.0", "foo@5.0.0")))
    changes = compute_changes(base, head)
    assert summary(base, head) == [
        ("bar", "1.0.0", "2.0.0", "upgraded"),
        ("foo", "1.0.0", "2.0.0", "upgraded"),
        ("foo", None, "5.0.0", "added"),
        ("new", None, "1.0.0", "added"),
    ]
    assert changes.by_head_key("foo@2.0.0") is not None
    assert changes.by_head_key("foo@2.0.0").dependents == ("bar",)
    assert changes.head_keys() == {"bar@2.0.0", "foo@5.0.0", "foo@2.0.0", "new@1.0.0"}
    assert changes.counts() == {ChangeKind.ADDED: 2, ChangeKind.UPGRADED: 2}


def test_identical_graphs_have_no_changes() -> None:
    base = graph("npm", pkg("a", "1.0.0"), pkg("b", "1.0.0", None))
    head = graph("pnpm", pkg("a", "1.0.0"), pkg("b", "1.0.0", None))
    changes = compute_changes(base, head)
    assert not changes and changes.mixed_formats
