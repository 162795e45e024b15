"""Severity from combinations of capabilities, never from one token.

High and critical are for what attacks need: credential material read together with a
network send; decoded-then-executed code; hooks on global network or wallet APIs;
publishing with a token; obfuscated code newly added to an entry file. The common
legitimate shapes (an install script downloading a prebuilt binary and honouring a mirror
variable, a banner, optional telemetry) are at most moderate and say what they do.

One finding per file (its facts joined into one line), plus package-wide combinations and
"analysis incomplete". When an A->B comparison exists, what was already in A is lowered one
step (never below moderate) and says so; what is new says "newly".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.code.model import (
    OBFUSCATED,
    Capability,
    CodeChanges,
    CodeFinding,
    FileCode,
    PackageCode,
)
from reviewer.signals.finding import Severity

C, H, M, L = Severity.CRITICAL, Severity.HIGH, Severity.MODERATE, Severity.LOW
_EXEC = ("eval", "new Function", "Function", "vm", "module._compile", "new module.constructor",
         "require aliased", "require of a computed name")

_MIRROR = re.compile(r"MIRROR|PROXY|CDN|HOST|DOWNLOAD|BINARY|BINARIES|REGISTRY|_URL|SITE|BASE", re.I)
_PUBLISH_TOKENS = re.compile(r"npmrc|_authToken|NPM_TOKEN|NODE_AUTH_TOKEN|NPM_AUTH_TOKEN|registry or GitHub token", re.I)
_LOADERS = re.compile(r"rundll32|regsvr32|mshta", re.I)
_PLANTED = re.compile(r"\.github[/\\]workflows|\.bashrc|\.zshrc|\.profile|\.npmrc|\.ssh")
_WORKFLOWS = re.compile(r"\.github[/\\]workflows")

BUNDLE = 256 * 1024
"""Bytes: a file this big is a bundle of many modules (a CLI built with esbuild or webpack),
where one module reading `~/.npmrc` for a prefix and another making requests say nothing
about each other. In a bundle, two capabilities combine only within REGION bytes."""
REGION = 32 * 1024
"""Bytes: a payload is one piece of code: its credential read and its send sit together,
even when bundled code pads it to megabytes."""


def together(f: FileCode, first: list[Capability], second: list[Capability]
             ) -> tuple[list[Capability], list[Capability]]:
    """The capabilities of `first` and `second` that can be one piece of code: all of them
    in a file smaller than BUNDLE; in a bundle, those within REGION bytes of the other kind
    (a capability without an offset is near everything)."""
    if f.size < BUNDLE or not first or not second:
        return first, second

    def near(a: Capability, others: list[Capability]) -> bool:
        return a.offset < 0 or any(b.offset < 0 or abs(a.offset - b.offset) <= REGION for b in others)

    kept = [a for a in first if near(a, second)]
    return kept, [b for b in second if near(b, kept)]


@dataclass(frozen=True, slots=True)
class _Fact:
    severity: Severity
    phrase: str
    kind: str
    evidence: tuple[Capability, ...]
    new: bool = False


def _details(caps: list[Capability], limit: int = 3) -> str:
    names = list(dict.fromkeys(c.detail for c in caps))
    text = ", ".join(names[:limit])
    return text + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _kb(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"


class _Grader:
    def __init__(self, code: PackageCode, changes: CodeChanges | None) -> None:
        self.code = code
        self.changes = changes if changes is not None and changes.old_version is not None else None

    def new(self, caps: list[Capability]) -> bool:
        return self.changes is not None and any(self.changes.is_new(c) for c in caps)

    def file_facts(self, f: FileCode) -> list[_Fact]:
        facts: list[_Fact] = []
        creds = f.of("credentials")
        net = f.of("network")
        dyn = f.of("dynamic-code")
        obf = [c for c in f.of("obfuscation") if c.detail in OBFUSCATED]
        hooks = [c for c in f.of("runtime-hook")
                 if not c.detail.startswith(("polyfills", "replaces", "wallet-address")) and (
                     obf or "computed name" not in c.detail)]
        wallets = [c for c in f.of("runtime-hook") if c.detail.startswith("wallet-address")]
        # an assignment under a computed name whose key cannot be read (`globalThis[key] = v`,
        # core-js's define-global-property) says nothing about fetch: not even low
        polyfills = [c for c in f.of("runtime-hook") if c.detail.startswith(("polyfills", "replaces"))
                     and "computed name" not in c.detail]
        env = f.of("env")
        install = f.install_time
        near_creds, near_net = together(f, creds, net)
        if near_creds and near_net:
            sev = C if install or self.new(near_creds + near_net) else H
            facts.append(_Fact(sev, f"reads credential material ({_details(near_creds)}) and can send it over "
                                    f"the network ({_details(near_net, 2)})", "credentials",
                               tuple(near_creds + near_net)))
        elif creds and net:
            facts.append(_Fact(M, f"reads credential material ({_details(creds)}) and, in other code of this "
                                  f"{_kb(f.size)} bundle, makes network requests ({_details(net, 2)})",
                               "credentials", tuple(creds + net[:1])))
        decoded = [c for c in dyn if "decoded" in c.detail]
        strong = [c for c in dyn if c.detail in _EXEC[:-1]]
        blob_exec = strong if [c for c in obf if c.detail != "encoded blob decoded at run time"] and any(c.detail == "encoded blob decoded at run time" for c in f.of("obfuscation")) else []
        shell_run = [c for c in dyn if c.detail.startswith("runs downloaded code")]
        shell_run += [c for c in f.of("process") if c.detail.startswith("runs a downloaded program")
                      and (net or install and _LOADERS.search(c.detail))]
        if decoded or blob_exec:
            ev = decoded + blob_exec + [c for c in f.of("obfuscation") if c.detail == "encoded blob decoded at run time"]
            sev = C if install or net or obf or self.new(ev) else H
            facts.append(_Fact(sev, f"decodes hidden code and runs it ({_details(decoded + blob_exec, 2)})",
                               "dynamic-code", tuple(ev)))
        if shell_run:
            how = ", ".join(dict.fromkeys(re.sub(r"^[^(]*\((.*)\)$", r"\1", c.detail) for c in shell_run))
            verb = "downloads a program or script and runs it" if net else "loads a Windows library or program at install time"
            facts.append(_Fact(H, f"{verb} ({how[:60]})",
                               "dynamic-code", tuple(shell_run + net[:1])))
        if hooks:
            sev = C if obf or wallets or self.new(hooks) else H
            facts.append(_Fact(sev, f"hooks {_details(hooks)}", "runtime-hook", tuple(hooks + wallets)))
        elif wallets and obf and (wallets[0].size >= 2 or len(wallets) > 1):
            facts.append(_Fact(H, f"carries crypto-wallet address patterns ({wallets[0].detail[25:-1]}) in obfuscated code",
                               "runtime-hook", tuple(wallets)))
        elif wallets:
            facts.append(_Fact(M if obf else L, f"contains crypto-wallet address patterns ({wallets[0].detail[25:-1]})",
                               "runtime-hook", tuple(wallets)))
        if polyfills and not hooks:
            facts.append(_Fact(L, f"installs its own global fetch/XMLHttpRequest ({_details(polyfills, 2)})",
                               "runtime-hook", tuple(polyfills)))
        prop = f.of("propagation")
        if any(c.detail == "secret scanner trufflehog" for c in prop):
            sev = C if net or creds else H
            facts.append(_Fact(sev, "runs the secret scanner trufflehog", "propagation",
                               tuple(c for c in prop if "trufflehog" in c.detail)))
        if obf:
            size = f.obfuscated_bytes()
            change = self.changes.change(f.path) if self.changes is not None else None
            growth = change.obfuscated_growth if change is not None else 0
            if change is not None and change.status != "unchanged" and growth >= 512:
                sev = C if f.runtime else H
                facts.append(_Fact(sev, f"carries {_kb(growth)} of newly added obfuscated code", "obfuscation",
                                   tuple(obf), new=True))
            elif install:
                facts.append(_Fact(H, f"runs {_kb(size)} of obfuscated code at install time", "obfuscation", tuple(obf)))
            else:
                facts.append(_Fact(M, f"carries {_kb(size)} of obfuscated code ({_details(obf, 2)})", "obfuscation",
                                   tuple(obf)))
        wipes = [c for c in f.of("fs-write") if c.detail.startswith("walks directories")]
        if wipes:
            lookup = together(f, wipes, net)[1]
            sev = C if lookup or self.new(wipes) else H
            facts.append(_Fact(sev, "walks directories and overwrites or deletes files outside the package"
                               + (" after a network lookup" if lookup else ""), "fs-write",
                               tuple(wipes + lookup[:1])))
        writes = [c for c in f.of("fs-write") if c.detail.startswith("outside")]
        planted = [c for c in writes if _PLANTED.search(c.detail)]
        if planted:
            # A CI workflow written by a project generator (`init`) is a feature; a worm plants
            # one with a token or a request beside it, or at install time.
            where = _details(planted, 2)[len('outside the package ('):].rstrip(')')
            only_workflows = all(_WORKFLOWS.search(c.detail) for c in planted)
            armed = install or bool(together(f, planted, creds + net)[1])
            if only_workflows and not armed:
                facts.append(_Fact(M, f"writes into {where} (a CI workflow file, as a project generator does)",
                                   "fs-write", tuple(planted)))
            else:
                facts.append(_Fact(H, f"writes into {where}", "fs-write", tuple(planted)))
        if install and not creds:
            if net and not shell_run:
                mirrors = sorted({c.detail for c in env if _MIRROR.search(c.detail)})
                phrase = f"downloads at install time ({_details(net, 2)}), probably a prebuilt binary or telemetry"
                if mirrors:
                    phrase += f"; honours {', '.join(mirrors[:3])}"
                facts.append(_Fact(M, phrase, "network", tuple(net)))
            plain_dyn = [c for c in dyn if c not in decoded and c not in blob_exec and c not in shell_run
                         and c.detail not in ("require of a computed name", "require aliased")
                         and not c.detail.endswith("constant code")]
            if plain_dyn and net:
                facts.append(_Fact(H, f"downloads code at install time and can run it ({_details(plain_dyn, 2)})",
                                   "dynamic-code", tuple(plain_dyn + net[:1])))
            elif plain_dyn:
                facts.append(_Fact(M, f"evaluates code at install time ({_details(plain_dyn, 2)})", "dynamic-code",
                                   tuple(plain_dyn)))
            if writes and not planted:
                facts.append(_Fact(M, f"writes {_details(writes, 2)}", "fs-write", tuple(writes)))
            procs = [c for c in f.of("process") if c not in shell_run]
            if procs and not net:
                facts.append(_Fact(L, f"runs programs at install time ({_details(procs, 2)})", "process", tuple(procs)))
        remote = [c for c in dyn if c.detail == "loads a script from a remote URL"]
        if remote and not install:
            # high: what connect-kit's drainer did; a loader that has always done it (a payment or
            # maps SDK) is lowered to moderate by the comparison with the previous release
            facts.append(_Fact(H, "loads and runs a script from a remote URL at run time", "dynamic-code",
                               tuple(remote)))
        if self.changes is not None and f.runtime and not facts:
            change = self.changes.change(f.path)
            fresh = [c for c in (change.new if change is not None and change.status in ("changed", "added") else ())
                     if c.kind in ("network", "process", "credentials", "dynamic-code", "runtime-hook")
                     and c.detail != "require of a computed name"
                     and not (c.kind == "runtime-hook" and c not in hooks)]  # graded nowhere else either
            if fresh:
                facts.append(_Fact(M, f"now {_words(fresh)}", fresh[0].kind, tuple(fresh), new=True))
        return [self._adjust(fact) for fact in facts]

    def _adjust(self, fact: _Fact) -> _Fact:
        if self.changes is None:
            return fact
        new = fact.new or self.new(list(fact.evidence))
        if new:
            return _Fact(fact.severity, fact.phrase, fact.kind, fact.evidence, True)
        if fact.severity >= H:
            return _Fact(Severity(fact.severity - 1), f"{fact.phrase} (already in {self.changes.old_version})",
                         fact.kind, fact.evidence, False)
        return fact

    def package_facts(self, files: list[FileCode]) -> list[tuple[str | None, _Fact]]:
        out: list[tuple[str | None, _Fact]] = []
        for scope in ("install", "runtime"):
            members = [f for f in files if (f.install_time if scope == "install" else f.runtime)]
            creds = [c for f in members for c in f.of("credentials")]
            net = [c for f in members for c in f.of("network")]
            same_file = any(f.of("credentials") and f.of("network") for f in members)
            if creds and net and not same_file:
                sev = M
                fact = _Fact(sev, f"reads credential material ({_details(creds)} in {creds[0].file}) and sends "
                                  f"over the network ({net[0].file})", "credentials", (creds[0], net[0]))
                out.append((creds[0].file, self._adjust(fact)))
        for f in files:
            publish = [c for c in f.of("propagation") if c.detail in ("npm publish", "npm registry account API")]
            tokens = [c for c in f.of("credentials") if _PUBLISH_TOKENS.search(c.detail)]
            if publish and tokens:
                fact = _Fact(C, f"publishes packages with a registry token ({_details(publish, 2)}; "
                                f"{_details(tokens, 2)}) in {f.path}", "propagation", (publish[0], tokens[0]))
                out.append((f.path, self._adjust(fact)))
        every = [c for f in files for c in f.capabilities]
        github = [c for c in every if c.kind == "propagation" and c.detail in ("GitHub API", "GitHub workflow files")]
        gh_tokens = [c for c in every if c.kind == "credentials" and re.search(r"GITHUB_TOKEN|GH_TOKEN|gh auth", c.detail)]
        if github and gh_tokens and any(c.detail == "GitHub workflow files" for c in github):
            fact = _Fact(M, "uses a GitHub token with the GitHub API and names workflow files", "propagation",
                         (github[0], gh_tokens[0]))
            out.append((github[0].file, self._adjust(fact)))
        return out


def _words(caps: list[Capability]) -> str:
    words = {"network": "makes network requests", "process": "runs processes", "credentials": "reads credential material",
             "dynamic-code": "evaluates code", "runtime-hook": "hooks runtime APIs"}
    parts = [f"{words[kind]} ({_details([c for c in caps if c.kind == kind], 2)})"
             for kind in dict.fromkeys(c.kind for c in caps)]
    return " and ".join(parts)


def grade(new: PackageCode, changes: CodeChanges | None = None) -> list[CodeFinding]:
    """The findings of one package version (A->B aware when `changes` compares two), worst
    first. Empty when nothing deserves a word."""
    grader = _Grader(new, changes)
    findings: list[CodeFinding] = []
    for f in new.files:
        facts = sorted(grader.file_facts(f), key=lambda x: -x.severity)
        if not facts:
            continue
        phrases = ["newly " + fact.phrase if fact.new and not fact.phrase.startswith(("now", "carries"))
                   else fact.phrase for fact in facts[:3]]
        where = f.path if not f.path.startswith("<") else f"install script {f.path}"
        summary = f"{where} " + " and ".join(phrases)
        if f.note:
            summary += " (token-level scan: the parser rejected the file)"
        top = facts[0]
        first = top.evidence[0] if top.evidence else None
        evidence = tuple(c for fact in facts for c in fact.evidence)
        findings.append(CodeFinding(top.severity, summary, top.kind, f.path, first.line if first else None,
                                    first.snippet if first else None, any(x.new for x in facts), evidence))
    for path, fact in grader.package_facts(list(new.files)):
        first = fact.evidence[0]
        findings.append(CodeFinding(fact.severity, f"package {fact.phrase}", fact.kind, path, first.line,
                                    first.snippet, fact.new, fact.evidence))
    if new.incomplete:
        findings.append(CodeFinding(M, new.incomplete, "incomplete"))
    findings.sort(key=lambda x: -x.severity)
    return findings
