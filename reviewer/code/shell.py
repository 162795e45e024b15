"""Capabilities of shell, batch (.bat/.cmd) and PowerShell code: the commands install
scripts run and the script files they name. Comment lines are skipped (`#`, `REM`, `::`,
`<# … #>`); the rest is read line by line."""

from __future__ import annotations

import re

from reviewer.code.model import Capability
from reviewer.code.source import Lines
from reviewer.code.vocab import (
    CLOUD_METADATA,
    CLOUD_METADATA_DETAIL,
    CRED_WORDS,
    GITHUB_API,
    NPM_PUBLISH,
    SECRET_SCANNER,
    TOKEN_VAR,
    WINDOWS_LOADERS,
)

_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, detail, re.compile(pattern, re.I)) for kind, detail, pattern in (
        ("network", "{0}", r"(?<![\w.-])(curl|wget|certutil(?=.*-urlcache)|bitsadmin|Invoke-WebRequest|Invoke-RestMethod|iwr|irm|nc|ncat|netcat)(?![\w-])"),
        ("network", "{0}", r"(Net\.WebClient|DownloadString|DownloadFile|Start-BitsTransfer)"),
        ("dynamic-code", "runs downloaded code ({0})", r"(\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b|\|\s*iex\b|\|\s*Invoke-Expression\b)"),
        ("dynamic-code", "{0}", r"(?<![\w-])(iex|Invoke-Expression|eval)(?![\w-])"),
        ("obfuscation", "encoded command", r"(-EncodedCommand|-enc\s+[A-Za-z0-9+/=]{20,}|FromBase64String|base64\s+(?:-d|--decode))"),
        ("credentials", "the whole environment", r"(?:^|[;&|]\s*)(printenv|env|set)\s*(?:$|[>|])"),
        ("fs-write", "outside the package ({0})", r">>?\s*[\"']?(~|\$HOME|\$\{HOME\}|/etc|/usr|/root|%APPDATA%|%USERPROFILE%|\$env:APPDATA|\$env:USERPROFILE)"),
        ("propagation", NPM_PUBLISH, r"\bnpm\s+publish\b"),
        ("propagation", SECRET_SCANNER, r"\btrufflehog\b"),
        ("propagation", GITHUB_API, r"api\.github\.com"),
        ("process", "runs a downloaded program ({0})", rf"(chmod\s+\+?[0-7]*x|{WINDOWS_LOADERS}|Start-Process|(?<![\w.])\./[\w.-]+\s*(?:&|$|;|\s-))"),
        ("credentials", CLOUD_METADATA_DETAIL, CLOUD_METADATA),
    )
)
_VARS = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)|%([A-Za-z_][A-Za-z0-9_]*)%|\$env:([A-Za-z_][A-Za-z0-9_]*)", re.I)
_SHELL_ENV_SKIP = {"0", "1", "2", "@", "#", "?", "PWD", "PATH", "HOME", "i", "f", "dir", "DIR"}


def _comment(line: str, language: str) -> bool:
    text = line.strip()
    if language == "batch":
        return text.upper().startswith(("REM ", "REM\t", "::", "@REM")) or text.upper() == "REM"
    return text.startswith("#")


def command_capabilities(text: str) -> list[tuple[str, str]]:
    """(kind, detail) of a shell command held in a JavaScript string (given to exec/spawn)."""
    return [(c.kind, c.detail) for c in shell_capabilities("", text.encode("utf-8", "replace"), "shell")]


def shell_capabilities(path: str, data: bytes, language: str) -> list[Capability]:
    lines = Lines(data)
    text = data.decode("utf-8", errors="replace")
    found: list[Capability] = []
    in_block = False
    for number, line in enumerate(text.split("\n"), start=1):
        if language == "powershell":
            if "<#" in line:
                in_block = True
            if in_block:
                if "#>" in line:
                    in_block = False
                continue
        if not line.strip() or _comment(line, language):
            continue
        snippet = " ".join(line.split())[:160]
        for kind, detail, rx in _RULES:
            m = rx.search(line)
            if m is not None:
                found.append(Capability(kind, detail.format(m.group(1) if m.re.groups else m.group(0)),
                                        path, number, snippet))
        cred = CRED_WORDS.search(line)
        if cred is not None:
            found.append(Capability("credentials", cred.group(0), path, number, snippet))
        for m in _VARS.finditer(line):
            name = next(g for g in m.groups() if g)
            if name in _SHELL_ENV_SKIP:
                continue
            if TOKEN_VAR.match(name):
                found.append(Capability("credentials", f"token variable {name}", path, number, snippet))
    del lines
    return found
