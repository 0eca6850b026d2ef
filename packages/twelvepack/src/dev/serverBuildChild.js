// The dev server's server build, in a process of its own so it compiles on another core while the dev server
// compiles the client (forkServerBuild.ts starts it). TypeScript from the sources, as every verb's shim.
'use strict';

require('../cli/registerTypeScript');
/** @type {typeof import('./runServerBuild')} */
const { runServerBuild } = require('./runServerBuild');

runServerBuild(process);
