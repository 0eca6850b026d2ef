#!/usr/bin/env node
// `npm run build`: the production build with its heap capped
// (TWELVEPACK_BUILD_HEAP_MB), then the same stamp postinstall writes, so a later
// install step with the same inputs does not build again.
// Reads process.env deliberately, like postinstall: the heap cap must be known
// before the Node process that loads the TypeScript config starts.
'use strict';

const { fingerprintInputs } = require('./decidePostinstall');
const { runStampedBuild } = require('./runStampedBuild');

// The app: npm runs an app's scripts from its own folder.
const root = process.cwd();

async function main() {
  const fingerprint = fingerprintInputs(root, process.env);
  const result = await runStampedBuild({ root, heapSetting: process.env.TWELVEPACK_BUILD_HEAP_MB, fingerprint });
  if (!result.ok) {
    process.stderr.write(`twelvepack: ${result.message}\n`);
    process.exit(result.status);
  }
}

main();
