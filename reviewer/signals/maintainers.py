"""maintainers-changed and new-publisher.

- maintainers-changed: the maintainer accounts of B differ from A's (added/removed). For
  a single version, A is the previous release (by publish time, else semver). Accounts,
  never display text: `{"name": "sindre", "email": ...}` names the npm account; an entry
  written as display text (`Sindre Sorhus <s@example.com>`, a name with spaces or capitals)
  is the account with the same e-mail in either version, else that e-mail. The same
  accounts with a changed e-mail or display entry give an informational finding.
- new-publisher: the publisher (`_npmUser`) of B never published an earlier version
  (account names compared case-insensitively).
A registry that strips `maintainers` or `_npmUser` gives unknown findings, never a pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from reviewer.registry.documents import Packument, Person, VersionManifest
from reviewer.signals.common import NOT_PROVIDED, labelled_lists, unknown, version_or_unknown
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.history import earlier_versions, previous_release, trust_facts, version_field

CHANGED = "maintainers-changed"
NEW_PUBLISHER = "new-publisher"


_ACCOUNT = re.compile(r"^[a-z0-9][a-z0-9._~-]*$")
"""An npm user name (lower case, URL-safe): anything else is display text."""


def account_of(name: str) -> str | None:
    """`name` as an npm account name, or None when it is display text."""
    name = name.strip()
    return name if _ACCOUNT.match(name) else None


def _accounts(people: Iterable[Person], by_email: dict[str, str]) -> dict[str, Person]:
    """account key -> the entry (see the module doc)."""
    out: dict[str, Person] = {}
    for person in people:
        account = account_of(person.name)
        email = (person.email or "").strip().lower()
        key = account or by_email.get(email) or (f"<{email}>" if email else person.name.strip().lower())
        out.setdefault(key, person)
    return out


def account_names(people: Iterable[Person], by_email: dict[str, str]) -> set[str]:
    """The accounts behind `people` (`by_email` from `email_index` over every entry seen)."""
    return set(_accounts(people, by_email))


def email_index(*groups: Iterable[Person]) -> dict[str, str]:
    """e-mail -> account, from the entries that name their account."""
    index: dict[str, str] = {}
    for people in groups:
        for person in people:
            account = account_of(person.name)
            if account and person.email:
                index.setdefault(person.email.strip().lower(), account)
    return index


def maintainers_changed(package: str, old: VersionManifest, new: VersionManifest) -> Finding | None:
    """Compare the maintainer accounts of two versions (None when unchanged)."""
    if old.maintainers is None or new.maintainers is None:
        missing = new.version if new.maintainers is None else old.version
        return unknown(CHANGED, package, f"maintainers {NOT_PROVIDED}",
                       compared_with=old.version, missing_for=missing)
    index = email_index(old.maintainers, new.maintainers)
    before, after = _accounts(old.maintainers, index), _accounts(new.maintainers, index)
    added, removed = sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys())
    if not added and not removed:
        edited = sorted(k for k in after if _entry(after[k]) != _entry(before[k]))
        if not edited:
            return None
        return Finding(
            id=CHANGED,
            severity=Severity.INFO,
            summary=f"same maintainer accounts since {old.version}; e-mail or display entry "
                    f"changed for {', '.join(edited)}",
            package=package,
            evidence=tuple(Evidence(text=k) for k in edited),
            details={"from": old.version, "to": new.version, "added": [], "removed": [],
                     "edited": edited},
        )
    severity = Severity.HIGH if added and removed and not (after.keys() & before.keys()) else Severity.MODERATE
    return Finding(
        id=CHANGED,
        severity=severity,
        summary=f"maintainers since {old.version}: {labelled_lists(('added', added), ('removed', removed))}",
        package=package,
        evidence=tuple(Evidence(text=f"+{n}") for n in added) + tuple(Evidence(text=f"-{n}") for n in removed),
        details={"from": old.version, "to": new.version, "added": added, "removed": removed},
    )


def _entry(person: Person) -> tuple[str, str]:
    return person.name.strip(), (person.email or "").strip().lower()


def maintainers_changed_since_previous(package: str, packument: Packument, version: str) -> Finding | None:
    """maintainers-changed for one version, against the release before it."""
    manifest = version_or_unknown(CHANGED, package, packument, version)
    if isinstance(manifest, Finding):
        return manifest
    if manifest.maintainers is None:
        return unknown(CHANGED, package, f"maintainers {NOT_PROVIDED}")
    previous, order = previous_release(packument, version)
    if previous is None:
        return None
    old = VersionManifest(manifest.name, previous,
                          maintainers=version_field(packument, previous, "maintainers"))
    finding = maintainers_changed(package, old, manifest)
    if finding is not None and not finding.unknown:
        return replace(finding, details={**finding.details, "ordered_by": order})
    return finding


def new_publisher(package: str, packument: Packument, version: str) -> Finding | None:
    """The publisher of `version` never published an earlier version of this package."""
    manifest = version_or_unknown(NEW_PUBLISHER, package, packument, version)
    if isinstance(manifest, Finding):
        return manifest
    if manifest.publisher is None:
        return unknown(NEW_PUBLISHER, package, f"publisher (_npmUser) {NOT_PROVIDED}")
    earlier, order = earlier_versions(packument, version)
    if not earlier:
        return None
    name = manifest.publisher.name
    account = name.strip().lower()
    # Newest first: the usual case (the same person published the release before) stops
    # after one manifest instead of building every earlier one.
    known = []
    for v in reversed(earlier):
        publisher = trust_facts(packument, v)[0]
        if publisher is not None and publisher.name.strip().lower() == account:
            return None
        known.append(publisher)
    publishers = {p.name for p in known if p is not None}
    if not publishers:
        return unknown(NEW_PUBLISHER, package, f"publishers of earlier versions {NOT_PROVIDED}")
    missing = sum(1 for p in known if p is None)
    summary = f"published by {name}, who published none of the {len(earlier)} earlier versions"
    return Finding(
        id=NEW_PUBLISHER,
        severity=Severity.HIGH,
        summary=summary,
        package=package,
        evidence=(Evidence(text=name),),
        details={"publisher": name, "earlier_publishers": sorted(publishers),
                 "earlier_versions": len(earlier), "earlier_without_publisher": missing,
                 "ordered_by": order},
    )
