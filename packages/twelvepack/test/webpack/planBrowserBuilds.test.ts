import { LEGACY_BROWSERS, MODERN_BROWSERS } from '../../src/webpack/browserTargets';
import { planBrowserBuild, planBrowserBuilds } from '../../src/webpack/planBrowserBuilds';

const config = (legacy: boolean, sourceMaps: 'hidden' | 'linked' | 'none' = 'hidden') => ({ TWELVEPACK_LEGACY_BUNDLE: legacy, SOURCE_MAPS: sourceMaps });
const shape = (plans: ReturnType<typeof planBrowserBuilds>) => plans.map(({ name, bundle, paired }) => ({ name, bundle, paired }));

describe('planBrowserBuilds (which browser compilations there are, decided once)', () => {
  it.each([
    ['production', true, [{ name: 'client-legacy', bundle: 'legacy', paired: true }, { name: 'client', bundle: 'modern', paired: true }]],
    ['production', false, [{ name: 'client', bundle: 'modern', paired: false }]],
    ['development', true, [{ name: 'client', bundle: 'modern', paired: false }]],
    ['development', false, [{ name: 'client', bundle: 'modern', paired: false }]],
  ] as const)('%s with TWELVEPACK_LEGACY_BUNDLE=%s builds %j', (mode, legacy, expected) => {
    expect(shape(planBrowserBuilds(mode, config(legacy)))).toEqual(expected);
  });
});

describe('planBrowserBuild (what one compilation is)', () => {
  const production = { mode: 'production', sourceMaps: 'hidden' } as const;

  it.each([
    // bundle, paired: writes pages, suffix, ES version, script loading, stylesheet browsers
    ['legacy', false, true, '', 5, 'defer', LEGACY_BROWSERS],
    ['legacy', true, false, '-legacy', 5, 'defer', LEGACY_BROWSERS],
    ['modern', false, true, '', 2020, 'module', MODERN_BROWSERS],
    ['modern', true, true, '', 2020, 'module', LEGACY_BROWSERS],
  ] as const)('the %s bundle, paired=%s: writes pages %s, scripts suffixed %j, ES%s, loaded %s', (bundle, paired, writesPages, scriptSuffix, ecmaVersion, scriptLoading, cssBrowsers) => {
    expect(planBrowserBuild({ ...production, bundle, paired })).toMatchObject({ writesPages, scriptSuffix, ecmaVersion, scriptLoading, cssBrowsers });
  });

  it('ships a production build: hashed names, its source maps as SOURCE_MAPS says, proven and compressed, Babel workers allowed, dependencies transpiled, placeholders left to the server', () => {
    for (const sourceMaps of ['hidden', 'linked', 'none'] as const) {
      expect(planBrowserBuild({ mode: 'production', bundle: 'modern', paired: false, sourceMaps })).toMatchObject({
        hashedNames: true,
        sourceMaps,
        ships: true,
        watched: false,
        babelWorkers: true,
        transpilesDependencies: true,
        fillsPlaceholders: false,
      });
    }
  });

  it('tunes a development build for the watch loop: plain names, per-module eval maps, no proof, no workers, dependencies as published, placeholders filled', () => {
    expect(planBrowserBuild({ mode: 'development', bundle: 'modern', paired: false, sourceMaps: 'none' })).toMatchObject({
      hashedNames: false,
      sourceMaps: 'eval',
      ships: false,
      watched: true,
      babelWorkers: false,
      transpilesDependencies: false,
      fillsPlaceholders: true,
    });
  });

  it.each([
    ['development', true, true, true],
    ['development', true, false, false],
    ['development', false, true, false],
    ['production', true, true, false],
  ] as const)('%s, hot=%s, React=%s: Fast Refresh %s', (mode, hot, react, fastRefresh) => {
    expect(planBrowserBuild({ mode, bundle: 'modern', paired: false, sourceMaps: 'hidden', hot, react }).fastRefresh).toBe(fastRefresh);
  });

  it("checks the legacy browsers' web APIs (polyfilled or failing the build) in the legacy bundle only, paired or alone", () => {
    for (const paired of [true, false]) {
      expect(planBrowserBuild({ ...production, bundle: 'legacy', paired }).webApiBrowsers).toEqual(LEGACY_BROWSERS);
      expect(planBrowserBuild({ ...production, bundle: 'modern', paired }).webApiBrowsers).toEqual([]);
    }
  });
});
