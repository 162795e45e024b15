"""Make `documents/*.json` from `recorded/*.json` (one-off; not run by the tests).

`recorded/` holds packuments exactly as the registry mirror reachable from the development
machines sent them on 2026-11-25 (`curl https://registry.npmjs.org/<name>`). The mirror
strips fields the public registry sends, so `documents/` are copies augmented with what
registry.npmjs.org would send, with invented but realistic values:

- top level: `_rev`, `maintainers`, `description`, `license`, `readme`, `readmeFilename`,
  `users`; `time.created` and `time.modified`, and per-version times replaced by monotonic
  invented ones (the mirror's are synthetic);
- per version: `_npmUser`, `maintainers`, `_nodeVersion`, `_npmVersion`,
  `hasInstallScript` (when `scripts` has preinstall/install/postinstall), and in `dist`:
  `fileCount`, `unpackedSize`, `signatures` (a fake ECDSA signature with npm's public key id);
- scenarios: bufferutil 4.1.0 is published by a new user `mallory-dev` with a changed
  maintainer list; @isaacs/string-locale-compare 1.1.0 has `dist.attestations` and was
  published by "GitHub Actions" through trusted publishing; left-pad 1.2.0 is deprecated.

Run from this directory: `python augment.py`.
"""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

KEYID = "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"
HERE = Path(__file__).parent
PEOPLE = {
    "left-pad": [{"name": "stevemao", "email": "maochenyan@gmail.com"},
                 {"name": "camwest", "email": "camwest@gmail.com"}],
    "bufferutil": [{"name": "lpinca", "email": "luigipinca@gmail.com"},
                   {"name": "einaros", "email": "einaros@gmail.com"}],
    "@isaacs/string-locale-compare": [{"name": "isaacs", "email": "i@izs.me"}],
}


def version_key(version: str) -> tuple:
    core = version.split("-", 1)[0]
    return tuple(int(p) if p.isdigit() else 0 for p in core.split("."))


def augment(doc: dict) -> dict:
    name = doc["name"]
    people = PEOPLE[name]
    versions = sorted(doc["versions"], key=version_key)
    start = datetime(2016, 3, 1, 12, 0, tzinfo=UTC)
    times = {}
    for index, version in enumerate(versions):
        when = start + timedelta(days=37 * index, hours=index, minutes=7 * index)
        times[version] = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    modified = datetime(2025, 6, 1, 8, 30, tzinfo=UTC).isoformat(timespec="milliseconds")
    doc["time"] = {"created": times[versions[0]], "modified": modified.replace("+00:00", "Z"),
                   **times}
    doc["_rev"] = f"{len(versions) + 3}-0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    doc["maintainers"] = people
    latest = doc["versions"][doc["dist-tags"]["latest"]]
    doc["description"] = latest.get("description", "")
    doc["license"] = latest.get("license")
    doc["readme"] = f"# {name}\n\n{doc['description']}\n"
    doc["readmeFilename"] = "README.md"
    doc["users"] = {"someone": True}
    for version in versions:
        manifest = doc["versions"][version]
        manifest["_npmUser"] = dict(people[0])
        manifest["maintainers"] = [dict(p) for p in people]
        manifest["_nodeVersion"] = "18.17.1"
        manifest["_npmVersion"] = "9.6.7"
        scripts = manifest.get("scripts") or {}
        if any(s in scripts for s in ("preinstall", "install", "postinstall")):
            manifest["hasInstallScript"] = True
        dist = manifest["dist"]
        dist["fileCount"] = 4 + len(version)
        dist["unpackedSize"] = 1000 + 97 * len(version)
        dist["signatures"] = [{"keyid": KEYID,
                               "sig": "MEUCIQDfakefakefakefakefakefakefakefakefakefakefakeAiB" +
                                      version.replace(".", "")}]
    if name == "bufferutil":
        last = doc["versions"]["4.1.0"]
        last["_npmUser"] = {"name": "mallory-dev", "email": "mallory@example.test"}
        last["maintainers"] = [{"name": "mallory-dev", "email": "mallory@example.test"},
                               people[0]]
    if name == "@isaacs/string-locale-compare":
        last = doc["versions"]["1.1.0"]
        last["_npmUser"] = {"name": "GitHub Actions", "email": "npm-oidc-no-reply@github.com",
                            "trustedPublisher": {"id": "github",
                                                 "oidcConfigId": "oidc:0000-fixture"}}
        last["dist"]["attestations"] = {
            "url": "https://registry.npmjs.org/-/npm/v1/attestations/"
                   "@isaacs%2fstring-locale-compare@1.1.0",
            "provenance": {"predicateType": "https://slsa.dev/provenance/v1"},
        }
    if name == "left-pad":
        doc["versions"]["1.2.0"]["deprecated"] = "use String.prototype.padStart()"
    return doc


def main() -> None:
    (HERE / "documents").mkdir(exist_ok=True)
    for path in sorted((HERE / "recorded").glob("*.json")):
        doc = augment(json.loads(path.read_text()))
        (HERE / "documents" / path.name).write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
