import { findSyntaxProblem } from '../../src/webpack/plugins/EsVersionGuardPlugin';
import type { AssetManifest } from '../../src/config/AssetManifest';
import { runFixtureBuild, type FixtureOutput } from './runFixtureBuild';

describe('the production build of a small app', () => {
  let build: FixtureOutput;
  const js = () => build.files.filter((file) => file.endsWith('.js'));

  beforeAll(async () => {
    build = await runFixtureBuild({ env: { PUBLIC_APP_NAME: 'Fixture App' } });
  });

  it('succeeds', () => {
    expect(build.errors).toEqual([]);
  });

  it('emits only JavaScript that parses as ES5, webpack runtime and the ES2017 dependency included', () => {
    expect(js().length).toBeGreaterThanOrEqual(3);
    for (const file of js()) expect({ file, problem: findSyntaxProblem(build.read(file)) }).toEqual({ file, problem: undefined });
    expect(js().some((file) => build.read(file).includes('greet'))).toBe(true);
  });

  it('inlines JSON imports into the bundle instead of fetching them', () => {
    expect(build.files.filter((file) => file.endsWith('.json') && file !== 'asset-manifest.json')).toEqual([]);
    expect(js().some((file) => build.read(file).includes('json-inlined-marker-7f3a'))).toBe(true);
  });

  it('inlines public variables, defaults included', () => {
    const code = js().map(build.read).join('\n');
    expect(code).toContain('Fixture App');
    expect(code).toContain('A webpack app that follows the twelve-factor methodology.');
    expect(code).not.toMatch(/process\.env/);
  });

  it('names scripts with an 8-character content hash and generates the HTML from the template, public placeholders kept for the server', () => {
    for (const file of js()) expect(file).toMatch(/^[\w-]+\.[0-9a-f]{8}\.js$/);
    const html = build.read('index.html');
    // The production server fills them from its own environment at boot (renderIndexHtml), so a promoted build shows the new values.
    expect(html).toContain('<title>%PUBLIC_APP_NAME%</title>');
    expect(html).not.toContain('Fixture App');
    for (const file of js()) expect(html).toContain(`src="/${file}"`);
  });

  it('writes source maps without referencing them from the bundle', () => {
    for (const file of js()) {
      expect(build.files).toContain(`${file}.map`);
      expect(build.read(file)).not.toContain('sourceMappingURL');
    }
  });

  it('writes .br and .gz siblings for compressible files above the threshold', () => {
    const main = js().find((file) => file.startsWith('main.'))!;
    expect(build.files).toEqual(expect.arrayContaining([`${main}.br`, `${main}.gz`]));
  });

  it('lists every emitted file in the manifest with its size, hash and whether it is immutable', () => {
    const manifest = JSON.parse(build.read('asset-manifest.json')) as AssetManifest;
    expect(Object.keys(manifest.files).sort()).toEqual(build.files.filter((file) => file !== 'asset-manifest.json'));
    const main = js().find((file) => file.startsWith('main.'))!;
    expect(manifest.files[main]).toMatchObject({ size: build.read(main).length, immutable: true });
    expect(manifest.files[main]!.hash).toMatch(/^[\w-]{43}$/);
    expect(manifest.files[main]!.encodings.br?.file).toBe(`${main}.br`);
    expect(manifest.files['index.html']).toMatchObject({ immutable: false });
  });
});

describe('the ES5 guard', () => {
  it('fails a build that emits non-ES5 code and names the asset, the position and the original module', async () => {
    const build = await runFixtureBuild({ entry: 'usesModernDep.ts', transpileDependencies: false });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toMatch(/ES5 guard: [\w.]+\.js:\d+:\d+ is not ES5/);
    expect(build.errors[0]).toMatch(/from: node_modules\/modern-dep\/index\.js:\d+:\d+/);
    expect(build.files).toEqual([]);
  });
});

describe('public variables in browser code', () => {
  it('fails the build when code names a variable that is not public, naming the module and the variable', async () => {
    const build = await runFixtureBuild({ entry: 'readsPrivate.ts', env: { ADMIN_TOKEN: 'k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0' } });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toContain('./src/readsPrivate.ts');
    expect(build.errors[0]).toContain('process.env.ADMIN_TOKEN is not a public variable');
    expect(build.files).toEqual([]);
  });

  it('fails the build when code uses process.env as a whole', async () => {
    const build = await runFixtureBuild({ entry: 'readsWholeEnv.ts' });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toContain('./src/readsWholeEnv.ts');
    expect(build.errors[0]).toContain('process.env is used as a whole');
  });
});
