import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, type AssetManifest } from '../../config/AssetManifest';

/** A client build's manifest as read from its folder: what loadStaticTable turns into entries. */
export interface ReadBuild {
  /** The folder its files are in. */
  readonly dir: string;
  readonly manifest: AssetManifest;
  /** The manifest's bytes: its build id. */
  readonly manifestBytes: Buffer;
  /** The manifest's modification time: every file's Last-Modified. */
  readonly lastModifiedMs: number;
}

/** Reads a client build's manifest; throws when it is missing or not JSON. */
export function readClientBuild(dir: string): ReadBuild {
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifestBytes = readFileSync(manifestPath);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as AssetManifest;
  return { dir, manifest, manifestBytes, lastModifiedMs: statSync(manifestPath).mtimeMs };
}
