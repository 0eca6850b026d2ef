import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { schema } from '../config/schema';
import { OUT_DIR_ENV } from '../webpack/outDirEnv';

/** How a build ended, and what to tell the user when it failed. */
export type BuildResult = { readonly ok: true } | { readonly ok: false; readonly status: number; readonly message: string };

/**
 * The schema's default heap cap, for the benchmarks that build as `npm run
 * build` does (bench/build/benchBuild.ts). The verbs never use it: they get
 * the cap from the config module, parsed and defaulted there.
 */
export const DEFAULT_BUILD_HEAP_MB = Number(schema.find((spec) => spec.name === 'TWELVEPACK_BUILD_HEAP_MB')?.default);

/**
 * Runs the production build (webpack-cli on the app's webpack.config.ts) in a
 * child Node whose heap is capped, with its output passed through.
 *
 * Without a cap V8 sizes the heap from the machine's memory and collects late:
 * a 300-module app peaked at 600–1000 MB on a 24 GB machine, 420 MB capped at
 * 384 MB, in the same time (bench/RESULTS.md). A heap exhausted (V8 aborts the
 * process) gets its own advice, since the fix is a number, not the code.
 *
 * @param heapMb config.TWELVEPACK_BUILD_HEAP_MB, validated by the config module
 * @param outDir where createAppWebpackConfig puts client/ and server/ (dist/ under root by default)
 */
export function spawnProductionBuild({ root, heapMb, outDir }: { readonly root: string; readonly heapMb: number; readonly outDir?: string }): Promise<BuildResult> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
  // The child loads webpack.config.ts, so it needs TypeScript registered before webpack-cli starts.
  const args = [`--max-old-space-size=${heapMb}`, '-r', join(__dirname, 'registerTypeScript.js'), cli, '--config', 'webpack.config.ts', '--mode', 'production'];
  if (outDir !== undefined) args.push('--env', `${OUT_DIR_ENV}=${outDir}`);
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
