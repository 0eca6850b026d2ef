import { loadAppConfigOrExit } from '../config/loadAppConfig';
import { loadConfigOrExit, orExit } from '../config/loadConfig';
import { isStampFresh } from './buildStamp';
import { decideBuild } from './decideBuild';
import { findAppManifest } from './findAppManifest';
import { fingerprintInputs } from './fingerprintInputs';
import { loadAppManifest } from './loadAppManifest';
import { runStampedBuild } from './runStampedBuild';

const say = (text: string) => void process.stdout.write(`twelvepack: ${text}\n`);

/**
 * `twelvepack postinstall`, once postinstall.js has found this is the app
 * itself with its build tools: loads the app and its configuration (a bad value
 * stops it here, every problem listed, before any build), then builds unless
 * TWELVEPACK_SKIP_BUILD is set or dist/ is already built from these inputs.
 * Resolves with the exit status.
 *
 * @param env the environment npm runs the script in (postinstall.js hands over process.env)
 */
export async function runPostinstall(root: string, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const options = { mode: 'production', dir: root, env } as const;
  // A Docker layer that installs before it copies the sources has no src/app.ts
  // yet: the toolkit's own variables are enough to honour TWELVEPACK_SKIP_BUILD there.
  if (findAppManifest(root) === undefined && loadConfigOrExit(options).config.TWELVEPACK_SKIP_BUILD) {
    say(`not building: ${decideBuild({ skipBuild: true, stampIsFresh: false }).reason}.`);
    return 0;
  }
  const app = orExit(() => loadAppManifest(root, options));
  const { config, schema } = loadAppConfigOrExit(app, options);
  const fingerprint = fingerprintInputs(root, schema, env);
  const decision = decideBuild({ skipBuild: config.TWELVEPACK_SKIP_BUILD, stampIsFresh: isStampFresh(root, fingerprint) });
  if (decision.action === 'skip') {
    say(`not building: ${decision.reason}.`);
    return 0;
  }
  say(`${decision.reason} (set TWELVEPACK_SKIP_BUILD=true to skip).`);
  const result = await runStampedBuild({ root, heapMb: config.TWELVEPACK_BUILD_HEAP_MB, fingerprint });
  if (result.ok) return 0;
  process.stderr.write(`twelvepack: ${result.message}\n`);
  return result.status;
}
