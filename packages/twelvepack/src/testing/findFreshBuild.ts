import { readdirSync } from 'node:fs';
import { isStampFresh } from '../cli/buildStamp';
import { fingerprintInputs } from '../cli/fingerprintInputs';
import type { AnyApp } from '../config/AppManifest';
import { loadAppConfig } from '../config/loadAppConfig';

/** Options for {@link findFreshBuild}. */
export interface FindFreshBuildOptions {
  /** The app's folder, whose dist/ `npm install` (or `npm run build`) made. */
  readonly root: string;
  /** The app's manifest (the default export of its src/app.ts). */
  readonly app: AnyApp;
}

/**
 * The app's own folder when its dist/ is exactly what {@link buildApp} would
 * build: its stamp's fingerprint is that of the inputs as they are now (every
 * source, the lockfile, the toolkit) in an empty environment, as buildApp's
 * build sees it; and no `.env` file is there to change what the build or a
 * server started in that folder sees. Otherwise undefined, and the caller
 * builds. So a test run after `npm install` reuses the install's build instead
 * of making the same one again, and never runs against a stale one.
 */
export function findFreshBuild({ root, app }: FindFreshBuildOptions): string | undefined {
  if (readdirSync(root).some((name) => name.startsWith('.env') && name !== '.env.example')) return undefined;
  const env = {};
  const { schema } = loadAppConfig(app, { mode: 'production', dir: root, env });
  return isStampFresh(root, fingerprintInputs(root, schema, env)) ? root : undefined;
}
