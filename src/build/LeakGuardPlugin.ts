import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Compiler } from 'webpack';
import type { SecretValue } from '../config/collectSecrets';
import { findLeaks } from './findLeaks';

const NAME = 'twelvepack:LeakGuardPlugin';

/**
 * Fails the build when the value of any non-public variable appears in any
 * emitted file: scripts, source maps, HTML, CSS, copied files, the manifest, and
 * the decompressed content of `.br`/`.gz` files. It runs once every asset is
 * final and names the variable and the file, never the value.
 */
export class LeakGuardPlugin {
  private readonly secrets: readonly SecretValue[];

  /** @param secrets the values to hunt for, from collectSecrets in src/config */
  constructor(secrets: readonly SecretValue[]) {
    this.secrets = secrets;
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After every other stage, the manifest's included (it is written at REPORT).
      const stage = Compilation.PROCESS_ASSETS_STAGE_REPORT + 1000;
      compilation.hooks.processAssets.tap({ name: NAME, stage }, () => {
        if (this.secrets.length === 0) return;
        for (const asset of compilation.getAssets()) {
          for (const leak of findLeaks(decoded(asset.name, asset.source.buffer()), this.secrets)) {
            const error = new WebpackError(
              `Leak guard: ${asset.name} contains the value of ${leak.name} (${leak.form}), which is not public. ` +
                `Nothing was written. Find where client code, a data file or public/ holds that value and remove it; ` +
                `browser code may only read variables marked public in src/config/schema.ts.`,
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
