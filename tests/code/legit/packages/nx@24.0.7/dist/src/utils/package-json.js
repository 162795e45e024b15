"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.normalizePackageGroup = normalizePackageGroup;
exports.readNxMigrateConfig = readNxMigrateConfig;
exports.buildTargetFromScript = buildTargetFromScript;
exports.getMetadataFromPackageJson = getMetadataFromPackageJson;
exports.getTagsFromPackageJson = getTagsFromPackageJson;
exports.readTargetsFromPackageJson = readTargetsFromPackageJson;
exports.readModulePackageJsonWithoutFallbacks = readModulePackageJsonWithoutFallbacks;
exports.readModulePackageJson = readModulePackageJson;
exports.resolveWithoutCachePollution = resolveWithoutCachePollution;
exports.installPackageToTmp = installPackageToTmp;
exports.installPackageToTmpAsync = installPackageToTmpAsync;
exports.getDependencyVersionFromPackageJson = getDependencyVersionFromPackageJson;
const tslib_1 = require("tslib");
const child_process_1 = require("child_process");
const util_1 = require("util");
const fs_1 = require("fs");
const node_module_1 = tslib_1.__importStar(require("node:module"));
const path_1 = require("path");
const execAsync = (0, util_1.promisify)(child_process_1.exec);
const which_1 = tslib_1.__importDefault(require("which"));
const json_1 = require("../generators/utils/json");
const project_configuration_utils_1 = require("../project-graph/utils/project-configuration-utils");
const target_merging_1 = require("../project-graph/utils/project-configuration/target-merging");
const catalog_1 = require("./catalog");
const fileutils_1 = require("./fileutils");
const has_nx_js_plugin_1 = require("./has-nx-js-plugin");
const path_2 = require("./path");
const installation_directory_1 = require("./installation-directory");
const package_manager_1 = require("./package-manager");
const workspace_root_1 = require("./workspace-root");
function normalizePackageGroup(packageGroup) {
    return Array.isArray(packageGroup)
        ? packageGroup.map((x) => typeof x === 'string' ? { package: x, version: '*' } : x)
        : Object.entries(packageGroup).map(([pkg, version]) => ({
            package: pkg,
            version,
        }));
}
function readNxMigrateConfig(json) {
    // Registry fetching uses this value to build a temporary extraction path.
    // Reject unsupported absolute paths and escaping parent traversal before extraction.
    const assertContained = (migrations) => {
        if (!(0, path_2.isContainedRelativePath)(migrations)) {
            throw new Error(`Invalid migrations path "${migrations}" in package "${json.name ?? 'unknown'}@${json.version ?? 'unknown'}": migration paths must not be absolute or escape their base directory through parent traversal.`);
        }
        return migrations;
    };
    const parseNxMigrationsConfig = (fromJson) => {
        if (!fromJson) {
            return {};
        }
        if (typeof fromJson === 'string') {
            return { migrations: assertContained(fromJson), packageGroup: [] };
        }
        return {
            ...(fromJson.migrations
                ? { migrations: assertContained(fromJson.migrations) }
                : {}),
            ...(fromJson.packageGroup
                ? { packageGroup: normalizePackageGroup(fromJson.packageGroup) }
                : {}),
            ...(fromJson.supportsOptionalMigrations
                ? { supportsOptionalMigrations: true }
                : {}),
        };
    };
    return {
        ...parseNxMigrationsConfig(json['ng-update']),
        ...parseNxMigrationsConfig(json['nx-migrations']),
        // In case there's a `migrations` field in `package.json`
        ...parseNxMigrationsConfig(json),
    };
}
function buildTargetFromScript(script, scripts = {}, packageManagerCommand) {
    return {
        executor: 'nx:run-script',
        options: {
            script,
        },
        metadata: {
            scriptContent: scripts[script],
            runCommand: packageManagerCommand.run(script),
        },
    };
}
function getMetadataFromPackageJson(packageJson, isInPackageManagerWorkspaces) {
    const { scripts, nx, description, name, exports, main, version } = packageJson;
    const includedScripts = nx?.includedScripts || Object.keys(scripts ?? {});
    const metadata = {
        targetGroups: includedScripts.length
            ? {
                'NPM Scripts': includedScripts,
            }
            : {},
        description,
        js: {
            packageName: name,
            packageVersion: version,
            packageExports: exports,
            packageMain: main,
            isInPackageManagerWorkspaces,
        },
    };
    return metadata;
}
function getTagsFromPackageJson(packageJson) {
    const tags = packageJson.private ? ['npm:private'] : ['npm:public'];
    if (packageJson.keywords?.length) {
        tags.push(...packageJson.keywords.map((k) => `npm:${k}`));
    }
    if (packageJson?.nx?.tags?.length) {
        tags.push(...packageJson?.nx.tags);
    }
    return tags;
}
function readTargetsFromPackageJson(packageJson, nxJson, projectRoot, workspaceRoot, packageManagerCommand) {
    const { scripts, nx, private: isPrivate } = packageJson ?? {};
    const res = {};
    const includedScripts = nx?.includedScripts || Object.keys(scripts ?? {});
    for (const script of includedScripts) {
        res[script] = buildTargetFromScript(script, scripts, packageManagerCommand);
    }
    for (const targetName in nx?.targets) {
        const nxTarget = nx.targets[targetName];
        // If the nx target specifies how to run (via executor or command shorthand),
        // it's incompatible with the inferred nx:run-script target from scripts,
        // so overwrite instead of merge.
        if (res[targetName] && (nxTarget.executor || nxTarget.command)) {
            res[targetName] = nxTarget;
        }
        else {
            res[targetName] = (0, target_merging_1.mergeTargetConfigurations)(nxTarget, res[targetName]);
        }
    }
    /**
     * Add implicit nx-release-publish target for all package.json files that are
     * not marked as `"private": true` to allow for lightweight configuration for
     * package based repos.
     *
     * Any targetDefaults for the nx-release-publish target set by the user should
     * be merged with the implicit target.
     */
    if (!isPrivate &&
        !res['nx-release-publish'] &&
        (0, has_nx_js_plugin_1.hasNxJsPlugin)(projectRoot, workspaceRoot)) {
        // No project/plugin context here, so only catch-all entries of a
        // `targetDefaults` value apply (the reader resolves both the object and
        // array value forms).
        const nxReleasePublishTargetDefaults = (0, project_configuration_utils_1.readTargetDefaultsForTarget)('nx-release-publish', nxJson?.targetDefaults, '@nx/js:release-publish') ?? {};
        res['nx-release-publish'] = {
            executor: '@nx/js:release-publish',
            ...nxReleasePublishTargetDefaults,
            dependsOn: [
                // For maximum correctness, projects should only ever be published once their dependencies are successfully published
                '^nx-release-publish',
                ...(nxReleasePublishTargetDefaults.dependsOn ?? []),
            ],
            options: {
                ...(nxReleasePublishTargetDefaults.options ?? {}),
            },
        };
    }
    return res;
}
/**
 * Uses `require.resolve` to read the package.json for a module.
 *
 * This will fail if the module doesn't export package.json
 *
 * @returns package json contents and path
 */
function readModulePackageJsonWithoutFallbacks(moduleSpecifier, requirePaths = (0, installation_directory_1.getNxRequirePaths)()) {
    const packageJsonPath = resolveWithoutCachePollution(`${moduleSpecifier}/package.json`, requirePaths);
    const packageJson = (0, fileutils_1.readJsonFile)(packageJsonPath);
    return {
        path: packageJsonPath,
        packageJson,
    };
}
/**
 * Reads the package.json file for a specified module.
 *
 * Includes a fallback that accounts for modules that don't export package.json
 *
 * @param {string} moduleSpecifier The module to look up
 * @param {string[]} requirePaths List of paths look in. Pass `module.paths` to ensure non-hoisted dependencies are found.
 *
 * @example
 * // Use the caller's lookup paths for non-hoisted dependencies
 * readModulePackageJson('http-server', module.paths);
 *
 * @returns package json contents and path
 */
function readModulePackageJson(moduleSpecifier, requirePaths = (0, installation_directory_1.getNxRequirePaths)()) {
    let exported;
    try {
        exported = readModulePackageJsonWithoutFallbacks(moduleSpecifier, requirePaths);
    }
    catch { }
    // A wildcard export can map package.json to a nested `{"type": ...}` stub,
    // so a nameless manifest is kept only when the lookup step finds no other.
    if (exported?.packageJson.name) {
        return exported;
    }
    const lookupPathMatch = findPackageJsonInLookupPaths(moduleSpecifier, requirePaths);
    if (lookupPathMatch) {
        return {
            packageJson: (0, fileutils_1.readJsonFile)(lookupPathMatch),
            path: lookupPathMatch,
        };
    }
    if (exported) {
        return exported;
    }
    const entryPoint = resolveWithoutCachePollution(moduleSpecifier, requirePaths);
    let moduleRootPath = (0, path_1.dirname)(entryPoint);
    let packageJsonPath = (0, path_1.join)(moduleRootPath, 'package.json');
    while (!(0, fs_1.existsSync)(packageJsonPath)) {
        moduleRootPath = (0, path_1.dirname)(moduleRootPath);
        packageJsonPath = (0, path_1.join)(moduleRootPath, 'package.json');
    }
    const packageJson = (0, fileutils_1.readJsonFile)(packageJsonPath);
    if (packageJson.name && packageJson.name !== moduleSpecifier) {
        throw new Error(`Found module ${packageJson.name} while trying to locate ${moduleSpecifier}/package.json`);
    }
    return {
        packageJson,
        path: packageJsonPath,
    };
}
function findPackageJsonInLookupPaths(moduleSpecifier, requirePaths) {
    for (const requirePath of requirePaths) {
        const lookupPaths = (0, node_module_1.createRequire)((0, path_1.join)((0, path_1.resolve)(requirePath), 'noop.js')).resolve.paths(moduleSpecifier) ?? [];
        for (const lookupPath of lookupPaths) {
            const candidate = (0, path_1.join)(lookupPath, moduleSpecifier, 'package.json');
            if ((0, fs_1.existsSync)(candidate)) {
                // Resolving gives a symlinked package the same real path Node returns.
                return resolveWithoutCachePollution(candidate, requirePaths);
            }
        }
    }
}
/**
 * Resolve `request` via Node's CJS resolver while neutralising both ways
 * `require.resolve(req, { paths })` can lie about the `paths` argument:
 *
 *   1. Process-wide `Module._pathCache`. It is swapped out for the duration
 *      of the call, so any cache entries written are discarded and any
 *      previously-poisoned entries are not read. Without this, an
 *      in-process load of a second `nx` package (e.g. the temp `nx@latest`
 *      install used by the daemon's AI-agents and console-status checks)
 *      can poison the cache key this call uses and make us read the temp
 *      path instead of the workspace path.
 *
 *   2. Package self-reference. When a file inside package `nx` calls
 *      `require.resolve('nx/...')`, Node returns that calling package's
 *      own file regardless of `paths`. We avoid that by issuing the
 *      resolve from a `createRequire` rooted at a synthetic path that is
 *      outside any package, so the resolver has no "self" to reference
 *      and must honour `paths`.
 *
 * Node's single-threaded synchronous execution means `require.resolve` does
 * not yield, so no other code in the process can observe the swapped cache.
 *
 * Throws like `require.resolve` when nothing matches.
 */
function resolveWithoutCachePollution(request, requirePaths) {
    // `_pathCache` is an internal Node API not exposed in @types/node.
    const realCache = node_module_1.default._pathCache;
    node_module_1.default._pathCache = Object.create(null);
    try {
        const detachedRequire = (0, node_module_1.createRequire)('/__nx_detached_resolver__/x.js');
        return detachedRequire.resolve(request, { paths: requirePaths });
    }
    finally {
        node_module_1.default._pathCache = realCache;
    }
}
/**
 * Prepares all necessary information for installing a package to a temporary directory.
 * This is used by both sync and async installation functions.
 */
function preparePackageInstallation(pkg, requiredVersion, packageManager) {
    const { dir: tempDir, cleanup } = (0, package_manager_1.createTempNpmDirectory)();
    console.log(`Fetching ${pkg}...`);
    const isVerbose = process.env.NX_VERBOSE_LOGGING === 'true';
    generatePackageManagerFiles(tempDir, packageManager);
    // For pnpm, `addDev` is `pnpm add -Dw` when the workspace has a
    // pnpm-workspace.yaml. `createTempNpmDirectory` copies a sanitized copy of
    // it into the temp dir, so the `-w` here resolves to the temp dir.
    const pmCommands = (0, package_manager_1.getPackageManagerCommand)(packageManager);
    const preInstallCommand = pmCommands.preInstall;
    // Keep peer dependencies out of the temp install. `ensurePackage` puts the
    // workspace's `node_modules` on `NODE_PATH`, so a loaded package resolves its
    // peers from the workspace instead of pulling its own (possibly incompatible)
    // copies into the temp dir.
    //
    // npm needs `--legacy-peer-deps` rather than `--omit=peer`: npm marks a package
    // as a peer if anything in the tree peer-depends on it, so `--omit=peer` also
    // prunes packages that are real dependencies. Bun's `--omit=peer` does not.
    //
    // pnpm has no plain flag for it. Up to 11 it takes `--config.<setting>`;
    // pnpm 12 gave `--config` a meaning of its own and takes the setting from
    // the environment instead.
    const skipPeerDependenciesFlags = {
        npm: '--legacy-peer-deps',
        bun: '--omit=peer',
        pnpm: '--config.auto-install-peers=false',
    };
    // Yarn Berry requires an environment variable (not a CLI flag) to disable lifecycle scripts.
    // Apply this defensively for all package managers when pulling nx@latest to tmp.
    const installEnv = {
        YARN_ENABLE_SCRIPTS: 'false',
        ...(packageManager === 'pnpm'
            ? { PNPM_CONFIG_AUTO_INSTALL_PEERS: 'false' }
            : {}),
    };
    const installCommand = [
        pmCommands.addDev,
        `${pkg}@${requiredVersion}`,
        skipPeerDependenciesFlags[packageManager],
        pmCommands.ignoreScriptsFlag,
    ]
        .filter(Boolean)
        .join(' ');
    const execOptions = {
        cwd: tempDir,
        stdio: isVerbose ? 'inherit' : 'ignore',
        windowsHide: true,
        env: { ...process.env, ...installEnv },
    };
    return {
        tempDir,
        cleanup,
        preInstallCommand,
        installCommand,
        execOptions,
        installEnv,
    };
}
function installPackageToTmp(pkg, requiredVersion, packageManager) {
    const { tempDir, cleanup, preInstallCommand, installCommand, execOptions } = preparePackageInstallation(pkg, requiredVersion, packageManager);
    if (preInstallCommand) {
        // ensure package.json and repo in tmp folder is set to a proper package manager state
        (0, child_process_1.execSync)(preInstallCommand, execOptions);
    }
    (0, child_process_1.execSync)(installCommand, execOptions);
    return {
        tempDir,
        cleanup,
    };
}
/**
 * @param options.env Base env for each install command, read as the command
 * starts. Defaults to `process.env`. With it, a `yarn` that only Corepack
 * provides runs through Corepack.
 */
async function installPackageToTmpAsync(pkg, requiredVersion, packageManager, options = {}) {
    const { tempDir, cleanup, preInstallCommand, installCommand, execOptions, installEnv, } = preparePackageInstallation(pkg, requiredVersion, packageManager);
    const run = (command) => {
        if (!options.env) {
            return execAsync(command, execOptions);
        }
        const env = { ...options.env(), ...installEnv };
        return execAsync(packageManager === 'yarn'
            ? yarnThroughCorepackIfNeeded(command, env)
            : command, { ...execOptions, env });
    };
    try {
        if (preInstallCommand) {
            // ensure package.json and repo in tmp folder is set to a proper package manager state
            await run(preInstallCommand);
        }
        await run(installCommand);
        return {
            tempDir,
            cleanup,
        };
    }
    catch (error) {
        // Clean up on error
        cleanup();
        throw error;
    }
}
function yarnThroughCorepackIfNeeded(command, env) {
    const path = Object.entries(env).find(([key]) => key.toUpperCase() === 'PATH')?.[1] ??
        '';
    const onPath = (bin) => !!path && !!which_1.default.sync(bin, { path, nothrow: true });
    return !onPath('yarn') && onPath('corepack')
        ? `corepack ${command}`
        : command;
}
function getDependencyVersionFromPackageJson(treeOrPackageName, packageNameOrRoot, packageJsonPathOrObjectOrRoot, dependencyLookup) {
    if (typeof treeOrPackageName !== 'string') {
        return getDependencyVersionFromPackageJsonFromTree(treeOrPackageName, packageNameOrRoot, packageJsonPathOrObjectOrRoot, dependencyLookup);
    }
    else {
        return getDependencyVersionFromPackageJsonFromFileSystem(treeOrPackageName, packageNameOrRoot, packageJsonPathOrObjectOrRoot, dependencyLookup);
    }
}
/**
 * Tree-based implementation for getDependencyVersionFromPackageJson
 */
function getDependencyVersionFromPackageJsonFromTree(tree, packageName, packageJsonPathOrObject = 'package.json', dependencyLookup = [
    'dependencies',
    'devDependencies',
]) {
    let packageJson;
    if (typeof packageJsonPathOrObject === 'object') {
        packageJson = packageJsonPathOrObject;
    }
    else if (tree.exists(packageJsonPathOrObject)) {
        packageJson = (0, json_1.readJson)(tree, packageJsonPathOrObject);
    }
    else {
        return null;
    }
    let version = null;
    for (const section of dependencyLookup) {
        const foundVersion = packageJson[section]?.[packageName];
        if (foundVersion) {
            version = foundVersion;
            break;
        }
    }
    // Resolve catalog reference if needed
    const manager = (0, catalog_1.getCatalogManager)(tree.root);
    if (version && manager?.isCatalogReference(version)) {
        version = manager.resolveCatalogReference(tree, packageName, version);
    }
    return version;
}
/**
 * Filesystem-based implementation for getDependencyVersionFromPackageJson
 */
function getDependencyVersionFromPackageJsonFromFileSystem(packageName, root = workspace_root_1.workspaceRoot, packageJsonPathOrObject = 'package.json', dependencyLookup = [
    'dependencies',
    'devDependencies',
]) {
    let packageJson;
    if (typeof packageJsonPathOrObject === 'object') {
        packageJson = packageJsonPathOrObject;
    }
    else {
        const packageJsonPath = (0, path_1.resolve)(root, packageJsonPathOrObject);
        if ((0, fs_1.existsSync)(packageJsonPath)) {
            packageJson = (0, fileutils_1.readJsonFile)(packageJsonPath);
        }
        else {
            return null;
        }
    }
    let version = null;
    for (const section of dependencyLookup) {
        const foundVersion = packageJson[section]?.[packageName];
        if (foundVersion) {
            version = foundVersion;
            break;
        }
    }
    // Resolve catalog reference if needed
    const manager = (0, catalog_1.getCatalogManager)(root);
    if (version && manager?.isCatalogReference(version)) {
        version = manager.resolveCatalogReference(root, packageName, version);
    }
    return version;
}
/**
 * Generates necessary files needed for the package manager to work
 * and for the node_modules to be accessible.
 */
function generatePackageManagerFiles(root, packageManager = (0, package_manager_1.detectPackageManager)()) {
    const [pmMajor] = (0, package_manager_1.getPackageManagerVersion)(packageManager).split('.');
    switch (packageManager) {
        case 'yarn':
            if (+pmMajor >= 2) {
                (0, fs_1.writeFileSync)((0, path_1.join)(root, '.yarnrc.yml'), 'nodeLinker: node-modules\nenableScripts: false');
            }
            break;
    }
}
