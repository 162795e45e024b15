"""URLs from lockfiles, `.npmrc`, the command line and registry documents, taken apart
without ever raising: `urllib.parse` raises ValueError on a bad IPv6 host (`http://[::1`,
a `]` in the host) or a port out of range, and those URLs are input, not bugs.

`url_problem(url)` says why a URL cannot be fetched (None when it can); `host_of(url)` is
the `host[:port]` to name in a message, never with the user-info (credentials)."""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

from reviewer.text_safety import safe_line

_HTTP = ("http", "https")


def split(url: str) -> SplitResult | None:
    """`urlsplit(url)` with its port checked, or None when the URL is malformed."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range or not a number
        parts.hostname  # noqa: B018
    except ValueError:
        return None
    return parts


def hostname(url: str) -> str:
    """The lower-cased host name (no user-info, port or brackets); "" when there is none."""
    parts = split(url)
    return (parts.hostname or "").lower() if parts is not None else ""


def port(url: str) -> int | None:
    parts = split(url)
    return parts.port if parts is not None else None


def host_of(url: str) -> str:
    """`host[:port]` for messages: never the user-info; a malformed URL is shown shortened,
    escaped and redacted."""
    parts = split(url)
    if parts is None or not parts.netloc:
        shown = safe_line(url)
        return shown if len(shown) <= 120 else shown[:119] + "…"
    netloc = parts.netloc.rpartition("@")[2]
    return safe_line(netloc)


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched over HTTP(S), or None when it can."""
    if not url or not url.strip():
        return "empty URL"
    if any(c.isspace() or not c.isprintable() for c in url):
        return "the URL contains spaces or control characters"
    parts = split(url)
    if parts is None:
        return "malformed host or port"
    if parts.scheme.lower() not in _HTTP:
        return "not an http:// or https:// URL" if parts.scheme else "no http:// or https://"
    if not parts.hostname:
        return "no host"
    return None
