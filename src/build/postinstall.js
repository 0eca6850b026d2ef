#!/usr/bin/env node
// The shell around decidePostinstall: gathers the facts, builds when told to,
// and records a stamp so a second install step (Heroku's heroku-postbuild, a
// platform's build command) does not build the same thing again.
// This entry point reads process.env deliberately: it runs before the build
// tools (and so before src/config, which is TypeScript) may be installed.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { BUILD_TOOLS, STAMP_FILE, decidePostinstall, fingerprintInputs } = require('./decidePostinstall');

const root = resolve(__dirname, '..', '..');
/** @param {string} text */
const say = (text) => process.stdout.write(`twelvepack: ${text}\n`);

function main() {
  const fingerprint = fingerprintInputs(root, process.env);
  const decision = decidePostinstall({
    packageRoot: root,
    initCwd: process.env.INIT_CWD,
    skipBuild: process.env.TWELVEPACK_SKIP_BUILD,
    missingTools: BUILD_TOOLS.filter((name) => !canResolve(name)),
    stampIsFresh: readStamp() === fingerprint && existsSync(join(root, 'dist', 'client', 'asset-manifest.json')),
  });

  if (decision.action === 'skip') return say(`not building: ${decision.reason}.`);
  if (decision.action === 'fail') {
    process.stderr.write(`twelvepack: ${decision.reason}\n`);
    process.exit(1);
  }

  say(`${decision.reason} (set TWELVEPACK_SKIP_BUILD=true to skip).`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  const result = spawnSync(process.execPath, [cli, '--config', 'webpack.config.ts', '--mode', 'production'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write('twelvepack: the production build failed (see above); fix it and run `npm run build`.\n');
    process.exit(result.status ?? 1);
  }
  mkdirSync(dirname(join(root, STAMP_FILE)), { recursive: true });
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
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

function readStamp() {
  try {
    return JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

main();
