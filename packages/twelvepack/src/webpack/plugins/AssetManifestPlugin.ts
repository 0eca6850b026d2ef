import { createHash } from 'node:crypto';
import type { Asset, Compilation, Compiler } from 'webpack';
import { MANIFEST_FILE, type AssetManifest, type ManifestEntry } from '../../config/AssetManifest';
import { rememberPerContent } from './rememberPerContent';

export { MANIFEST_FILE };

const NAME = 'twelvepack:AssetManifestPlugin';

const ENCODINGS: Readonly<Record<string, string>> = { '.br': 'br', '.gz': 'gzip' };

/** The SHA-256 (base64url) of each asset's content, by name. */
export type ContentHashes = ReadonlyMap<string, string>;

/**
 * Writes `asset-manifest.json` once compression is done: what the server will
 * serve, and how to cache it. Each content's SHA-256 is remembered in webpack's
 * cache (in memory while watching, on disk between builds), so a rebuild hashes
 * only the assets whose content changed.
 */
export class AssetManifestPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
        const assets = compilation.getAssets().filter((asset) => asset.name !== MANIFEST_FILE);
        const manifest = buildManifest(assets, await contentHashes(compilation, assets));
        compilation.emitAsset(MANIFEST_FILE, new sources.RawSource(`${JSON.stringify(manifest, null, 2)}\n`));
      });
    });
  }
}

/** Each asset's SHA-256, from the cache when this content was hashed before. */
async function contentHashes(compilation: Compilation, assets: readonly Asset[]): Promise<ContentHashes> {
  const cache = compilation.getCache(NAME);
  const hashes = await Promise.all(assets.map((asset) => rememberPerContent(cache, asset, () => sha256(asset.source.buffer()))));
  return new Map(assets.map((asset, i) => [asset.name, hashes[i]!]));
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('base64url');
}

/**
 * Builds the manifest from a list of assets. Pure.
 * @param hashes each asset's SHA-256 (base64url); computed from its content when missing
 */
export function buildManifest(assets: readonly Pick<Asset, 'name' | 'source' | 'info'>[], hashes: ContentHashes = new Map()): AssetManifest {
  const byName = new Map(assets.map((asset) => [asset.name, asset]));
  const files: Record<string, ManifestEntry> = {};
  for (const asset of [...assets].sort((a, b) => a.name.localeCompare(b.name))) {
    const encodings: Record<string, { file: string; size: number }> = {};
    for (const [extension, encoding] of Object.entries(ENCODINGS)) {
      const sibling = byName.get(asset.name + extension);
      if (sibling !== undefined) encodings[encoding] = { file: sibling.name, size: sibling.source.size() };
    }
    files[asset.name] = {
      size: asset.source.size(),
      hash: hashes.get(asset.name) ?? sha256(asset.source.buffer()),
      immutable: Boolean(asset.info.immutable ?? asset.info.contenthash),
      encodings,
    };
  }
  return { version: 1, files };
}
