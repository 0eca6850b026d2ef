/**
 * Which of the toolkit's dependencies may run their install scripts, as an app's package.json `allowScripts` says
 * it (npm reads that field from the project's root package.json only, so `twelvepack init` writes it there, and
 * this repository's root holds the same). npm 12 skips every dependency's install script that the field does not
 * allow; npm 11 runs it, and warns.
 *
 * Entries are by name, not pinned to a version: the toolkit pins every version already, and a pinned approval
 * would quietly skip the native build after each upgrade of the toolkit.
 */
export const TOOLKIT_INSTALL_SCRIPTS: Readonly<Record<string, boolean>> = {
  // Builds its native part (a prebuilt download, else node-gyp): without it the SQLite store cannot open.
  'better-sqlite3': true,
  // Installs @swc/wasm when the native binary (an optional dependency, installed without a script) will not load:
  // a package outside the lockfile. TWELVEPACK_MINIFIER=terser builds without swc.
  '@swc/core': false,
  // Each prints a funding banner, nothing more (core-js-pure comes with the React Fast Refresh plugin).
  'core-js': false,
  'core-js-pure': false,
};
