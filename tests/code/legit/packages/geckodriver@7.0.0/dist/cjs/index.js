"use strict";
/**
 * a top-level `import type` here would emit a trailing `export {}` marker,
 * breaking this file's CommonJS interop (see dist/cjs/package.json)
 */
// oxlint-disable-next-line typescript/consistent-type-imports
exports.start = async function start(params) {
    const esmPkg = await import('../index.js');
    return esmPkg.start(params);
};
exports.download = async function download(geckodriverVersion, cacheDir) {
    const esmPkg = await import('../index.js');
    return esmPkg.download(geckodriverVersion, cacheDir);
};
//# sourceMappingURL=index.js.map