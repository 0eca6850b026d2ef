import { createHash } from 'node:crypto';
import { parse } from 'acorn';
import type { AssetManifest } from '../../src/config/AssetManifest';
import { LEGACY_FALLBACK_SCRIPT, MODERN_GATE } from '../../src/config/legacyFallback';
import { LegacyBundleLink } from '../../src/webpack/plugins/LegacyBundleLink';
import { findSyntaxProblem } from '../../src/webpack/plugins/EsVersionGuardPlugin';
import { runBuildInEs5Realm } from './runBuildInEs5Realm';
import { runFixtureBuild, type FixtureOutput } from './runFixtureBuild';

const scriptsOf = (html: string) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ attributes: attributes!.trim(), body: body! }));
const srcOf = (attributes: string) => /\bsrc="\/([^"]+)"/.exec(attributes)?.[1];
/** The core-js modules a script's source map names: the polyfills it carries. */
const polyfillsOf = (build: FixtureOutput, file: string) =>
  (JSON.parse(build.read(`${file}.map`)) as { sources: string[] }).sources.filter((source) => source.includes('core-js/modules/')).map((source) => source.replace(/^.*core-js\/modules\//, ''));
const parses = (code: string, ecmaVersion: 5 | 2019 | 2020, sourceType: 'script' | 'module') => {
  try {
    parse(code, { ecmaVersion, sourceType });
    return true;
  } catch {
    return false;
  }
};

describe("an app's production build: a modern bundle and a legacy one", () => {
  let build: FixtureOutput;
  let html: string;
  let modern: string[];
  let legacy: string[];

  beforeAll(async () => {
    build = await runFixtureBuild({ bundle: 'app' });
    html = build.read('index.html');
    const scripts = scriptsOf(html);
    modern = scripts.filter((s) => /\btype="module"/.test(s.attributes) && srcOf(s.attributes)).map((s) => srcOf(s.attributes)!);
    legacy = scripts.filter((s) => /\bnomodule\b/.test(s.attributes)).map((s) => srcOf(s.attributes)!);
  });

  it('builds without an error or a warning', () => {
    expect({ errors: build.errors, warnings: build.warnings }).toEqual({ errors: [], warnings: [] });
  });

  it('loads the modern scripts with <script type="module"> and the legacy ones with <script nomodule defer>, each set in order, runtime first', () => {
    expect(modern.map((file) => file.replace(/\.\w{8}\.js$/, ''))).toEqual(['runtime', 'vendors', 'main']);
    expect(legacy.map((file) => file.replace(/\.\w{8}\.js$/, ''))).toEqual(['runtime-legacy', 'vendors-legacy', 'main-legacy']);
    for (const s of scriptsOf(html).filter((tag) => /\bnomodule\b/.test(tag.attributes))) expect(s.attributes).toMatch(/\bdefer\b/);
  });

  it('proves each: every legacy script parses as an ES5 script, every modern one as an ES2020 module', () => {
    const scripts = build.files.filter((file) => file.endsWith('.js'));
    expect(scripts.filter((file) => file.includes('-legacy.')).sort()).toEqual([...legacy].sort());
    for (const file of legacy) expect({ file, problem: findSyntaxProblem(build.read(file)) }).toEqual({ file, problem: undefined });
    for (const file of modern) expect({ file, problem: findSyntaxProblem(build.read(file), { ecmaVersion: 2020, sourceType: 'module' }) }).toEqual({ file, problem: undefined });
  });

  it('compiles the modern bundle for its targets: native classes, arrows and async functions, fewer polyfills', () => {
    // modern-dep (in vendors) has a class and an async arrow; the app's main has an async function.
    expect(build.read(modern[1]!)).toMatch(/\bclass \w+\{/);
    expect(build.read(modern[2]!)).toMatch(/\basync function\b/);
    expect(build.read(modern[2]!)).toMatch(/=>/);
    for (const file of legacy) expect(build.read(file)).not.toMatch(/=>|\bclass \w+\{|\basync function\b/);
    const legacyPolyfills = polyfillsOf(build, legacy[1]!);
    const modernPolyfills = polyfillsOf(build, modern[1]!);
    // Promise is native in every modern target; IE 11 has none.
    expect(legacyPolyfills).toContain('es.promise.constructor.js');
    expect(modernPolyfills).not.toContain('es.promise.constructor.js');
    expect(modernPolyfills.every((name) => legacyPolyfills.includes(name))).toBe(true);
    expect(modernPolyfills.length).toBeLessThan(legacyPolyfills.length);
  });

  it('starts the modern runtime with syntax a browser older than the modern targets cannot parse, so none of it runs there', () => {
    const runtime = build.read(modern[0]!);
    expect(runtime.startsWith(MODERN_GATE)).toBe(true);
    expect(parses(runtime, 2020, 'module')).toBe(true);
    expect(parses(runtime, 2019, 'module')).toBe(false);
    expect(parses(MODERN_GATE, 2019, 'script')).toBe(false);
  });

  it('follows the modern scripts with the fallback that loads the legacy ones where the modern runtime did not run', () => {
    const inline = scriptsOf(html).filter((s) => srcOf(s.attributes) === undefined);
    expect(inline).toEqual([{ attributes: 'type="module"', body: LEGACY_FALLBACK_SCRIPT }]);
    expect(parses(LEGACY_FALLBACK_SCRIPT, 5, 'script')).toBe(true);
    const order = scriptsOf(html).map((s) => srcOf(s.attributes) ?? 'fallback');
    expect(order.indexOf('fallback')).toBe(modern.length);
  });

  it('lists both sets in one manifest, every file written and no other, each hashed, the scripts immutable and compressed', () => {
    const manifest = JSON.parse(build.read('asset-manifest.json')) as AssetManifest;
    expect(Object.keys(manifest.files).sort()).toEqual(build.files.filter((file) => file !== 'asset-manifest.json').sort());
    for (const file of [...modern, ...legacy]) {
      const entry = manifest.files[file]!;
      expect({ file, immutable: entry.immutable, hash: entry.hash }).toEqual({ file, immutable: true, hash: createHash('sha256').update(build.read(file)).digest('base64url') });
    }
    for (const file of [modern[1]!, legacy[1]!]) expect(Object.keys(manifest.files[file]!.encodings).sort()).toEqual(['br', 'gzip']);
  });

});

describe('the stylesheet of a pair', () => {
  it('is one file for both bundles, prefixed for the legacy browsers, linked once', async () => {
    const build = await runFixtureBuild({
      bundle: 'app',
      entry: './src/page.ts',
      files: { 'src/page.ts': "import './page.css';\ndocument.title = 'styled';\n", 'src/page.css': '.card { user-select: none; }\n' },
    });
    expect(build.errors).toEqual([]);
    const styles = build.files.filter((file) => file.endsWith('.css'));
    expect(styles).toHaveLength(1);
    expect(build.read(styles[0]!)).toContain('-ms-user-select:none');
    expect(build.read('index.html').match(/<link [^>]*rel="stylesheet"/g)).toHaveLength(1);
  });
});

describe('polyfills in the legacy bundle', () => {
  let build: FixtureOutput;
  beforeAll(async () => {
    build = await runFixtureBuild({ bundle: 'app', entry: 'usesEsmDep.ts' });
  });

  it('reach a strict ES module dependency ("type": "module") as imports: no script is left calling require, which a browser has not', () => {
    expect(build.errors).toEqual([]);
    for (const file of build.files.filter((name) => name.endsWith('.js'))) expect({ file, requires: /\brequire\(/.test(build.read(file)) }).toEqual({ file, requires: false });
    expect(polyfillsOf(build, build.files.find((file) => /^vendors-legacy\.\w+\.js$/.test(file))!)).toEqual(expect.arrayContaining(['es.array.from.js', 'es.set.js']));
  });

  it("cover what Babel's own helpers use: an async function gets a Promise and a Symbol, though the app never names them", () => {
    const polyfills = polyfillsOf(build, build.files.find((file) => /^vendors-legacy\.\w+\.js$/.test(file))!);
    expect(polyfills).toEqual(expect.arrayContaining(['es.promise.constructor.js', 'es.symbol.constructor.js']));
  });

  it('are enough: the page runs with ES5 built-ins only (jsdom, as IE 11 would: nomodule scripts only) and renders, no error', async () => {
    const run = await runBuildInEs5Realm(build);
    expect({ out: run.out, errors: run.errors }).toEqual({ out: 'a,b', errors: [] });
    expect(run.scripts.map((script) => script.url.replace(/^.*\//, '').replace(/\.\w{8}\.js$/, ''))).toEqual(['runtime-legacy', 'vendors-legacy', 'main-legacy']);
  });
});

describe('TWELVEPACK_LEGACY_BUNDLE=false', () => {
  it('ships the modern bundle alone: no nomodule script, no fallback, no gate', async () => {
    const build = await runFixtureBuild({ bundle: 'app', env: { TWELVEPACK_LEGACY_BUNDLE: 'false' } });
    expect(build.errors).toEqual([]);
    const html = build.read('index.html');
    expect(html).not.toContain('nomodule');
    expect(html).not.toContain(LEGACY_FALLBACK_SCRIPT);
    expect(build.files.filter((file) => file.includes('-legacy'))).toEqual([]);
    const runtime = scriptsOf(html).map((s) => srcOf(s.attributes)).find((file) => file?.startsWith('runtime.'));
    expect(build.read(runtime!).startsWith(MODERN_GATE)).toBe(false);
  });
});

describe('the modern bundle’s proof', () => {
  it('fails a build whose modern scripts hold syntax newer than ES2020, naming the asset and the module', async () => {
    // modern-dep has class fields (ES2022); left untranspiled, they reach the output.
    const build = await runFixtureBuild({ entry: 'usesModernDep.ts', transpileDependencies: false, bundle: 'modern' });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toMatch(/ES2020 guard: [\w.]+\.js:\d+:\d+ is not ES2020 \(as a module script\)/);
    expect(build.errors[0]).toMatch(/from: node_modules\/modern-dep\/index\.js:\d+:\d+/);
    expect(build.files).toEqual([]);
  });
});

describe('dependencies', () => {
  it('are transpiled for what ships (the modern bundle proves ES2020) and served as published by a development build', async () => {
    const shipped = await runFixtureBuild({ entry: 'usesModernDep.ts', bundle: 'modern' });
    expect(shipped.errors).toEqual([]);
    const dev = await runFixtureBuild({ entry: 'usesModernDep.ts', bundle: 'modern', mode: 'development' });
    expect(dev.errors).toEqual([]);
    const code = (build: typeof dev) => build.files.filter((file) => file.endsWith('.js')).map((file) => build.read(file)).join('\n');
    // modern-dep's private class field, as its author wrote it.
    expect(code(dev)).toContain('#prefix');
    expect(code(shipped)).not.toContain('#prefix');
  });
});

describe('LegacyBundleLink', () => {
  it('refuses to wait for a legacy build that was never set up, saying how to build the pair', async () => {
    await expect(new LegacyBundleLink().legacy()).rejects.toThrow(/none was built with it\. Build the configurations createClientWebpackConfigs returns together/);
  });
});
