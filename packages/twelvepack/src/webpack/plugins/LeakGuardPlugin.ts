import type { Compiler } from 'webpack';
import type { SecretValue } from '../../config/collectSecrets';
import { decompressAsset } from './decompressAsset';
import { findLeaks, needlesOf, type Leak, type Needle } from './findLeaks';
import { findTokenShapes } from './findTokenShapes';
import { leakGuardDigest } from './leakGuardDigest';
import { PassedAssetCache } from './PassedAssetCache';

const NAME = 'twelvepack:LeakGuardPlugin';

/** Options for {@link LeakGuardPlugin}. */
export interface LeakGuardOptions {
  /** The values to hunt for, from collectSecrets in src/config. */
  readonly secrets: readonly SecretValue[];
  /** Which bundle it guards: the errors tell a browser leak (public now) from a secret in server code (in the repository). */
  readonly bundle: 'client' | 'server';
}

/**
 * Fails the build when the value of a secret, or a token of a well-known
 * format (whatever variable it came from, if any), appears in any emitted
 * file: scripts, source maps, HTML, CSS, copied files, the manifest, and the
 * decompressed content of `.br`/`.gz` files (a file that does not decompress is
 * scanned as it is, with a warning). It runs once every asset is final and
 * names the variable or the format, and the file, never the value. Contents
 * found clean are remembered in webpack's cache, so a rebuild scans only what changed.
 */
export class LeakGuardPlugin {
  private readonly needles: readonly Needle[];
  private readonly bundle: 'client' | 'server';
  /** Keys the cache of clean assets: a new or changed secret, form or format makes every asset be scanned again. */
  private readonly digest: string;

  constructor({ secrets, bundle }: LeakGuardOptions) {
    this.needles = needlesOf(secrets);
    this.bundle = bundle;
    this.digest = leakGuardDigest(NAME, this.needles);
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError } = compiler.webpack;
    const report = (kind: 'error' | 'warning', file: string, message: string) => {
      const problem = new WebpackError(message);
      problem.name = kind === 'error' ? 'LeakGuardError' : 'LeakGuardWarning';
      problem.file = file;
      return problem;
    };
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After every other stage, the manifest's included (it is written at REPORT).
      const stage = Compilation.PROCESS_ASSETS_STAGE_REPORT + 1000;
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage }, async () => {
        const clean = new PassedAssetCache(compilation, NAME, this.digest);
        for (const asset of compilation.getAssets()) {
          if (await clean.hasPassed(asset)) continue;
          const { content, problem } = decompressAsset(asset.name, asset.source.buffer());
          if (problem !== undefined) compilation.warnings.push(report('warning', asset.name, problem));
          const leaks = findLeaks(content, this.needles);
          const shapes = findTokenShapes(content.toString('latin1'));
          if (leaks.length === 0 && shapes.length === 0) {
            if (problem === undefined) await clean.remember(asset);
            continue;
          }
          for (const leak of leaks) compilation.errors.push(report('error', asset.name, this.leakMessage(asset.name, leak)));
          for (const shape of shapes) compilation.errors.push(report('error', asset.name, this.shapeMessage(asset.name, shape)));
        }
      });
    });
  }

  private leakMessage(file: string, { name, form }: Leak): string {
    if (this.bundle === 'server') {
      return (
        `Leak guard: the server bundle's ${file} contains the value of ${name} (${form}). A secret in server code is a secret in the ` +
        `repository: server code reads secrets from the environment at run time, so this value is hard-coded in a source file (or a file it imports). ` +
        `Remove it from the code, keep it in the environment only, and rotate it: it is in the repository's history.`
      );
    }
    return (
      `Leak guard: ${file} contains the value of ${name} (${form}), which is not public. ` +
      `Nothing was written. Find where client code, a data file or public/ holds that value and remove it; ` +
      `browser code may only read variables declared public (named PUBLIC_*, in src/app.ts).`
    );
  }

  private shapeMessage(file: string, format: string): string {
    if (this.bundle === 'server') {
      return (
        `Leak guard: the server bundle's ${file} contains a credential of a well-known format, ${format}, hard-coded in a source file (or a file it imports): ` +
        `a secret in server code is a secret in the repository. Move it to the environment (a variable declared secret in src/app.ts) and rotate it.`
      );
    }
    return (
      `Leak guard: ${file} contains a credential of a well-known format, ${format}. Nothing was written. Anything in the browser bundle is public: ` +
      `remove it from client code, data files or public/, keep it on the server (in a variable declared secret in src/app.ts), and rotate it.`
    );
  }
}
