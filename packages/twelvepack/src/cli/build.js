#!/usr/bin/env node
// `twelvepack build` (npm run build): a shim into TypeScript (runBuild.ts),
// which reads the configuration through the config module like every verb.
// Unlike postinstall it checks no tools first: a build run by hand needs them
// and says so through webpack's own error.
'use strict';

require('./registerTypeScript');
/** @type {typeof import('./runBuild')} */
const { runBuild } = require('./runBuild');

// The app: npm runs an app's scripts from its own folder. The CLI shell hands
// process.env to the config module (through runBuild) and reads nothing in it.
runBuild(process.cwd(), process.env).then((status) => {
  process.exitCode = status;
});
