#!/usr/bin/env node
// `twelvepack start-check`, npm's `prestart`: `npm start` before any build says what to run, instead of Node's
// MODULE_NOT_FOUND stack. Plain JavaScript and nothing else loaded: it runs before every `npm start`. The
// Procfile's web command runs the server directly and never runs this.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** What `npm start` runs, relative to the app's folder. */
const SERVER = join('dist', 'server', 'main.js');

if (!existsSync(join(process.cwd(), SERVER))) {
  process.stderr.write(`twelvepack: ${SERVER} is missing: run npm run build (npm install builds it), then npm start again.\n`);
  process.exit(1);
}
