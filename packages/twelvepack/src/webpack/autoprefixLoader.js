// A webpack loader for stylesheets: autoprefixer through PostCSS, for the browsers
// createModuleRules.ts gives it (src/webpack/browserTargets.js), with nothing read
// from the app's folder: no postcss.config.js, no browserslist. postcss-loader
// would do the same, but it loads cosmiconfig to look for configs, which makes
// typescript a production dependency of every app (npm keeps a peer of a
// production package installed): a pruned slug would carry 20 MB of compiler.
'use strict';

const { dirname, resolve } = require('node:path');
const autoprefixer = require('autoprefixer');
const postcss = require('postcss');

/**
 * @typedef {{ browsers: string[] }} AutoprefixOptions
 * @typedef {import('webpack').LoaderContext<AutoprefixOptions>} LoaderContext
 */

/** One PostCSS processor per list of browsers: autoprefixer reads its data once per list. */
const processors = new Map();

/**
 * @this {LoaderContext}
 * @param {string} css
 * @param {string | object | undefined} map the previous loader's source map, if any
 */
module.exports = function autoprefixLoader(css, map) {
  const callback = this.async();
  const { browsers } = this.getOptions();
  const key = browsers.join('\n');
  if (!processors.has(key)) processors.set(key, postcss([autoprefixer({ overrideBrowserslist: browsers })]));
  const mapOptions = this.sourceMap ? { prev: typeof map === 'string' ? JSON.parse(map) : map, inline: false, annotation: false, sourcesContent: true } : false;
  processors
    .get(key)
    .process(css, { from: this.resourcePath, to: this.resourcePath, map: mapOptions })
    .then(
      (/** @type {import('postcss').Result} */ result) => {
        for (const warning of result.warnings()) this.emitWarning(new Error(`${this.resourcePath}: ${warning.toString()}`));
        callback(null, result.css, result.map ? absoluteSources(result.map.toJSON(), dirname(this.resourcePath)) : undefined);
      },
      (/** @type {Error & { name?: string, showSourceCode?: () => string, reason?: string, line?: number, column?: number }} */ error) => {
        // A syntax error says where, with the lines around it; anything else is passed on as it is.
        if (error.name === 'CssSyntaxError' && typeof error.showSourceCode === 'function') {
          callback(new Error(`${this.resourcePath}:${error.line}:${error.column}: ${error.reason}\n${error.showSourceCode()}`));
        } else callback(error);
      },
    );
};

/**
 * PostCSS names sources relative to the stylesheet; css-loader, next, expects absolute paths (as postcss-loader
 * hands them over) and names them relative to the app in the final map.
 * @param {{ sources?: string[], sourceRoot?: string, file?: string }} map
 * @param {string} dir the stylesheet's folder
 * @returns {any} the map, as webpack types it (postcss types it with source-map-js's version: string)
 */
function absoluteSources(map, dir) {
  const { sourceRoot, file: _file, ...rest } = map;
  const base = sourceRoot ? resolve(dir, sourceRoot) : dir;
  return { ...rest, sources: (map.sources ?? []).map((source) => (/^[a-z][\w+.-]*:/i.test(source) ? source : resolve(base, source))) };
}
