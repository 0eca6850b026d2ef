#!/usr/bin/env node
// `twelvepack postinstall` (npm install; Heroku's heroku-build and heroku-postbuild): the production
// build, once, never as a dependency. Only the checks that must run before
// Babel exists are plain JavaScript here (is this the app itself? are its build
// tools installed?); the rest is TypeScript (runPostinstall.ts), which reads
// the configuration through the config module.
'use strict';

const { BUILD_TOOLS, decidePostinstall } = require('./decidePostinstall');

// The app: npm runs an app's scripts from its own folder.
const root = process.cwd();

const decision = decidePostinstall({
  packageRoot: root,
  // Read here, outside src/config, on purpose: npm's INIT_CWD decides whether
  // this is a dependency install before the config module (TypeScript) can load.
  initCwd: process.env.INIT_CWD,
  missingTools: BUILD_TOOLS.filter((name) => !canResolve(name)),
});

if (decision.action === 'skip') {
  process.stdout.write(`twelvepack: not building: ${decision.reason}.\n`);
} else if (decision.action === 'fail') {
  process.stderr.write(`twelvepack: ${decision.reason}\n`);
  process.exitCode = 1;
} else {
  require('./registerTypeScript');
  /** @type {typeof import('./runPostinstall')} */
  const { runPostinstall } = require('./runPostinstall');
  // The CLI shell hands process.env to the config module (through runPostinstall).
  runPostinstall(root, process.env).then((status) => {
    process.exitCode = status;
  });
}

/** @param {string} name */
function canResolve(name) {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}
