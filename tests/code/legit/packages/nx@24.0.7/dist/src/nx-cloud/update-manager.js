"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NxCloudClientUnavailableError = exports.NxCloudEnterpriseOutdatedError = void 0;
exports.verifyOrUpdateNxCloudClient = verifyOrUpdateNxCloudClient;
exports.getBundleInstallDefaultLocation = getBundleInstallDefaultLocation;
exports.downloadAndExtractClientBundle = downloadAndExtractClientBundle;
const tslib_1 = require("tslib");
const fs_1 = require("fs");
const zlib_1 = require("zlib");
const stream_1 = require("stream");
const path_1 = require("path");
const nx_cloud_http_client_1 = require("./utilities/nx-cloud-http-client");
const http_client_1 = require("../utils/http-client");
const debug_logger_1 = require("./debug-logger");
const tar = tslib_1.__importStar(require("tar-stream"));
const cache_directory_1 = require("../utils/cache-directory");
const nx_tmp_dir_1 = require("../utils/nx-tmp-dir");
const owned_private_dir_1 = require("../utils/owned-private-dir");
const is_ci_1 = require("../utils/is-ci");
const crypto_1 = require("crypto");
const native_1 = require("../native");
const workspace_root_1 = require("../utils/workspace-root");
class NxCloudEnterpriseOutdatedError extends Error {
    constructor(url) {
        super(`Nx Cloud instance hosted at ${url} is outdated`);
    }
}
exports.NxCloudEnterpriseOutdatedError = NxCloudEnterpriseOutdatedError;
class NxCloudClientUnavailableError extends Error {
    constructor() {
        super('No existing Nx Cloud client and failed to download new version');
    }
}
exports.NxCloudClientUnavailableError = NxCloudClientUnavailableError;
// Raised where an unloadable install can still be replaced by a download, and
// caught only in verifyOrUpdateNxCloudClient. Never escapes this module.
class UnloadableClientBundleError extends Error {
    constructor(fullPath) {
        super(`Installed Nx Cloud client bundle could not be loaded: ${fullPath}`);
    }
}
async function verifyOrUpdateNxCloudClient(options) {
    (0, debug_logger_1.debugLog)('Verifying current cloud bundle');
    try {
        return await loadOrUpdateNxCloudClient(getLatestInstalledRunnerBundle(), options);
    }
    catch (e) {
        if (!(e instanceof UnloadableClientBundleError)) {
            throw e;
        }
        // Nothing can repair the directory on disk, so this attempt runs as if
        // nothing were installed and downloads a fresh bundle. Passing null keeps
        // it off both paths that raise this error, so it cannot land back here.
        (0, debug_logger_1.debugLog)(e.message, ' - downloading a fresh bundle');
        return await loadOrUpdateNxCloudClient(null, options);
    }
}
async function loadOrUpdateNxCloudClient(currentBundle, options) {
    const apiUrl = process.env.NX_CLOUD_API || options?.url || 'https://cloud.nx.app';
    if (shouldVerifyInstalledRunnerBundle(currentBundle)) {
        const httpClient = (0, nx_cloud_http_client_1.createApiHttpClient)(options);
        let verifyBundleResponse;
        try {
            verifyBundleResponse = await verifyCurrentBundle(httpClient, currentBundle);
        }
        catch (e) {
            // Enterprise image compatibility, to be removed
            if (e instanceof http_client_1.HttpError && e.status === 404 && apiUrl) {
                throw new NxCloudEnterpriseOutdatedError(apiUrl);
            }
            (0, debug_logger_1.debugLog)('Could not verify bundle. Resetting validation timer and using previously installed or default runner. Error: ', e);
            writeBundleVerificationLock();
            if (currentBundle === null) {
                throw new NxCloudClientUnavailableError();
            }
            if (currentBundle.version === 'NX_ENTERPRISE_OUTDATED_IMAGE') {
                throw new NxCloudEnterpriseOutdatedError(apiUrl);
            }
            const nxCloudClient = loadInstalledBundle(currentBundle);
            if (nxCloudClient === null) {
                // The server is unreachable and the installed copy does not load, so
                // there is neither a client to run nor a url to download one from.
                throw new NxCloudClientUnavailableError();
            }
            if (nxCloudClient.commands === undefined) {
                throw new NxCloudEnterpriseOutdatedError(apiUrl);
            }
            return {
                version: currentBundle.version,
                nxCloudClient,
            };
        }
        if (verifyBundleResponse.data.valid) {
            (0, debug_logger_1.debugLog)('Currently installed bundle is valid');
            if (currentBundle === null) {
                // Valid with nothing installed leaves nothing to load.
                throw new NxCloudClientUnavailableError();
            }
            const nxCloudClient = loadInstalledBundle(currentBundle);
            if (nxCloudClient === null) {
                throw new UnloadableClientBundleError(currentBundle.fullPath);
            }
            // Written after the load, so the lock always stands for a bundle that
            // ran. Writing it first would park a damaged one behind the 30 minute
            // verification skip.
            writeBundleVerificationLock();
            return {
                version: currentBundle.version,
                nxCloudClient,
            };
        }
        const { version, url } = verifyBundleResponse.data;
        (0, debug_logger_1.debugLog)('Currently installed bundle is invalid, downloading version', version, ' from ', url);
        if (version === 'NX_ENTERPRISE_OUTDATED_IMAGE') {
            throw new NxCloudEnterpriseOutdatedError(apiUrl);
        }
        const installedBundle = await downloadAndExtractClientBundle(httpClient, version, url);
        (0, debug_logger_1.debugLog)('Done: ', installedBundle.fullPath);
        // Deliberately unguarded. Another download would fetch the same bundle, so
        // a failure loading a fresh extract is reported rather than retried.
        const nxCloudClient = require(installedBundle.fullPath);
        if (nxCloudClient.commands === undefined) {
            throw new NxCloudEnterpriseOutdatedError(apiUrl);
        }
        return { version: installedBundle.version, nxCloudClient };
    }
    if (currentBundle === null) {
        throw new NxCloudClientUnavailableError();
    }
    const nxCloudClient = loadInstalledBundle(currentBundle);
    if (nxCloudClient === null) {
        // This path never asks the server about the bundle, so a damaged one is
        // never replaced on its own.
        throw new UnloadableClientBundleError(currentBundle.fullPath);
    }
    (0, debug_logger_1.debugLog)('Done: ', currentBundle.fullPath);
    return {
        version: currentBundle.version,
        nxCloudClient,
    };
}
/**
 * The installed bundle's exports, or null when the directory does not load.
 * Any failure counts, not just MODULE_NOT_FOUND, since a truncated file is a
 * SyntaxError. Being that broad costs nothing, because the retry's own
 * `require` is unguarded and a failure that was never the disk's fault still
 * surfaces from there.
 */
function loadInstalledBundle(bundle) {
    try {
        return require(bundle.fullPath);
    }
    catch (e) {
        (0, debug_logger_1.debugLog)('Could not load installed cloud bundle: ', bundle.fullPath, e);
        return null;
    }
}
/**
 * Null outside a workspace when there is no home directory apart from the
 * shared temp dir, since the bundle would then be `require`d from, and resolve
 * its own imports through, directories other users can write.
 */
function getBundleInstallDefaultLocation() {
    // Outside a workspace, keep the bundle out of the current directory and key
    // it by NX_CLOUD_API so different cloud instances don't conflict.
    if (!(0, fs_1.existsSync)((0, path_1.join)(workspace_root_1.workspaceRoot, 'nx.json'))) {
        if (!nx_tmp_dir_1.NX_HOME_TMP_DIR || !(0, nx_tmp_dir_1.homeDirIsDistinctFromSharedTmp)()) {
            return null;
        }
        const apiUrl = process.env.NX_CLOUD_API || 'https://cloud.nx.app';
        const apiHash = (0, crypto_1.createHash)('sha256')
            .update(apiUrl)
            .digest('hex')
            .slice(0, 16);
        return (0, path_1.join)(nx_tmp_dir_1.NX_HOME_TMP_DIR, 'cloud-client', apiHash);
    }
    const legacyPath = (0, path_1.join)(workspace_root_1.workspaceRoot, 'node_modules', '.cache', 'nx', 'cloud');
    // this legacy path is used when the nx-cloud package is installed.
    // make sure to reuse it so that we don't `require` different the client bundles
    if ((0, fs_1.existsSync)(legacyPath)) {
        return legacyPath;
    }
    // The bundle `require`s a bare `nx`, so it must sit where that resolves: on CI
    // the shared per-user root is outside the checkout (NXC-4944).
    return (0, path_1.join)((0, is_ci_1.isCI)() ? (0, cache_directory_1.cacheDirectoryForWorkspace)(workspace_root_1.workspaceRoot) : cache_directory_1.cacheDir, 'cloud');
}
const runnerBundleInstallDirectory = getBundleInstallDefaultLocation();
const inWorkspace = (0, fs_1.existsSync)((0, path_1.join)(workspace_root_1.workspaceRoot, 'nx.json'));
// Control files live outside the install directory. Released nx versions load
// any directory there as a bundle, so they would `require` a state directory
// placed inside it.
const stateDirectory = inWorkspace
    ? (0, path_1.join)(cache_directory_1.workspaceDataDirectory, 'nx-cloud')
    : runnerBundleInstallDirectory && `${runnerBundleInstallDirectory}-state`;
function ensureStateDirectory() {
    (0, fs_1.mkdirSync)(stateDirectory, { recursive: true });
}
function ensureInstallDirectories() {
    if (inWorkspace) {
        (0, fs_1.mkdirSync)(runnerBundleInstallDirectory, { recursive: true });
        return;
    }
    if (!runnerBundleInstallDirectory) {
        throw new Error('The Nx Cloud client cannot be installed outside a workspace without a home directory separate from the shared temp directory.');
    }
    for (const dir of [
        nx_tmp_dir_1.NX_HOME_TMP_DIR,
        (0, path_1.dirname)(runnerBundleInstallDirectory),
        runnerBundleInstallDirectory,
        stateDirectory,
    ]) {
        const result = (0, owned_private_dir_1.ensureOwnedPrivateDir)(dir);
        if (result.status === 'refused') {
            throw new owned_private_dir_1.DirectoryRefusedError(result.refusal);
        }
    }
}
const downloadLockFilePath = stateDirectory && (0, path_1.join)(stateDirectory, 'download.lock');
// The record lives beside the lockfile rather than inside it. Windows
// byte-range locks are mandatory and handle-scoped, so writing to a file this
// process holds an exclusive lock on fails with ERROR_LOCK_VIOLATION. It also
// matches the convention elsewhere in nx: project-graph.lock and run.json.lock
// are never written to.
const downloadRecordFilePath = stateDirectory && (0, path_1.join)(stateDirectory, 'download.record');
// A version names a directory that is created and later deleted, so a value
// from the server must not be able to escape the install directory.
const VALID_BUNDLE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function getLatestInstalledRunnerBundle() {
    ensureInstallDirectories();
    try {
        const installedBundles = (0, fs_1.readdirSync)(runnerBundleInstallDirectory)
            .filter((potentialDirectory) => {
            // '.tmp-*' directories are in-progress or crashed downloads
            return (!potentialDirectory.startsWith('.') &&
                (0, fs_1.statSync)((0, path_1.join)(runnerBundleInstallDirectory, potentialDirectory)).isDirectory());
        })
            .map((fileOrDirectory) => ({
            version: fileOrDirectory,
            fullPath: (0, path_1.join)(runnerBundleInstallDirectory, fileOrDirectory),
        }));
        if (installedBundles.length === 0) {
            // No installed bundles
            return null;
        }
        // A contended install can leave several bundles on disk. The record names
        // the directory an install last completed in, which is the one to run.
        // Without a record the directory name is all there is to go on and is read
        // as the version, which is right for a bundle an older nx installed and
        // otherwise yields a version the server rejects, costing one more
        // download.
        return recordedBundle() ?? installedBundles[0];
    }
    catch (e) {
        console.log('Could not read runner bundle path:', e.message);
        return null;
    }
}
function shouldVerifyInstalledRunnerBundle(currentBundle) {
    if (process.env.NX_CLOUD_FORCE_REVALIDATE === 'true') {
        return true;
    }
    // No bundle, need to download anyway
    if (currentBundle != null) {
        (0, debug_logger_1.debugLog)('A local bundle currently exists: ', currentBundle);
        const lastVerification = getLatestBundleVerificationTimestamp();
        // Never been verified, need to verify
        if (lastVerification != null) {
            // If last verification was less than 30 minutes ago, return the current installed bundle
            const THIRTY_MINUTES = 30 * 60 * 1000;
            if (Date.now() - lastVerification < THIRTY_MINUTES) {
                (0, debug_logger_1.debugLog)('Last verification was within the past 30 minutes, will not verify this time');
                return false;
            }
            (0, debug_logger_1.debugLog)('Last verification was more than 30 minutes ago, verifying bundle is still valid');
        }
    }
    return true;
}
async function verifyCurrentBundle(httpClient, currentBundle) {
    return httpClient.get('/nx-cloud/client/verify', {
        params: currentBundle
            ? {
                version: currentBundle.version,
                contentHash: getBundleContentHash(currentBundle),
            }
            : {},
    });
}
function getLatestBundleVerificationTimestamp() {
    const lockfilePath = (0, path_1.join)(stateDirectory, 'verify.lock');
    if ((0, fs_1.existsSync)(lockfilePath)) {
        const timestampAsString = (0, fs_1.readFileSync)(lockfilePath, 'utf-8');
        let timestampAsNumber;
        try {
            timestampAsNumber = Number(timestampAsString);
            return timestampAsNumber;
        }
        catch (e) {
            return null;
        }
    }
    return null;
}
function writeBundleVerificationLock() {
    const lockfilePath = (0, path_1.join)(stateDirectory, 'verify.lock');
    ensureStateDirectory();
    (0, fs_1.writeFileSync)(lockfilePath, new Date().getTime().toString(), 'utf-8');
}
function getBundleContentHash(bundle) {
    if (bundle == null) {
        return null;
    }
    return hashDirectory(bundle.fullPath);
}
function hashDirectory(dir) {
    const files = (0, fs_1.readdirSync)(dir).sort();
    const hashes = files.map((file) => {
        const filePath = (0, path_1.join)(dir, file);
        const stat = (0, fs_1.statSync)(filePath);
        // If the current path is a directory, recursively hash the contents
        if (stat.isDirectory()) {
            return hashDirectory(filePath);
        }
        // If it's a file, hash the file contents
        const content = (0, fs_1.readFileSync)(filePath);
        return (0, crypto_1.createHash)('sha256').update(content).digest('hex');
    });
    // Hash the combined hashes of the directory's contents
    const combinedHashes = hashes.sort().join('');
    return (0, crypto_1.createHash)('sha256').update(combinedHashes).digest('hex');
}
async function downloadAndExtractClientBundle(httpClient, version, url) {
    // Parallel nx processes race to install bundles, possibly at different
    // versions. The first to take the lock downloads; the rest wait and adopt
    // its bundle when an install completed during the wait at the version the
    // server asked them for. Otherwise they download their own as a contended
    // install, which publishes its own directory and skips cleanup, so the
    // holder's bundle stays on disk for the process running from it - at the
    // same version as well as a different one. The flock is released by the
    // kernel if the holder dies, so no stale-lock cleanup is needed. Under WASM
    // the lock is unavailable and downloads run unserialized.
    if (!VALID_BUNDLE_VERSION.test(version)) {
        throw new Error(`Invalid Nx Cloud client bundle version: ${version}`);
    }
    const recordBeforeContending = readDownloadRecord();
    const lock = !native_1.IS_WASM ? new native_1.FileLock(downloadLockFilePath) : null;
    let locked = lock?.locked;
    let contended = false;
    while (locked) {
        (0, debug_logger_1.debugLog)('Another process is downloading the client bundle, waiting for it to complete');
        await lock.wait();
        // The holder may be running from a bundle whose record predates this call,
        // so the wait alone makes the install contended.
        contended = true;
        const installedBundle = bundleInstalledSince(recordBeforeContending);
        if (installedBundle) {
            if (installedBundle.version === version) {
                (0, debug_logger_1.debugLog)('Using client bundle downloaded by another process: ', installedBundle.version);
                return installedBundle;
            }
            (0, debug_logger_1.debugLog)('Another process installed a different bundle: ', installedBundle.version);
        }
        // The other process failed or installed an older version, so this process
        // still needs to download.
        locked = lock.check();
    }
    lock?.lock();
    try {
        // A process that acquired the lock between the check above and lock() may
        // have completed an install already.
        const installedBundle = bundleInstalledSince(recordBeforeContending);
        if (installedBundle) {
            if (installedBundle.version === version) {
                (0, debug_logger_1.debugLog)('Using client bundle downloaded by another process: ', installedBundle.version);
                return installedBundle;
            }
            // A different version means that process is running from a bundle this
            // one must not delete.
            contended = true;
            (0, debug_logger_1.debugLog)('Another process installed a different bundle: ', installedBundle.version);
        }
        const fullPath = await downloadAndExtractBundle(httpClient, version, url, contended);
        return { version, fullPath };
    }
    finally {
        lock?.unlock();
    }
}
// Records "<serverVersion> <directoryName>", written only once an install has
// COMPLETED. The directory is recorded separately because it cannot be derived
// from the version - every install publishes its own (see
// downloadAndExtractBundle), so several directories can carry the same
// version. That also makes every record distinct, so a waiter can tell "an
// install finished while I waited" from "this record is left over from a past
// run" by comparing the record it read before contending. Timestamps cannot
// answer that: filesystem mtime granularity is coarser than the race window.
function readDownloadRecord() {
    try {
        return (0, fs_1.readFileSync)(downloadRecordFilePath, 'utf-8').trim();
    }
    catch {
        return '';
    }
}
function writeDownloadRecord(version, directoryName) {
    ensureStateDirectory();
    (0, fs_1.writeFileSync)(downloadRecordFilePath, `${version} ${directoryName}`, 'utf-8');
}
/**
 * The bundle the record names, if it is still on disk. A record whose second
 * field does not name a live directory resolves to null and leaves selection
 * on its fallback, which is what a one-field record or anything else
 * unexpected in the file has to do.
 */
function recordedBundle() {
    const [version, directoryName] = readDownloadRecord().split(' ');
    if (!version ||
        !directoryName ||
        !VALID_BUNDLE_VERSION.test(version) ||
        !VALID_BUNDLE_VERSION.test(directoryName)) {
        return null;
    }
    const fullPath = (0, path_1.join)(runnerBundleInstallDirectory, directoryName);
    return (0, fs_1.existsSync)(fullPath) ? { version, fullPath } : null;
}
/**
 * The bundle an install completed during this call, or null. Requires the
 * record to have changed since `recordBefore` was read: a directory existing
 * proves only that some earlier run left one there, and an install
 * interrupted on a released nx leaves exactly that.
 */
function bundleInstalledSince(recordBefore) {
    return readDownloadRecord() === recordBefore ? null : recordedBundle();
}
async function downloadAndExtractBundle(httpClient, version, url, contended) {
    // Every install publishes its own directory. Two processes can be asked for
    // the same version while one of them is already running from a completed
    // install of it, so replacing <installDir>/<version> in place would delete
    // that bundle out from under it - and a holder loading its client in the gap
    // fails with MODULE_NOT_FOUND, which drops the task runner to running
    // without Nx Cloud. A directory nothing else has seen cannot be in use.
    const bundleDirectoryName = `${version}-${(0, crypto_1.randomUUID)()}`;
    const bundleExtractLocation = (0, path_1.join)(runnerBundleInstallDirectory, bundleDirectoryName);
    let resp;
    try {
        resp = await httpClient.get(url, {
            responseType: 'stream',
        });
    }
    catch (e) {
        console.error('Error while updating Nx Cloud client bundle');
        throw e;
    }
    // Extract into a temp directory and rename into place afterwards, so a
    // failed or interrupted download never leaves a partial bundle at the
    // path other processes require it from.
    const tempExtractLocation = (0, path_1.join)(runnerBundleInstallDirectory, `.tmp-${version}-${process.pid}`);
    (0, fs_1.mkdirSync)(tempExtractLocation, { recursive: true });
    try {
        await new Promise((res, rej) => {
            const extract = tar.extract();
            extract.on('entry', function (headers, stream, next) {
                if (headers.type === 'directory') {
                    const directoryPath = (0, path_1.join)(tempExtractLocation, headers.name);
                    if (!(0, fs_1.existsSync)(directoryPath)) {
                        (0, fs_1.mkdirSync)(directoryPath, { recursive: true });
                    }
                    next();
                    stream.resume();
                }
                else if (headers.type === 'file') {
                    const outputFilePath = (0, path_1.join)(tempExtractLocation, headers.name);
                    const writeStream = (0, fs_1.createWriteStream)(outputFilePath);
                    // Surface disk errors through the pipeline instead of crashing
                    writeStream.on('error', (e) => extract.destroy(e));
                    stream.pipe(writeStream);
                    // Continue the tar stream after the write stream closes
                    writeStream.on('close', () => {
                        next();
                    });
                    stream.resume();
                }
                else {
                    // Skipping the entry would publish an incomplete bundle.
                    extract.destroy(new Error(`Unsupported ${headers.type} entry in Nx Cloud client bundle: ${headers.name}`));
                }
            });
            extract.on('finish', function () {
                res();
            });
            // pipeline propagates download/gunzip errors that .pipe() would leave
            // uncaught
            (0, stream_1.pipeline)(resp.data, (0, zlib_1.createGunzip)(), extract, (e) => {
                if (e)
                    rej(e);
            });
        });
        (0, fs_1.renameSync)(tempExtractLocation, bundleExtractLocation);
        // Recorded only now: the record is the signal that a bundle at this
        // version was installed by this process, which is what lets a waiter
        // adopt it instead of downloading again, and it carries the directory
        // that selection has to load from.
        writeDownloadRecord(version, bundleDirectoryName);
    }
    catch (e) {
        (0, fs_1.rmSync)(tempExtractLocation, { recursive: true, force: true });
        throw e;
    }
    // On a contended install another process may be running from any bundle on
    // disk, now including one at this same version, so nothing here can be shown
    // to be unused and collection waits for a later uncontended install. Repeat
    // contention accumulates directories until one of those runs. Bounding that
    // means knowing which bundles are still loaded, which nothing on disk
    // records today.
    if (!contended) {
        removeOldClientBundles(bundleDirectoryName);
    }
    writeBundleVerificationLock();
    return bundleExtractLocation;
}
function removeOldClientBundles(currentInstallDirectoryName) {
    const filesAndFolders = (0, fs_1.readdirSync)(runnerBundleInstallDirectory);
    for (let fileOrFolder of filesAndFolders) {
        // A '.tmp-*' left by a crashed extract is reclaimed here, which is safe
        // only because this runs after our own was renamed away and the download
        // lock means no other process is extracting. Under WASM there is no lock,
        // so a concurrent extract may still own that directory: leaving it costs
        // disk, deleting it would fail that process's install.
        if (fileOrFolder === currentInstallDirectoryName ||
            (native_1.IS_WASM && fileOrFolder.startsWith('.tmp-'))) {
            continue;
        }
        const fileOrFolderPath = (0, path_1.join)(runnerBundleInstallDirectory, fileOrFolder);
        // Another process's cleanup can remove an entry between the readdir above
        // and these calls, so both tolerate it already being gone.
        let isBundle;
        try {
            // Only directories are bundles. Files here, like the verify.lock a
            // released nx writes, are left alone.
            isBundle = (0, fs_1.statSync)(fileOrFolderPath).isDirectory();
        }
        catch {
            continue;
        }
        if (isBundle) {
            (0, fs_1.rmSync)(fileOrFolderPath, { recursive: true, force: true });
        }
    }
}
