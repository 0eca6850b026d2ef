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
'use strict';

/** @typedef {import('@babel/core')} Babel */

const POLYFILL = /^core-js\/(modules|stable|actual|features|es|web)\//;

/** @param {Babel} babel */
module.exports = function requirePolyfills({ types: t }) {
  return {
    name: 'twelvepack-require-polyfills',
    visitor: {
      Program: {
        // On exit: preset-env's polyfill provider has added its imports by then.
        exit(/** @type {import('@babel/core').NodePath<import('@babel/types').Program>} */ program) {
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
