"""Validate a parsed policy document into typed entries; every fault is one line with file and
line number (the TOML syntax itself is `reviewer.policy.toml_syntax`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tomlkit.toml_document import TOMLDocument

from reviewer.errors import PolicyError
from reviewer.policy.entries import (
    ALL_SOURCES,
    SCHEMA_VERSION,
    SETTING_DEFAULTS,
    AdvisoryDecision,
    AdvisoryDecisionKind,
    Ban,
    Note,
    Pin,
    ScriptDecision,
    ScriptDecisionKind,
    Settings,
    SignalAcceptance,
)
from reviewer.policy.field_checks import FieldChecks, plain
from reviewer.signals.finding import SIGNAL_IDS, Severity

SECTIONS = ("pins", "scripts", "advisories", "signals", "bans", "notes")
TOP_LEVEL_KEYS = ("version", "extends", "settings", *SECTIONS)


class Validator(FieldChecks):
    """Turns a parsed TOML document into typed entries, raising PolicyError on the first fault."""

    # -- sections -------------------------------------------------------------------------

    def settings(self, document: TOMLDocument) -> Settings:
        if "settings" not in document:
            return SETTING_DEFAULTS
        return Settings(**self.setting_values(document))

    def setting_values(self, document: TOMLDocument) -> dict[str, Any]:
        """The settings this file sets explicitly (validated), by key."""
        if "settings" not in document:
            return {}
        table = document["settings"]
        if not isinstance(table, Mapping):
            raise self.fail("`settings` must be a table ([settings])", None, None, "settings")
        names = tuple(Settings.__dataclass_fields__)
        self.no_unknown_keys(table, names, "settings", None)
        values: dict[str, Any] = {}
        s = "settings"
        for flag in ("require_pins", "fail_on_denied_scripts", "require_integrity"):
            got = self._get(table, flag, bool, s, None, False, "true or false")
            if got is not None:
                values[flag] = got
        age = self._get(table, "minimum_release_age_days", int, s, None, False, "a whole number")
        if age is not None:
            if age < 0:
                raise self.fail("settings.minimum_release_age_days: must be 0 or more", s, None,
                                "minimum_release_age_days")
            values["minimum_release_age_days"] = age
        for key in ("allowed_registries", "allowed_sources"):
            got = self._get(table, key, list, s, None, False, "a list of strings")
            if got is None:
                continue
            if not all(isinstance(v, str) for v in got):
                raise self.fail(f"settings.{key}: expected a list of strings", s, None, key)
            if key == "allowed_sources":
                bad = [v for v in got if v not in ALL_SOURCES]
                if bad:
                    raise self.fail(f"settings.allowed_sources: {bad[0]!r} is not one of "
                                    f"{', '.join(ALL_SOURCES)}", s, None, key)
            values[key] = tuple(got)
        if "fail_on" in table:
            values["fail_on"] = self.choice(table, "fail_on", Severity.parse,
                                            ", ".join(str(x) for x in Severity), s, None)
        return values

    def extends(self, document: TOMLDocument) -> list[str]:
        """`extends = ["../org/reviewer-org.toml", ...]`: paths of shared policy files."""
        if "extends" not in document:
            return []
        value = plain(document["extends"])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail("extends: expected a list of policy file paths", None, None, "extends")
        return list(value)

    def bans(self, document: TOMLDocument) -> list[Ban]:
        out = []
        for i, entry in enumerate(self.entries(document, "bans")):
            self.no_unknown_keys(entry, ("package", "reason", "by", "date"), "bans", i)
            package = str(self.text(entry, "package", "bans", i)).strip()
            ban = Ban(package=package, reason=str(self.text(entry, "reason", "bans", i)),
                      by=self.text(entry, "by", "bans", i, required=False),
                      date=self.date(entry, "date", "bans", i), origin=self.path)
            if ban.range is not None:
                from reviewer.semver import parse_range

                if parse_range(ban.range) is None:
                    raise self.fail(f"bans.package: {ban.range!r} is not a version or semver "
                                    "range", "bans", i, "package")
            out.append(ban)
        return out

    def pins(self, document: TOMLDocument) -> list[Pin]:
        out = []
        for i, entry in enumerate(self.entries(document, "pins")):
            self.no_unknown_keys(entry, ("name", "version", "integrity", "approved_by", "date",
                                         "note"), "pins", i)
            out.append(Pin(
                name=str(self.text(entry, "name", "pins", i)),
                version=str(self.text(entry, "version", "pins", i)),
                integrity=self.text(entry, "integrity", "pins", i, required=False),
                approved_by=str(self.text(entry, "approved_by", "pins", i)),
                date=self.date(entry, "date", "pins", i, required=True) or dt.date.min,
                note=self.text(entry, "note", "pins", i, required=False),
                origin=self.path,
            ))
        return out

    def scripts(self, document: TOMLDocument) -> list[ScriptDecision]:
        out = []
        for i, entry in enumerate(self.entries(document, "scripts")):
            self.no_unknown_keys(entry, ("name", "version", "decision", "integrity", "by", "date",
                                         "note"), "scripts", i)
            decision = self.choice(entry, "decision", ScriptDecisionKind, "allow, deny",
                                   "scripts", i)
            version = self.text(entry, "version", "scripts", i, required=False)
            if decision is ScriptDecisionKind.ALLOW and version is None:
                raise self.fail("scripts: an `allow` needs an exact `version`", "scripts", i,
                                "decision")
            out.append(ScriptDecision(
                name=str(self.text(entry, "name", "scripts", i)),
                version=version,
                decision=decision,
                integrity=self.text(entry, "integrity", "scripts", i, required=False),
                by=self.text(entry, "by", "scripts", i, required=False),
                date=self.date(entry, "date", "scripts", i),
                note=self.text(entry, "note", "scripts", i, required=False),
                origin=self.path,
            ))
        return out

    def advisories(self, document: TOMLDocument) -> list[AdvisoryDecision]:
        out = []
        for i, entry in enumerate(self.entries(document, "advisories")):
            self.no_unknown_keys(entry, ("id", "package", "decision", "reason", "expires", "by",
                                         "date"), "advisories", i)
            out.append(AdvisoryDecision(
                id=str(self.text(entry, "id", "advisories", i)),
                package=str(self.text(entry, "package", "advisories", i)),
                decision=self.choice(entry, "decision", AdvisoryDecisionKind, "accept, fix",
                                     "advisories", i),
                reason=str(self.text(entry, "reason", "advisories", i)),
                expires=self.date(entry, "expires", "advisories", i),
                by=self.text(entry, "by", "advisories", i, required=False),
                date=self.date(entry, "date", "advisories", i),
                origin=self.path,
            ))
        return out

    def signals(self, document: TOMLDocument) -> list[SignalAcceptance]:
        out = []
        for i, entry in enumerate(self.entries(document, "signals")):
            self.no_unknown_keys(entry, ("id", "package", "reason", "expires", "by", "date"),
                                 "signals", i)
            signal_id = str(self.text(entry, "id", "signals", i))
            if signal_id not in SIGNAL_IDS:
                raise self.fail(f"signals.id: unknown signal id {signal_id!r}", "signals", i, "id")
            out.append(SignalAcceptance(
                id=signal_id,
                package=str(self.text(entry, "package", "signals", i)),
                reason=str(self.text(entry, "reason", "signals", i)),
                expires=self.date(entry, "expires", "signals", i),
                by=self.text(entry, "by", "signals", i, required=False),
                date=self.date(entry, "date", "signals", i),
                origin=self.path,
            ))
        return out

    def notes(self, document: TOMLDocument) -> list[Note]:
        out = []
        for i, entry in enumerate(self.entries(document, "notes")):
            self.no_unknown_keys(entry, ("name", "version", "note", "by", "date"), "notes", i)
            out.append(Note(
                name=str(self.text(entry, "name", "notes", i)),
                version=str(self.text(entry, "version", "notes", i)),
                note=str(self.text(entry, "note", "notes", i)),
                by=self.text(entry, "by", "notes", i, required=False),
                date=self.date(entry, "date", "notes", i),
            ))
        return out

    def top_level(self, document: TOMLDocument) -> None:
        self.no_unknown_keys(document, TOP_LEVEL_KEYS, None, None)
        if "version" not in document:
            raise PolicyError(f"{self.path}: missing `version = {SCHEMA_VERSION}` (schema version)")
        version = plain(document["version"])
        if version != SCHEMA_VERSION or isinstance(version, bool):
            raise self.fail(f"unsupported policy schema version {version!r} "
                            f"(this reviewer reads version {SCHEMA_VERSION})", None, None, "version")
