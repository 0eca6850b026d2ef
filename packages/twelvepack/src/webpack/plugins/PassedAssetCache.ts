import type { Asset, Compilation } from 'webpack';

type CacheFacade = ReturnType<Compilation['getCache']>;
type Etag = ReturnType<CacheFacade['getLazyHashedEtag']>;

/**
 * Remembers, in webpack's cache (on disk when `cache.type` is 'filesystem'),
 * which asset contents already passed a check, so a rebuild checks only what
 * changed. Only passes are remembered: a failing asset is checked, and
 * reported, again on every build. An entry is the asset's name, valid while
 * the content's hash and `salt` (what else the verdict depends on) match.
 */
export class PassedAssetCache {
  private readonly cache: CacheFacade;
  private readonly salt: string;

  /**
   * @param compilation the compilation whose cache holds the verdicts
   * @param name the check's name: a separate cache namespace per check
   * @param salt what the verdict depends on besides the content (e.g. a digest of the values hunted for)
   */
  constructor(compilation: Compilation, name: string, salt = '') {
    this.cache = compilation.getCache(name);
    this.salt = salt;
  }

  /** True when this exact content passed the check in an earlier build. */
  async hasPassed(asset: Pick<Asset, 'name' | 'source'>): Promise<boolean> {
    return (await this.cache.getPromise<boolean>(asset.name, this.etag(asset))) === true;
  }

  /** Records that this content passed. */
  async remember(asset: Pick<Asset, 'name' | 'source'>): Promise<void> {
    await this.cache.storePromise(asset.name, this.etag(asset), true);
  }

  private etag(asset: Pick<Asset, 'source'>): Etag {
    const content = this.cache.getLazyHashedEtag(asset.source);
    return this.salt === '' ? content : this.cache.mergeEtags(content, this.salt);
  }
}
