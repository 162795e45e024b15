"""Validate a parsed policy document into typed entries; every fault is one line with file and
line number (the TOML syntax itself is `reviewer.policy.toml_syntax`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

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
from reviewer.signals.finding import SIGNAL_IDS, Severity

SECTIONS = ("pins", "scripts", "advisories", "signals", "bans", "notes")
TOP_LEVEL_KEYS = ("version", "extends", "settings", *SECTIONS)

T = TypeVar("T")


class Locator:
    """Finds the line of a key in the text of a policy file (best effort, 1-based)."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_\-]+)["']?\s*=""")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, section: str | None, index: int | None = None, key: str | None = None) -> int | None:
        """Line of `key` in the `index`-th `[[section]]` (or `[section]`, or top level)."""
        seen = -1
        current: str | None = None
        header_line: int | None = None
        for number, raw in enumerate(self.lines, start=1):
            header = self._HEADER.match(raw)
            if header:
                current = header.group(1)
                if current == section:
                    seen += 1
                    if index is None or seen == index:
                        header_line = number
                        if key is None:
                            return number
                continue
            in_target = current == section and (index is None or seen == index)
            if in_target and key is not None:
                match = self._KEY.match(raw)
                if match and match.group(1) == key:
                    return number
            if section is not None and current is None and key is None:
                match = self._KEY.match(raw)
                if match and match.group(1) == section:
                    return number
        if header_line is None and section is not None:
            return self.line(None, None, section) if key is not None or index is not None else None
        return header_line


class Validator:
    """Turns a parsed TOML document into typed entries, raising PolicyError on the first fault."""

    def __init__(self, path: Path, text: str | Callable[[], str]) -> None:
        """`text`: the file's text for line numbers, or a function giving it (called only
        when there is a fault to report)."""
        self.path = path
        self._text = text
        self._locator: Locator | None = None

    @property
    def locator(self) -> Locator:
        if self._locator is None:
            self._locator = Locator(self._text if isinstance(self._text, str) else self._text())
        return self._locator

    def fail(self, fault: str, section: str | None = None, index: int | None = None,
             key: str | None = None) -> PolicyError:
        line = self.locator.line(section, index, key) if section or key else None
        where = f"{self.path}:{line}" if line else f"{self.path}"
        return PolicyError(f"{where}: {fault}")

    # -- fields ---------------------------------------------------------------------------

    def _get(self, table: Mapping[str, Any], key: str, kind: type[T] | tuple[type, ...],
             section: str, index: int | None, required: bool, what: str) -> Any:
        if key not in table:
            if required:
                raise self.fail(f"{section}: missing `{key}`", section, index)
            return None
        value = _plain(table[key])
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{section}.{key}: expected {what}", section, index, key)
        return value

    def text(self, table: Mapping[str, Any], key: str, section: str, index: int | None,
             required: bool = True) -> str | None:
        value = self._get(table, key, str, section, index, required, "a string")
        if value is not None and required and not value.strip():
            raise self.fail(f"{section}.{key}: must not be empty", section, index, key)
        return value

    def date(self, table: Mapping[str, Any], key: str, section: str, index: int | None,
             required: bool = False) -> dt.date | None:
        value = self._get(table, key, (dt.date, str), section, index, required,
                          "a date like 2026-12-31")
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise self.fail(f"{section}.{key}: expected a date like 2026-12-31",
                                section, index, key) from None
        return value

    def choice(self, table: Mapping[str, Any], key: str, choices: Callable[[str], T],
               allowed: str, section: str, index: int | None) -> T:
        value = self.text(table, key, section, index)
        try:
            return choices(str(value))
        except ValueError:
            raise self.fail(f"{section}.{key}: {value!r} is not one of {allowed}",
                            section, index, key) from None

    def no_unknown_keys(self, table: Mapping[str, Any], known: tuple[str, ...], section: str | None,
                        index: int | None) -> None:
        for key in table:
            if key not in known:
                where = f"{section}: " if section else ""
                raise self.fail(f"{where}unknown key `{key}` (expected one of {', '.join(known)})",
                                section, index, key)

    # -- sections -------------------------------------------------------------------------

    def entries(self, document: TOMLDocument, section: str) -> list[Mapping[str, Any]]:
        if section not in document:
            return []
        value = document[section]
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(f"`{section}` must be an array of tables ([[{section}]])", None, None,
                            section)
        return list(value)

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
        value = _plain(document["extends"])
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

    def unique(self, section: str, keys: list[tuple[str, str | None]]) -> None:
        """Each (name, version) or (id, package) at most once per section."""
        first: dict[tuple[str, str | None], int] = {}
        for index, key in enumerate(keys):
            if key in first:
                shown = "@".join(part for part in key if part)
                earlier = self.locator.line(section, first[key])
                also = f" (first at line {earlier})" if earlier else ""
                raise self.fail(f"{section}: duplicate entry for {shown}{also}", section, index)
            first[key] = index

    def top_level(self, document: TOMLDocument) -> None:
        self.no_unknown_keys(document, TOP_LEVEL_KEYS, None, None)
        if "version" not in document:
            raise PolicyError(f"{self.path}: missing `version = {SCHEMA_VERSION}` (schema version)")
        version = _plain(document["version"])
        if version != SCHEMA_VERSION or isinstance(version, bool):
            raise self.fail(f"unsupported policy schema version {version!r} "
                            f"(this reviewer reads version {SCHEMA_VERSION})", None, None, "version")


def _plain(value: Any) -> Any:
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if callable(unwrap) else value
