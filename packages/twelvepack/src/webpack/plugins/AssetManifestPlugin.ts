import { createHash } from 'node:crypto';
import type { Asset, Compilation, Compiler } from 'webpack';
import { MANIFEST_FILE, type AssetManifest, type ManifestEntry } from '../../config/AssetManifest';
import { rememberPerContent } from './rememberPerContent';

export { MANIFEST_FILE };

const NAME = 'twelvepack:AssetManifestPlugin';

const ENCODINGS: Readonly<Record<string, string>> = { '.br': 'br', '.gz': 'gzip' };

/** The SHA-256 (base64url) of each asset's content, by name. */
export type ContentHashes = ReadonlyMap<string, string>;

/** Files another compilation of the same build writes into the same folder (the legacy bundle's). */
export type OtherFiles = () => Promise<Readonly<Record<string, ManifestEntry>> | undefined>;

/**
 * Writes `asset-manifest.json` once compression is done: what the server will
 * serve, and how to cache it. Each content's SHA-256 is remembered in webpack's
 * cache (in memory while watching, on disk between builds), so a rebuild hashes
 * only the assets whose content changed.
 */
export class AssetManifestPlugin {
  private readonly otherFiles: OtherFiles | undefined;

  /** @param otherFiles the files of a compilation that writes into the same folder, listed too */
  constructor(otherFiles?: OtherFiles) {
    this.otherFiles = otherFiles;
  }

  apply(compiler: Compiler): void {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
        const own = await collectManifest(compilation);
        const other = (await this.otherFiles?.()) ?? {};
        // Both compilations emit the stylesheets and the assets they share, byte for byte the same; anything else is a bug.
        for (const [file, entry] of Object.entries(other)) {
          const mine = own.files[file];
          if (mine !== undefined && mine.hash !== entry.hash) {
            compilation.errors.push(new WebpackError(`Asset manifest: the modern and legacy bundles both wrote ${file}, with different contents. Name one of them apart (see createWebpackConfig.ts).`));
          }
        }
        const files = Object.fromEntries(Object.entries({ ...other, ...own.files }).sort(([a], [b]) => a.localeCompare(b)));
        compilation.emitAsset(MANIFEST_FILE, new sources.RawSource(`${JSON.stringify({ version: 1, files } satisfies AssetManifest, null, 2)}\n`));
      });
    });
  }
}

/** The manifest of a compilation's assets as they are now (call it at the report stage, after compression). */
export async function collectManifest(compilation: Compilation): Promise<AssetManifest> {
  const assets = compilation.getAssets().filter((asset) => asset.name !== MANIFEST_FILE);
  return buildManifest(assets, await contentHashes(compilation, assets));
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
