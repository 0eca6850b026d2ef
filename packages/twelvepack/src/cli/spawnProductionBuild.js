// The production build (webpack-cli, webpack.config.ts) in a child Node whose
// heap is capped, shared by `npm run build` and postinstall. Plain JavaScript:
// postinstall loads it before the TypeScript tooling is known to be installed.
'use strict';

const { spawn } = require('node:child_process');

/**
 * The build's V8 heap cap, in MB. Without a cap V8 sizes the heap from the
 * machine's memory and collects late: a 300-module app peaked at 600–1000 MB
 * on a 24 GB machine, 420 MB capped at 384 MB, in the same time
 * (bench/RESULTS.md). 384 fits a 512 MB build machine. The schema
 * (src/config/schema.ts) documents the same default and minimum.
 */
const DEFAULT_BUILD_HEAP_MB = 384;
const MIN_BUILD_HEAP_MB = 128;

/**
 * The heap cap from TWELVEPACK_BUILD_HEAP_MB (unset or empty: the default). Pure.
 * @param {string | undefined} value
 * @returns {{ heapMb: number } | { problem: string }}
 */
function parseBuildHeapMb(value) {
  if (value === undefined || value.trim() === '') return { heapMb: DEFAULT_BUILD_HEAP_MB };
  const heapMb = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || heapMb < MIN_BUILD_HEAP_MB) {
    return {
      problem:
        `TWELVEPACK_BUILD_HEAP_MB must be a whole number of megabytes, at least ${MIN_BUILD_HEAP_MB} (got ${JSON.stringify(value)}); ` +
        `unset it to use ${DEFAULT_BUILD_HEAP_MB}.`,
    };
  }
  return { heapMb };
}

/**
 * Runs the build with output passed through. Resolves with what to tell the
 * user when it failed: a heap exhausted (V8 aborts the process) gets its own
 * advice, since the fix is a number, not the code.
 * @param {{ root: string, heapMb: number }} options
 * @returns {Promise<{ ok: true } | { ok: false, status: number, message: string }>}
 */
function spawnProductionBuild({ root, heapMb }) {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  const args = [`--max-old-space-size=${heapMb}`, '-r', require.resolve('./registerTypeScript'), cli, '--config', 'webpack.config.ts', '--mode', 'production'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => resolve({ ok: false, status: 1, message: `could not start the build: ${error.message}` }));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve({ ok: true });
      if (signal === 'SIGABRT') {
        return resolve({
          ok: false,
          status: 1,
          message:
            `the production build ran out of memory: its heap is capped at ${heapMb} MB so it fits a small build machine. ` +
            `Give it more with TWELVEPACK_BUILD_HEAP_MB=${heapMb * 2} (in the environment) and build again.`,
        });
      }
      resolve({ ok: false, status: code ?? 1, message: 'the production build failed (see above); fix it and run `npm run build`.' });
    });
  });
}

module.exports = { DEFAULT_BUILD_HEAP_MB, MIN_BUILD_HEAP_MB, parseBuildHeapMb, spawnProductionBuild };
