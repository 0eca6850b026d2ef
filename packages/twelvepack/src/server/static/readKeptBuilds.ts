import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEPT_DIR, KEPT_INDEX, type KeptBuilds } from '../../config/keptBuilds';
import { readClientBuild, type ReadBuild } from './readClientBuild';

/** The previous builds a client build kept, as read at boot. */
export interface ReadKeptBuilds {
  /** Newest first. */
  readonly builds: readonly ReadBuild[];
  readonly ids: readonly string[];
  /** Each kept build that could not be read, and why. */
  readonly unreadable: readonly string[];
}

/**
 * The kept builds listed in `<client>/.previous/kept-builds.json`, written by
 * the build verb (keepPreviousBuilds). None when there is no index (a first
 * build, or a build made by webpack alone). A kept build that cannot be read
 * is skipped: the current build serves whatever becomes of the old ones.
 */
export function readKeptBuilds(clientDir: string): ReadKeptBuilds {
  let index: Partial<KeptBuilds>;
  try {
    index = JSON.parse(readFileSync(join(clientDir, KEPT_DIR, KEPT_INDEX), 'utf8')) as Partial<KeptBuilds>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { builds: [], ids: [], unreadable: [] };
    return { builds: [], ids: [], unreadable: [`${join(clientDir, KEPT_DIR, KEPT_INDEX)}: ${(error as Error).message}`] };
  }
  const builds: ReadBuild[] = [];
  const ids: string[] = [];
  const unreadable: string[] = [];
  for (const { id } of Array.isArray(index.builds) ? index.builds : []) {
    // An id names a folder: only what buildIdOf makes (base64url), never a path.
    if (!/^[\w-]+$/.test(String(id))) continue;
    try {
      builds.push(readClientBuild(join(clientDir, KEPT_DIR, id)));
      ids.push(id);
    } catch (error) {
      unreadable.push(`${join(clientDir, KEPT_DIR, id)}: ${(error as Error).message}`);
    }
  }
  return { builds, ids, unreadable };
}
