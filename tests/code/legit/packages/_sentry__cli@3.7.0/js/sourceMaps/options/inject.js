"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INJECT_OPTIONS = void 0;
/**
 * Schema for the `sourcemaps inject` command.
 */
exports.INJECT_OPTIONS = {
    ignore: {
        param: '--ignore',
        type: 'array',
    },
    ignoreFile: {
        param: '--ignore-file',
        type: 'string',
    },
    ext: {
        param: '--ext',
        type: 'array',
    },
    dryRun: {
        param: '--dry-run',
        type: 'boolean',
    },
};
