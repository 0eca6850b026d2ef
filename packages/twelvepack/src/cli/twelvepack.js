#!/usr/bin/env node
// The toolkit's command line: `twelvepack <verb>`, run from the app's folder
// (npm runs an app's scripts there). Plain JavaScript: `postinstall` runs before
// the build tools are known to be installed.
'use strict';

/** Each verb and the module that carries it out. */
const VERBS = {
  build: { module: './build.js', doc: 'the production build into dist/ (client and server), then the install stamp' },
  dev: { module: './dev.js', doc: 'the development server: live rebuild, API on the same origin' },
  'env:example': { module: './envExample.js', doc: '.env.example and the browser types, from the declared variables' },
  init: { module: './init.js', doc: 'a new app in a new folder: twelvepack init DIR [--template vanilla|react] [--toolkit SPEC]' },
  'start-check': { module: './startCheck.js', doc: "before npm start (its prestart): says to build when dist/server/main.js is missing" },
  postinstall: { module: './postinstall.js', doc: "the production build on npm install (and Heroku's build hooks), once, never as a dependency" },
};

const verb = process.argv.splice(2, 1)[0] ?? '';
const entry = Object.hasOwn(VERBS, verb) ? VERBS[/** @type {keyof typeof VERBS} */ (verb)] : undefined;
if (entry === undefined) {
  const list = Object.entries(VERBS)
    .map(([name, { doc }]) => `  twelvepack ${name.padEnd(12)} ${doc}`)
    .join('\n');
  process.stderr.write(`twelvepack: ${verb === '' ? 'name a command' : `unknown command "${verb}"`}. Commands:\n${list}\n`);
  process.exit(2);
}
// Node 22.1 and later keep the compiled code of the toolkit and its packages between runs (in the system's temp
// folder), which shortens every verb's start; Node 20 has no such cache and runs the same.
/** @type {{ enableCompileCache?: () => unknown }} */ (require('node:module')).enableCompileCache?.();
require(entry.module);
