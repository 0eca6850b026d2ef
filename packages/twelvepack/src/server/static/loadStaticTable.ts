import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Answer } from '../../config/AppManifest';
import { buildIdOf, MANIFEST_FILE, type ManifestEntry } from '../../config/AssetManifest';
import { contentTypeFor } from './contentTypes';
import type { Encoding } from './negotiateEncoding';
import { readClientBuild, type ReadBuild } from './readClientBuild';
import { readKeptBuilds } from './readKeptBuilds';
import { renderIndexHtml } from './renderIndexHtml';
import { responseKindOf } from './responseKind';
import { securityHeaders, SUBRESOURCE_SECURITY_HEADERS } from './securityHeaders';
import { staticVariant } from './staticVariant';

/** One encoded form of a file, with every header it is sent with. */
export interface StaticVariant {
  readonly body: Buffer;
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The same headers flat (name, value, …), ready for a single `writeHead`. */
  readonly headerList: readonly string[];
  /** The whole `200` answer, made at boot, so a request allocates none. */
  readonly answer: Answer;
}

/** A servable file: its variants by encoding, precomputed at boot. */
export interface StaticEntry {
  readonly path: string;
  readonly lastModifiedMs: number;
  readonly variants: Readonly<Partial<Record<Encoding, StaticVariant>>> & { readonly identity: StaticVariant };
  readonly encodings: readonly Encoding[];
  /** A hashed script's bytes with a document's headers: the answer to a request that runs it as a worker. */
  readonly asWorker?: StaticEntry;
}

/** Request path → entry. The only files the server can ever send. */
export type StaticTable = ReadonlyMap<string, StaticEntry>;

/** Options for {@link loadStaticTable}. */
export interface StaticTableOptions {
  /** The client build folder (dist/client). */
  readonly dir: string;
  /** The public config from the server's environment, embedded in index.html. */
  readonly publicEnv: Readonly<Record<string, string>>;
  /** Serve `.map` files (default false: they reveal the source). */
  readonly serveSourceMaps?: boolean;
}

/** The table, and the document's security headers it was built with (index.html's inline script hash is in the CSP). */
export interface LoadedStatic {
  readonly table: StaticTable;
  /** For the answers that are not files (404, 405, 406, 416): a browser may show them as a page. */
  readonly securityHeaders: Readonly<Record<string, string>>;
  /** The build's id (buildIdOf its manifest): what a cluster worker reports when ready. */
  readonly buildId: string;
  /** The previous builds whose hashed files are served too, newest first (their ids). */
  readonly keptBuilds: readonly string[];
  /** Kept builds that could not be read, each with why: skipped, for the server to warn about. */
  readonly unreadableKeptBuilds: readonly string[];
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Reads the build's manifest and every file it lists, once, at boot: bodies,
 * precompressed variants, ETags (from the content hash, so every worker and
 * machine agrees), and complete header sets, by kind of response
 * (responseKind): a document's, or a subresource's. Requests then only look paths up.
 *
 * The hashed files of the previous builds the build kept (readKeptBuilds) are
 * served too, immutable, so a page loaded before a deploy still finds its
 * scripts on every worker; a current file is never shadowed by a kept one,
 * and pages and unhashed files come from the current build only.
 */
export function loadStaticTable({ dir, publicEnv, serveSourceMaps = false }: StaticTableOptions): LoadedStatic {
  const manifestPath = join(dir, MANIFEST_FILE);
  let current: ReadBuild;
  try {
    current = readClientBuild(dir);
  } catch (error) {
    throw new Error(
      `No client build found: ${manifestPath} is missing or unreadable (${(error as Error).message}). ` +
        'Run `npm run build` (npm install runs it) before starting the server.',
    );
  }
  // Every page gets the same inline script (the public config), so one CSP hash allows it on all of them.
  const security = securityHeaders(renderIndexHtml('', publicEnv).scriptHash);
  const table = new Map<string, StaticEntry>();
  const entriesOf = (build: ReadBuild, kept: boolean) => {
    const entries = new Map<string, StaticEntry>();
    for (const [file, entry] of Object.entries(build.manifest.files)) {
      if (!isServable(file, serveSourceMaps) || table.has(`/${file}`) || (kept && !entry.immutable)) continue;
      entries.set(`/${file}`, fileEntry(build, file, entry, publicEnv, security));
    }
    return entries;
  };
  for (const [path, entry] of entriesOf(current, false)) table.set(path, entry);
  const kept = readKeptBuilds(dir);
  const keptBuilds: string[] = [];
  const unreadableKeptBuilds = [...kept.unreadable];
  for (const [i, build] of kept.builds.entries()) {
    // A kept build with a file missing is skipped whole, never half served; the current build still boots.
    try {
      for (const [path, entry] of entriesOf(build, true)) table.set(path, entry);
      keptBuilds.push(kept.ids[i]!);
    } catch (error) {
      unreadableKeptBuilds.push(`${build.dir}: ${(error as Error).message}`);
    }
  }
  return { table, securityHeaders: security, buildId: buildIdOf(current.manifestBytes), keptBuilds, unreadableKeptBuilds };
}

/** One file of a build, read and precomputed: a page rendered from publicEnv, a script with its worker variant. */
function fileEntry({ dir, lastModifiedMs }: ReadBuild, file: string, entry: ManifestEntry, publicEnv: Readonly<Record<string, string>>, security: Readonly<Record<string, string>>): StaticEntry {
  const read = (name: string) => readFileSync(join(dir, name));
  const page = file.endsWith('.html');
  // A page is rendered per process from its environment: compressed here instead of using the build's siblings.
  const identity = page ? Buffer.from(renderIndexHtml(read(file).toString('utf8'), publicEnv).html) : read(file);
  const hash = page ? createHash('sha256').update(identity).digest('base64url') : entry.hash;
  const bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer } = { identity };
  if (page) {
    bodies.br = brotliCompressSync(identity);
    bodies.gzip = gzipSync(identity, { level: 9 });
  } else {
    for (const [encoding, sibling] of Object.entries(entry.encodings)) bodies[encoding as Encoding] = read(sibling.file);
  }
  const kind = responseKindOf(file, entry.immutable);
  const varyOn: string[] = [];
  if (Object.keys(bodies).length > 1) varyOn.push('Accept-Encoding');
  // A script's answer depends on Sec-Fetch-Dest (a worker's carries a document's headers): caches must keep both apart.
  if (kind === 'script') varyOn.push('Sec-Fetch-Dest');
  const headersAs = (document: boolean): Record<string, string> => ({
    ...(document ? security : SUBRESOURCE_SECURITY_HEADERS),
    'Content-Type': contentTypeFor(file),
    'Cache-Control': entry.immutable ? IMMUTABLE : REVALIDATE,
    // A page is rendered from this process's environment, so only its ETag can say whether it changed.
    ...(page ? {} : { 'Last-Modified': new Date(lastModifiedMs).toUTCString() }),
    // Advertised where a client may resume or seek (a download, a video); any file still answers a Range.
    ...(document ? { 'Accept-Ranges': 'bytes' } : {}),
    ...(varyOn.length === 0 ? {} : { Vary: varyOn.join(', ') }),
  });
  const path = `/${file}`;
  // Infinity: If-Modified-Since can never prove a rendered page unchanged (see above).
  const modified = page ? Infinity : lastModifiedMs;
  const served = entryOf(path, modified, bodies, hash, headersAs(kind === 'document'));
  return kind === 'script' ? { ...served, asWorker: entryOf(path, modified, bodies, hash, headersAs(true)) } : served;
}

/** A file's entry: one variant per body, each with its ETag, length and encoding beside the file's headers. */
function entryOf(path: string, lastModifiedMs: number, bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer }, hash: string, common: Readonly<Record<string, string>>): StaticEntry {
  const variants: Partial<Record<Encoding, StaticVariant>> = {};
  for (const [encoding, body] of Object.entries(bodies) as [Encoding, Buffer][]) {
    const etag = encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`;
    const plain = { ...common, ETag: etag, 'Content-Length': String(body.length) };
    variants[encoding] = staticVariant(body, etag, encoding === 'identity' ? plain : { ...plain, 'Content-Encoding': encoding });
  }
  return { path, lastModifiedMs, variants: variants as StaticEntry['variants'], encodings: Object.keys(variants) as Encoding[] };
}

/** Dotfiles never, `.well-known` always; the manifest and compressed siblings are not routes; maps on request. */
function isServable(file: string, serveSourceMaps: boolean): boolean {
  const segments = file.split('/');
  if (segments.some((segment, i) => segment.startsWith('.') && !(i === 0 && segment === '.well-known'))) return false;
  if (file === MANIFEST_FILE || /\.(br|gz)$/.test(file)) return false;
  return serveSourceMaps || !file.endsWith('.map');
}
