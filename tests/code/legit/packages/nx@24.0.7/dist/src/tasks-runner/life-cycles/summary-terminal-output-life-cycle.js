"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SummaryTerminalOutputLifeCycle = void 0;
const output_1 = require("../../utils/output");
const terminal_output_path_1 = require("../terminal-output-path");
/**
 * Prints a run as a handful of lines rather than a transcript: counts, then one
 * line per failure naming the file that holds its output. Task output stops
 * being a stream to read and becomes an artifact to address, so the size of this
 * renderer's output depends on how many tasks failed, never on how loud they
 * were.
 *
 * Selected by `--output-style=summary`, and by default when Nx is driven by an
 * AI agent, which otherwise reads thousands of lines of passing output to find
 * the one failure.
 */
class SummaryTerminalOutputLifeCycle {
    constructor(tasks) {
        this.tasks = tasks;
        this.failed = [];
        this.stopped = [];
        this.completed = new Set();
        this.succeeded = 0;
        this.cached = 0;
        this.batchLogs = [];
    }
    setCloudLink(label, url) {
        this.cloudLink = { label, url };
    }
    batchOutputAvailable(batchId, path) {
        this.batchLogs.push([batchId, path]);
    }
    /**
     * Nothing is printed as tasks complete. A summary that interleaved with
     * progress would be a transcript again.
     */
    printTaskTerminalOutput() { }
    endTasks(taskResults) {
        for (const { task, status, terminalOutput } of taskResults) {
            this.completed.add(task.id);
            switch (status) {
                case 'failure':
                    // Whether a log file exists is decided here, not at render time.
                    // `persistTerminalOutputs` skips only an undefined `terminalOutput`,
                    // so an empty one still writes a 0-byte file - truthiness, not
                    // definedness, is what says a reader will find something there.
                    this.failed.push({
                        task,
                        hasOutput: !!terminalOutput,
                    });
                    break;
                case 'stopped':
                    // Every task of a stopped batch carries `''`: the worker's partial
                    // log is announced as the batch's own artifact now, not folded into
                    // any task. So these address a file only when something else wrote
                    // one, and the batch log is addressed once below.
                    this.stopped.push({
                        task,
                        hasOutput: !!terminalOutput,
                    });
                    break;
                case 'local-cache':
                case 'local-cache-kept-existing':
                case 'remote-cache':
                    this.cached++;
                    this.succeeded++;
                    break;
                default:
                    this.succeeded++;
            }
        }
    }
    endCommand() {
        const skipped = this.tasks.filter((t) => !this.completed.has(t.id)).length;
        const bodyLines = [];
        for (const { task, hasOutput } of this.failed) {
            bodyLines.push('', ...this.failureBlock(task, hasOutput));
        }
        if (this.stopped.length > 0) {
            bodyLines.push('', output_1.output.dim('Stopped before finishing:'), ...this.stopped.flatMap(({ task, hasOutput }) => {
                const line = `${output_1.output.dim('-')} ${task.id}`;
                return task.hash && hasOutput
                    ? [
                        line,
                        output_1.output.dim(`  full log: ${(0, terminal_output_path_1.terminalOutputPathForHash)(task.hash)}`),
                    ]
                    : [line];
            }));
        }
        if (this.batchLogs.length > 0) {
            // One line per worker, not per task: a batch's log explains the whole
            // batch, and no task's own output file contains it.
            bodyLines.push('', output_1.output.dim('Batch worker logs:'));
            for (const [batchId, path] of this.batchLogs) {
                bodyLines.push(`${output_1.output.dim('-')} ${output_1.output.dim(`${batchId}: ${path}`)}`);
            }
        }
        if (this.cloudLink) {
            bodyLines.push('', `${this.cloudLink.label} ${this.cloudLink.url}`);
        }
        bodyLines.push('', output_1.output.dim('Re-run with --output-style=static to inline logs.'));
        const title = this.countsLine(skipped);
        // A discrete task that never reported was skipped, which fails the run; a
        // continuous one nothing needed is never started
        if (this.failed.length > 0 ||
            this.stopped.length > 0 ||
            this.tasks.some((t) => !t.continuous && !this.completed.has(t.id))) {
            output_1.output.error({ title, bodyLines });
        }
        else {
            output_1.output.success({ title, bodyLines });
        }
    }
    countsLine(skipped) {
        const parts = [`${this.succeeded} succeeded`];
        if (this.cached > 0) {
            parts.push(`${this.cached} cached`);
        }
        if (this.failed.length > 0) {
            parts.push(`${this.failed.length} failed`);
        }
        if (this.stopped.length > 0) {
            parts.push(`${this.stopped.length} stopped`);
        }
        if (skipped > 0) {
            parts.push(`${skipped} skipped`);
        }
        return `${this.tasks.length} ${this.tasks.length === 1 ? 'task' : 'tasks'}: ${parts.join(', ')}`;
    }
    failureBlock(task, hasOutput) {
        // No exit code: `completeTasks` rebuilds `TaskResult.code` from the status,
        // so every failure arrives as 1 and a task killed with 137 or a missing
        // binary's 127 would all render `(exit 1)`. Printing a number that is
        // always 1 to a reader whose job is to machine-read this line is worse than
        // printing none. formatCommand is what every other renderer uses, so a task
        // reads the same here as it does under --output-style=static.
        const lines = [
            `${output_1.output.colors.red('✖')} ${output_1.output.formatCommand(task.id)}`,
        ];
        // The log is addressed, not reproduced. `hash` is optional on the type but
        // always set by the time a task has run — processTask hashes before it
        // schedules — so that half only guards against printing a bogus path.
        // `hasOutput` is the load-bearing half: no output, no file, no address.
        if (task.hash && hasOutput) {
            lines.push(output_1.output.dim(`  full log: ${(0, terminal_output_path_1.terminalOutputPathForHash)(task.hash)}`));
        }
        return lines;
    }
}
exports.SummaryTerminalOutputLifeCycle = SummaryTerminalOutputLifeCycle;
