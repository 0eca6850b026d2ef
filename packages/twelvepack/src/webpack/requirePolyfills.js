// A Babel plugin for browser code: the core-js imports that preset-env adds
// (`import "core-js/modules/es.promise.js"`, one per feature a module uses)
// become `require("core-js/modules/es.promise.js")`.
//
// core-js modules are CommonJS, and webpack gives every `import` of a CommonJS
// module a default-interop variable (`var x_default = __webpack_require__.n(x)`),
// used or not: about 4,300 of them on the 300-module bench app, a third of its
// unminified code, which the minifier, the ES5 proof and the leak guard all
// read before the minifier drops them (esbuild's would not: it keeps unused
// variables inside functions). A `require` is only the call.
//
// Order is kept where it matters: each module still loads the polyfills it uses
// before its own body runs (the requires come first in it), and the modules it
// imports load theirs in their own bodies.
//
// A strict ES module (`.mjs`, or a `.js` file of a package whose package.json says
// `"type": "module"`, such as @babel/runtime's helpers/esm) keeps its imports:
// webpack gives such a module no `require`, and would leave the call in the bundle
// for the browser to fail on.
'use strict';

const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** @typedef {import('@babel/core')} Babel */

const POLYFILL = /^core-js\/(modules|stable|actual|features|es|web)\//;

/** The `type` of the nearest package.json, by folder (read once per folder and build process). */
const packageTypes = new Map();

/**
 * Whether webpack parses a file as a strict ES module (`javascript/esm`), where `require` does not exist.
 * @param {string | undefined | null} filename
 * @returns {boolean}
 */
function isStrictEsm(filename) {
  if (!filename) return false;
  if (filename.endsWith('.mjs') || filename.endsWith('.mts')) return true;
  if (filename.endsWith('.cjs') || filename.endsWith('.cts')) return false;
  return packageTypeOf(dirname(filename)) === 'module';
}

/**
 * @param {string} dir
 * @returns {string | undefined}
 */
function packageTypeOf(dir) {
  if (packageTypes.has(dir)) return packageTypes.get(dir);
  let type;
  try {
    type = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type ?? 'commonjs';
  } catch {
    const parent = dirname(dir);
    type = parent === dir ? undefined : packageTypeOf(parent);
  }
  packageTypes.set(dir, type);
  return type;
}

/** @param {Babel} babel */
module.exports = function requirePolyfills({ types: t }) {
  return {
    name: 'twelvepack-require-polyfills',
    visitor: {
      Program: {
        // On exit: preset-env's polyfill provider has added its imports by then.
        exit(/** @type {import('@babel/core').NodePath<import('@babel/types').Program>} */ program, /** @type {{ filename?: string }} */ state) {
          if (isStrictEsm(state.filename)) return;
          for (const statement of program.get('body')) {
            if (!statement.isImportDeclaration()) continue;
            const { node } = statement;
            if (node.specifiers.length > 0 || !POLYFILL.test(node.source.value)) continue;
            statement.replaceWith(t.expressionStatement(t.callExpression(t.identifier('require'), [t.stringLiteral(node.source.value)])));
          }
        },
      },
    },
  };
};
