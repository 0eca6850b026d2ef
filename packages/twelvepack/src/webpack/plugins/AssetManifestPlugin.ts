import { createHash } from 'node:crypto';
import type { Asset, Compiler } from 'webpack';
import { MANIFEST_FILE, type AssetManifest, type ManifestEntry } from '../../config/AssetManifest';

export { MANIFEST_FILE };

const NAME = 'twelvepack:AssetManifestPlugin';

const ENCODINGS: Readonly<Record<string, string>> = { '.br': 'br', '.gz': 'gzip' };

/** Writes `asset-manifest.json` once compression is done: what the server will serve, and how to cache it. */
export class AssetManifestPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const manifest = buildManifest(compilation.getAssets().filter((asset) => asset.name !== MANIFEST_FILE));
        compilation.emitAsset(MANIFEST_FILE, new sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`));
      });
    });
  }
}

/** Builds the manifest from a list of assets. */
export function buildManifest(assets: readonly Pick<Asset, 'name' | 'source' | 'info'>[]): AssetManifest {
  const byName = new Map(assets.map((asset) => [asset.name, asset]));
  const files: Record<string, ManifestEntry> = {};
  for (const asset of [...assets].sort((a, b) => a.name.localeCompare(b.name))) {
    const content = asset.source.buffer();
    const encodings: Record<string, { file: string; size: number }> = {};
    for (const [extension, encoding] of Object.entries(ENCODINGS)) {
      const sibling = byName.get(asset.name + extension);
      if (sibling !== undefined) encodings[encoding] = { file: sibling.name, size: sibling.source.size() };
    }
    files[asset.name] = {
      size: content.length,
      hash: createHash('sha256').update(content).digest('base64url'),
      immutable: Boolean(asset.info.immutable ?? asset.info.contenthash),
      encodings,
    };
  }
  return { version: 1, files };
}
