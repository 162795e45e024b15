"""new-dependency: dependencies a candidate version declares that the locked one does not."""

from __future__ import annotations

from reviewer.registry.documents import VersionManifest
from reviewer.signals.finding import Evidence, Finding, Severity

SIGNAL = "new-dependency"


def declared(manifest: VersionManifest) -> dict[str, tuple[str, str]]:
    """name -> (range, section) for every dependency installed with the package."""
    out: dict[str, tuple[str, str]] = {}
    for section, deps in (("peerDependencies", manifest.peer_dependencies),
                          ("optionalDependencies", manifest.optional_dependencies),
                          ("dependencies", manifest.dependencies)):
        for name, spec in deps.items():
            out[name] = (spec, section)
    return out


def new_dependencies(package: str, old: VersionManifest, new: VersionManifest) -> list[Finding]:
    """One LOW finding per dependency `new` adds (the engine adds the new dependency's own
    signals to `details["signals"]` and raises the severity to match)."""
    before = declared(old)
    findings = []
    for name, (spec, section) in sorted(declared(new).items()):
        if name in before:
            continue
        findings.append(Finding(
            id=SIGNAL,
            severity=Severity.LOW,
            summary=f"{new.version} adds {name}@{spec} ({section}), not in {old.version}",
            package=package,
            evidence=(Evidence(file="package.json", text=f"{name}: {spec}"),),
            details={"dependency": name, "range": spec, "section": section,
                     "from": old.version, "to": new.version},
        ))
    return findings
