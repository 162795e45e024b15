"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEPLOYS_OPTIONS = void 0;
/**
 * Schema for the `deploys new` command.
 */
exports.DEPLOYS_OPTIONS = {
    env: {
        param: '--env',
        type: 'string',
    },
    started: {
        param: '--started',
        type: 'number',
    },
    finished: {
        param: '--finished',
        type: 'number',
    },
    time: {
        param: '--time',
        type: 'number',
    },
    name: {
        param: '--name',
        type: 'string',
    },
    url: {
        param: '--url',
        type: 'string',
    },
};
