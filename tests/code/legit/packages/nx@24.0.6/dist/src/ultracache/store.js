"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.skippedUltracacheOutcome = skippedUltracacheOutcome;
exports.configurationsOf = configurationsOf;
exports.getUltracacheConfigurationStore = getUltracacheConfigurationStore;
exports.importUltracacheConfigurations = importUltracacheConfigurations;
exports.openUltracacheConfigurations = openUltracacheConfigurations;
exports.loadUltracacheConfigurationsForRun = loadUltracacheConfigurationsForRun;
const path_1 = require("path");
const native_1 = require("../native");
const db_connection_1 = require("../utils/db-connection");
const git_utils_1 = require("../utils/git-utils");
const logger_1 = require("../utils/logger");
const output_1 = require("../utils/output");
const workspace_root_1 = require("../utils/workspace-root");
const config_1 = require("./config");
const fetch_1 = require("./fetch");
function skippedUltracacheOutcome(reason, message) {
    return { status: 'skipped', reason, message };
}
/** The configurations an outcome resolved to, if any. */
function configurationsOf(outcome) {
    return outcome && outcome.status !== 'skipped'
        ? outcome.configurations
        : undefined;
}
// Reasons that indicate misconfiguration rather than an expected offline
// state or a client that simply predates Ultracache.
const WARNED_REASONS = new Set([
    'unauthorized',
    'invalid-response',
    'write-failed',
]);
/** The Ultracache configuration store in this process's workspace database. */
function getUltracacheConfigurationStore() {
    return new native_1.UltracacheConfigurationStore((0, db_connection_1.getDbConnection)());
}
/**
 * Stores the configurations the Nx Cloud client read for `requestedCommit` and
 * returns their handle, for `runDiscreteTasks` and `runContinuousTasks`. Exposed to the
 * client through `nx/nx-cloud-internals`. Throws with the store's `code`.
 */
function importUltracacheConfigurations(requestedCommit, configurations) {
    return getUltracacheConfigurationStore().import({
        requestedCommit,
        configurationsJson: JSON.stringify(configurations),
    });
}
/**
 * The stored version `importUltracacheConfigurations` returned, reopened by its commit and
 * `resolution.fetchedAt`, so other processes hash from it without importing
 * it again. `null` when it isn't stored. Exposed through `nx/nx-cloud-internals`.
 */
function openUltracacheConfigurations(commit, fetchedAt) {
    return getUltracacheConfigurationStore().getVersion(commit, fetchedAt);
}
/**
 * This run's Ultracache configurations for HEAD, in the process that owns the
 * fetch: the newest stored set, otherwise what Nx Cloud reads, imported into
 * the store. The Nx Cloud client imports a fresh set when each CI run starts,
 * so a stored set is never older than its run. Returns `null` when Ultracache
 * is not enabled for this workspace; never throws.
 */
async function loadUltracacheConfigurationsForRun(nxJson, runnerOptions, env = (0, config_1.ultracacheEnv)()) {
    if (!(0, config_1.isUltracacheConfigurationFetchEnabled)(nxJson, runnerOptions, env)) {
        return null;
    }
    const head = (0, git_utils_1.getLatestCommitSha)();
    if (!head) {
        return reportUltracacheConfigurationResolution(skippedUltracacheOutcome('not-a-git-repo', 'Could not resolve HEAD'));
    }
    try {
        const store = getUltracacheConfigurationStore();
        const cached = () => {
            const stored = store.get(head);
            return (stored &&
                reportUltracacheConfigurationResolution({
                    status: 'cached',
                    configurations: stored,
                }));
        };
        return (cached() ??
            // Processes that miss together fetch once: the rest find its set.
            (await withUltracacheConfigurationFetchLock(async () => {
                const stored = cached();
                if (stored) {
                    return stored;
                }
                const result = await (0, fetch_1.fetchUltracacheConfigurations)(runnerOptions);
                return reportUltracacheConfigurationResolution({
                    status: 'fetched',
                    configurations: store.import({
                        requestedCommit: head,
                        configurationsJson: JSON.stringify(result.configurations),
                    }),
                });
            })));
    }
    catch (e) {
        // No fallback to an older set for this commit: it would hash from a
        // recording the run could not refresh, and CI can hash natively instead.
        return reportUltracacheConfigurationResolution(skippedUltracacheOutcome(reasonFromError(e), errorMessage(e)));
    }
}
/** Runs `fetch` holding a lock beside the workspace database, across processes. */
async function withUltracacheConfigurationFetchLock(fetch) {
    if (native_1.IS_WASM) {
        return fetch();
    }
    const lock = new native_1.FileLock((0, path_1.join)((0, db_connection_1.sharedWorkspaceDataDirectory)(workspace_root_1.workspaceRoot), 'ultracache-configuration.lock'));
    while (!lock.tryLock()) {
        await lock.wait();
    }
    try {
        return await fetch();
    }
    finally {
        lock.unlock();
    }
}
const OFFLINE_CODES = new Set([
    'ECONNABORTED',
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
]);
/** A skip reason from an error's `code`: from the Nx Cloud read or the store. */
function reasonFromError(e) {
    const code = e?.code;
    if (typeof code !== 'string')
        return 'fetch-failed';
    if (OFFLINE_CODES.has(code))
        return 'offline';
    return code.toLowerCase().replace(/_/g, '-');
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}
/** Warns or logs what a resolution came to. */
function reportUltracacheConfigurationResolution(outcome) {
    if (outcome.status === 'skipped') {
        if (WARNED_REASONS.has(outcome.reason)) {
            output_1.output.warn({
                title: `Nx Cloud Ultracache configurations are unavailable (${outcome.reason})`,
                bodyLines: [outcome.message, 'Tasks will be hashed without them.'],
            });
        }
        else {
            logger_1.logger.verbose(`Skipping Nx Cloud Ultracache configurations (${outcome.reason}): ${outcome.message}`);
        }
        return outcome;
    }
    const { resolution } = outcome.configurations;
    logger_1.logger.verbose(`Nx Cloud Ultracache configurations ${outcome.status}: ${resolution.tasks} tasks for ${resolution.requestedCommit.slice(0, 12)}`);
    return outcome;
}
