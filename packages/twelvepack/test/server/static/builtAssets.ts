import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssetManifest } from '../../../src/config/AssetManifest';
import { builtClientDir } from '../../support/builtApp';

/** Real file names from the shared test build's manifest, so tests never hard-code a content hash. */
export interface BuiltAssets {
  readonly manifest: AssetManifest;
  /** `main.<hash>.js`: hashed, with br and gzip siblings. */
  readonly mainJs: string;
  readonly vendorsJs: string;
  /** The legacy bundle's: `main-legacy.<hash>.js`, `vendors[-<chunk hash>]-legacy.<hash>.js`. */
  readonly mainLegacyJs: string;
  readonly vendorsLegacyJs: string;
  readonly mainCss: string;
  /** `main.<hash>.js.map`. */
  readonly mainJsMap: string;
  /** The bytes of a file in dist/client, as on disk. */
  read(file: string): Buffer;
}

/** Reads dist/client/asset-manifest.json of the shared test build. */
export function builtAssets(): BuiltAssets {
  const dir = builtClientDir();
  const manifest = JSON.parse(readFileSync(join(dir, 'asset-manifest.json'), 'utf8')) as AssetManifest;
  const names = Object.keys(manifest.files);
  const find = (pattern: RegExp): string => {
    const name = names.find((file) => pattern.test(file));
    if (name === undefined) throw new Error(`The test build has no file matching ${pattern} (files: ${names.join(', ')})`);
    return name;
  };
  const mainJs = find(/^main\.[0-9a-f]+\.js$/);
  return {
    manifest,
    mainJs,
    vendorsJs: find(/^vendors\.[0-9a-f]+\.js$/),
    mainLegacyJs: find(/^main-legacy\.[0-9a-f]+\.js$/),
    vendorsLegacyJs: find(/^vendors(?:-[0-9a-f]+)?-legacy\.[0-9a-f]+\.js$/),
    mainCss: find(/^main\.[0-9a-f]+\.css$/),
    mainJsMap: find(new RegExp(`^${mainJs.replace(/\./g, '\\.')}\\.map$`)),
    read: (file) => readFileSync(join(dir, file)),
  };
}
