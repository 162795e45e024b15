"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nxVersion = void 0;
exports.nxVersion = require('nx/package.json').version;
