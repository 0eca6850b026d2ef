#!/usr/bin/env node
// The shell around decidePostinstall: gathers the facts, builds when told to,
// and records a stamp so a second install step (Heroku's heroku-postbuild, a
// platform's build command) does not build the same thing again.
// This entry point reads process.env deliberately: it runs before the build
// tools (and so before src/config, which is TypeScript) may be installed.
'use strict';

const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { readStamp } = require('./buildStamp');
const { BUILD_TOOLS, decidePostinstall, fingerprintInputs } = require('./decidePostinstall');
const { runStampedBuild } = require('./runStampedBuild');

// The app: npm runs an app's scripts from its own folder.
const root = process.cwd();
/** @param {string} text */
const say = (text) => process.stdout.write(`twelvepack: ${text}\n`);
/** @param {string} text */
const fail = (text, status = 1) => {
  process.stderr.write(`twelvepack: ${text}\n`);
  process.exit(status);
};

async function main() {
  const fingerprint = fingerprintInputs(root, process.env);
  const decision = decidePostinstall({
    packageRoot: root,
    initCwd: process.env.INIT_CWD,
    skipBuild: process.env.TWELVEPACK_SKIP_BUILD,
    missingTools: BUILD_TOOLS.filter((name) => !canResolve(name)),
    stampIsFresh: readStamp(root) === fingerprint && existsSync(join(root, 'dist', 'client', 'asset-manifest.json')),
  });

  if (decision.action === 'skip') return say(`not building: ${decision.reason}.`);
  if (decision.action === 'fail') return fail(decision.reason);

  say(`${decision.reason} (set TWELVEPACK_SKIP_BUILD=true to skip).`);
  const result = await runStampedBuild({ root, heapSetting: process.env.TWELVEPACK_BUILD_HEAP_MB, fingerprint });
  if (!result.ok) fail(result.message, result.status);
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

main();
