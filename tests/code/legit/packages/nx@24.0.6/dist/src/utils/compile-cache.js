"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.enableCompileCache = enableCompileCache;
const tslib_1 = require("tslib");
const nodeModule = tslib_1.__importStar(require("node:module"));
const node_path_1 = require("node:path");
const nx_tmp_dir_1 = require("./nx-tmp-dir");
const owned_private_dir_1 = require("./owned-private-dir");
const COMPILE_CACHE_DIR = (0, node_path_1.join)(nx_tmp_dir_1.NX_USER_TMP_DIR, 'compile-cache');
/**
 * Enables V8's on-disk bytecode cache for the current process.
 *
 * The cache lives in the current user's owner-only Nx tmp directory, because
 * Node's default location is a shared `os.tmpdir()` path whose contents are
 * loaded regardless of who created them. If that directory cannot be
 * established securely, the cache stays off. Node's env vars still apply:
 *  - `NODE_COMPILE_CACHE=<dir>`     — the user's chosen directory wins.
 *  - `NODE_DISABLE_COMPILE_CACHE=1` — disable entirely.
 *
 * Called at the entry point of every long-lived nx process (main CLI,
 * daemon, plugin workers) via `enable-compile-cache.ts`, which side-effects
 * this on import.
 *
 * Set `NX_COMPILE_CACHE=false` to opt out without disabling the cache for
 * non-nx Node processes the way `NODE_DISABLE_COMPILE_CACHE` would.
 *
 * No-op on Node versions without the `module.enableCompileCache` API.
 * Errors are swallowed — the compile cache is a pure performance
 * optimization and must never break the CLI.
 */
function enableCompileCache(
// Test seams: production callers omit both. A non-function `impl` simulates
// pre-22.8 Node, where `module.enableCompileCache` is missing.
impl = nodeModule.enableCompileCache, cacheDir = COMPILE_CACHE_DIR) {
    if (process.env.NX_COMPILE_CACHE === 'false')
        return false;
    if (typeof impl !== 'function')
        return false;
    try {
        if (process.env.NODE_COMPILE_CACHE) {
            impl();
            return true;
        }
        const userRoot = (0, node_path_1.dirname)(cacheDir);
        if ((0, owned_private_dir_1.ensureSafeSharedRoot)((0, node_path_1.dirname)(userRoot)).status !== 'ok' ||
            (0, owned_private_dir_1.ensureOwnedPrivateDir)(userRoot).status !== 'ok' ||
            (0, owned_private_dir_1.ensureOwnedPrivateDir)(cacheDir).status !== 'ok') {
            return false;
        }
        impl(cacheDir);
        return true;
    }
    catch {
        return false;
    }
}
