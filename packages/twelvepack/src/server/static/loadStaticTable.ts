import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { AssetManifest } from '../../config/AssetManifest';
import { contentTypeFor } from './contentTypes';
import type { Encoding } from './negotiateEncoding';
import { renderIndexHtml } from './renderIndexHtml';
import { securityHeaders } from './securityHeaders';

/** One encoded form of a file, with every header it is sent with. */
export interface StaticVariant {
  readonly body: Buffer;
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The same headers flat (name, value, …), ready for a single `writeHead`. */
  readonly headerList: readonly string[];
}

/** A servable file: its variants by encoding, precomputed at boot. */
export interface StaticEntry {
  readonly path: string;
  readonly lastModifiedMs: number;
  readonly variants: Readonly<Partial<Record<Encoding, StaticVariant>>> & { readonly identity: StaticVariant };
  readonly encodings: readonly Encoding[];
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

/** The table, and the security headers it was built with (index.html's inline script hash is in the CSP). */
export interface LoadedStatic {
  readonly table: StaticTable;
  readonly securityHeaders: Readonly<Record<string, string>>;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const MANIFEST = 'asset-manifest.json';

/**
 * Reads the build's manifest and every file it lists, once, at boot: bodies,
 * precompressed variants, ETags (from the content hash, so every worker and
 * machine agrees), and complete header sets. Requests then only look paths up.
 */
export function loadStaticTable({ dir, publicEnv, serveSourceMaps = false }: StaticTableOptions): LoadedStatic {
  const manifestPath = join(dir, MANIFEST);
  let manifest: AssetManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as AssetManifest;
  } catch (error) {
    throw new Error(
      `No client build found: ${manifestPath} is missing or unreadable (${(error as Error).message}). ` +
        'Run `npm run build` (npm install runs it) before starting the server.',
    );
  }
  const lastModifiedMs = statSync(manifestPath).mtimeMs;
  // Every page gets the same inline script (the public config), so one CSP hash allows it on all of them.
  const security = securityHeaders(renderIndexHtml('', publicEnv).scriptHash);

  const table = new Map<string, StaticEntry>();
  for (const [file, entry] of Object.entries(manifest.files)) {
    if (!isServable(file, serveSourceMaps)) continue;
    const read = (name: string) => readFileSync(join(dir, name));
    let identity = read(file);
    let hash = entry.hash;
    const encoded: Partial<Record<Encoding, Buffer>> = {};
    const page = file.endsWith('.html');
    if (page) {
      // Rendered per process from its environment: compress here instead of using the build's siblings.
      identity = Buffer.from(renderIndexHtml(identity.toString('utf8'), publicEnv).html);
      hash = createHash('sha256').update(identity).digest('base64url');
      encoded.br = brotliCompressSync(identity);
      encoded.gzip = gzipSync(identity, { level: 9 });
    } else {
      for (const [encoding, sibling] of Object.entries(entry.encodings)) encoded[encoding as Encoding] = read(sibling.file);
    }
    const common = {
      ...security,
      'Content-Type': contentTypeFor(file),
      'Cache-Control': entry.immutable ? IMMUTABLE : REVALIDATE,
      // A page is rendered from this process's environment, so only its ETag can say whether it changed.
      ...(page ? {} : { 'Last-Modified': new Date(lastModifiedMs).toUTCString() }),
      'Accept-Ranges': 'bytes',
      ...(Object.keys(encoded).length > 0 ? { Vary: 'Accept-Encoding' } : {}),
    };
    const variant = (body: Buffer, encoding: Encoding): StaticVariant => {
      const etag = encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`;
      const plain = { ...common, ETag: etag, 'Content-Length': String(body.length) };
      const headers = encoding === 'identity' ? plain : { ...plain, 'Content-Encoding': encoding };
      return { body, etag, headers, headerList: Object.entries(headers).flat() };
    };
    const variants: Partial<Record<Encoding, StaticVariant>> & { identity: StaticVariant } = { identity: variant(identity, 'identity') };
    for (const [encoding, body] of Object.entries(encoded)) variants[encoding as Encoding] = variant(body, encoding as Encoding);
    const path = `/${file}`;
    // Infinity: If-Modified-Since can never prove a rendered page unchanged (see above).
    table.set(path, { path, lastModifiedMs: page ? Infinity : lastModifiedMs, variants, encodings: Object.keys(variants) as Encoding[] });
  }
  return { table, securityHeaders: security };
}

/** Dotfiles never, `.well-known` always; the manifest and compressed siblings are not routes; maps on request. */
function isServable(file: string, serveSourceMaps: boolean): boolean {
  const segments = file.split('/');
  if (segments.some((segment, i) => segment.startsWith('.') && !(i === 0 && segment === '.well-known'))) return false;
  if (file === MANIFEST || /\.(br|gz)$/.test(file)) return false;
  return serveSourceMaps || !file.endsWith('.map');
}
