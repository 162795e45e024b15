"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.setupWorkspaceContext = setupWorkspaceContext;
exports.getNxWorkspaceFilesFromContext = getNxWorkspaceFilesFromContext;
exports.globWithWorkspaceContextSync = globWithWorkspaceContextSync;
exports.globWithWorkspaceContext = globWithWorkspaceContext;
exports.multiGlobWithWorkspaceContext = multiGlobWithWorkspaceContext;
exports.hashWithWorkspaceContext = hashWithWorkspaceContext;
exports.hashMultiGlobWithWorkspaceContext = hashMultiGlobWithWorkspaceContext;
exports.updateContextWithChangedFiles = updateContextWithChangedFiles;
exports.trackedFilesInContext = trackedFilesInContext;
exports.recordOutputsInContext = recordOutputsInContext;
exports.outputsUnchangedInContext = outputsUnchangedInContext;
exports.updateFilesInContext = updateFilesInContext;
exports.getAllFileDataInContext = getAllFileDataInContext;
exports.subscribeToWorkspaceChanges = subscribeToWorkspaceChanges;
exports.settleWorkspaceContext = settleWorkspaceContext;
exports.takeAppliedWorkspaceChanges = takeAppliedWorkspaceChanges;
exports.isWatchingWorkspaceContext = isWatchingWorkspaceContext;
exports.subscribeToWatchEvents = subscribeToWatchEvents;
exports.isEmptyBatch = isEmptyBatch;
exports.stopWatchingWorkspaceContext = stopWatchingWorkspaceContext;
exports.getFilesInDirectoryUsingContext = getFilesInDirectoryUsingContext;
exports.updateProjectFiles = updateProjectFiles;
exports.refreshWorkspaceContext = refreshWorkspaceContext;
exports.resetWorkspaceContext = resetWorkspaceContext;
const perf_hooks_1 = require("perf_hooks");
const cache_directory_1 = require("./cache-directory");
const is_on_daemon_1 = require("../daemon/is-on-daemon");
const client_1 = require("../daemon/client/client");
const handle_import_1 = require("./handle-import");
let workspaceContext;
let filesReady;
// Survive a reset: the daemon tears its context down and lets the next read
// recreate it, and that context must watch and report like the one before.
let contextOptions;
let contextRoot;
let contextGeneration = 0;
const changeListeners = new Set();
const eventListeners = new Set();
function setupWorkspaceContext(workspaceRoot, options) {
    const { WorkspaceContext } = require('../native');
    perf_hooks_1.performance.mark('workspace-context');
    const cacheDir = (0, cache_directory_1.workspaceDataDirectoryForWorkspace)(workspaceRoot);
    // A plugin worker is only asked for files after its host finished walking
    // and wrote the archive, so it loads that rather than walking again.
    workspaceContext = global.NX_PLUGIN_WORKER
        ? WorkspaceContext.fromArchive(workspaceRoot, cacheDir, options)
        : new WorkspaceContext(workspaceRoot, cacheDir, options);
    contextOptions = options;
    contextRoot = workspaceRoot;
    contextGeneration++;
    filesReady = undefined;
    if (options?.watch) {
        attachSubscribers();
    }
    perf_hooks_1.performance.mark('workspace-context:end');
    perf_hooks_1.performance.measure('workspace context init', 'workspace-context', 'workspace-context:end');
}
async function getNxWorkspaceFilesFromContext(workspaceRoot, projectRootMap, useDaemonProcess = true) {
    if (!useDaemonProcess || (0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.getWorkspaceFiles(projectRootMap);
    }
    return client_1.daemonClient.getWorkspaceFiles(projectRootMap);
}
/**
 * Sync method to get files matching globs from workspace context.
 * NOTE: This method will create the workspace context if it doesn't exist.
 * It should only be used within Nx internal in code paths that **must** be sync.
 * If used in an isolated plugin thread this will cause the workspace context
 * to be recreated which is slow.
 */
function globWithWorkspaceContextSync(workspaceRoot, globs, exclude) {
    ensureContextAvailable(workspaceRoot);
    return workspaceContext.glob(globs, exclude);
}
async function globWithWorkspaceContext(workspaceRoot, globs, exclude) {
    if (workspaceRoot === '/virtual' || (0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.glob(globs, exclude);
    }
    else {
        return client_1.daemonClient.glob(globs, exclude);
    }
}
async function multiGlobWithWorkspaceContext(workspaceRoot, globs, exclude) {
    if (workspaceRoot === '/virtual' || (0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.multiGlob(globs, exclude);
    }
    return client_1.daemonClient.multiGlob(globs, exclude);
}
async function hashWithWorkspaceContext(workspaceRoot, globs, exclude) {
    if ((0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.hashFilesMatchingGlob(globs, exclude);
    }
    return client_1.daemonClient.hashGlob(globs, exclude);
}
async function hashMultiGlobWithWorkspaceContext(workspaceRoot, globGroups) {
    if ((0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.hashFilesMatchingGlobs(globGroups);
    }
    return client_1.daemonClient.hashMultiGlob(globGroups);
}
async function updateContextWithChangedFiles(workspaceRoot, createdFiles, updatedFiles, deletedFiles) {
    if (!client_1.daemonClient.enabled()) {
        updateFilesInContext(workspaceRoot, [...createdFiles, ...updatedFiles], deletedFiles);
    }
    else if ((0, is_on_daemon_1.isOnDaemon)()) {
        // make sure to only import this when running on the daemon
        const { scheduleProjectGraphRecomputation } = await (0, handle_import_1.handleImport)('../daemon/server/project-graph-incremental-recomputation.js', __dirname);
        // update files for the incremental graph recomputation on the daemon
        scheduleProjectGraphRecomputation(createdFiles, updatedFiles, deletedFiles);
    }
    else {
        // daemon is enabled but we are not running on it, ask the daemon to update the context
        await client_1.daemonClient.updateWorkspaceContext(createdFiles, updatedFiles, deletedFiles);
    }
}
/**
 * The subset of `paths` the workspace file map holds: what the watch tracks,
 * with the ignore rules applied.
 */
function trackedFilesInContext(workspaceRoot, paths) {
    ensureContextAvailable(workspaceRoot);
    return workspaceContext?.trackedFiles(paths) ?? [];
}
/** Remembers each task's outputs, as given or else as they are on disk now. */
function recordOutputsInContext(workspaceRoot, entries) {
    ensureContextAvailable(workspaceRoot);
    workspaceContext?.recordOutputs(entries);
}
/** Whether each task's outputs are still as last recorded for its hash. */
function outputsUnchangedInContext(workspaceRoot, entries) {
    ensureContextAvailable(workspaceRoot);
    return (workspaceContext?.outputsUnchanged(entries) ?? entries.map(() => false));
}
function updateFilesInContext(workspaceRoot, updatedFiles, deletedFiles) {
    ensureContextAvailable(workspaceRoot);
    return workspaceContext?.incrementalUpdate(updatedFiles, deletedFiles);
}
async function getAllFileDataInContext(workspaceRoot) {
    if ((0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.allFileData();
    }
    return client_1.daemonClient.getWorkspaceContextFileData();
}
/**
 * Listens for the changes a watching context applies: each change reaches the
 * listeners once, here or in `settleWorkspaceContext`, whichever takes it
 * first. Any number of listeners may listen. Returns a function that stops
 * this one.
 */
function subscribeToWorkspaceChanges(workspaceRoot, listener) {
    changeListeners.add(listener);
    ensureContextAvailable(workspaceRoot);
    attachSubscribers();
    return () => changeListeners.delete(listener);
}
/**
 * Applies every change the watcher has delivered, waiting out the kernel hop,
 * and takes every change applied and not yet handed out. Empty when the
 * context is not watching.
 */
function settleWorkspaceContext(workspaceRoot) {
    ensureContextAvailable(workspaceRoot);
    return workspaceContext.settle();
}
/**
 * Takes every change applied and not yet handed out, without waiting for the
 * watcher: for a caller that has just applied changes itself.
 */
function takeAppliedWorkspaceChanges(workspaceRoot) {
    ensureContextAvailable(workspaceRoot);
    return workspaceContext.takeAppliedChanges();
}
function isWatchingWorkspaceContext() {
    return !!contextOptions?.watch;
}
/**
 * Listens for every event the context's watch delivers, including writes
 * under ignored directories and the `rescan` marker. Any number of listeners
 * may listen. Returns a function that stops this one.
 */
function subscribeToWatchEvents(workspaceRoot, listener) {
    eventListeners.add(listener);
    ensureContextAvailable(workspaceRoot);
    attachSubscribers();
    return () => eventListeners.delete(listener);
}
/** Whether a batch carries no change at all. */
function isEmptyBatch(batch) {
    return (batch.createdFiles.length === 0 &&
        batch.updatedFiles.length === 0 &&
        batch.deletedFiles.length === 0);
}
/**
 * The native context takes one subscriber per stream; it fans out here. A
 * delivery a replaced context had already queued does not reach listeners as
 * if it came from the current one.
 */
function attachSubscribers() {
    if (!workspaceContext || !contextOptions?.watch)
        return;
    const generation = contextGeneration;
    const current = () => generation === contextGeneration;
    workspaceContext.onChanges((err, batch) => {
        if (!current() || (!err && (!batch || isEmptyBatch(batch))))
            return;
        for (const listener of changeListeners)
            listener(err, batch);
    });
    workspaceContext.onWatchEvents((err, events) => {
        if (!current())
            return;
        for (const listener of eventListeners)
            listener(err, events);
    });
}
function stopWatchingWorkspaceContext() {
    changeListeners.clear();
    eventListeners.clear();
    contextOptions = undefined;
    workspaceContext?.stopWatching();
}
async function getFilesInDirectoryUsingContext(workspaceRoot, dir) {
    if ((0, is_on_daemon_1.isOnDaemon)() || !client_1.daemonClient.enabled()) {
        await ensureFilesReady(workspaceRoot);
        return workspaceContext.getFilesInDirectory(dir);
    }
    return client_1.daemonClient.getFilesInDirectory(dir);
}
function updateProjectFiles(projectRootMappings, rustReferences, updatedFiles, deletedFiles) {
    return workspaceContext?.updateProjectFiles(projectRootMappings, rustReferences.projectFiles, rustReferences.globalFiles, updatedFiles, deletedFiles);
}
/**
 * Waits for the walk behind the context without holding the event loop. The
 * native readers block the calling thread until the files exist, so the async
 * entry points await this first; a plugin host is then never frozen while a
 * worker is connecting to it.
 */
async function ensureFilesReady(workspaceRoot) {
    ensureContextAvailable(workspaceRoot);
    // A binding without `ready` (an older native build, a mocked one) reads
    // synchronously as before.
    filesReady ??= workspaceContext.ready?.() ?? Promise.resolve();
    await filesReady;
}
/**
 * Re-walks the host's files so the archive its plugin workers load includes
 * writes made since the last walk, such as a migration flushing to disk. The
 * walk is selective and shared through the files lock; one still running is
 * reused rather than repeated.
 */
function refreshWorkspaceContext(workspaceRoot) {
    if (workspaceRoot === '/virtual' || (0, is_on_daemon_1.isOnDaemon)() || client_1.daemonClient.enabled()) {
        return;
    }
    if (workspaceContext?.workspaceRoot !== workspaceRoot) {
        setupWorkspaceContext(workspaceRoot);
        return;
    }
    workspaceContext.refresh();
    filesReady = undefined;
}
function ensureContextAvailable(workspaceRoot) {
    if (!workspaceContext || workspaceContext?.workspaceRoot !== workspaceRoot) {
        setupWorkspaceContext(workspaceRoot, contextOptions);
    }
}
function resetWorkspaceContext() {
    workspaceContext?.stopWatching?.();
    workspaceContext = undefined;
    filesReady = undefined;
    // A watching context is the daemon's only watch; left for the next read to
    // re-create, output and dotenv events in between would be lost.
    if (contextOptions?.watch && contextRoot) {
        setupWorkspaceContext(contextRoot, contextOptions);
    }
}
