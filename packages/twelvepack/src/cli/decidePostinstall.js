// Plain JavaScript on purpose: this runs from `npm install` before we know the
// build tools (Babel, webpack) are there, so it cannot need them.
'use strict';

const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { isAbsolute, join, relative, sep } = require('node:path');

/** What the build needs installed; a missing one means devDependencies or a partial install. */
const BUILD_TOOLS = ['webpack', 'webpack-cli', '@babel/core', '@babel/register', 'babel-loader', '@babel/preset-env', '@babel/preset-typescript'];

/** Inputs whose content decides the bundle (with the environment values hashed separately). */
const INPUT_PATHS = ['src', 'public', 'package.json', 'package-lock.json', 'babel.config.js', 'webpack.config.ts'];

/** Where the build stamp lives: beside dist/client, never inside what is served. */
const STAMP_FILE = join('dist', 'build-stamp.json');

/**
 * @typedef {{ action: 'build' | 'skip' | 'fail', reason: string }} Decision
 * @typedef {{
 *   packageRoot: string,
 *   initCwd: string | undefined,
 *   skipBuild: string | undefined,
 *   missingTools: readonly string[],
 *   stampIsFresh: boolean,
 * }} Facts
 */

/**
 * Decides what `npm install` should do about the production build. Pure.
 * @param {Facts} facts
 * @returns {Decision}
 */
function decidePostinstall(facts) {
  const { packageRoot, initCwd, skipBuild, missingTools, stampIsFresh } = facts;
  if (isInsideNodeModules(packageRoot) || (initCwd !== undefined && !isInside(initCwd, packageRoot))) {
    return { action: 'skip', reason: `installed as a dependency of ${initCwd ?? 'another package'}; only the app itself builds on install` };
  }
  if (isTruthy(skipBuild)) {
    return { action: 'skip', reason: 'TWELVEPACK_SKIP_BUILD is set; run `npm run build` when you want a production build' };
  }
  if (stampIsFresh) {
    return { action: 'skip', reason: `dist/ is already built from these sources and this environment (${STAMP_FILE})` };
  }
  if (missingTools.length > 0) {
    return {
      action: 'fail',
      reason:
        `cannot build: ${missingTools.join(', ')} ${missingTools.length === 1 ? 'is' : 'are'} not installed. ` +
        'The build tools are dependencies of twelvepack, so a plain `npm install` (or `npm ci`) installs them; ' +
        'if you installed with --omit or a partial tree, run `npm ci` again. ' +
        'To install without building (for example to build elsewhere), set TWELVEPACK_SKIP_BUILD=true.',
    };
  }
  return { action: 'build', reason: 'building the production bundle into dist/' };
}

/**
 * A fingerprint of everything the build reads: the input files' paths and
 * contents, the `.env` files, and the environment values of the variables
 * `.env.example` declares (plus any PUBLIC_*). Values are hashed, never stored.
 * @param {string} root
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {string}
 */
function fingerprintInputs(root, env) {
  const hash = createHash('sha256');
  // The toolkit's own code decides the bundle too (in a workspace it is not under the app's src/).
  const toolkit = relative(root, join(__dirname, '..'));
  const files = [...INPUT_PATHS, toolkit].flatMap((path) => listFiles(root, path));
  const envFiles = readdirSync(root).filter((name) => name.startsWith('.env')).sort();
  for (const file of [...files, ...envFiles]) {
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  }
  for (const name of buildVariableNames(root, env)) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/**
 * @param {string} root
 * @param {Readonly<Record<string, string | undefined>>} env
 */
function buildVariableNames(root, env) {
  const example = existsSync(join(root, '.env.example')) ? readFileSync(join(root, '.env.example'), 'utf8') : '';
  const declared = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => String(match[1]));
  const publicNames = Object.keys(env).filter((name) => name.startsWith('PUBLIC_'));
  return [...new Set([...declared, ...publicNames, 'NODE_ENV'])].sort();
}

/**
 * @param {string} root
 * @param {string} path
 * @returns {string[]}
 */
function listFiles(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(root, join(path, name)));
}

/** @param {string} path */
function isInsideNodeModules(path) {
  return path.split(sep).includes('node_modules');
}

/**
 * @param {string} child
 * @param {string} parent
 */
function isInside(child, parent) {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** @param {string | undefined} value */
function isTruthy(value) {
  return ['1', 'true', 'yes'].includes(String(value ?? '').trim().toLowerCase());
}

module.exports = { BUILD_TOOLS, STAMP_FILE, decidePostinstall, fingerprintInputs };
