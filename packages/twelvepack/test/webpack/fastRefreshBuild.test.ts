import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';
import { loadConfig } from '../../src/config/loadConfig';
import { createWebpackConfig } from '../../src/webpack/createWebpackConfig';
import { copyFixtureApp } from '../support/copyFixtureApp';

/** What the React fixture's browser build wrote, all its scripts as one text, built as the dev server builds it (hot). */
async function hotBuild(app: string, mode: 'production' | 'development'): Promise<string> {
  const outDir = join(app, 'dist', mode);
  const loaded = loadConfig({ mode, dir: app, env: {}, variables: [{ name: 'PUBLIC_APP_NAME', type: 'string', default: 'React fixture', exposure: 'public', doc: 'Name.' }] });
  const config = createWebpackConfig({ root: app, loaded, mode, bundle: 'modern', hot: true, outDir, cache: false, pages: [{ name: 'main', entry: 'src/client/main.tsx', template: 'public/index.html' }] });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result))));
  });
  expect(stats.toJson({ all: false, errors: true }).errors ?? []).toEqual([]);
  const scripts = readdirSync(outDir).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  return scripts.map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
}

describe('React Fast Refresh in the build of an app that depends on react-dom', () => {
  let app = '';
  beforeAll(() => {
    app = copyFixtureApp('react-app');
  });
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  it('registers the components and ships the refresh runtime in a development build for the dev server', async () => {
    const code = await hotBuild(app, 'development');
    // Babel's registration calls, defined by the plugin as the webpack runtime's refresh global, and its runtime.
    expect({ registers: code.includes('$Refresh$.register'), runtime: code.includes('react-refresh/runtime') }).toEqual({ registers: true, runtime: true });
  });

  it('leaves every trace of it out of a production build, even one asked to be hot', async () => {
    const code = await hotBuild(app, 'production');
    expect(/\$Refresh(Reg|Sig)?\$|react-refresh|__react_refresh/.exec(code)?.[0]).toBeUndefined();
  });
});
