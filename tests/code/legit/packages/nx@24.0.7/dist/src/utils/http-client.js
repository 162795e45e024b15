"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HttpError = void 0;
exports.createHttpClient = createHttpClient;
exports.httpRequest = httpRequest;
const stream_1 = require("stream");
class HttpError extends Error {
    constructor(response) {
        // Same message copy axios used, in case consumers match on it
        super(`Request failed with status code ${response.status}`);
        this.response = response;
        this.name = 'HttpError';
        this.status = response.status;
    }
}
exports.HttpError = HttpError;
function createHttpClient(defaults = {}) {
    const merge = (config = {}) => ({
        ...defaults,
        ...config,
        headers: {
            ...toLowerCaseKeys(defaults.headers),
            ...toLowerCaseKeys(config.headers),
        },
    });
    return {
        request: (url, config) => httpRequest(url, merge(config)),
        get: (url, config) => httpRequest(url, merge({ ...config, method: 'GET' })),
        post: (url, data, config) => httpRequest(url, merge({ ...config, method: 'POST', data })),
    };
}
async function httpRequest(url, config = {}) {
    const fullUrl = buildFullUrl(url, config);
    const { fetchImpl, dispatcher } = resolveFetch();
    // Lowercase keys so differently-cased duplicates override instead of
    // sending both values
    const headers = toLowerCaseKeys(config.headers);
    let body;
    if (config.data !== undefined) {
        body = JSON.stringify(config.data);
        headers['content-type'] ??= 'application/json';
    }
    const controller = new AbortController();
    if (config.signal) {
        if (config.signal.aborted) {
            controller.abort(config.signal.reason);
        }
        else {
            config.signal.addEventListener('abort', () => controller.abort(config.signal.reason), { once: true });
        }
    }
    const timer = config.timeout
        ? setTimeout(() => controller.abort(new DOMException(`Request timed out after ${config.timeout}ms`, 'TimeoutError')), config.timeout)
        : null;
    let res;
    try {
        res = await fetchImpl(fullUrl, {
            method: config.method ?? 'GET',
            headers,
            body,
            redirect: 'follow',
            signal: controller.signal,
            ...(dispatcher ? { dispatcher } : {}),
        });
    }
    catch (e) {
        if (timer)
            clearTimeout(timer);
        throw e;
    }
    const responseHeaders = Object.fromEntries(res.headers.entries());
    if (config.responseType === 'stream') {
        if (!res.ok) {
            try {
                throw new HttpError({
                    status: res.status,
                    headers: responseHeaders,
                    data: await parseResponseData(res),
                });
            }
            finally {
                if (timer)
                    clearTimeout(timer);
            }
        }
        // The headers timeout ends here; the body gets a per-chunk inactivity
        // guard instead, so slow-but-progressing downloads survive
        if (timer)
            clearTimeout(timer);
        return {
            status: res.status,
            headers: responseHeaders,
            data: (res.body
                ? guardStreamStall(stream_1.Readable.fromWeb(res.body), config.timeout)
                : stream_1.Readable.from([])),
        };
    }
    try {
        const data = await parseResponseData(res);
        if (!res.ok) {
            throw new HttpError({
                status: res.status,
                headers: responseHeaders,
                data,
            });
        }
        return { status: res.status, headers: responseHeaders, data };
    }
    finally {
        if (timer)
            clearTimeout(timer);
    }
}
async function parseResponseData(res) {
    const text = await res.text();
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function toLowerCaseKeys(headers) {
    const result = {};
    for (const [key, value] of Object.entries(headers ?? {})) {
        result[key.toLowerCase()] = value;
    }
    return result;
}
function buildFullUrl(url, config) {
    let fullUrl = url;
    if (config.baseURL && !/^https?:\/\//i.test(url)) {
        // Concatenate rather than `new URL(url, base)` so a base with a path
        // prefix (e.g. on-prem Nx Cloud) is preserved
        fullUrl =
            config.baseURL.replace(/\/+$/, '') + '/' + url.replace(/^\/+/, '');
    }
    if (config.params) {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(config.params)) {
            if (value !== null && value !== undefined) {
                search.append(key, String(value));
            }
        }
        const queryString = search.toString();
        if (queryString) {
            fullUrl += (fullUrl.includes('?') ? '&' : '?') + queryString;
        }
    }
    return fullUrl;
}
/**
 * Destroys the stream if no data arrives for `timeout` ms. Resets per chunk,
 * so slow-but-progressing downloads survive while stalls still abort.
 */
function guardStreamStall(source, timeout) {
    if (!timeout)
        return source;
    const out = new stream_1.PassThrough();
    let timer;
    const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            const error = new DOMException(`Response stalled for ${timeout}ms`, 'TimeoutError');
            source.destroy(error);
            out.destroy(error);
        }, timeout);
    };
    arm();
    source.on('data', arm);
    source.on('end', () => clearTimeout(timer));
    source.on('close', () => clearTimeout(timer));
    source.on('error', (e) => {
        clearTimeout(timer);
        out.destroy(e);
    });
    source.pipe(out);
    return out;
}
let envProxyAgent;
function resolveFetch() {
    // Native fetch ignores HTTP(S)_PROXY env vars, which axios honored; route
    // through undici's EnvHttpProxyAgent (also handles NO_PROXY) when they are set
    const allProxy = process.env.all_proxy || process.env.ALL_PROXY;
    const httpProxy = process.env.http_proxy || process.env.HTTP_PROXY || allProxy;
    const httpsProxy = process.env.https_proxy || process.env.HTTPS_PROXY || allProxy;
    if (httpProxy || httpsProxy) {
        const undici = require('undici');
        envProxyAgent ??= new undici.EnvHttpProxyAgent({ httpProxy, httpsProxy });
        return { fetchImpl: undici.fetch, dispatcher: envProxyAgent };
    }
    return { fetchImpl: fetch };
}
