"""Small helpers shared by the lockfile parsers: where a package comes from, `name@spec` parts."""

from __future__ import annotations

from reviewer.graph.model import Source

GIT_PREFIXES = ("git+", "git://", "git@", "github:", "gitlab:", "bitbucket:", "gist:")
TARBALL_SUFFIXES = (".tgz", ".tar.gz", ".tar")


def source_of(resolved: str | None, default: Source = Source.REGISTRY) -> Source:
    """Classify a `resolved` value (URL, path or protocol spec).

    Registry: an http(s) tarball on a registry path (`/<name>/-/<file>.tgz`). Git: `git+…`,
    `git://`, `git@host:`, hosted shortcuts (`github:`). Tarball: any other http(s) URL.
    File: `file:` or a relative/absolute path. Link: `link:`. Workspace: `workspace:`.
    None or an empty string gives `default` (lockfiles omit registry URLs by default).
    """
    if not resolved:
        return default
    if resolved.startswith(("http://", "https://")):
        return Source.REGISTRY if _is_registry_tarball(resolved) else Source.TARBALL
    if resolved.startswith(GIT_PREFIXES) or resolved.startswith("ssh://"):
        return Source.GIT
    if resolved.startswith("file:") or resolved.startswith((".", "/", "~")):
        return Source.FILE
    if resolved.startswith("link:"):
        return Source.LINK
    if resolved.startswith("workspace:"):
        return Source.WORKSPACE
    return default


def _is_registry_tarball(url: str) -> bool:
    """`https://host/<name>/-/<file>.tgz` (query and fragment ignored); string ops for speed."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    return "/-/" in path[path.find("//") + 2 :] and path.endswith(".tgz")


def split_name_spec(text: str) -> tuple[str, str]:
    """`name@spec` -> (name, spec); a scoped name's leading `@` is part of the name.

    With no `@` after the name, the spec is "".
    """
    at = text.find("@", 1)
    if at < 0:
        return text, ""
    return text[:at], text[at + 1 :]


def npm_alias(spec: str) -> tuple[str, str] | None:
    """`npm:real@range` -> (real, range); None when `spec` is not an `npm:` alias."""
    if not spec.startswith("npm:"):
        return None
    real, range_ = split_name_spec(spec[4:])
    return (real, range_) if real else None
