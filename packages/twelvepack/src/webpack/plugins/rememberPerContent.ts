import type { Asset, Compilation } from 'webpack';

type CacheFacade = ReturnType<Compilation['getCache']>;

/**
 * A fact about an asset's content (its SHA-256, its gzip size), computed once
 * per content: remembered in webpack's cache (in memory while watching, on disk
 * between builds with the filesystem cache) under the asset's name and the
 * content's hash, so a rebuild computes it only for the assets that changed.
 */
export async function rememberPerContent<T>(cache: CacheFacade, asset: Pick<Asset, 'name' | 'source'>, compute: () => T): Promise<T> {
  const etag = cache.getLazyHashedEtag(asset.source);
  const known = await cache.getPromise<T>(asset.name, etag);
  if (known !== undefined) return known;
  const value = compute();
  await cache.storePromise(asset.name, etag, value);
  return value;
}
