"""Shared types: what an analysis returns (findings with a stable id, a severity, a summary
and evidence), and the ONE catalogue of signals (`SIGNALS`) from which the TUI badges and
legend, the SARIF rules and the README's signal table are all produced.

Audit data, signals, code analysis, formats, the policy and the TUI all take these from
here; this module imports nothing of ours."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `>=` compares risk; names are what users type for `--fail-on`."""

    INFO = 0
    LOW = 1
    MODERATE = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {text!r} (one of {names})") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class SignalInfo:
    """What every output says about one signal."""

    id: str
    """Stable id (SPEC §7): JSON, SARIF rule ids, the policy."""
    badge: str
    """One character in the TUI's signals column."""
    legend: str
    """The badge's meaning (TUI legend and help)."""
    short: str
    """A word or two for the one-line legend under the table."""
    description: str
    """SARIF rule short description."""
    severity: str
    """The default severity, as the README states it."""
    fires_when: str
    """When it fires (the README's signal table)."""


SIGNALS: tuple[SignalInfo, ...] = (
    SignalInfo(
        "install-script", "S", "install script", "scripts",
        "Package runs install scripts",
        "moderate; **high** in an upgrade that adds or changes a hook",
        "`preinstall`/`install`/`postinstall`; implicit `install: node-gyp rebuild` (a "
        "`binding.gyp`, no install/preinstall, `gypfile` not false); `prepare` for git/file/link "
        "sources. Evidence order: the lockfile's `hasInstallScript`, then the manifest's "
        "`scripts` (the tarball's own package.json when read), then the registry's "
        "`hasInstallScript`, else unknown"),
    SignalInfo(
        "suspicious-code", "!", "suspicious code in the package", "suspicious",
        "Suspicious code in the package (what its code can do, graded; A->B)",
        "from combinations, never one token (see \"Code analysis\" below): **critical**/**high** "
        "for credential material read with a network send, decoded-then-run code, hooks on "
        "global network or wallet APIs, publishing with a token, obfuscated code newly added to "
        "an entry file; at most **moderate** for a prebuilt-binary download, a mirror variable, "
        "telemetry",
        "the code of the whole package (`reviewer/code/`): entry points and what they import, "
        "everything install scripts run. One line per finding with file, line and the code"),
    SignalInfo(
        "maintainers-changed", "M", "maintainers changed", "maintainers",
        "Maintainer accounts changed",
        "moderate; **high** when no maintainer is kept; info when only an e-mail or display "
        "entry changed",
        "the maintainer accounts differ from the previous release (by publish time, else "
        "semver), or from the locked version in an upgrade. Compared by npm account name, never "
        "by display text: an entry written as `Name <email>` is the account with that e-mail"),
    SignalInfo(
        "new-publisher", "P", "new publisher", "publisher",
        "Published by someone who never published this package before",
        "high",
        "the `_npmUser` of this version published none of the earlier versions"),
    SignalInfo(
        "trust-downgrade", "T", "provenance / trusted publisher lost", "trust lost",
        "Provenance or trusted publishing missing where earlier releases had it",
        "high",
        "an earlier release (by publish time; prereleases ignored for a stable version) had a "
        "trusted publisher or provenance and this one has less (pnpm `trustPolicy: "
        "no-downgrade`)"),
    SignalInfo(
        "recent-release", "N", "newly released", "recent",
        "Version published very recently",
        "low",
        "published less than `--release-age` days ago (default 7)"),
    SignalInfo(
        "deprecated", "D", "deprecated", "deprecated",
        "Locked version is deprecated",
        "low",
        "the registry's deprecation message"),
    SignalInfo(
        "typosquat", "Y", "name close to a popular package", "typosquat",
        "Name close to a popular package",
        "high",
        "the name has a squat's shape of a package whose downloads dwarf its own: separators "
        "(`crossenv`), affixes (`jquery.js`, `nodesass`, `mssql-node`), lookalike scopes "
        "(`@acitons/artifact`, `@types-node/x`), homoglyphs (`l0dash`), one edit by kind "
        "(transposition, doubled letter, plural, dropped/added letter, neighbouring key, other "
        "letter), each kind with its least download ratio and name length. Downloads come from "
        "`reviewer/signals/data/popular-packages.tsv` (50,000 names; its header says how it was "
        "derived); a name not listed counts as having fewer than the last listed. Never "
        "flagged: a name with 500,000 downloads a month or more, a scope with listed packages "
        "(the target's own, or any owner's with a record), `@types/x` for `x`, a sibling in an "
        "established family (`tslint-plugin-x` / `eslint-plugin-x`), `x-name` for `@x/name` in "
        "an ecosystem (`electron-rebuild`). The finding names the target, the kind and both "
        "download figures"),
    SignalInfo(
        "non-registry-source", "G", "not from the registry (git, tarball, file)", "git/url",
        "Package comes from outside the registry",
        "moderate (git, tarball URL); low (file, link)",
        "not from a registry (workspaces are not reported)"),
    SignalInfo(
        "insecure-source", "H", "fetched over plain http", "http",
        "Package fetched over plain http",
        "high",
        "`http:` or `git:` transport"),
    SignalInfo(
        "missing-integrity", "I", "no integrity hash", "no hash",
        "No integrity hash in the lockfile",
        "moderate",
        "a registry or tarball package with no integrity in the lockfile"),
    SignalInfo(
        "integrity-mismatch", "X", "hash mismatch", "mismatch",
        "Tarball bytes do not match the recorded integrity hash",
        "high",
        "a fetched tarball's bytes do not hash to the lockfile's (or registry's) integrity; "
        "both full hashes are shown"),
    SignalInfo(
        "unexpected-registry", "R", "resolved from an unexpected host", "other host",
        "Resolved from a registry that is not the configured or allowed one",
        "high",
        "resolved host is not the configured registry for the package's scope (`.npmrc`, "
        "`--registry`); `registry.npmjs.org`/`registry.yarnpkg.com` are always accepted (npm "
        "rewrites them)"),
    SignalInfo(
        "advisory", "A", "security advisory", "advisory",
        "Known vulnerability advisory",
        "the advisory's own",
        "an imported advisory (`reviewer audit import`) or one from the registry's bulk "
        "endpoint matches the locked version by npm range"),
    SignalInfo(
        "new-dependency", "+", "new dependency", "new dep",
        "Dependency added by an upgrade",
        "low, raised to the highest of the dependency's own signals",
        "(upgrades) a dependency B declares that A does not; carries the new dependency's "
        "typosquat and install-script findings"),
    SignalInfo(
        "manifest-confusion", "C", "tarball differs from its registry manifest",
        "manifest",
        "The tarball's package.json differs from the registry manifest (npm installs the "
        "tarball's)",
        "**high** for `scripts` or dependencies; moderate for `name`, `version`, `bin`, "
        "`gypfile`, `os`/`cpu`",
        "whenever a tarball is read (install scripts, `report --deep`, `review --diff`, "
        "`reviewer diff`, the TUI's scripts and diff tabs): its `package.json`, which npm "
        "installs, differs from the registry manifest of that version, after npm publish's own "
        "normalisation (`bin` strings, `binding.gyp`'s `node-gyp rebuild`, optional "
        "dependencies). Install-script detection then uses the tarball's scripts"),
    SignalInfo(
        "repository-changed", "U", "repository URL changed", "repo",
        "Repository URL differs from the previous release's",
        "moderate",
        "the `repository` URL differs from the previous release's (or, in an upgrade, the "
        "locked version's), with both URLs; spellings of the same URL (`git+https`, "
        "`git@host:`, `github:` shorthand, `.git`) are one"),
)
"""Every signal, in display order."""

SIGNAL_INFO: dict[str, SignalInfo] = {s.id: s for s in SIGNALS}

SIGNAL_IDS: tuple[str, ...] = tuple(s.id for s in SIGNALS)
"""Stable signal ids (SPEC §7): used in JSON, SARIF rule ids and the policy."""


def signal_table_markdown() -> str:
    """The README's signal table (`| id | severity | fires when |`)."""
    rows = [f"| `{s.id}` | {s.severity} | {s.fires_when} |" for s in SIGNALS]
    return "\n".join(["| id | severity | fires when |", "|---|---|---|", *rows]) + "\n"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding was seen."""

    file: str | None = None
    line: int | None = None
    text: str | None = None
    """The matched text or value, untrusted: render as plain text only."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One signal raised for one package version (or one upgrade A->B)."""

    id: str
    """One of SIGNAL_IDS."""
    severity: Severity
    summary: str
    """One line, fit for a terminal."""
    package: str
    """`name@version` the finding is about."""
    unknown: bool = False
    """True when the signal could not be decided: the registry did not provide the data.
    The summary then says why ("not provided by this registry")."""
    evidence: tuple[Evidence, ...] = ()
    details: Mapping[str, object] = field(default_factory=dict)
    """Extra JSON-serialisable facts (versions, names, advisory ids, rule names)."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "severity": str(self.severity),
            "summary": self.summary,
            "unknown": self.unknown,
        }
        if self.evidence:
            data["evidence"] = [
                {k: v for k, v in (("file", e.file), ("line", e.line), ("text", e.text)) if v is not None}
                for e in self.evidence
            ]
        if self.details:
            data["details"] = dict(self.details)
        return data

    @classmethod
    def from_json(cls, raw: Mapping[str, object], package: str) -> Finding:
        """A finding written by `to_json` (for `package`), e.g. read back from a cache.
        Raises ValueError, KeyError or TypeError when `raw` is not one."""
        from reviewer.jsonvalues import integer, objects, optional_text

        if not isinstance(raw, Mapping):
            raise TypeError("a finding is not an object")
        details = raw.get("details") or {}
        if not isinstance(details, dict):
            raise TypeError("finding details are not an object")
        evidence = tuple(
            Evidence(optional_text(e.get("file")), integer(e.get("line")),
                     optional_text(e.get("text")))
            for e in objects(raw.get("evidence"))
        )
        return cls(str(raw["id"]), Severity.parse(str(raw["severity"])), str(raw["summary"]),
                   package, bool(raw.get("unknown")), evidence, dict(details))
