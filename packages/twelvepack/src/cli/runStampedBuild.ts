import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../config/AssetManifest';
import { writeStamp } from './buildStamp';
import { keepPreviousBuilds } from './keepPreviousBuilds';
import { removeStaleStaging, replaceDist, stagingDir } from './replaceDist';
import { spawnProductionBuild, type BuildResult } from './spawnProductionBuild';

/**
 * The production build both verbs run (build, postinstall): the build under
 * its heap cap, into a staging folder beside dist/, which replaces dist/ (with
 * the stamp in it) only when the client and server builds both passed every
 * guard. A failed build leaves dist/ as it was, byte for byte. A build that
 * passed carries the previous builds' hashed files along (keepPreviousBuilds),
 * so pages loaded before the deploy still find their scripts.
 *
 * A webpack.config.ts that does not hand the app to createAppWebpackConfig may
 * ignore the staging folder and write to dist/ itself: then there is nothing to
 * swap, and only the stamp is written.
 *
 * @param fingerprint of the inputs as they were before the build started (a file edited during the build must rebuild next time)
 */
export async function runStampedBuild({ root, heapMb, fingerprint }: { readonly root: string; readonly heapMb: number; readonly fingerprint: string }): Promise<BuildResult> {
  removeStaleStaging(root);
  const staging = stagingDir(root);
  const result = await spawnProductionBuild({ root, heapMb, outDir: staging });
  if (!result.ok) {
    rmSync(staging, { recursive: true, force: true });
    return { ...result, message: `${result.message} dist/ is left as it was.` };
  }
  if (!existsSync(staging)) {
    writeStamp(join(root, 'dist'), fingerprint);
    return result;
  }
  writeStamp(staging, fingerprint);
  const client = join(staging, 'client');
  if (existsSync(join(client, MANIFEST_FILE))) {
    const warn = (message: string) => process.stderr.write(`twelvepack: ${message}\n`);
    keepPreviousBuilds({ from: join(root, 'dist', 'client'), to: client, now: new Date(), warn });
  }
  replaceDist(root, staging);
  return result;
}
