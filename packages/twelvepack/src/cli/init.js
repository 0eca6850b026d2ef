#!/usr/bin/env node
// `twelvepack init DIR [--template vanilla|react]`: a new app in a new folder,
// from the toolkit's templates/ (runInit.ts, which checks everything first).
'use strict';

require('./registerTypeScript');
/** @type {typeof import('./runInit')} */
const { runInit } = require('./runInit');

// twelvepack.js has taken the verb out of argv. DIR is relative to where the command runs.
process.exitCode = runInit(process.argv.slice(2), process.cwd());
