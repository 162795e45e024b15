"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getUltracacheSettings = getUltracacheSettings;
exports.ultracacheEligibilityOptions = ultracacheEligibilityOptions;
exports.buildUltracacheOverrides = buildUltracacheOverrides;
const native_1 = require("../native");
const project_graph_1 = require("../project-graph/project-graph");
const utils_1 = require("../tasks-runner/utils");
const customHasherMemo = new WeakMap();
/**
 * Tasks whose executor ships a custom hasher; they are never hashed from
 * their Ultracache configuration. Detected here because executors are
 * resolved in JS, by the factory's presence only — invoking it would load
 * user modules.
 */
function customHasherTaskIds(projectGraph, taskGraph) {
    const memoized = customHasherMemo.get(taskGraph);
    if (memoized) {
        return memoized;
    }
    const projects = (0, project_graph_1.readProjectsConfigurationFromProjectGraph)(projectGraph).projects;
    // TODO(v25): remove custom hasher support.
    const ids = Object.values(taskGraph.tasks)
        .filter((task) => {
        try {
            return !!(0, utils_1.getExecutorForTask)(task, projects).hasherFactory;
        }
        catch {
            // An unresolvable executor fails later, at execution; it is not a
            // reason to withhold its configuration here.
            return false;
        }
    })
        .map((task) => task.id);
    customHasherMemo.set(taskGraph, ids);
    return ids;
}
/**
 * Each task's Ultracache settings: all the native eligibility walk reads
 * from a task. `null`, not `undefined`: the native map drops `undefined` keys.
 */
function getUltracacheSettings(taskGraph) {
    return Object.fromEntries(Object.entries(taskGraph.tasks).map(([id, task]) => [
        id,
        task.ultracache ?? null,
    ]));
}
/** The eligibility walk's view of the run's tasks, as JS resolves it. */
function ultracacheEligibilityOptions(projectGraph, taskGraph) {
    return {
        customHasherTaskIds: customHasherTaskIds(projectGraph, taskGraph),
        continuousTaskIds: Object.values(taskGraph.tasks)
            .filter((task) => task.continuous)
            .map((task) => task.id),
    };
}
/**
 * Reports which tasks in `taskGraph` hash from `configurations` and why the rest
 * do not, with the same eligibility walk the planner uses, without building a
 * planner (no project-graph transfer). Never fetches, never throws. Feeds
 * the `--verbose` run summary and the tasks `nx affected` reports as skipped.
 */
function buildUltracacheOverrides(projectGraph, taskGraph, configurations) {
    return (0, native_1.getUltracacheReport)(configurations, getUltracacheSettings(taskGraph), ultracacheEligibilityOptions(projectGraph, taskGraph));
}
