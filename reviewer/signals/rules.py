"""The suspicious-code rules, as data: one row per rule, so adding one is one line.

`PATTERN_RULES` are regular expressions tried on every line of every file an install
script runs (and on the script command itself, as shell). `MEASURE_RULES` are numeric
checks on a line (length, Shannon entropy). `applies` is "js", "shell" or "any".
Categories group rules for summaries and for escalation: network together with
credentials in one install script is critical (exfiltration shape).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.signals.finding import Severity

C, H, M, L = Severity.CRITICAL, Severity.HIGH, Severity.MODERATE, Severity.LOW


@dataclass(frozen=True, slots=True)
class PatternRule:
    id: str
    category: str
    description: str
    severity: Severity
    pattern: re.Pattern[str]
    applies: str


@dataclass(frozen=True, slots=True)
class MeasureRule:
    id: str
    category: str
    description: str
    severity: Severity
    metric: str
    """"line-length" (characters) or "entropy" (bits per character of tokens >= 40 chars)."""
    threshold: float
    applies: str


def _rule(id: str, category: str, description: str, severity: Severity, pattern: str, applies: str) -> PatternRule:
    return PatternRule(id, category, description, severity, re.compile(pattern), applies)


# (id, category, description, severity, pattern, applies-to)
PATTERN_RULES: tuple[PatternRule, ...] = (
    _rule("net-module", "network", "requires a network module", M, r"""require\(\s*['"](?:node:)?(?:https?|http2|net|dgram|dns|tls)['"]\s*\)|from\s+['"](?:node:)?(?:https?|http2|net|dgram|dns|tls)['"]""", "js"),
    _rule("net-fetch", "network", "makes an HTTP request", M, r"\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\s*\(|\bhttps?\.(?:get|request)\s*\(|\baxios\b|\bgot\s*\(", "js"),
    _rule("net-url", "network", "contains a hard-coded URL", L, r"""['"`]https?://(?!github\.com/|registry\.npmjs\.org|nodejs\.org)[^'"`\s]+""", "js"),
    _rule("net-shell", "network", "downloads with curl/wget/nc", M, r"\b(?:curl|wget|nc|ncat|netcat)\b\s", "shell"),
    _rule("exec-child-process", "process", "spawns processes (child_process)", M, r"""require\(\s*['"](?:node:)?child_process['"]\s*\)|from\s+['"](?:node:)?child_process['"]|\b(?:execSync|spawnSync|execFileSync|execFile)\s*\(""", "js"),
    _rule("exec-call", "process", "runs a command (exec/spawn)", L, r"\b(?:exec|spawn|fork)\s*\(", "js"),
    _rule("exec-pipe-shell", "process", "pipes a download into a shell", H, r"\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b", "shell"),
    _rule("eval", "dynamic-code", "evaluates code (eval)", M, r"\beval\s*\(", "js"),
    _rule("new-function", "dynamic-code", "builds code at run time (new Function)", M, r"\bnew\s+Function\s*\(|\bFunction\s*\(\s*['\"]", "js"),
    _rule("vm-module", "dynamic-code", "runs code through the vm module", M, r"""require\(\s*['"](?:node:)?vm['"]\s*\)|\bvm\.(?:runIn\w+|Script|compileFunction)\b""", "js"),
    _rule("base64-blob", "obfuscation", "long base64 blob", M, r"[A-Za-z0-9+/]{200,}={0,2}", "any"),
    _rule("hex-blob", "obfuscation", "long hex blob", M, r"(?:\\x[0-9a-fA-F]{2}){40,}|\b[0-9a-fA-F]{200,}\b", "any"),
    _rule("base64-decode", "obfuscation", "decodes base64 at run time", L, r"""Buffer\.from\([^)]{0,300}['"]base64['"]|\batob\s*\(|base64\s+(?:-d|--decode)""", "any"),
    _rule("obfuscated-ids", "obfuscation", "obfuscator-style _0x identifiers", H, r"\b_0x[0-9a-fA-F]{4,}\b", "js"),
    _rule("env-read", "environment", "reads environment variables", L, r"\bprocess\.env\b", "js"),
    _rule("env-dump", "credentials", "serialises the whole environment", H, r"JSON\.stringify\(\s*process\.env\s*\)|Object\.(?:keys|entries)\(\s*process\.env\s*\)|\bprintenv\b|^\s*env\s*$", "any"),
    _rule("npmrc", "credentials", "touches .npmrc", H, r"\.npmrc\b", "any"),
    _rule("ssh-keys", "credentials", "touches SSH keys", H, r"\.ssh\b|\bid_rsa\b|\bid_ed25519\b", "any"),
    _rule("tokens", "credentials", "names a credential variable", H, r"\b(?:NPM_TOKEN|NODE_AUTH_TOKEN|GITHUB_TOKEN|GH_TOKEN|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|AZURE_CLIENT_SECRET|GOOGLE_APPLICATION_CREDENTIALS)\b", "any"),
    _rule("cloud-metadata", "credentials", "queries a cloud metadata endpoint", C, r"169\.254\.169\.254|metadata\.google\.internal|100\.100\.100\.200", "any"),
    _rule("wallets-browsers", "credentials", "reads browser or wallet data", H, r"Login Data|Local Extension Settings|\.bitcoin\b|\.electrum\b|\bkeychain\b", "any"),
    _rule("write-outside", "filesystem", "writes outside the package", H, r"""(?:writeFile|appendFile|createWriteStream|copyFile|symlink)\w*\s*\([^)]{0,300}(?:homedir\(|process\.env\.(?:HOME|USERPROFILE|APPDATA)|['"`](?:/etc|/usr|/root|/tmp|~)/|\.\./\.\./)""", "js"),
    _rule("write-outside-shell", "filesystem", "writes outside the package", H, r">>?\s*(?:~|\$HOME|/etc|/usr|/root)/", "shell"),
)

MEASURE_RULES: tuple[MeasureRule, ...] = (
    MeasureRule("long-line", "obfuscation", "very long line (minified or obfuscated)", L, "line-length", 1000, "js"),
    MeasureRule("high-entropy", "obfuscation", "high-entropy string", L, "entropy", 5.2, "any"),
)

CATEGORY_TITLES: dict[str, str] = {
    "network": "network access",
    "process": "runs processes",
    "dynamic-code": "dynamic code",
    "obfuscation": "obfuscation",
    "environment": "reads environment",
    "credentials": "credential access",
    "filesystem": "writes outside package",
}
"""Human words for each category, in the order summaries list them."""

EXFILTRATION = ({"network"}, {"credentials"})
"""A network rule together with a credential rule in one install script is escalated to
critical (exfiltration shape)."""
ENV_WITH_NETWORK = ({"network"}, {"environment"})
"""A network rule and an environment read in the same file is raised to high."""
