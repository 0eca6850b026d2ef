import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Compiler } from 'webpack';
import type { SecretValue } from '../../config/collectSecrets';
import { findLeaks } from './findLeaks';
import { PassedAssetCache } from './PassedAssetCache';

const NAME = 'twelvepack:LeakGuardPlugin';

/**
 * Fails the build when the value of any non-public variable appears in any
 * emitted file: scripts, source maps, HTML, CSS, copied files, the manifest, and
 * the decompressed content of `.br`/`.gz` files. It runs once every asset is
 * final and names the variable and the file, never the value. Contents found
 * clean are remembered in webpack's cache, so a rebuild scans only what changed.
 */
export class LeakGuardPlugin {
  private readonly secrets: readonly SecretValue[];
  /** Keys the cache of clean assets: a new or changed secret makes every asset be scanned again. */
  private readonly secretsDigest: string;

  /** @param secrets the values to hunt for, from collectSecrets in src/config */
  constructor(secrets: readonly SecretValue[]) {
    this.secrets = secrets;
    this.secretsDigest = digestOf(secrets);
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After every other stage, the manifest's included (it is written at REPORT).
      const stage = Compilation.PROCESS_ASSETS_STAGE_REPORT + 1000;
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage }, async () => {
        if (this.secrets.length === 0) return;
        const clean = new PassedAssetCache(compilation, NAME, this.secretsDigest);
        for (const asset of compilation.getAssets()) {
          if (await clean.hasPassed(asset)) continue;
          const leaks = findLeaks(decoded(asset.name, asset.source.buffer()), this.secrets);
          if (leaks.length === 0) await clean.remember(asset);
          for (const leak of leaks) {
            const error = new WebpackError(
              `Leak guard: ${asset.name} contains the value of ${leak.name} (${leak.form}), which is not public. ` +
                `Nothing was written. Find where client code, a data file or public/ holds that value and remove it; ` +
                `browser code may only read variables declared public (named PUBLIC_*, in src/app.ts).`,
            );
            error.name = 'LeakGuardError';
            error.file = asset.name;
            compilation.errors.push(error);
          }
        }
      });
    });
  }
}

function decoded(name: string, content: Buffer): Buffer {
  if (name.endsWith('.gz')) return gunzipSync(content);
  if (name.endsWith('.br')) return brotliDecompressSync(content);
  return content;
}

/**
 * One digest of every name and value hunted for. It lands in the build cache, so it is
 * salted with the guard's name and never holds a value in the clear.
 */
function digestOf(secrets: readonly SecretValue[]): string {
  const hash = createHash('sha256').update(NAME);
  for (const { name, value } of [...secrets].sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value))) {
    hash.update(`\0${name}\0${value}`);
  }
  return hash.digest('base64url');
}
