import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildIdOf, MANIFEST_FILE, type AssetManifest, type ManifestEntry } from '../config/AssetManifest';
import { KEPT_DIR, KEPT_INDEX, type KeptBuild, type KeptBuilds } from '../config/keptBuilds';
import { chooseKeptBuilds } from './chooseKeptBuilds';

/** Options for {@link keepPreviousBuilds}. */
export interface KeepOptions {
  /** The client build being replaced (dist/client); it may be missing (a first build). */
  readonly from: string;
  /** The new client build (the staging folder's client/), which will replace it. */
  readonly to: string;
  readonly now: Date;
  /** Told about a previous build that could not be kept (its files gone): the build goes on without it. */
  readonly warn: (message: string) => void;
}

/**
 * Carries the previous builds' hashed (immutable) files into the new client
 * build, under `.previous/<build id>/` with a manifest each, within the bounds
 * chooseKeptBuilds applies; the server serves them beside the current files
 * (readKeptBuilds). Unhashed files (index.html, public files) are never kept:
 * they always come from the current build. What the new build's guards
 * proved is untouched: the kept files were proven when they were built.
 * Returns the builds kept, newest first.
 */
export function keepPreviousBuilds({ from, to, now, warn }: KeepOptions): KeptBuild[] {
  const replacedManifest = readManifest(from);
  const replaced = replacedManifest === undefined ? undefined : buildIdOf(replacedManifest.bytes);
  const current = buildIdOf(readFileSync(join(to, MANIFEST_FILE)));
  const chosen = chooseKeptBuilds({ replaced, kept: readIndex(from), current, now });
  const kept: KeptBuild[] = [];
  for (const build of chosen) {
    const source = build.id === replaced ? from : join(from, KEPT_DIR, build.id);
    try {
      copyHashedFiles(source, join(to, KEPT_DIR, build.id));
      kept.push(build);
    } catch (error) {
      warn(`could not keep the hashed files of the previous build ${build.id} (${(error as Error).message}); pages loaded from it may miss their scripts.`);
    }
  }
  if (kept.length > 0) writeFileSync(join(to, KEPT_DIR, KEPT_INDEX), `${JSON.stringify({ version: 1, builds: kept } satisfies KeptBuilds, null, 2)}\n`);
  return kept;
}

/** Copies a client build's immutable files (and their compressed siblings), with a manifest listing only them. */
function copyHashedFiles(source: string, target: string): void {
  const manifest = readManifest(source);
  if (manifest === undefined) throw new Error(`${join(source, MANIFEST_FILE)} is missing or unreadable`);
  const files: Record<string, ManifestEntry> = {};
  for (const [file, entry] of Object.entries(manifest.parsed.files)) {
    if (!entry.immutable || file.split('/').includes('..')) continue;
    for (const name of [file, ...Object.values(entry.encodings).map((sibling) => sibling.file)]) {
      mkdirSync(dirname(join(target, name)), { recursive: true });
      copyFileSync(join(source, name), join(target, name));
    }
    files[file] = entry;
  }
  writeFileSync(join(target, MANIFEST_FILE), JSON.stringify({ version: 1, files } satisfies AssetManifest));
}

/** A client build's manifest, its bytes (for its id) and parsed; undefined when missing or unreadable. */
function readManifest(dir: string): { bytes: Buffer; parsed: AssetManifest } | undefined {
  try {
    const bytes = readFileSync(join(dir, MANIFEST_FILE));
    return { bytes, parsed: JSON.parse(bytes.toString('utf8')) as AssetManifest };
  } catch {
    return undefined;
  }
}

/** What the build being replaced kept; nothing when it kept nothing or its index cannot be read. */
function readIndex(dir: string): readonly KeptBuild[] {
  try {
    const index = JSON.parse(readFileSync(join(dir, KEPT_DIR, KEPT_INDEX), 'utf8')) as Partial<KeptBuilds>;
    // An id names a folder: only what buildIdOf makes (base64url), never a path.
    return Array.isArray(index.builds) ? index.builds.filter((build) => /^[\w-]+$/.test(String(build?.id)) && typeof build.retiredAt === 'string') : [];
  } catch {
    return [];
  }
}
