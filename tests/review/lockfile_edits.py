"""Textual edits that turn a corpus mono-* lockfile into the "head" of an upgrade.

The same five changes in every format, so one expected change set fits all:

- zod 3.25.76 -> 3.25.99 with a new integrity      (upgraded)
- js-tokens@4.0.0 removed (and loose-envify's edge) (removed)
- left-pad@1.3.0 added                              (added)
- ms@2.1.3: integrity only                          (republished)
- wrappy@1.0.2: registry -> git                     (source-changed)

Each replacement must match exactly once, so a corpus change fails loudly here.
"""

from __future__ import annotations

from collections.abc import Callable

NEW_ZOD_SRI = "sha512-" + "Z" * 86 + "=="
NEW_MS_SRI = "sha512-" + "M" * 86 + "=="
LEFT_PAD_SRI = "sha512-" + "L" * 86 + "=="
NEW_ZOD_BERRY = "10c0/" + "a" * 128
NEW_MS_BERRY = "10c0/" + "b" * 128
LEFT_PAD_BERRY = "10c0/" + "c" * 128
WRAPPY_COMMIT = "71d91b6dc5bdeac37e218c2cf03f9ab55b60d214"

OLD_ZOD_SRI = (
    "sha512-gzUt/qt81nXsFGKIFcC3YnfEAx5NkunCfnDlvuBSSFS02bcXu4Lmea0AFIUwbLWxWPx3d9p8S5QoaujKcNQxcQ=="
)
OLD_MS_SRI = (
    "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="
)
JS_TOKENS_SRI = (
    "sha512-RdJUflcE3cUzKiMqQgsCu06FPu9UdIJO0beYbPhHN4k6apgJtifcoCtT9bcxOpYBtpD2kCM6Sbzg4CausW/PKQ=="
)
WRAPPY_SRI = (
    "sha512-l4Sp/DRseor9wL6EvV2+TuQn63dMkPjZ/sp9XkghTEbV9KlPS1xUsZ3u7/IQO4wxtcFB4bgpQPRcR3QCvezPcQ=="
)



def expected_changes(project: str) -> list[tuple[str, str | None, str | None, str]]:
    """The exact change set for one corpus project's edits (bun records no version for a
    git package, only its ref). yarn berry's republish of ms is seen through its `checksum`
    (`10c0/<hex>`), which is not an SRI integrity."""
    wrappy_head = f"github:npm/wrappy#{WRAPPY_COMMIT[:7]}" if project == "mono-bun" else "1.0.2"
    return [
        ("js-tokens", "4.0.0", None, "removed"),
        ("left-pad", None, "1.3.0", "added"),
        ("ms", "2.1.3", "2.1.3", "republished"),
        ("wrappy", "1.0.2", wrappy_head, "source-changed"),
        ("zod", "3.25.76", "3.25.99", "upgraded"),
    ]


def replace_once(text: str, old: str, new: str) -> str:
    count = text.count(old)
    assert count == 1, f"expected one {old[:60]!r} in the lockfile, found {count}"
    return text.replace(old, new)


def _apply(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        text = replace_once(text, old, new)
    return text


def edit_npm(text: str) -> str:
    return _apply(text, [
        ('"version": "3.25.76",\n      "resolved": "https://registry.npmjs.org/zod/-/zod-3.25.76.tgz",\n'
         f'      "integrity": "{OLD_ZOD_SRI}"',
         '"version": "3.25.99",\n      "resolved": "https://registry.npmjs.org/zod/-/zod-3.25.99.tgz",\n'
         f'      "integrity": "{NEW_ZOD_SRI}"'),
        ('    "node_modules/js-tokens": {\n      "version": "4.0.0",\n'
         '      "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz",\n'
         f'      "integrity": "{JS_TOKENS_SRI}",\n      "license": "MIT"\n    }},\n', ""),
        ('      "dependencies": {\n        "js-tokens": "^3.0.0 || ^4.0.0"\n      },\n', ""),
        ('    "node_modules/loose-envify": {\n',
         '    "node_modules/left-pad": {\n      "version": "1.3.0",\n'
         '      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",\n'
         f'      "integrity": "{LEFT_PAD_SRI}",\n      "license": "WTFPL"\n    }},\n'
         '    "node_modules/loose-envify": {\n'),
        (OLD_MS_SRI, NEW_MS_SRI),
        ('      "resolved": "https://registry.npmjs.org/wrappy/-/wrappy-1.0.2.tgz",\n'
         f'      "integrity": "{WRAPPY_SRI}",\n',
         f'      "resolved": "git+ssh://git@github.com/npm/wrappy.git#{WRAPPY_COMMIT}",\n'),
    ])


def edit_pnpm(text: str) -> str:
    git_key = f"wrappy@git+https://github.com/npm/wrappy.git#{WRAPPY_COMMIT}"
    return _apply(text, [
        ("      zod:\n        specifier: ^3.23.0\n        version: 3.25.76\n",
         "      zod:\n        specifier: ^3.23.0\n        version: 3.25.99\n"),
        (f"  zod@3.25.76:\n    resolution: {{integrity: {OLD_ZOD_SRI}}}",
         f"  zod@3.25.99:\n    resolution: {{integrity: {NEW_ZOD_SRI}}}"),
        ("  zod@3.25.76: {}", "  zod@3.25.99: {}"),
        (f"  js-tokens@4.0.0:\n    resolution: {{integrity: {JS_TOKENS_SRI}}}\n\n", ""),
        ("  js-tokens@4.0.0: {}\n\n", ""),
        ("  loose-envify@1.4.0:\n    dependencies:\n      js-tokens: 4.0.0\n",
         "  left-pad@1.3.0: {}\n\n  loose-envify@1.4.0: {}\n"),
        ("  loose-envify@1.4.0:\n    resolution:",
         f"  left-pad@1.3.0:\n    resolution: {{integrity: {LEFT_PAD_SRI}}}\n\n"
         "  loose-envify@1.4.0:\n    resolution:"),
        (OLD_MS_SRI, NEW_MS_SRI),
        (f"  wrappy@1.0.2:\n    resolution: {{integrity: {WRAPPY_SRI}}}",
         f"  {git_key}:\n    resolution: {{commit: {WRAPPY_COMMIT}, "
         "repo: https://github.com/npm/wrappy.git, type: git}\n    version: 1.0.2"),
        ("      wrappy: 1.0.2\n", f"      wrappy: git+https://github.com/npm/wrappy.git#{WRAPPY_COMMIT}\n"),
        ("  wrappy@1.0.2: {}", f"  {git_key}: {{}}"),
    ])


def edit_bun(text: str) -> str:
    return _apply(text, [
        (f'"zod": ["zod@3.25.76", "", {{}}, "{OLD_ZOD_SRI}"]',
         f'"zod": ["zod@3.25.99", "", {{}}, "{NEW_ZOD_SRI}"]'),
        (f'    "js-tokens": ["js-tokens@4.0.0", "", {{}}, "{JS_TOKENS_SRI}"],\n\n', ""),
        ('{ "dependencies": { "js-tokens": "^3.0.0 || ^4.0.0" }, "bin"', '{ "bin"'),
        ('    "loose-envify": [',
         f'    "left-pad": ["left-pad@1.3.0", "", {{}}, "{LEFT_PAD_SRI}"],\n\n    "loose-envify": ['),
        (OLD_MS_SRI, NEW_MS_SRI),
        (f'"wrappy": ["wrappy@1.0.2", "", {{}}, "{WRAPPY_SRI}"]',
         f'"wrappy": ["wrappy@github:npm/wrappy#{WRAPPY_COMMIT[:7]}", {{ "version": "1.0.2" }}, '
         f'"npm-wrappy-{WRAPPY_COMMIT[:7]}"]'),
    ])


def edit_yarn_classic(text: str) -> str:
    return _apply(text, [
        ('zod@^3.23.0:\n  version "3.25.76"\n'
         '  resolved "https://registry.yarnpkg.com/zod/-/zod-3.25.76.tgz#26841c3f6fd22a6a2760e7ccb719179768471e34"\n'
         f'  integrity {OLD_ZOD_SRI}',
         'zod@^3.23.0:\n  version "3.25.99"\n'
         '  resolved "https://registry.yarnpkg.com/zod/-/zod-3.25.99.tgz#0000000000000000000000000000000000000000"\n'
         f'  integrity {NEW_ZOD_SRI}'),
        ('"js-tokens@^3.0.0 || ^4.0.0":\n  version "4.0.0"\n'
         '  resolved "https://registry.yarnpkg.com/js-tokens/-/js-tokens-4.0.0.tgz#19203fb59991df98e3a287050d4647cdeaf32499"\n'
         f'  integrity {JS_TOKENS_SRI}\n\n', ""),
        ('  dependencies:\n    js-tokens "^3.0.0 || ^4.0.0"\n', ""),
        ("loose-envify@^1.1.0:\n",
         'left-pad@^1.3.0:\n  version "1.3.0"\n'
         '  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#5b8a3a7765dfe001261dde915589e782f8c94d1e"\n'
         f'  integrity {LEFT_PAD_SRI}\n\nloose-envify@^1.1.0:\n'),
        (OLD_MS_SRI, NEW_MS_SRI),
        ('wrappy@1:\n  version "1.0.2"\n'
         '  resolved "https://registry.yarnpkg.com/wrappy/-/wrappy-1.0.2.tgz#b5243d8f3ec1aa35f1364605bc0d1036e30ab69f"\n'
         f'  integrity {WRAPPY_SRI}\n',
         '"wrappy@git+https://github.com/npm/wrappy.git":\n  version "1.0.2"\n'
         f'  resolved "git+https://github.com/npm/wrappy.git#{WRAPPY_COMMIT}"\n'),
        ('    wrappy "1"\n', '    wrappy "git+https://github.com/npm/wrappy.git"\n'),
    ])


def edit_yarn_berry(text: str) -> str:
    return _apply(text, [
        ('  version: 3.25.76\n  resolution: "zod@npm:3.25.76"\n  checksum: 10c0/5718ec35e3c40b600316c5b4c5e4976f7fee68151bc8f8d90ec18a469be9571f072e1bbaace10f1e85cf8892ea12d90821b200e980ab46916a6166a4260a983c\n',
         f'  version: 3.25.99\n  resolution: "zod@npm:3.25.99"\n  checksum: {NEW_ZOD_BERRY}\n'),
        ('"js-tokens@npm:^3.0.0 || ^4.0.0":\n  version: 4.0.0\n  resolution: "js-tokens@npm:4.0.0"\n'
         '  checksum: 10c0/e248708d377aa058eacf2037b07ded847790e6de892bbad3dac0abba2e759cb9f121b00099a65195616badcb6eca8d14d975cb3e89eb1cfda644756402c8aeed\n'
         '  languageName: node\n  linkType: hard\n\n', ""),
        ('  dependencies:\n    js-tokens: "npm:^3.0.0 || ^4.0.0"\n', ""),
        ('"loose-envify@npm:^1.1.0":\n',
         '"left-pad@npm:^1.3.0":\n  version: 1.3.0\n  resolution: "left-pad@npm:1.3.0"\n'
         f'  checksum: {LEFT_PAD_BERRY}\n  languageName: node\n  linkType: hard\n\n'
         '"loose-envify@npm:^1.1.0":\n'),
        ('  checksum: 10c0/d924b57e7312b3b63ad21fc5b3dc0af5e78d61a1fc7cfb5457edaf26326bf62be5307cc87ffb6862ef1c2b33b0233cdb5d4f01c4c958cc0d660948b65a287a48\n',
         f'  checksum: {NEW_MS_BERRY}\n'),
        ('"wrappy@npm:1":\n  version: 1.0.2\n  resolution: "wrappy@npm:1.0.2"\n'
         '  checksum: 10c0/56fece1a4018c6a6c8e28fbc88c87e0fbf4ea8fd64fc6c63b18f4acc4bd13e0ad2515189786dd2c30d3eec9663d70f4ecf699330002f8ccb547e4a18231fc9f0\n',
         '"wrappy@https://github.com/npm/wrappy.git":\n  version: 1.0.2\n'
         f'  resolution: "wrappy@https://github.com/npm/wrappy.git#commit={WRAPPY_COMMIT}"\n'),
        ('    wrappy: "npm:1"\n', '    wrappy: "https://github.com/npm/wrappy.git"\n'),
    ])


# corpus folder -> (lockfile name, edit)
EDITS: dict[str, tuple[str, Callable[[str], str]]] = {
    "mono-npm": ("package-lock.json", edit_npm),
    "mono-pnpm": ("pnpm-lock.yaml", edit_pnpm),
    "mono-bun": ("bun.lock", edit_bun),
    "mono-yarn1": ("yarn.lock", edit_yarn_classic),
    "mono-yarnberry": ("yarn.lock", edit_yarn_berry),
}
