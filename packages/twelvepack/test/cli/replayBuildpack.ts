import { spawnSync } from 'node:child_process';
import { schema } from '../../src/config/schema';
import { cleanEnv } from '../support/cleanEnv';

type Scripts = Readonly<Record<string, string>>;

/** A Heroku Node.js buildpack, as far as the build goes: the app's scripts it runs, in order, and its environment. */
export interface Buildpack {
  readonly name: string;
  /** The names of the app's scripts the buildpack runs, in its order (an install runs npm's install scripts). */
  scriptsRun(scripts: Scripts): string[];
  /** What the buildpack sets in the build's environment, as far as the build reads it. */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The root package's scripts `npm ci` and `npm install` run, in order, once
 * the packages are in place (npm's lib/commands/ci.js and install.js).
 */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];

/**
 * heroku/heroku-buildpack-nodejs: heroku-prebuild, then `npm ci` (`npm install`
 * without a lockfile), then heroku-postbuild if the app has one and `build`
 * only if it has not (bin/compile, lib/package_manager.sh run_build_script),
 * then heroku-cleanup; NODE_ENV=production unless the app sets it (lib/environment.sh).
 */
export const CLASSIC: Buildpack = {
  name: 'the classic buildpack (heroku/heroku-buildpack-nodejs)',
  scriptsRun: (scripts) => [
    ...present(scripts, ['heroku-prebuild', ...INSTALL_SCRIPTS]),
    ...(scripts['heroku-postbuild'] === undefined ? present(scripts, ['build']) : ['heroku-postbuild']),
    ...present(scripts, ['heroku-cleanup']),
  ],
  env: { NODE_ENV: 'production' },
};

/**
 * heroku/buildpacks-nodejs (Cloud Native, Fir): `npm ci`, then heroku-prebuild,
 * heroku-build if the app has one and `build` only if it has not, then
 * heroku-postbuild (src/main.rs, src/package_manager.rs run_build_scripts).
 * It never sets NODE_ENV, and sets HEROKU_AVAILABLE_PARALLELISM for the build (src/main.rs).
 */
export const CLOUD_NATIVE: Buildpack = {
  name: 'the Cloud Native Buildpack (heroku/buildpacks-nodejs)',
  scriptsRun: (scripts) => [
    ...present(scripts, INSTALL_SCRIPTS),
    ...present(scripts, ['heroku-prebuild']),
    ...(scripts['heroku-build'] === undefined ? present(scripts, ['build']) : ['heroku-build']),
    ...present(scripts, ['heroku-postbuild']),
  ],
  env: { HEROKU_AVAILABLE_PARALLELISM: '3' },
};

/** What one script printed, and how it ended. */
export interface ScriptRun {
  readonly script: string;
  readonly status: number | null;
  readonly output: string;
}

/**
 * Runs the scripts the buildpack would, each as `npm run <script>` in its own
 * process (the install's postinstall too: npm runs it with the same lifecycle
 * environment, INIT_CWD included), with the buildpack's environment.
 */
export function replayBuildpack(buildpack: Buildpack, root: string, scripts: Scripts): ScriptRun[] {
  return buildpack.scriptsRun(scripts).map((script) => runScript(root, script, buildpack.env));
}

/**
 * `npm run <script>` in a clean environment: none of the toolkit's variables
 * inherited from the test run (NODE_ENV included), only those given.
 */
export function runScript(root: string, script: string, given: Readonly<Record<string, string>> = {}): ScriptRun {
  const env = cleanEnv(given);
  for (const spec of schema) if (!(spec.name in given)) delete env[spec.name];
  const result = spawnSync('npm', ['run', script], { cwd: root, env, encoding: 'utf8' });
  return { script, status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** How many webpack builds an output shows: webpack-cli prints one line per finished compilation of the client. */
export function countBuilds(output: string): number {
  return output.match(/^\s*client compiled/gm)?.length ?? 0;
}

function present(scripts: Scripts, names: readonly string[]): string[] {
  return names.filter((name) => scripts[name] !== undefined);
}
