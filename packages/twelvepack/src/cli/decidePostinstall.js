// The part of postinstall's decision that must run before Babel exists: npm
// runs postinstall before we know the build tools (Babel among them) are
// installed, so this is plain JavaScript and reads nothing but its facts. Once
// it says `continue`, the configuration is loaded in TypeScript and
// decideBuild.ts decides the rest (TWELVEPACK_SKIP_BUILD, the stamp).
'use strict';

const { isAbsolute, relative, sep } = require('node:path');

/** What loading the configuration and building need installed; a missing one means a partial install. */
const BUILD_TOOLS = ['webpack', 'webpack-cli', '@babel/core', '@babel/register', 'babel-loader', '@babel/preset-env', '@babel/preset-typescript', '@babel/preset-react'];

/**
 * @typedef {{ action: 'skip' | 'fail' | 'continue', reason: string }} Decision
 * @typedef {{
 *   packageRoot: string,
 *   initCwd: string | undefined,
 *   missingTools: readonly string[],
 * }} Facts
 */

/**
 * Decides whether `npm install` may go on to the build decision: not for a
 * dependency install (only the app itself builds), not without the tools. Pure.
 * @param {Facts} facts
 * @returns {Decision}
 */
function decidePostinstall({ packageRoot, initCwd, missingTools }) {
  if (isInsideNodeModules(packageRoot) || (initCwd !== undefined && !isInside(initCwd, packageRoot))) {
    return { action: 'skip', reason: `installed as a dependency of ${initCwd ?? 'another package'}; only the app itself builds on install` };
  }
  if (missingTools.length > 0) {
    return {
      action: 'fail',
      reason:
        `cannot build: ${missingTools.join(', ')} ${missingTools.length === 1 ? 'is' : 'are'} not installed. ` +
        'The build tools are dependencies of twelvepack, so a plain `npm install` (or `npm ci`) installs them; ' +
        'if you installed with --omit or a partial tree, run `npm ci` again. ' +
        // Without Babel the config module cannot load, and no second parser reads its variables here.
        'TWELVEPACK_SKIP_BUILD cannot skip this check: twelvepack reads it only once these tools are installed.',
    };
  }
  return { action: 'continue', reason: 'the app itself, with its build tools installed' };
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

module.exports = { BUILD_TOOLS, decidePostinstall };
