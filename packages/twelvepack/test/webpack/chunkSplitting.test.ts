import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';
import { generateApp, moduleSource } from '../support/generateApp';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { loadConfig } from '../../src/config/loadConfig';

// The generated app must sit inside the project so its modules resolve @babel/runtime.
const WORK = join(__dirname, '..', '..', '.cache', 'test-build');

async function build(app: string, cacheDirectory: string): Promise<string[]> {
  const outDir = join(app, 'dist');
  const loaded = loadConfig({ mode: 'production', dir: app, env: {} });
  const compiler = webpack(createWebpackConfig({ root: app, loaded, outDir, cacheDirectory, pages: [{ name: 'main', entry: 'src/main.ts', template: 'public/index.html' }] }));
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result)))),
  );
  expect(stats.toJson({ all: false, errors: true }).errors).toEqual([]);
  return readdirSync(outDir).filter((file) => file.endsWith('.js')).sort();
}

describe('the production build of a larger app', () => {
  it('cuts application code into several scripts, and an edit renames only the script that holds the edited module', async () => {
    mkdirSync(WORK, { recursive: true });
    const work = mkdtempSync(join(WORK, 'split-'));
    const app = join(work, 'app');
    try {
      generateApp(app, 100);
      const before = await build(app, join(work, 'cache'));
      expect(before.filter((file) => file.startsWith('main')).length).toBeGreaterThanOrEqual(3);

      writeFileSync(join(app, 'src', 'module50.ts'), moduleSource(50, 1));
      const after = await build(app, join(work, 'cache'));
      expect(after.length).toBe(before.length);
      expect(after.filter((file) => !before.includes(file))).toHaveLength(1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
