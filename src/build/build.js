#!/usr/bin/env node
// `npm run build`: the production build with its heap capped
// (TWELVEPACK_BUILD_HEAP_MB), then the same stamp postinstall writes, so a later
// install step with the same inputs does not build again.
// Reads process.env deliberately, like postinstall: the heap cap must be known
// before the Node process that loads the TypeScript config starts.
'use strict';

const { resolve } = require('node:path');
const { writeStamp } = require('./buildStamp');
const { fingerprintInputs } = require('./decidePostinstall');
const { parseBuildHeapMb, spawnProductionBuild } = require('./spawnProductionBuild');

const root = resolve(__dirname, '..', '..');

async function main() {
  const heap = parseBuildHeapMb(process.env.TWELVEPACK_BUILD_HEAP_MB);
  if ('problem' in heap) {
    process.stderr.write(`twelvepack: ${heap.problem}\n`);
    process.exit(1);
  }
  const fingerprint = fingerprintInputs(root, process.env);
  const result = await spawnProductionBuild({ root, heapMb: heap.heapMb });
  if (!result.ok) {
    process.stderr.write(`twelvepack: ${result.message}\n`);
    process.exit(result.status);
  }
  writeStamp(root, fingerprint);
}

main();
