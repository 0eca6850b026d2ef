// `twelvepack dev` writes webpack's disk caches when it stops (stopping a watch alone does not: webpack stores
// them only after a minute idle, or when its compiler closes), so the next start restores them instead of
// compiling every module again.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startDevServer } from '../../src/testing/startDevServer';
import { copyFixtureApp } from '../support/copyFixtureApp';

describe('twelvepack dev, stopped with Ctrl-C', () => {
  let app = '';
  beforeAll(() => {
    app = copyFixtureApp('react-app');
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it("leaves the client's and the server's webpack caches for the next start", async () => {
    const caches = join(app, 'node_modules', '.cache', 'webpack');
    expect(existsSync(caches)).toBe(false);
    const dev = await startDevServer(app);
    await dev.stop();
    const names = readdirSync(caches).map((name) => name.replace(/-[0-9a-f]{12}$/, ''));
    expect(names.sort()).toEqual(['development-modern', 'server-development']);
  }, 180_000);
});
