"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createTaskHasher = createTaskHasher;
const client_1 = require("../daemon/client/client");
const build_project_graph_1 = require("../project-graph/build-project-graph");
const task_hasher_1 = require("./task-hasher");
/**
 * `ultracacheConfigurations` is this run's set (see `loadUltracacheConfigurationsForRun`); undefined
 * hashes natively. The daemon gets its version, so it hashes from the same
 * set even after a newer one is imported for the commit.
 */
function createTaskHasher(projectGraph, nxJson, runnerOptions, ultracacheConfigurations, planningContext) {
    if (client_1.daemonClient.enabled()) {
        return new task_hasher_1.DaemonBasedTaskHasher(client_1.daemonClient, runnerOptions, ultracacheConfigurations
            ? {
                commit: ultracacheConfigurations.commit,
                fetchedAt: ultracacheConfigurations.resolution.fetchedAt,
            }
            : undefined);
    }
    else {
        const { rustReferences } = (0, build_project_graph_1.getFileMap)();
        return new task_hasher_1.InProcessTaskHasher(projectGraph, nxJson, rustReferences, runnerOptions, planningContext, ultracacheConfigurations);
    }
}
