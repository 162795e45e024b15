"""`.npmrc` reading like npm: files, `${VAR}` expansion, registries and credentials.

Pure functions (the environment and home directory are parameters), so every rule is
testable without touching the real user's files.

Precedence, highest first: `--registry` (handled by the caller), `npm_config_registry` in the
environment, the project `.npmrc`, the user file (`NPM_CONFIG_USERCONFIG` or `~/.npmrc`),
the global file (`NPM_CONFIG_GLOBALCONFIG`, else `$NPM_CONFIG_PREFIX/etc/npmrc`, else
`$PREFIX/etc/npmrc`, else `<node prefix>/etc/npmrc` where node is found on PATH).

Credentials count only with a nerf-dart prefix (`//host[:port]/path/:_authToken=...`); a
top-level `_authToken`/`_auth` is ignored, as npm >= 9 does. A request URL gets the
credentials of the longest prefix that matches it (walking up one path segment at a time,
like npm-registry-fetch's `regKeyFromURI`); no match, no credentials — even on the
registry's host (stricter than npm, which falls back to the registry's own credentials for
tarballs on the same host under another path).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from reviewer.text_safety import register_secrets
from reviewer.urls import split

DEFAULT_REGISTRY = "https://registry.npmjs.org/"
_ENV_RE = re.compile(r"(?<!\\)(\\*)\$\{([^${}?]+)(\?)?\}")
_CREDENTIAL_KEYS = ("_authToken", "_auth", "username", "_password")


def expand_env(text: str, env: Mapping[str, str]) -> str:
    """npm's `${VAR}` expansion: unset variables stay as written, `${VAR?}` becomes empty
    when unset, and `\\${VAR}` is left literal (one backslash dropped)."""

    def replace(match: re.Match[str]) -> str:
        escapes, name, optional = match.group(1), match.group(2), match.group(3)
        if len(escapes) % 2:
            return match.group(0)[1:]
        value = env.get(name)
        if value is None:
            return match.group(0) if not optional else escapes
        return escapes + value

    return _ENV_RE.sub(replace, text)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        if value[0] == '"':
            try:
                decoded = json.loads(value)
            except ValueError:
                return value[1:-1]
            return decoded if isinstance(decoded, str) else value[1:-1]
        return value[1:-1]
    # unquoted: an unescaped ; or # starts a comment (the `ini` package's rule)
    out = []
    escaped = False
    for char in value:
        if escaped:
            out.append(char if char in ";#\\" else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in ";#":
            break
        else:
            out.append(char)
    if escaped:
        out.append("\\")
    return "".join(out).strip()


def parse_npmrc(text: str, env: Mapping[str, str]) -> dict[str, str]:
    """`key = value` lines -> {key: value}, with comments dropped and `${VAR}` expanded in
    keys and values. `key[] = v` arrays keep their last value (reviewer needs no arrays)."""
    config: dict[str, str] = {}
    section = ""
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        key, sep, value = line.partition("=")
        key = _unquote(key.strip())
        if not key:
            continue
        key = key.removesuffix("[]")
        value = _unquote(value.strip()) if sep else "true"
        if section:
            key = f"{section}.{key}"
        config[expand_env(key, env)] = expand_env(value, env)
    return config


def _read(path: Path, env: Mapping[str, str]) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    return parse_npmrc(text, env)


def _env_value(env: Mapping[str, str], key: str) -> str | None:
    """`npm_config_<key>` in any case (npm reads them case-insensitively)."""
    wanted = f"npm_config_{key}".lower()
    for name, value in env.items():
        if name.lower() == wanted:
            return value
    return None


def user_config_path(env: Mapping[str, str], home: Path) -> Path:
    explicit = _env_value(env, "userconfig")
    return Path(explicit).expanduser() if explicit else home / ".npmrc"


def global_config_path(env: Mapping[str, str]) -> Path | None:
    explicit = _env_value(env, "globalconfig")
    if explicit:
        return Path(explicit).expanduser()
    prefix = _env_value(env, "prefix") or env.get("PREFIX")
    if not prefix:
        node = shutil.which("node", path=env.get("PATH"))
        if not node:
            return None
        prefix = str(Path(node).resolve().parent.parent)
    return Path(prefix) / "etc" / "npmrc"


def load_npmrc(project_dir: Path | None, env: Mapping[str, str], home: Path) -> dict[str, str]:
    """The merged settings of global, user and project files (later wins), plus
    `npm_config_registry` from the environment."""
    merged: dict[str, str] = {}
    global_path = global_config_path(env)
    if global_path is not None:
        merged.update(_read(global_path, env))
    merged.update(_read(user_config_path(env, home), env))
    if project_dir is not None:
        merged.update(_read(project_dir / ".npmrc", env))
    env_registry = _env_value(env, "registry")
    if env_registry:
        merged["registry"] = env_registry
    register_secrets(secret_values(merged))
    return merged


def secret_values(settings: Mapping[str, str]) -> list[str]:
    """The credentials in `settings` (tokens, `_auth`, passwords, and what `_auth` and
    `_password` decode to), for reviewer.text_safety to redact from every message."""
    found: list[str] = []
    for key, value in settings.items():
        field = key.rpartition(":")[2]
        if field not in ("_authToken", "_auth", "_password", "password", "certfile-password"):
            continue
        found.append(value)
        if field in ("_auth", "_password"):
            try:
                decoded = base64.b64decode(value, validate=True).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                continue
            found.append(decoded)
            if field == "_auth" and ":" in decoded:
                found.append(decoded.split(":", 1)[1])
    return found


def normalize_registry(url: str) -> str:
    url = url.strip()
    return url if url.endswith("/") else url + "/"


def registry_for(name: str, settings: Mapping[str, str], override: str | None = None) -> str:
    """The registry URL for package `name`: `--registry` wins, then `@scope:registry`, then
    `registry`, then the public registry."""
    if override:
        return normalize_registry(override)
    if name.startswith("@") and "/" in name:
        scoped = settings.get(f"{name.split('/', 1)[0]}:registry")
        if scoped:
            return normalize_registry(scoped)
    return normalize_registry(settings.get("registry") or DEFAULT_REGISTRY)


def nerf_dart(url: str) -> str:
    """`https://host:8443/path/x` -> `//host:8443/path/x` (default ports dropped)."""
    parts = split(url)
    if parts is None:
        return "//invalid/"
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    if port is not None and port != default:
        host = f"{host}:{port}"
    return f"//{host}{parts.path or '/'}"


def _credentials_header(settings: Mapping[str, str], key: str) -> str | None:
    token = settings.get(f"{key}:_authToken")
    if token:
        return f"Bearer {token}"
    basic = settings.get(f"{key}:_auth")
    if basic:
        return f"Basic {basic}"
    username = settings.get(f"{key}:username")
    password = settings.get(f"{key}:_password")
    if username and password:
        try:
            decoded = base64.b64decode(password, validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return None
        pair = base64.b64encode(f"{username}:{decoded}".encode()).decode()
        return f"Basic {pair}"
    return None


def auth_prefixes(settings: Mapping[str, str]) -> set[str]:
    """Every nerf-dart prefix that carries a credential."""
    found = set()
    for key in settings:
        if key.startswith("//"):
            prefix, _, field = key.rpartition(":")
            if field in _CREDENTIAL_KEYS:
                found.add(prefix)
    return found


def auth_key_for(url: str, settings: Mapping[str, str]) -> str | None:
    """The nerf-dart key whose credentials apply to `url` (longest prefix), or None."""
    prefixes = auth_prefixes(settings)
    if not prefixes:
        return None
    current = nerf_dart(url)
    while len(current) > 2:
        if current in prefixes and _credentials_header(settings, current):
            return current
        current = re.sub(r"([^/]+|/)$", "", current)
    return None


def auth_header_for(url: str, settings: Mapping[str, str]) -> str | None:
    """The `Authorization` header value for a request to `url`, or None."""
    key = auth_key_for(url, settings)
    return _credentials_header(settings, key) if key else None


def default_env() -> dict[str, str]:
    return dict(os.environ)
