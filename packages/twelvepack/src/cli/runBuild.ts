import { loadAppConfigOrExit } from '../config/loadAppConfig';
import { orExit } from '../config/loadConfig';
import { fingerprintInputs } from './fingerprintInputs';
import { loadAppManifest } from './loadAppManifest';
import { runStampedBuild } from './runStampedBuild';

/**
 * `twelvepack build` (npm run build): always builds, under the heap cap the
 * config module parsed (a bad value of any variable stops it first, every
 * problem listed), then leaves the stamp postinstall reads, so a later install
 * step with the same inputs does not build again. Resolves with the exit status.
 *
 * @param env the environment the build runs in (build.js hands over process.env)
 */
export async function runBuild(root: string, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const app = orExit(() => loadAppManifest(root, { mode: 'production', env }));
  const { config, schema } = loadAppConfigOrExit(app, { mode: 'production', dir: root, env });
  const result = await runStampedBuild({ root, heapMb: config.TWELVEPACK_BUILD_HEAP_MB, fingerprint: fingerprintInputs(root, schema, env) });
  if (result.ok) return 0;
  process.stderr.write(`twelvepack: ${result.message}\n`);
  return result.status;
}
