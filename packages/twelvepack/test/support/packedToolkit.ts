import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv } from './cleanEnv';

/** Set by globalSetup: the path of the toolkit's tarball, packed once per test run. */
export const TARBALL_VARIABLE = 'TWELVEPACK_TEST_TARBALL';

/** The toolkit's own folder (packages/twelvepack). */
export const PACKAGE_DIR = join(__dirname, '..', '..');

/**
 * `npm pack` of the toolkit into `destination`, as a release makes it (its
 * `prepare` compiles dist/ first). Returns the tarball's path.
 */
export function packToolkit(destination: string): string {
  const run = spawnSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: PACKAGE_DIR, env: cleanEnv(), encoding: 'utf8' });
  // The compile's errors (tsc writes them to stdout) and npm's own, in the failure's message.
  if (run.status !== 0) throw new Error(`npm pack of the toolkit failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  const json = run.stdout;
  const start = json.search(/^[[{]/m);
  if (start === -1) throw new Error(`npm pack printed no JSON: ${json}\n${run.stderr}`);
  // npm 11 prints an array of packed packages, npm 12 an object keyed by package name.
  const parsed = JSON.parse(json.slice(start)) as { filename: string }[] | Record<string, { filename: string }>;
  const [packed] = Array.isArray(parsed) ? parsed : Object.values(parsed);
  if (packed === undefined) throw new Error(`npm pack printed no tarball: ${json}`);
  return join(destination, packed.filename);
}

/** The tarball packed for this test run. */
export function packedTarball(): string {
  const tarball = process.env[TARBALL_VARIABLE];
  if (tarball === undefined) throw new Error(`${TARBALL_VARIABLE} is not set: run the tests through jest (test/support/globalSetup.ts packs the toolkit).`);
  return tarball;
}
