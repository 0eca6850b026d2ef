// jest's transform for what an app's browser code imports besides code, so a component spec runs in jsdom on
// what the build would give it (an app's jest.config.js names it: `twelvepack/testing/assetTransform`).
import { dirname, basename } from 'node:path';
import postcss, { type AcceptedPlugin, type Root } from 'postcss';

/** As much of jest's transformer contract as this module keeps (jest 29's SyncTransformer). */
export interface AssetTransformer {
  /** The module's source for an imported file at `path`, as CommonJS. */
  process(source: string, path: string): { code: string };
}

/** A stylesheet whose classes are local to the file, as the build decides it (css-loader's `auto`). */
const CSS_MODULE = /\.module\.css$/i;

/** Any other stylesheet: imported for its effect alone. */
const GLOBAL_CSS = /\.css$/i;

/**
 * `*.module.css`: its classes as the default export and as named ones, each by the name written in the file (a
 * name it does not hold is undefined, so a misspelt class fails the spec); another `.css`: nothing; any other
 * file (an svg, png, font...): its file name, as the default export, where the build gives its URL.
 */
const assetTransform: AssetTransformer = {
  process(source, path) {
    if (CSS_MODULE.test(path)) return { code: esModule(cssModuleClasses(source, path)) };
    if (GLOBAL_CSS.test(path)) return { code: 'module.exports = {};\n' };
    return { code: esModule({}, basename(path)) };
  },
};

export default assetTransform;

/**
 * The class map css-loader's own CSS-modules plugins give the file (local by default, `:global` left out,
 * `composes` joined), with each class kept under its written name.
 */
export function cssModuleClasses(source: string, path: string): Record<string, string> {
  const root = postcss(cssModulesPlugins()).process(source, { from: path }).root as Root;
  const classes: Record<string, string> = {};
  root.walkRules(':export', (rule) => {
    rule.walkDecls((decl) => {
      classes[decl.prop] = decl.value;
    });
  });
  return classes;
}

/** css-loader's plugins, from its own dependencies, so the rules are the build's and follow its upgrades. */
function cssModulesPlugins(): AcceptedPlugin[] {
  const paths = [dirname(require.resolve('css-loader/package.json'))];
  const load = (name: string) => require(require.resolve(name, { paths })) as (options?: object) => AcceptedPlugin;
  return [load('postcss-modules-local-by-default')({ mode: 'local' }), load('postcss-modules-extract-imports')(), load('postcss-modules-scope')({ generateScopedName: (name: string) => name })];
}

/** A CommonJS module that Babel's interop reads as an ES module: `exports` by name, and `value` as the default. */
function esModule(named: Record<string, string>, value: unknown = named): string {
  const lines = ['Object.defineProperty(exports, "__esModule", { value: true });', `exports.default = ${JSON.stringify(value)};`];
  for (const [name, className] of Object.entries(named)) {
    if (name !== 'default' && name !== '__esModule') lines.push(`exports[${JSON.stringify(name)}] = ${JSON.stringify(className)};`);
  }
  return `${lines.join('\n')}\n`;
}
