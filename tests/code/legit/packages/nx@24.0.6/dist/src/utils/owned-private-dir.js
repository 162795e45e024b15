"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DirectoryRefusedError = void 0;
exports.describeRefusal = describeRefusal;
exports.canonicalDir = canonicalDir;
exports.isSafeSharedRoot = isSafeSharedRoot;
exports.ensureSafeSharedRoot = ensureSafeSharedRoot;
exports.isOwnedRealDirectory = isOwnedRealDirectory;
exports.isOwnedPrivateDir = isOwnedPrivateDir;
exports.ensureSafeAncestry = ensureSafeAncestry;
exports.isSafeAncestry = isSafeAncestry;
exports.getUserSegment = getUserSegment;
exports.ensureOwnedPrivateDir = ensureOwnedPrivateDir;
/**
 * Directory guards for Nx's runtime state: create a directory only when it is
 * ours and unreachable by other users on this machine.
 *
 * `native/utils/owned_dir.rs` implements the same rules and must change with
 * this file. This copy exists because the native binding loader has to place
 * and lock down the `.node` before Rust can be called, and `cache-directory.ts`,
 * `git-utils.ts` and `nx-tmp-dir.ts` share it. Node builtins only, for the
 * loader's sake.
 */
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
// A string discriminant, not a boolean `ok`: this repo compiles with
// `strict: false`, where TypeScript does not narrow a union on a boolean literal.
const allow = (path) => ({ status: 'ok', path });
const deny = (refusal) => ({
    status: 'refused',
    refusal,
});
const notADirectory = (dir, stats) => stats.isSymbolicLink()
    ? { kind: 'not-a-directory', dir, symlink: true }
    : { kind: 'not-a-directory', dir };
// Four octal digits, so a sticky container reads `1777` and a plain directory
// `0755` — the notation `chmod` and `ls` use. Prefixing a literal `0` instead
// renders sticky modes as `01777`, which is not a form anyone writes.
const asMode = (mode) => (mode & 0o7777).toString(8).padStart(4, '0');
/** The user-facing sentence for a refusal. The only place wording is decided. */
function describeRefusal(r) {
    switch (r.kind) {
        case 'not-created':
            return `${r.dir} could not be created${r.code ? ` (${r.code})` : ''}`;
        case 'not-inspectable':
            return `${r.dir} could not be inspected${r.code ? ` (${r.code})` : ''}`;
        case 'not-a-directory':
            return r.symlink
                ? `${r.dir} is a symlink, not a real directory — something replaced the path Nx expected to create`
                : `${r.dir} exists and is not a directory`;
        case 'foreign-owner':
            return `${r.dir} is owned by uid ${r.uid}, not by you`;
        case 'foreign-shared-container':
            return `${r.dir} belongs to another user (uid ${r.uid}) rather than to you or to root`;
        case 'foreign-ancestor':
            return `${r.dir} sits above the configured directory and belongs to another user (uid ${r.uid}) rather than to you or to root`;
        case 'not-tightenable':
            return `${r.dir} is reachable by other users (mode ${asMode(r.mode)}) and could not be tightened to 0700`;
        case 'not-private':
            return `${r.dir} is reachable by other users (mode ${asMode(r.mode)})`;
        case 'peer-writable-not-sticky':
            return `${r.dir} is writable by other users but not sticky (mode ${asMode(r.mode)}), so a peer could replace directories inside it`;
        default: {
            // This repo sets `strict: false` and leaves `noImplicitReturns` unset, so
            // a new DirRefusal member would otherwise compile here and render as
            // `undefined` inside the aggregate message. Assignability to `never` still
            // holds under these settings, so this is a real compile-time guard.
            const unhandled = r;
            throw new Error(`Unhandled directory refusal: ${unhandled.kind}`);
        }
    }
}
/** One refusal as an `Error`, so several can travel in an `AggregateError`. */
class DirectoryRefusedError extends Error {
    constructor(refusal) {
        super(describeRefusal(refusal));
        this.refusal = refusal;
        this.name = 'DirectoryRefusedError';
    }
}
exports.DirectoryRefusedError = DirectoryRefusedError;
/**
 * chmod a path only if it is a real directory, never following a symlink at its
 * final component — `chmodSync` follows them, retargeting the mode change. The
 * directory check is on the descriptor, not the errno: a deny-list fails *open*
 * on codes it does not know. `O_NONBLOCK` stops a planted FIFO blocking `openSync`.
 */
function chmodRealDirectory(path, mode) {
    let fd;
    try {
        fd = (0, node_fs_1.openSync)(path, node_fs_1.constants.O_RDONLY | node_fs_1.constants.O_NOFOLLOW | node_fs_1.constants.O_NONBLOCK);
    }
    catch {
        return false;
    }
    try {
        if (!(0, node_fs_1.fstatSync)(fd).isDirectory()) {
            return false;
        }
        (0, node_fs_1.fchmodSync)(fd, mode);
        return true;
    }
    catch {
        return false;
    }
    finally {
        (0, node_fs_1.closeSync)(fd);
    }
}
/**
 * The spelling to compare a directory by. `resolve` does not dereference
 * symlinks, and on macOS `/tmp` is a symlink to `/private/tmp`, so an
 * exact-match list would wave through an alias of a root it means to refuse.
 *
 * Resolves the longest ancestor that exists and re-appends the rest: Nx's own
 * roots are absent before its first run, and canonicalizing whole paths only
 * would degrade this to a string match on exactly a fresh machine.
 *
 * Only `ENOENT` walks up — any other errno means the path exists and cannot be
 * read through, which `ensureOwnedPrivateDir` cannot establish either.
 */
function canonicalDir(dir) {
    const resolved = (0, node_path_1.resolve)(dir);
    const missing = [];
    let candidate = resolved;
    // Terminates at the filesystem root, where `dirname` is a fixed point.
    while ((0, node_path_1.dirname)(candidate) !== candidate) {
        try {
            return (0, node_path_1.join)((0, node_fs_1.realpathSync)(candidate), ...missing);
        }
        catch (e) {
            if (e?.code !== 'ENOENT') {
                return resolved;
            }
            missing.unshift((0, node_path_1.basename)(candidate));
            candidate = (0, node_path_1.dirname)(candidate);
        }
    }
    // The root itself: resolve it directly rather than walking past it.
    try {
        return (0, node_path_1.join)((0, node_fs_1.realpathSync)(candidate), ...missing);
    }
    catch {
        return resolved;
    }
}
/**
 * Sticky. Restricts rename and unlink in a writable directory to the owner of
 * each entry — plus the directory's own owner, which is why the ownership check
 * below is not redundant with this one.
 */
const S_ISVTX = 0o1000;
/**
 * Whether a shared container is safe to keep an owner-only directory under.
 *
 * On POSIX, a container writable by other users must be sticky, and it must be
 * owned by either root or the current user. Windows short-circuits after the
 * directory test — the OS temp root is already scoped to one account, so there
 * is no shared level whose ownership could matter.
 *
 * Sticky directories still let the directory's own owner rename entries, so a
 * container owned by another unprivileged user could replace a previously
 * verified private directory beneath it.
 */
function isSafeSharedRoot(dir) {
    try {
        const stats = (0, node_fs_1.lstatSync)(dir);
        if (!stats.isDirectory()) {
            return deny(notADirectory(dir, stats));
        }
        if (process.platform === 'win32') {
            // The OS temp root is already scoped to the current Windows user.
            return allow(dir);
        }
        if (typeof process.getuid === 'function' &&
            stats.uid !== process.getuid() &&
            stats.uid !== 0) {
            return deny({ kind: 'foreign-shared-container', dir, uid: stats.uid });
        }
        return !(stats.mode & 0o022) || !!(stats.mode & S_ISVTX)
            ? allow(dir)
            : deny({ kind: 'peer-writable-not-sticky', dir, mode: stats.mode });
    }
    catch (e) {
        return deny({ kind: 'not-inspectable', dir, code: e?.code });
    }
}
/**
 * Create a shared container as sticky + world-writable if it does not exist,
 * and report whether the resulting path is safe for the current user.
 *
 * **A container that already exists is never modified — only judged.** Do not
 * chmod before deciding trust: `CAP_FOWNER` (root's default in Docker and most
 * CI images) can chmod a directory it does not own, so a peer-owned root would
 * be widened to `1777` and then refused, and an operator who deliberately
 * tightened this root would have it re-widened on every `nx` process.
 */
function ensureSafeSharedRoot(dir) {
    if (process.platform === 'win32') {
        try {
            (0, node_fs_1.mkdirSync)(dir, { recursive: true });
            return allow(dir);
        }
        catch (e) {
            return deny({ kind: 'not-created', dir, code: e?.code });
        }
    }
    try {
        (0, node_fs_1.mkdirSync)(dir, { mode: 0o1777 });
        // Ours, created a statement ago. Load-bearing on macOS: XNU strips S_ISVTX
        // at mkdir, so the sticky bit exists solely because of this call.
        chmodRealDirectory(dir, 0o1777);
    }
    catch (e) {
        if (e?.code !== 'EEXIST') {
            return deny({ kind: 'not-created', dir, code: e?.code });
        }
    }
    // One verdict for both branches: the chmod above can fail and leave a
    // peer-writable non-sticky container, which trusting the creation would brand
    // safe.
    const verdict = isSafeSharedRoot(dir);
    return verdict.status === 'ok'
        ? allow(dir)
        : deny(verdict.refusal);
}
/**
 * Whether `dir` is an existing real directory owned by us. Unlike
 * `ensureOwnedPrivateDir` it creates nothing and repairs nothing — for callers
 * that only want to know whether a path is safe to act on, such as deleting.
 */
function isOwnedRealDirectory(dir) {
    try {
        const stats = (0, node_fs_1.lstatSync)(dir);
        if (!stats.isDirectory()) {
            return null;
        }
        return typeof process.getuid !== 'function' ||
            stats.uid === process.getuid()
            ? dir
            : null;
    }
    catch {
        return null;
    }
}
/**
 * The verdict of `ensureOwnedPrivateDir` with nothing created and nothing
 * re-locked, for callers about to trust what is already inside. Tightening a
 * directory that was open a moment ago says nothing about who filled it.
 */
function isOwnedPrivateDir(dir) {
    try {
        const stats = (0, node_fs_1.lstatSync)(dir);
        if (!stats.isDirectory()) {
            return deny(notADirectory(dir, stats));
        }
        if (typeof process.getuid !== 'function') {
            return allow(dir);
        }
        if (stats.uid !== process.getuid()) {
            return deny({ kind: 'foreign-owner', dir, uid: stats.uid });
        }
        return stats.mode & 0o077
            ? deny({ kind: 'not-private', dir, mode: stats.mode })
            : allow(dir);
    }
    catch (e) {
        return deny({ kind: 'not-inspectable', dir, code: e?.code });
    }
}
/** The kernel's own limit on links followed in one lookup. */
const MAX_LINKS = 40;
/**
 * Whether a level above a configured directory is safe to look the next name up
 * in. Owned by us or root, and not writable by other users unless sticky. Group
 * write on a level of ours is the user's own grant and is accepted.
 */
function isSafeAncestor(dir, stats) {
    const ours = stats.uid === process.getuid();
    if (!ours && stats.uid !== 0) {
        return { kind: 'foreign-ancestor', dir, uid: stats.uid };
    }
    const peerWrite = ours ? 0o002 : 0o022;
    return !(stats.mode & peerWrite) || stats.mode & S_ISVTX
        ? null
        : { kind: 'peer-writable-not-sticky', dir, mode: stats.mode };
}
/**
 * Walked one name at a time from the filesystem root rather than canonicalized:
 * each name is looked up only in a level already judged, and a link is followed
 * only when it is ours or root's.
 */
function walkAncestry(dir, create) {
    if (typeof process.getuid !== 'function') {
        if (create) {
            try {
                (0, node_fs_1.mkdirSync)(dir, { recursive: true });
            }
            catch (e) {
                return { kind: 'not-created', dir, code: e?.code };
            }
        }
        return null;
    }
    let judged = node_path_1.sep;
    try {
        const refusal = isSafeAncestor(judged, (0, node_fs_1.lstatSync)(judged));
        if (refusal) {
            return refusal;
        }
    }
    catch (e) {
        return { kind: 'not-inspectable', dir: judged, code: e?.code };
    }
    const pending = (0, node_path_1.resolve)(dir).split(node_path_1.sep).filter(Boolean);
    let links = 0;
    while (pending.length) {
        const name = pending.shift();
        if (name === '.') {
            continue;
        }
        if (name === '..') {
            judged = (0, node_path_1.dirname)(judged);
            continue;
        }
        const next = (0, node_path_1.join)(judged, name);
        if (create) {
            try {
                // An explicit mode, so a level made under umask `000` is not
                // world-writable and refused by the check below.
                (0, node_fs_1.mkdirSync)(next, { mode: 0o755 });
            }
            catch (e) {
                if (e?.code !== 'EEXIST') {
                    return { kind: 'not-created', dir: next, code: e?.code };
                }
            }
        }
        let stats;
        try {
            stats = (0, node_fs_1.lstatSync)(next);
        }
        catch (e) {
            return { kind: 'not-inspectable', dir: next, code: e?.code };
        }
        if (stats.isDirectory()) {
            const refusal = isSafeAncestor(next, stats);
            if (refusal) {
                return refusal;
            }
            judged = next;
            continue;
        }
        if (!stats.isSymbolicLink() ||
            (stats.uid !== process.getuid() && stats.uid !== 0) ||
            ++links > MAX_LINKS) {
            return notADirectory(next, stats);
        }
        let target;
        try {
            target = (0, node_fs_1.readlinkSync)(next);
        }
        catch (e) {
            return { kind: 'not-inspectable', dir: next, code: e?.code };
        }
        if ((0, node_path_1.isAbsolute)(target)) {
            judged = node_path_1.sep;
        }
        pending.unshift(...target.split(node_path_1.sep).filter(Boolean));
    }
    return null;
}
/**
 * Create `dir` and any missing level above it, judging every level from the
 * filesystem root down. For a location the user configured, where any level
 * may have been created first by someone else.
 */
function ensureSafeAncestry(dir) {
    const refusal = walkAncestry(dir, true);
    return refusal ? deny(refusal) : allow(dir);
}
/** `ensureSafeAncestry` without creating anything, for the delete path. */
function isSafeAncestry(dir) {
    const refusal = walkAncestry(dir, false);
    return refusal ? deny(refusal) : allow(dir);
}
/** The path segment separating one user's Nx runtime state from another's. */
function getUserSegment() {
    try {
        if (typeof process.getuid === 'function') {
            return String(process.getuid());
        }
    }
    catch { }
    try {
        const { username } = (0, node_os_1.userInfo)();
        if (username) {
            return username;
        }
    }
    catch { }
    return 'unknown';
}
/**
 * Ensure `dir` exists, is a real directory owned by us, and carries no group or
 * other bits at all — read and search alone reach a socket inside it, so 0755 is
 * re-locked rather than accepted. A `refused` status carries which check said
 * no — usually `foreign-owner` for a directory another user planted, but also
 * `not-created`/`not-inspectable` for a filesystem error, `not-a-directory`, or
 * `not-tightenable` when the re-lock did not land.
 *
 * Node builtins only: reached from the native binding loader.
 */
function ensureOwnedPrivateDir(dir) {
    try {
        (0, node_fs_1.mkdirSync)(dir, { mode: 0o700 });
    }
    catch (e) {
        if (e?.code !== 'EEXIST') {
            return deny({ kind: 'not-created', dir, code: e?.code });
        }
    }
    // One verdict for both branches, as in `ensureSafeSharedRoot`: mounts that
    // ignore the mode argument can land a directory Nx asked for at 0700 on 0777,
    // so the creation path is judged like any other.
    try {
        const stats = (0, node_fs_1.lstatSync)(dir);
        // Before the Windows short-circuit: "is a real directory" holds on every
        // platform.
        if (!stats.isDirectory()) {
            return deny(notADirectory(dir, stats));
        }
        if (typeof process.getuid !== 'function') {
            // Windows: the roots there are per-user OS temp dirs, not a shared /tmp.
            return allow(dir);
        }
        if (stats.uid !== process.getuid()) {
            return deny({ kind: 'foreign-owner', dir, uid: stats.uid });
        }
        if (stats.mode & 0o077) {
            if (!chmodRealDirectory(dir, 0o700)) {
                return deny({ kind: 'not-tightenable', dir, mode: stats.mode });
            }
            // Read the mode back rather than trusting the chmod's return: mounts that
            // ignore modes report success and change nothing.
            const after = (0, node_fs_1.lstatSync)(dir);
            if (after.mode & 0o077) {
                return deny({ kind: 'not-tightenable', dir, mode: after.mode });
            }
        }
        return allow(dir);
    }
    catch (e) {
        return deny({ kind: 'not-inspectable', dir, code: e?.code });
    }
}
