"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SOURCEMAPS_OPTIONS = void 0;
/**
 * Schema for the `upload-sourcemaps` command.
 */
exports.SOURCEMAPS_OPTIONS = {
    ignore: {
        param: '--ignore',
        type: 'array',
    },
    ignoreFile: {
        param: '--ignore-file',
        type: 'string',
    },
    dist: {
        param: '--dist',
        type: 'string',
    },
    decompress: {
        param: '--decompress',
        type: 'boolean',
    },
    rewrite: {
        param: '--rewrite',
        invertedParam: '--no-rewrite',
        type: 'boolean',
    },
    sourceMapReference: {
        invertedParam: '--no-sourcemap-reference',
        type: 'boolean',
    },
    dedupe: {
        invertedParam: '--no-dedupe',
        type: 'boolean',
    },
    stripPrefix: {
        param: '--strip-prefix',
        type: 'array',
    },
    stripCommonPrefix: {
        param: '--strip-common-prefix',
        type: 'boolean',
    },
    validate: {
        param: '--validate',
        type: 'boolean',
    },
    urlPrefix: {
        param: '--url-prefix',
        type: 'string',
    },
    urlSuffix: {
        param: '--url-suffix',
        type: 'string',
    },
    ext: {
        param: '--ext',
        type: 'array',
    },
};
