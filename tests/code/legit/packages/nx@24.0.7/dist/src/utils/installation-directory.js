"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNxInstallationPath = getNxInstallationPath;
exports.getNxRequirePaths = getNxRequirePaths;
exports.resolveFromWorkspace = resolveFromWorkspace;
exports.installationRootsOf = installationRootsOf;
exports.resolveInstalledPackage = resolveInstalledPackage;
exports.resolveNxBinFrom = resolveNxBinFrom;
const module_1 = require("module");
const path_1 = require("path");
const workspace_root_1 = require("./workspace-root");
function getNxInstallationPath(root = workspace_root_1.workspaceRoot) {
    return (0, path_1.join)(root, '.nx', 'installation');
}
function getNxRequirePaths(root = workspace_root_1.workspaceRoot) {
    return [getNxInstallationPath(root), root];
}
/**
 * Resolves a package the workspace provides (typescript, a release version
 * actions implementation, ...) from the workspace first, then from this nx
 * installation. A package manager's global or content-addressed store links nx
 * only to its own dependencies, so resolving from nx's location alone cannot
 * see what the workspace installs.
 */
function resolveFromWorkspace(specifier, root = workspace_root_1.workspaceRoot) {
    return resolveInstalledPackage(specifier, [...getNxRequirePaths(root), __dirname], root);
}
const nodeModulesSegment = `${path_1.sep}node_modules${path_1.sep}`;
let nxInstallationRoots;
/**
 * The directories whose `node_modules` hold this nx and its own dependencies,
 * e.g. the workspace, a global prefix, or the nx repo when run from source.
 */
function getNxInstallationRoots() {
    nxInstallationRoots ??= installationRootsOf([
        __dirname,
        require.resolve('yargs'),
    ]);
    return nxInstallationRoots;
}
/**
 * The directory holding the outermost `node_modules` of each path. The
 * separator is kept so `/node_modules` yields `/`, not an empty path.
 */
function installationRootsOf(paths) {
    return paths
        .filter((path) => path.includes(nodeModulesSegment))
        .map((path) => (0, path_1.resolve)(path.slice(0, path.indexOf(nodeModulesSegment) + 1)));
}
function normalize(path) {
    const resolved = (0, path_1.resolve)(path);
    return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}
function isInside(path, dir) {
    return path === dir || path.startsWith(dir.endsWith(path_1.sep) ? dir : dir + path_1.sep);
}
/**
 * `require.resolve(specifier, { paths })` limited to `node_modules`
 * directories inside `root`, the workspace, or this nx installation.
 */
function resolveInstalledPackage(specifier, paths, root = workspace_root_1.workspaceRoot) {
    if (process.versions.pnp ||
        specifier.startsWith('.') ||
        (0, path_1.isAbsolute)(specifier)) {
        return require.resolve(specifier, { paths });
    }
    const trustedRoots = [root, workspace_root_1.workspaceRoot, ...getNxInstallationRoots()].map(normalize);
    const lookupPaths = new Set();
    for (const start of paths) {
        let dir = (0, path_1.resolve)(start);
        while (trustedRoots.some((r) => isInside(normalize(dir), r))) {
            if ((0, path_1.basename)(dir) !== 'node_modules') {
                lookupPaths.add((0, path_1.join)(dir, 'node_modules'));
            }
            if ((0, path_1.dirname)(dir) === dir) {
                break;
            }
            dir = (0, path_1.dirname)(dir);
        }
    }
    const Module = require('node:module');
    const resolved = Module._findPath(specifier, [
        ...lookupPaths,
    ]);
    if (!resolved) {
        throw Object.assign(new Error(`Cannot find module '${specifier}'`), {
            code: 'MODULE_NOT_FOUND',
        });
    }
    return resolved;
}
/**
 * Resolves `nx/bin/nx.js` from the first `node_modules` Node searches from `dir`
 * that holds it, refusing it when it fails `isTrustedNxInstall` for the
 * workspace at `root`.
 */
function resolveNxBinFrom(dir, root = dir) {
    // createRequire avoids nx's own exports field answering by self-reference.
    const dirRequire = (0, module_1.createRequire)((0, path_1.join)(dir, 'package.json'));
    if (process.versions.pnp) {
        return dirRequire.resolve('nx/bin/nx.js');
    }
    const Module = require('node:module');
    for (const nodeModules of dirRequire.resolve.paths('nx') ?? []) {
        const nxBin = Module._findPath('nx/bin/nx.js', [
            nodeModules,
        ]);
        if (!nxBin) {
            continue;
        }
        if (!(0, workspace_root_1.isTrustedNxInstall)(nodeModules, root)) {
            throw new Error(`Refusing the nx installed in ${nodeModules}`);
        }
        return nxBin;
    }
    throw Object.assign(new Error(`Cannot find module 'nx/bin/nx.js'`), {
        code: 'MODULE_NOT_FOUND',
    });
}
