#!/usr/bin/env node
// `npm run build -w twelvepack` (and `prepare`, so `npm install` in the
// repository and `npm pack` run it): the toolkit's sources compiled to dist/,
// CommonJS JavaScript and .d.ts types, from nothing (a file deleted from src/
// must not live on in dist/). Compiled beside dist/ and swapped in whole, so a
// process reading dist/ meanwhile never sees half of it, and a failed compile
// leaves the last good dist/. Not shipped: the tarball holds dist/ already.
'use strict';

const { spawnSync } = require('node:child_process');
const { chmodSync, existsSync, renameSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const PACKAGE_DIR = join(__dirname, '..');

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc', { paths: [PACKAGE_DIR] });
} catch {
  process.stderr.write(
    'twelvepack: cannot compile the toolkit: typescript is not installed. It is a devDependency of ' +
      'packages/twelvepack: run `npm install` (or `npm ci`) without --omit=dev / NODE_ENV=production, then try again.\n',
  );
  process.exit(1);
}

const dist = join(PACKAGE_DIR, 'dist');
const next = join(PACKAGE_DIR, `.dist-${process.pid}`);
const previous = join(PACKAGE_DIR, `.dist-old-${process.pid}`);
rmSync(next, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(PACKAGE_DIR, 'tsconfig.build.json'), '--outDir', next], { stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  process.stderr.write('twelvepack: compiling the toolkit failed (the errors are above); dist/ is left as it was.\n');
  process.exit(result.status ?? 1);
}
// The command line stays runnable in this repository (npm made the bin executable only at install).
const { bin } = require('../package.json');
for (const file of Object.values(bin)) chmodSync(join(next, file.replace(/^(\.\/)?dist\//, '')), 0o755);
if (existsSync(dist)) renameSync(dist, previous);
renameSync(next, dist);
rmSync(previous, { recursive: true, force: true });
