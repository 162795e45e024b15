"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadWorkspaceEnv = loadWorkspaceEnv;
const perf_hooks_1 = require("perf_hooks");
/**
 * Loads the workspace's root `.env` files, then sends Node's fatal error
 * reports to its workspace data directory. The `.env` files load first because
 * importing `cache-directory` resolves and checks the configured directories,
 * which read `NX_*` variables those files can set.
 */
async function loadWorkspaceEnv(workspaceDir) {
    const { loadRootEnvFiles } = await import('../src/utils/dotenv.js');
    perf_hooks_1.performance.mark('loading dotenv files:start');
    loadRootEnvFiles(workspaceDir);
    perf_hooks_1.performance.mark('loading dotenv files:end');
    perf_hooks_1.performance.measure('loading dotenv files', 'loading dotenv files:start', 'loading dotenv files:end');
    const { workspaceDataDirectoryForWorkspace } = await import('../src/utils/cache-directory.js');
    process.report.reportOnFatalError = true;
    process.report.directory = workspaceDataDirectoryForWorkspace(workspaceDir);
}
