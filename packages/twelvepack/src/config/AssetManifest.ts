// The build's list of what it emitted: written by the webpack plugin, read by the
// production server. It sits in config/ because it is the contract both sides share.
import { createHash } from 'node:crypto';

/** The manifest's file name, inside the client output folder. */
export const MANIFEST_FILE = 'asset-manifest.json';

/** One emitted file, as the production server will see it. */
export interface ManifestEntry {
  /** Size in bytes. */
  readonly size: number;
  /** SHA-256 of the content, base64url: the same on every machine, so ETags agree. */
  readonly hash: string;
  /** True when the name carries a content hash, so the file may be cached forever. */
  readonly immutable: boolean;
  /** Precompressed siblings by encoding, with their file names and sizes. */
  readonly encodings: Readonly<Record<string, { readonly file: string; readonly size: number }>>;
}

/** The manifest: every emitted file but itself, by path relative to the output folder. */
export interface AssetManifest {
  readonly version: 1;
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

/**
 * A build's id: its manifest's bytes hashed. The manifest lists every file
 * with its content's hash, so two builds share an id only when they would
 * serve the same bytes. Cluster workers report it when ready; kept builds are
 * filed under it.
 */
export function buildIdOf(manifestBytes: Buffer | string): string {
  return createHash('sha256').update(manifestBytes).digest('base64url').slice(0, 16);
}
