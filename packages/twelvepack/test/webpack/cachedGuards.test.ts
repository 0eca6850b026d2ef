import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { AssetManifest } from '../../src/config/AssetManifest';
import { FIXTURE_APP, runFixtureBuild } from './runFixtureBuild';

// The guards remember contents that passed, in webpack's disk cache. These specs
// build twice with one cache, so the second build sees contents the first one cached.

const LITERAL = 'sk_literal_fixture_value_0001';

describe('the guards with a filled build cache', () => {
  it('fails the build when a value in an asset that was clean before becomes a secret', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'twelvepack-cache-'));
    const first = await runFixtureBuild({ cacheDirectory, env: { ADMIN_TOKEN: 'an-unrelated-admin-token-0005-Hs7Pq2Vx9Lc' } });
    expect(first.errors).toEqual([]);

    const second = await runFixtureBuild({ cacheDirectory, env: { ADMIN_TOKEN: 'an-unrelated-admin-token-0005-Hs7Pq2Vx9Lc', STRIPE_SECRET: LITERAL } });
    const messages = second.errors.join('\n');
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of STRIPE_SECRET/);
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js\.br contains the value of STRIPE_SECRET/);
    expect(messages).not.toContain(LITERAL);
    expect(second.files).toEqual([]);
  });

  it('fails every build that leaks, not only the first', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'twelvepack-cache-'));
    for (let build = 1; build <= 2; build += 1) {
      const output = await runFixtureBuild({ cacheDirectory, env: { STRIPE_SECRET: LITERAL } });
      expect({ build, leaked: output.errors.some((error) => /main\.[0-9a-f]{8}\.js contains the value of STRIPE_SECRET/.test(error)) }).toEqual({ build, leaked: true });
    }
  });

  it('fails every build whose output is not ES5, not only the first', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'twelvepack-cache-'));
    for (let build = 1; build <= 2; build += 1) {
      const output = await runFixtureBuild({ cacheDirectory, transpileDependencies: false });
      expect({ build, es5: output.errors.some((error) => error.includes('ES5 guard:')) }).toEqual({ build, es5: true });
    }
  });
});

describe('the asset manifest with a filled build cache', () => {
  it('lists each file with the hash of its content in this build, the file that changed since the last one included', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'twelvepack-cache-'));
    for (const version of ['first version of the file', 'second version, longer than the first']) {
      const output = await runFixtureBuild({ cacheDirectory, files: { 'public/changing.txt': version } });
      const manifest = JSON.parse(output.read('asset-manifest.json')) as AssetManifest;
      for (const file of output.files.filter((name) => name !== 'asset-manifest.json')) {
        const content = readFileSync(join(output.outDir, file));
        expect({ file, ...manifest.files[file] }).toMatchObject({ file, size: content.length, hash: createHash('sha256').update(content).digest('base64url') });
      }
      expect(output.read('changing.txt')).toBe(version);
    }
  });
});

describe('modules with a filled build cache', () => {
  // Production checks a file's timestamp first and hashes it only when the timestamp moved (createWebpackConfig).
  it('rebuilds an edited module, and keeps the output of one touched but unchanged', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'twelvepack-cache-'));
    const sources = mkdtempSync(join(tmpdir(), 'twelvepack-sources-'));
    const module = join(sources, 'main.ts');
    const entry = relative(join(FIXTURE_APP, 'src'), module);
    const scriptOf = (output: Awaited<ReturnType<typeof runFixtureBuild>>) => output.read(output.files.find((file) => /^main\.[0-9a-f]{8}\.js$/.test(file))!);

    writeFileSync(module, "document.title = 'first version';\n");
    expect(scriptOf(await runFixtureBuild({ cacheDirectory, entry }))).toContain('first version');

    writeFileSync(module, "document.title = 'second version';\n");
    const edited = await runFixtureBuild({ cacheDirectory, entry });
    expect(scriptOf(edited)).toContain('second version');
    expect(scriptOf(edited)).not.toContain('first version');

    const later = new Date(Date.now() + 60_000);
    utimesSync(module, later, later);
    const touched = await runFixtureBuild({ cacheDirectory, entry });
    expect(touched.files).toEqual(edited.files);
  });
});
