// An app's own webpack hook (defineApp({ webpack(config, context) })): which compilations it sees, where the toolkit's
// guards go, and what it may not give back. Configurations only: guardsAfterHook.test.ts builds them.
import type { Configuration, WebpackPluginInstance } from 'webpack';
import { AppHookError } from '../../src/config/AppHookError';
import type { WebpackHook, WebpackHookContext } from '../../src/config/AppManifest';
import { loadConfig } from '../../src/config/loadConfig';
import { applyAppHook } from '../../src/webpack/applyAppHook';
import { createClientWebpackConfigs } from '../../src/webpack/createClientWebpackConfigs';
import { createServerWebpackConfig } from '../../src/webpack/createServerWebpackConfig';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { EsVersionGuardPlugin } from '../../src/webpack/plugins/EsVersionGuardPlugin';
import { LeakGuardPlugin } from '../../src/webpack/plugins/LeakGuardPlugin';
import { RedactSecretsPlugin } from '../../src/webpack/plugins/RedactSecretsPlugin';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';
import { FIXTURE_APP } from './runFixtureBuild';

const pages = [{ name: 'main', entry: 'src/main.ts', template: 'public/index.html' }];
const loaded = (mode: 'production' | 'development') => loadConfig({ mode, dir: FIXTURE_APP, env: {}, variables: FIXTURE_VARIABLES });

/** A plugin of the app's own, to find in the list. */
const appPlugin: WebpackPluginInstance = { apply: () => undefined };

/** A hook that records what it was given, and adds appPlugin. */
function recordingHook(): { hook: WebpackHook; seen: WebpackHookContext[]; plugins: string[][] } {
  const seen: WebpackHookContext[] = [];
  const plugins: string[][] = [];
  const hook: WebpackHook = (config, context) => {
    seen.push(context);
    plugins.push((config.plugins ?? []).map((plugin) => (plugin as object).constructor.name));
    config.plugins = [...(config.plugins ?? []), appPlugin];
    return config;
  };
  return { hook, seen, plugins };
}

const indexOf = (config: Configuration, type: abstract new (...args: never[]) => unknown) => (config.plugins ?? []).findIndex((plugin) => plugin instanceof type);

describe("an app's webpack hook", () => {
  it('gets every compilation of a production build, each named by its bundle and mode: legacy, modern, server', () => {
    const { hook, seen } = recordingHook();
    createClientWebpackConfigs({ root: FIXTURE_APP, loaded: loaded('production'), pages, cache: false, appHook: hook });
    createServerWebpackConfig({ root: FIXTURE_APP, loaded: loaded('production'), cache: false, appHook: hook });
    expect(seen).toEqual([
      { bundle: 'legacy', mode: 'production' },
      { bundle: 'modern', mode: 'production' },
      { bundle: 'server', mode: 'production' },
    ]);
  });

  it("gets the dev server's compilations as development ones: the modern bundle and the server", () => {
    const { hook, seen } = recordingHook();
    createWebpackConfig({ root: FIXTURE_APP, loaded: loaded('development'), mode: 'development', bundle: 'modern', hot: true, pages, cache: false, appHook: hook });
    createServerWebpackConfig({ root: FIXTURE_APP, loaded: loaded('development'), mode: 'development', cache: false, appHook: hook });
    expect(seen).toEqual([
      { bundle: 'modern', mode: 'development' },
      { bundle: 'server', mode: 'development' },
    ]);
  });

  it('never sees the proofs and guards, which come after its own plugins, in every compilation', () => {
    const { hook, plugins } = recordingHook();
    const configs = [
      ...createClientWebpackConfigs({ root: FIXTURE_APP, loaded: loaded('production'), pages, cache: false, appHook: hook }),
      createServerWebpackConfig({ root: FIXTURE_APP, loaded: loaded('production'), cache: false, appHook: hook }),
    ];
    for (const names of plugins) expect(names).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(LeakGuardPlugin|RedactSecretsPlugin|EsVersionGuardPlugin)$/)]));
    for (const config of configs) {
      const own = (config.plugins ?? []).indexOf(appPlugin);
      expect(own).toBeGreaterThanOrEqual(0);
      expect(indexOf(config, LeakGuardPlugin)).toBeGreaterThan(own);
      expect(indexOf(config, RedactSecretsPlugin)).toBeGreaterThan(own);
      expect(config.optimization?.emitOnErrors).toBe(false);
    }
    // The browser bundles are proven; the server is not browser code.
    expect(configs.map((config) => indexOf(config, EsVersionGuardPlugin) > (config.plugins ?? []).indexOf(appPlugin))).toEqual([true, true, false]);
  });
});

describe('what the toolkit refuses from a hook (AppHookError, saying what to change)', () => {
  const production = { bundle: 'legacy', mode: 'production' } as const;
  const base = (): Configuration => ({ mode: 'production', plugins: [] });
  const refusal = (hook: (config: Configuration) => unknown, context: WebpackHookContext = production) => {
    try {
      applyAppHook(base(), context, hook as WebpackHook);
    } catch (error) {
      expect(error).toBeInstanceOf(AppHookError);
      return (error as Error).message;
    }
    throw new Error('the hook was accepted');
  };

  it.each([
    ['nothing', () => undefined],
    ['null', () => null],
    ['a list', () => []],
    ['a string', () => 'config'],
  ])('returning %s: it must give the configuration back (return config)', (what, hook) => {
    expect(refusal(hook)).toMatch(new RegExp(`returned ${what} for the legacy bundle's production build: it must give the configuration back\\. End it with return config\\.`));
  });

  it('throwing: its error, quoted, and the bundle it threw for', () => {
    const hook = () => {
      throw new TypeError('config.modules is undefined');
    };
    expect(refusal(hook)).toMatch(/threw for the legacy bundle's production build:\n  TypeError: config\.modules is undefined[\s\S]*\nFix the hook\.$/);
  });

  it('returning a promise: the hook runs synchronously', () => {
    expect(refusal(async (config) => config)).toMatch(/returned a promise for the legacy bundle's production build: the hook runs synchronously.*Remove async from it and return config itself/);
  });

  it('setting another mode than the command', () => {
    expect(refusal((config) => ({ ...config, mode: 'development' }))).toMatch(/set mode to "development" in the legacy bundle's production build: the mode is the command's.*Remove config\.mode from the hook/);
  });

  it("an eval devtool in a browser bundle that ships, which would hide its code from the ES version proof", () => {
    expect(refusal((config) => ({ ...config, devtool: 'eval-source-map' }), { bundle: 'modern', mode: 'production' })).toMatch(
      /set devtool to "eval-source-map" in the modern bundle's production build: an eval devtool hides each module's code from the ES version proof/,
    );
  });

  it('accepts an eval devtool in development, and gives a deleted mode back', () => {
    const development = { bundle: 'modern', mode: 'development' } as const;
    expect(applyAppHook({ mode: 'development' }, development, (config) => ({ ...config, devtool: 'eval' }))).toEqual({ mode: 'development', devtool: 'eval' });
    expect(applyAppHook({ mode: 'development', devtool: false }, development, ({ mode: _mode, ...rest }) => rest)).toEqual({ mode: 'development', devtool: false });
  });
});
