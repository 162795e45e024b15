"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createApiHttpClient = createApiHttpClient;
const http_client_1 = require("../../utils/http-client");
const environment_1 = require("./environment");
function createApiHttpClient(options) {
    if (options?.customProxyConfigPath) {
        const { logger } = require('../../utils/logger');
        // The client bundle still reads this file for its own requests
        logger.warn('customProxyConfigPath is not used for downloading the Nx Cloud client. Set HTTP_PROXY/HTTPS_PROXY/NO_PROXY (and NODE_EXTRA_CA_CERTS for custom certificates) instead.');
    }
    return (0, http_client_1.createHttpClient)({
        baseURL: process.env.NX_CLOUD_API || options?.url || 'https://cloud.nx.app',
        timeout: environment_1.NX_CLOUD_NO_TIMEOUTS ? environment_1.UNLIMITED_TIMEOUT : 10000,
    });
}
