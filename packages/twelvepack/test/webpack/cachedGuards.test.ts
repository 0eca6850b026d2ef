import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFixtureBuild } from './runFixtureBuild';

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
