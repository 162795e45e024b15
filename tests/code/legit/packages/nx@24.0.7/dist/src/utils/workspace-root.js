"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.workspaceRoot = void 0;
exports.setWorkspaceRoot = setWorkspaceRoot;
exports.workspaceRootInner = workspaceRootInner;
exports.isTrustedWorkspaceEntry = isTrustedWorkspaceEntry;
exports.isTrustedNxInstall = isTrustedNxInstall;
const tslib_1 = require("tslib");
const path = tslib_1.__importStar(require("path"));
const fileutils_1 = require("./fileutils");
const owned_private_dir_1 = require("./owned-private-dir");
const warnedUntrusted = new Set();
/**
 * The root of the workspace
 */
exports.workspaceRoot = workspaceRootInner(process.cwd(), process.cwd());
// Required for integration tests in projects which depend on Nx at runtime, such as lerna and angular-eslint
function setWorkspaceRoot(root) {
    exports.workspaceRoot = root;
}
function workspaceRootInner(dir, candidateRoot) {
    if (process.env.NX_WORKSPACE_ROOT_PATH)
        return process.env.NX_WORKSPACE_ROOT_PATH;
    if (path.dirname(dir) === dir)
        return candidateRoot;
    const matches = ['nx.json', 'nx', 'nx.bat'];
    if (matches.some((x) => (0, fileutils_1.fileExists)(path.join(dir, x)) && isTrustedWorkspaceEntry(dir, x))) {
        return dir;
        // This handles the case where we have a workspace which uses npm / yarn / pnpm
        // workspaces, and has a project which contains Nx in its dependency tree.
        // e.g. packages/my-lib/package.json contains @nx/devkit, which references Nx and is
        // thus located in //packages/my-lib/node_modules/nx/package.json
    }
    else if ((0, fileutils_1.fileExists)(path.join(dir, 'node_modules', 'nx', 'package.json')) &&
        isTrustedNxInstall(path.join(dir, 'node_modules'), dir)) {
        return workspaceRootInner(path.dirname(dir), dir);
    }
    else {
        return workspaceRootInner(path.dirname(dir), candidateRoot);
    }
}
/**
 * Whether a workspace marker found by walking up from the cwd may be used.
 * `NX_WORKSPACE_ROOT_PATH` vouches for its own entries.
 */
function isTrustedWorkspaceEntry(dir, name) {
    const explicitRoot = process.env.NX_WORKSPACE_ROOT_PATH;
    if ((explicitRoot && path.resolve(explicitRoot) === path.resolve(dir)) ||
        (0, owned_private_dir_1.isTrustedAncestorEntry)(dir, name)) {
        return true;
    }
    const entry = path.join(dir, name);
    warnUntrusted(entry, entry, `Set NX_WORKSPACE_ROOT_PATH=${dir} to use it anyway.`);
    return false;
}
/**
 * Whether the nx installed in `nodeModules` may be used for the workspace at
 * `root`. Each directory from `nodeModules` up to `root` is judged, or only
 * `nodeModules` when it sits above `root`. `NX_WORKSPACE_ROOT_PATH` vouches
 * for everything inside it.
 */
function isTrustedNxInstall(nodeModules, root) {
    const explicitRoot = process.env.NX_WORKSPACE_ROOT_PATH;
    const top = path.resolve(root);
    let entry = path.resolve(nodeModules);
    do {
        const dir = path.dirname(entry);
        if (!(explicitRoot && isInside(dir, path.resolve(explicitRoot))) &&
            !(0, owned_private_dir_1.isTrustedAncestorEntry)(dir, path.basename(entry))) {
            warnUntrusted(`the nx installed in ${nodeModules}`, entry, isInside(path.resolve(nodeModules), top)
                ? `Set NX_WORKSPACE_ROOT_PATH=${root} to use it anyway.`
                : 'Install nx in the workspace to use it.');
            return false;
        }
        entry = dir;
    } while (!isInside(top, entry));
    return true;
}
function isInside(p, dir) {
    return (p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
}
function warnUntrusted(subject, entry, remedy) {
    if (warnedUntrusted.has(subject)) {
        return;
    }
    warnedUntrusted.add(subject);
    const where = subject === entry ? 'it is' : `${entry} is`;
    console.warn(`NX Ignoring ${subject} because ${where} in a world-writable directory and may have been placed there by another user. ${remedy}`);
}
