"""Capabilities of JavaScript snippets written for the purpose: the same pattern in code, in
a comment and in a string; minified and obfuscated forms."""

from __future__ import annotations

import pytest

from reviewer.code.js import js_capabilities
from reviewer.code.source import TokenSource, js_source


def caps(code: str) -> set[tuple[str, str]]:
    return {(c.kind, c.detail) for c in js_capabilities("f.js", js_source(code.encode()))}


def kinds(code: str) -> set[str]:
    return {k for k, _ in caps(code)}


@pytest.mark.parametrize(("code", "expected"), [
    ("const h = require('https');", ("network", "https")),
    ("import net from 'node:net';", ("network", "net")),
    ("const r = await fetch(url);", ("network", "fetch")),
    ("const x = new XMLHttpRequest();", ("network", "XMLHttpRequest")),
    ("const cp = require('child_process');", ("process", "child_process")),
    ("execSync('ls');", ("process", "execSync")),
    ("const t = process.env.NPM_TOKEN;", ("credentials", "token variable NPM_TOKEN")),
    ("const { GITHUB_TOKEN, HOME } = process.env;", ("credentials", "token variable GITHUB_TOKEN")),
    ("const home = process.env['HOME'];", ("env", "HOME")),
    ("send(JSON.stringify(process.env));", ("credentials", "the whole environment")),
    ("eval(code);", ("dynamic-code", "eval")),
    ("const f = new Function('a', body);", ("dynamic-code", "new Function")),
    ("m._compile(src, file);", ("dynamic-code", "module._compile")),
    ("var m = new module.constructor;", ("dynamic-code", "new module.constructor")),
    ("require(name);", ("dynamic-code", "require of a computed name")),
    ("eval(Buffer.from(s, 'base64').toString());", ("dynamic-code", "eval of decoded code")),
    ("window.fetch = function () {};", ("runtime-hook", "global fetch/XMLHttpRequest")),
    ("XMLHttpRequest.prototype.open = function () {};", ("runtime-hook", "XMLHttpRequest.prototype")),
    ("window.ethereum.request = async (a) => a;", ("runtime-hook", "wallet provider")),
    ("execSync('npm publish --access public');", ("propagation", "npm publish")),
    ("fs.writeFileSync(path.join(os.homedir(), '.bashrc'), x);", ("fs-write", "outside the package (.bashrc)")),
    ("fetch('http://169.254.169.254/latest/meta-data/');", ("credentials", "cloud metadata address")),
])
def test_capability_in_code(code: str, expected: tuple[str, str]) -> None:
    found = caps(code)
    assert any(kind == expected[0] and detail.startswith(expected[1]) for kind, detail in found), found


@pytest.mark.parametrize("code", [
    "// const h = require('https'); fetch(x); eval(y); process.env.NPM_TOKEN\n",
    "/* window.fetch = f; XMLHttpRequest.prototype.open = g; npm publish */\n",
    "const doc = 'call fetch(url) then eval(code) and require(\"https\")';\n",
    "const help = `run: npm publish, set process.env.NPM_TOKEN`;\n",
])
def test_comments_and_strings_are_not_code(code: str) -> None:
    assert not kinds(code) & {"network", "dynamic-code", "runtime-hook", "credentials"}, caps(code)


def test_credential_path_only_when_it_flows_into_an_fs_call() -> None:
    comment = "// reads the .npmrc of the user for the registry\nmodule.exports = 1;\n"
    message = "console.log('create a .npmrc with your token');\n"
    read = "const fs = require('fs');\nfs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');\n"
    concatenated = "fs.readFile(home + '/.ssh/id_rsa', cb);\n"
    assert "credentials" not in kinds(comment)
    assert "credentials" not in kinds(message)
    assert ("credentials", ".npmrc") in caps(read)
    assert ("credentials", ".ssh") in caps(concatenated)


def test_line_numbers_count_only_newlines() -> None:
    code = "a();\r\nb();\rc();\neval(x);\n"
    (found,) = [c for c in js_capabilities("f.js", js_source(code.encode())) if c.kind == "dynamic-code"]
    assert found.line == 3
    assert found.snippet == "eval(x);"


def test_minified_code_is_read() -> None:
    code = "!function(e){var t=require('https'),n=require('child_process');t.get(e,function(r){n.execSync(r)})}(u);" * 50
    found = caps(code)
    assert ("network", "https") in found and ("process", "child_process") in found


def test_obfuscator_io_shape() -> None:
    names = [f"_0x{n:04x}" for n in range(0x1a2b, 0x1a2b + 30)]
    array = ",".join(f"'{n:x}'" for n in range(1000, 1200))
    code = (f"const {names[0]}=[{array}];(function({names[1]},{names[2]}){{while(!![]){{try{{"
            f"{names[1]}['push']({names[1]}['shift']());}}catch({names[3]}){{}}}}}}({names[0]},0x1a2));"
            + "".join(f"function {n}(a){{return {names[0]}[a-0x1]}}" for n in names[4:]))
    found = caps(code)
    assert ("obfuscation", "_0x identifiers") in found
    assert ("obfuscation", "rotated string array") in found


def test_hex_blob_decoded_at_run_time() -> None:
    blob = bytes(range(256)).hex() * 2
    code = f"var d='{blob}';var s=Buffer.from(d,'hex').toString();\n"
    assert ("obfuscation", "encoded blob decoded at run time") in caps(code)
    assert ("obfuscation", "encoded blob") in caps(f"var d='{blob}';\n")


def test_code_hidden_past_whitespace() -> None:
    code = "module.exports = 1;" + " " * 400 + "eval(atob(x));\n"
    assert ("obfuscation", "code hidden past whitespace") in caps(code)


def test_wallet_address_patterns() -> None:
    code = r"const e=/\b0x[a-fA-F0-9]{40}\b/g, b=/\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b/g;"
    (found,) = [d for k, d in caps(code) if k == "runtime-hook"]
    assert "ethereum" in found and "bitcoin" in found


def test_polyfill_is_told_apart_from_a_hook() -> None:
    polyfill = "if (!global.fetch) { global.fetch = nodeFetch; }\n"
    hook = "const o = window.fetch; window.fetch = async (...a) => o(...a);\n"
    assert ("runtime-hook", "polyfills global fetch/XMLHttpRequest") in caps(polyfill)
    assert ("runtime-hook", "global fetch/XMLHttpRequest") in caps(hook)


def test_constant_function_is_not_dynamic_code() -> None:
    assert ("dynamic-code", "Function of constant code") in caps("var g = Function('return this')();")


def test_rejected_file_falls_back_to_tokens_and_says_so() -> None:
    garbage = ("<<<>>> ))) ((( " * 200 + "\nconst h = require('https'); // eval(x)\n").encode()
    source = js_source(garbage)
    assert isinstance(source, TokenSource)
    assert source.note is not None and "token-level" in source.note
    found = {(c.kind, c.detail) for c in js_capabilities("f.js", source)}
    assert ("network", "https") in found
    assert not any(k == "dynamic-code" and d == "eval" for k, d in found)


def test_wiper_shape_needs_a_walk_a_write_and_a_place_outside() -> None:
    wiper = ("function wipe(d){for(const e of fs.readdirSync(d)){fs.writeFileSync(path.join(d,e),'x')}}\n"
             "wipe(require('os').homedir() + '/Desktop');\n")
    cleanup = ("for (const e of fs.readdirSync(tmp)) fs.unlinkSync(path.join(tmp, e));\n"
               "const lib = path.resolve(here, '../../lib/location');\n")
    assert any(k == "fs-write" and d.startswith("walks directories") for k, d in caps(wiper))
    assert not any(d.startswith("walks directories") for _, d in caps(cleanup))


def test_private_key_material_encoded() -> None:
    code = "send(Buffer.from(secretKey).toString('base64'));\n"
    assert ("credentials", "private key material encoded (secretKey)") in caps(code)
    assert "credentials" not in kinds("// Buffer.from(secretKey)\nconst secretKey = 1;\n")


def test_remote_script_loaded_at_run_time() -> None:
    code = ("const s = document.createElement('script');\n"
            "s.src = 'https://cdn.example.invalid/x/index.min.js';\ndocument.head.appendChild(s);\n")
    assert ("dynamic-code", "loads a script from a remote URL") in caps(code)
    assert not any(d == "loads a script from a remote URL"
                   for _, d in caps("const s = document.createElement('script'); s.textContent = code;\n"))


def test_encoding_is_not_decoding() -> None:
    """`Buffer.from(x).toString('base64')` encodes: next to `Function` it is no hidden code."""
    code = "const map = Buffer.from(m.toString()).toString('base64');\nconst fn = Function('module', source);\n"
    assert not any(d.endswith("of decoded code") for _, d in caps(code))
    decoded = "const src = Buffer.from(blob, 'base64').toString();\nconst fn = Function('module', src);\n"
    assert ("dynamic-code", "Function of decoded code") in caps(decoded)
