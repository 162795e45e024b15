"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getNxInstallationPath = getNxInstallationPath;
exports.getNxRequirePaths = getNxRequirePaths;
exports.resolveFromWorkspace = resolveFromWorkspace;
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
    return require.resolve(specifier, {
        paths: [...getNxRequirePaths(root), __dirname],
    });
}
