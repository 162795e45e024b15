"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.commandsObject = exports.parserConfiguration = void 0;
const tslib_1 = require("tslib");
const pc = tslib_1.__importStar(require("picocolors"));
const yargs = tslib_1.__importStar(require("yargs"));
const analytics_1 = require("../analytics");
const output_1 = require("../utils/output");
const command_object_1 = require("./add/command-object");
const command_object_2 = require("./affected/command-object");
const command_object_3 = require("./configure-ai-agents/command-object");
const command_object_4 = require("./daemon/command-object");
const command_objects_1 = require("./deprecated/command-objects");
const command_object_5 = require("./exec/command-object");
const command_object_6 = require("./format/command-object");
const command_object_7 = require("./generate/command-object");
const command_object_8 = require("./graph/command-object");
const command_object_9 = require("./import/command-object");
const command_object_10 = require("./init/command-object");
const command_object_11 = require("./list/command-object");
const command_object_12 = require("./mcp/command-object");
const command_object_13 = require("./migrate/command-object");
const command_object_14 = require("./new/command-object");
const command_object_15 = require("./nx-cloud/apply-locally/command-object");
const command_object_16 = require("./nx-cloud/complete-run/command-object");
const command_object_17 = require("./nx-cloud/connect/command-object");
const command_object_18 = require("./nx-cloud/download-cloud-client/command-object");
const command_object_19 = require("./nx-cloud/fix-ci/command-object");
const command_object_20 = require("./nx-cloud/login/command-object");
const command_object_21 = require("./nx-cloud/logout/command-object");
const command_object_22 = require("./nx-cloud/record/command-object");
const command_object_23 = require("./nx-cloud/start-agent/command-object");
const command_object_24 = require("./nx-cloud/start-ci-run/command-object");
const command_object_25 = require("./nx-cloud/start-nx-agents/command-object");
const command_object_26 = require("./register/command-object");
const command_object_27 = require("./release/command-object");
const command_object_28 = require("./repair/command-object");
const command_object_29 = require("./report/command-object");
const command_object_30 = require("./reset/command-object");
const command_object_31 = require("./run-many/command-object");
const command_object_32 = require("./run/command-object");
const command_object_33 = require("./show/command-object");
const command_object_34 = require("./sync/command-object");
const command_object_35 = require("./watch/command-object");
const command_object_36 = require("./completion/command-object");
const trigger_1 = require("./completion/trigger");
// Ensure that the output takes up the available width of the terminal.
yargs.wrap(yargs.terminalWidth());
exports.parserConfiguration = {
    'strip-dashed': true,
};
/**
 * Exposing the Yargs commands object so the documentation generator can
 * parse it. The CLI will consume it and call the `.argv` to bootstrapped
 * the CLI. These command declarations needs to be in a different file
 * from the `.argv` call, so the object and it's relative scripts can
 * be executed correctly.
 */
exports.commandsObject = yargs
    .parserConfiguration(exports.parserConfiguration)
    .usage(pc.bold('Smart Monorepos · Fast Builds'))
    .demandCommand(1, '')
    .command(command_object_26.yargsRegisterCommand)
    .command(command_object_1.yargsAddCommand)
    .command(command_object_3.yargsConfigureAiAgentsCommand)
    .command(command_object_2.yargsAffectedBuildCommand)
    .command(command_object_2.yargsAffectedCommand)
    .command(command_object_2.yargsAffectedE2ECommand)
    .command(command_object_2.yargsAffectedLintCommand)
    .command(command_object_2.yargsAffectedTestCommand)
    .command(command_objects_1.yargsAffectedGraphCommand)
    .command(command_object_17.yargsConnectCommand)
    .command(command_object_4.yargsDaemonCommand)
    .command(command_object_8.yargsGraphCommand)
    .command(command_object_5.yargsExecCommand)
    .command(command_object_6.yargsFormatCheckCommand)
    .command(command_object_6.yargsFormatWriteCommand)
    .command(command_object_7.yargsGenerateCommand)
    .command(command_object_9.yargsImportCommand)
    .command(command_object_10.yargsInitCommand)
    .command(command_object_13.yargsInternalMigrateCommand)
    .command(command_object_11.yargsListCommand)
    .command(command_object_13.yargsMigrateCommand)
    .command(command_object_14.yargsNewCommand)
    .command(command_objects_1.yargsPrintAffectedCommand)
    .command(command_object_27.yargsReleaseCommand)
    .command(command_object_28.yargsRepairCommand)
    .command(command_object_29.yargsReportCommand)
    .command(command_object_30.yargsResetCommand)
    .command(command_object_32.yargsRunCommand)
    .command(command_object_31.yargsRunManyCommand)
    .command(command_object_33.yargsShowCommand)
    .command(command_object_34.yargsSyncCommand)
    .command(command_object_34.yargsSyncCheckCommand)
    .command(command_object_17.yargsViewLogsCommand)
    .command(command_object_35.yargsWatchCommand)
    .command(command_object_32.yargsNxInfixCommand)
    .command(command_object_20.yargsLoginCommand)
    .command(command_object_21.yargsLogoutCommand)
    .command(command_object_22.yargsRecordCommand)
    .command(command_object_24.yargsStartCiRunCommand)
    .command(command_object_25.yargsStartNxAgentsCommand)
    .command(command_object_23.yargsStartAgentCommand)
    .command(command_object_16.yargsStopAllAgentsCommand)
    .command(command_object_19.yargsFixCiCommand)
    .command(command_object_15.yargsApplyLocallyCommand)
    .command(command_object_18.yargsDownloadCloudClientCommand)
    .command(command_object_12.yargsMcpCommand)
    .command(command_object_36.yargsCompletionCommand)
    .command(resolveConformanceCommandObject())
    .command(resolveConformanceCheckCommandObject())
    .scriptName('nx')
    .middleware((args) => {
    // Skip analytics during shell completion (defensive — bin/nx.ts exits
    // before yargs runs for completion requests, but `NX_COMPLETE` could
    // leak in if something unusual invokes commandsObject.argv directly).
    if ((0, trigger_1.isCompletionRequest)()) {
        return;
    }
    const context = exports.commandsObject.getInternalMethods().getContext();
    // The infix command (`nx <target> [project]`) has no name of its own, and
    // its target and `_` hold user input, so report it as `run`.
    const command = (context.commands ?? []).join(' ') ||
        (args.target && args.target !== 'undefined' ? 'run' : '');
    // Internal commands (e.g. `_migrate`) are spawned by their public
    // wrapper, which already reported the run - skip to avoid double counts.
    if (command && !command.startsWith('_')) {
        (0, analytics_1.reportCommandRunEvent)(command, undefined, args);
    }
})
    .help(false)
    // NOTE: we handle --version in nx.ts, this just tells yargs that the option exists
    // so that it shows up in help. The default yargs implementation of --version is not
    // hit, as the implementation in nx.ts is hit first and calls process.exit(0).
    .version();
function createMissingConformanceCommand(command) {
    return {
        command,
        // Hide from --help output in the common case of not having the plugin installed
        describe: false,
        handler: () => {
            output_1.output.error({
                title: `${command} is not available`,
                bodyLines: [
                    `In order to use the \`nx ${command}\` command you must have an active Nx key and the \`@nx/conformance\` plugin installed.`,
                    '',
                    'To learn more, visit https://nx.dev/nx-enterprise/powerpack/conformance',
                ],
            });
            process.exit(1);
        },
    };
}
function resolveConformanceCommandObject() {
    try {
        const { yargsConformanceCommand } = (() => {
            try {
                return require('@nx/powerpack-conformance');
            }
            catch {
                return require('@nx/conformance');
            }
        })();
        return yargsConformanceCommand;
    }
    catch {
        return createMissingConformanceCommand('conformance');
    }
}
function resolveConformanceCheckCommandObject() {
    try {
        const { yargsConformanceCheckCommand } = (() => {
            try {
                return require('@nx/powerpack-conformance');
            }
            catch {
                return require('@nx/conformance');
            }
        })();
        return yargsConformanceCheckCommand;
    }
    catch {
        return createMissingConformanceCommand('conformance:check');
    }
}
