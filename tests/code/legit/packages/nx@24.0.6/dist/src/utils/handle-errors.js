"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.handleErrors = handleErrors;
const error_types_1 = require("../project-graph/error-types");
const logger_1 = require("./logger");
const output_1 = require("./output");
const handle_import_1 = require("./handle-import");
async function handleErrors(isVerbose, fn) {
    try {
        const result = await fn();
        if (typeof result === 'number') {
            return result;
        }
        return 0;
    }
    catch (err) {
        err ||= new Error('Unknown error caught');
        if (err.constructor.name === 'UnsuccessfulWorkflowExecution') {
            logger_1.logger.error('The generator workflow failed. See above.');
        }
        else if (err.name === 'ProjectGraphError' ||
            err.name === 'ProjectConfigurationsError') {
            output_1.output.error((0, error_types_1.formatProjectGraphError)(err, isVerbose));
        }
        else if (err.name === 'MinReleaseAgeViolationError') {
            // A cooldown violation already carries a user-shaped headline plus
            // actionable remediation; surface the remediation rather than a stack.
            output_1.output.error({
                title: err.message,
                bodyLines: Array.isArray(err.remediation) ? err.remediation : [],
            });
        }
        else {
            const lines = (err.message ? err.message : err.toString()).split('\n');
            const bodyLines = lines.slice(1);
            if (isVerbose) {
                bodyLines.push((0, error_types_1.formatErrorStackAndCause)(err));
            }
            else if (err.stack) {
                bodyLines.push('Pass --verbose to see the stacktrace.');
            }
            output_1.output.error({
                title: lines[0],
                bodyLines,
            });
        }
        const { daemonClient } = await (0, handle_import_1.handleImport)(require.resolve('../daemon/client/client'));
        if (daemonClient.enabled()) {
            daemonClient.reset();
        }
        return 1;
    }
}
