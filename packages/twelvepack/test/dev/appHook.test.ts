// `twelvepack dev` builds through the app's webpack hook too: the client compile the dev server serves, and the
// server build in its own process; a hook that gives nothing back is reported, and fixing it starts again.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevServer, type DevServer } from '../../src/testing/startDevServer';
import { copyFixtureApp } from '../support/copyFixtureApp';

// A plugin of the app's own, added by its hook: webpack's BannerPlugin, reached through the compiler (no import).
const HOOK = `  webpack(config, { bundle, mode }) {
    const banner = { apply: (compiler) => new compiler.webpack.BannerPlugin({ banner: \`through the app hook: \${bundle} \${mode}\` }).apply(compiler) };
    config.plugins = [...(config.plugins ?? []), banner];
    return config;
  },
`;
const ROUTES = '  routes: [';

/** Resolves once `probe` is true; rejects after `timeoutMs`. */
async function until(probe: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

describe("twelvepack dev with an app's webpack hook", () => {
  let app = '';
  let dev: DevServer | undefined;
  const manifest = () => join(app, 'src', 'app.ts');
  beforeAll(async () => {
    app = copyFixtureApp('react-app');
    writeFileSync(manifest(), readFileSync(manifest(), 'utf8').replace(ROUTES, `${HOOK}${ROUTES}`));
    dev = await startDevServer(app);
  }, 180_000);
  afterAll(async () => {
    await dev?.stop();
    rmSync(app, { recursive: true, force: true });
  });

  it('serves a client bundle made through the hook, as a development build of the modern bundle', async () => {
    const script = await (await fetch(`${dev!.url}/main.js`)).text();
    expect(script).toContain('through the app hook: modern development');
  });

  it('runs an API built through the hook, as a development build of the server', async () => {
    expect((await fetch(`${dev!.url}/api/hello`)).status).toBe(200);
    expect(readFileSync(join(app, '.cache', 'twelvepack', 'dev-server', 'main.js'), 'utf8')).toContain('through the app hook: server development');
  });

  it('reports a hook that returns nothing, saying to return config, and starts again once it is fixed', async () => {
    const good = readFileSync(manifest(), 'utf8');
    const before = dev!.output().length;
    writeFileSync(manifest(), good.replace('    return config;\n', ''));
    await until(() => dev!.output().includes('restarts.', before), 'the report of the hook');
    const said = dev!.output().slice(before);
    expect(said).toContain("webpack(config, context) in src/app.ts returned nothing for the modern bundle's development build");
    expect(said).toContain('End it with return config.');
    expect(said).toContain('Fix it in src/app.ts and save: the dev server restarts.');

    const again = dev!.output().length;
    writeFileSync(manifest(), good);
    await until(() => dev!.output().includes('dev server ready at', again), 'the restart', 120_000);
    await until(async () => (await fetch(`${dev!.url}/api/hello`).then((response) => response.status, () => 0)) === 200, 'the API back', 60_000);
  }, 240_000);
});
