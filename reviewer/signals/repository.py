"""repository-changed: a version's `repository` URL differs from the previous release's.

Pointing a package at another repository is a common step in a takeover (the new code
has to come from somewhere the old maintainers do not watch). Moderate, with both URLs.
URLs are compared after the spellings npm accepts for the same repository are folded:
`git+https://`, `git://`, `ssh://git@`, `git@host:`, the `github:owner/repo` and bare
`owner/repo` shorthands, a trailing `.git` or `/`, and the case of the host. A version
without a `repository`, before or after, gives no finding (nothing to compare).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reviewer.registry.documents import Packument, VersionManifest
from reviewer.signals.finding import Evidence, Finding, Severity
from reviewer.signals.history import previous_release, version_field

SIGNAL = "repository-changed"
_SHORTHAND = re.compile(r"^(?:(github|gitlab|bitbucket):)?([\w.-]+)/([\w.-]+)$")
_HOSTS = {"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org"}
_SCP = re.compile(r"^(?:[\w.-]+@)?([\w.-]+):(?!//)(.+)$")


@lru_cache(maxsize=4096)
def normalise_repository(url: str) -> str:
    """A canonical `host/path` form of a repository URL (lower-case host, no `.git`)."""
    text = url.strip()
    short = _SHORTHAND.match(text)
    if short and "://" not in text:
        host = _HOSTS[short.group(1) or "github"]
        return f"{host}/{short.group(2)}/{short.group(3)}".lower().removesuffix(".git")
    text = re.sub(r"^git\+", "", text)
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.IGNORECASE)
    scp = _SCP.match(text) if "/" not in text.split(":", 1)[0] else None
    if scp and not text.split(":", 1)[1].split("/", 1)[0].isdigit():
        text = f"{scp.group(1)}/{scp.group(2)}"
    text = re.sub(r"^[^@/]+@", "", text)  # user@ of ssh URLs
    text = text.split("#", 1)[0].rstrip("/")
    host, _, path = text.partition("/")
    host = re.sub(r":\d+$", "", host.lower())
    path = path.removesuffix(".git").rstrip("/")
    if host in _HOSTS.values():
        path = path.lower()  # GitHub, GitLab and Bitbucket paths are case-insensitive
    return f"{host}/{path}"


def repository_changed(package: str, old: VersionManifest, new: VersionManifest) -> Finding | None:
    """Compare the `repository` of two versions (None when the same, or either has none)."""
    if not old.repository or not new.repository:
        return None
    if normalise_repository(old.repository) == normalise_repository(new.repository):
        return None
    return Finding(
        id=SIGNAL,
        severity=Severity.MODERATE,
        summary=f"repository changed since {old.version}: {old.repository} -> {new.repository}",
        package=package,
        evidence=(Evidence(text=f"-{old.repository}"), Evidence(text=f"+{new.repository}")),
        details={"from": old.version, "to": new.version,
                 "previous": old.repository, "repository": new.repository},
    )


def repository_changed_since_previous(package: str, packument: Packument, version: str) -> Finding | None:
    """repository-changed for one version, against the release before it."""
    manifest = packument.version(version)
    if manifest is None:
        return None
    previous, _ = previous_release(packument, version)
    if previous is None:
        return None
    old = VersionManifest(manifest.name, previous,
                          repository=version_field(packument, previous, "repository"))
    return repository_changed(package, old, manifest)
