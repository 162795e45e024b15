"""The typed entries of a policy file (read-only views; `Policy` edits the TOML document)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from reviewer.graph.model import Package, Source
from reviewer.signals.finding import Severity

SCHEMA_VERSION = 1


class ScriptState(StrEnum):
    """The three states of an install-script decision."""

    ALLOWED = "allowed"
    DENIED = "denied"
    UNREVIEWED = "unreviewed"


class ScriptDecisionKind(StrEnum):
    ALLOW = "allow"
    DENY = "deny"


class AdvisoryDecisionKind(StrEnum):
    ACCEPT = "accept"
    """The risk is accepted until `expires`."""
    FIX = "fix"
    """Must be fixed (by `expires`, when given)."""


@dataclass(frozen=True, slots=True)
class Pin:
    """An approved exact version of a package."""

    name: str
    version: str
    integrity: str | None
    approved_by: str
    date: dt.date
    note: str | None = None
    origin: Path | None = field(default=None, compare=False)
    """The policy file the entry was read from (see `Policy.origin_label`)."""


@dataclass(frozen=True, slots=True)
class Note:
    """A reviewer's note on name@version, whatever its decision (`[[notes]]`)."""

    name: str
    version: str
    note: str
    by: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ScriptDecision:
    """Allow (name@version, with integrity) or deny (name, or name@version) install scripts."""

    name: str
    version: str | None
    """None only for a name-wide deny."""
    decision: ScriptDecisionKind
    integrity: str | None = None
    by: str | None = None
    date: dt.date | None = None
    note: str | None = None
    origin: Path | None = field(default=None, compare=False)

    @property
    def target(self) -> str:
        return self.name if self.version is None else f"{self.name}@{self.version}"


@dataclass(frozen=True, slots=True)
class AdvisoryDecision:
    """A decision about one advisory for one package."""

    id: str
    package: str
    """A package name, or `name@version` to limit the decision to one version."""
    decision: AdvisoryDecisionKind
    reason: str
    expires: dt.date | None = None
    by: str | None = None
    date: dt.date | None = None
    origin: Path | None = field(default=None, compare=False)

    def is_expired(self, today: dt.date) -> bool:
        return expired(self.expires, today)


@dataclass(frozen=True, slots=True)
class SignalAcceptance:
    """A review signal accepted for a package (name or name@version) until `expires`."""

    id: str
    package: str
    reason: str
    expires: dt.date | None = None
    by: str | None = None
    date: dt.date | None = None
    origin: Path | None = field(default=None, compare=False)

    def is_expired(self, today: dt.date) -> bool:
        return expired(self.expires, today)


@dataclass(frozen=True, slots=True)
class Ban:
    """A package that must not be locked at all: every version (`package = "name"`) or the
    versions in a semver range (`package = "name@<2"`)."""

    package: str
    reason: str
    by: str | None = None
    date: dt.date | None = None
    origin: Path | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        return split_spec(self.package)[0]

    @property
    def range(self) -> str | None:
        """The banned semver range; None bans every version."""
        return split_spec(self.package)[1]

    def matches(self, name: str, version: str) -> bool:
        if name != self.name:
            return False
        wanted = self.range
        if wanted is None:
            return True
        from reviewer.semver import satisfies

        return version == wanted or satisfies(version, wanted, include_prerelease=True)


def expired(expires: dt.date | None, today: dt.date) -> bool:
    """A decision is valid through its expiry date and expired the day after."""
    return expires is not None and expires < today


ALL_SOURCES: tuple[str, ...] = tuple(s.value for s in Source)
DEFAULT_SOURCES: tuple[str, ...] = tuple(
    s.value for s in Source if s not in (Source.GIT, Source.TARBALL))
"""git and tarball sources fail `check` unless the policy allows them (lockfile-lint's
recommended `--allowed-schemes https:` gives the same result)."""


@dataclass(frozen=True, slots=True)
class Settings:
    require_pins: bool = False
    """Every locked package must match an approved pin."""
    minimum_release_age_days: int = 7
    """Versions published more recently than this are flagged (`recent-release`)."""
    allowed_registries: tuple[str, ...] = ()
    """Registry URL prefixes locked packages may be resolved from; empty = not checked."""
    allowed_sources: tuple[str, ...] = DEFAULT_SOURCES
    """Source kinds allowed: registry, git, tarball, file, link, workspace (default: all
    but git and tarball)."""
    require_integrity: bool = True
    """A registry or tarball package without an integrity hash in the lockfile (nor yarn
    berry's checksum) is a violation (`missing-integrity`)."""
    fail_on: Severity = Severity.HIGH
    """Signals at or above this severity fail `reviewer check` unless accepted."""
    fail_on_denied_scripts: bool = False
    """A locked package whose install scripts are denied is a violation (by default a deny
    is a decision: the package manager skips the script, and `check` only reports it)."""


SETTING_DEFAULTS = Settings()
SETTING_NAMES: tuple[str, ...] = tuple(Settings.__dataclass_fields__)

_VERSION_PARTS = re.compile(r"(\d+)")


def content_hash(package: Package) -> str | None:
    """What the policy records as a package's `integrity`: the lockfile's SRI integrity, or
    its own checksum when it has none (yarn berry's `10c0/<hex>`)."""
    return package.integrity or package.checksum


def differs(recorded: str | None, locked: str | None) -> bool:
    """True when two content hashes are comparable and different. An SRI integrity
    (`sha512-...`) and a yarn berry checksum (`10c0/...`) hash different things: such a
    pair, or a missing side, proves nothing."""
    if not recorded or not locked:
        return False
    if _is_sri(recorded) != _is_sri(locked):
        return False
    return recorded != locked


def _is_sri(value: str) -> bool:
    return re.match(r"^(sha1|sha256|sha384|sha512)-", value) is not None


def version_sort_key(version: str | None) -> tuple[object, ...]:
    """Natural order: 1.2.10 after 1.2.9; None (name-wide) first."""
    if version is None:
        return ()
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in _VERSION_PARTS.split(version)
        if part
    )


def split_spec(spec: str) -> tuple[str, str | None]:
    """`name@1.2.3` -> (name, "1.2.3"); `@scope/name` -> ("@scope/name", None)."""
    at = spec.rfind("@")
    if at <= 0:
        return spec, None
    return spec[:at], spec[at + 1 :] or None


@dataclass(slots=True)
class PolicyIndex:
    """Lookup tables built from the entries (rebuilt after each change)."""

    pins: dict[tuple[str, str], Pin] = field(default_factory=dict)
    pinned_versions: dict[str, list[str]] = field(default_factory=dict)
    allowed: dict[tuple[str, str], ScriptDecision] = field(default_factory=dict)
    denied_names: dict[str, ScriptDecision] = field(default_factory=dict)
    denied_versions: dict[tuple[str, str], ScriptDecision] = field(default_factory=dict)
    advisories: dict[tuple[str, str], AdvisoryDecision] = field(default_factory=dict)
    signals: dict[tuple[str, str], SignalAcceptance] = field(default_factory=dict)
    notes: dict[tuple[str, str], Note] = field(default_factory=dict)
    bans: list[Ban] = field(default_factory=list)
