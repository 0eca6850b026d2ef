// The toolkit's proofs and guards come after an app's own webpack hook: a hook that empties the plugin list, the
// minimizers or the module rules (or turns emitOnErrors back on) switches none of them off. Real builds, each
// into a temp folder.
import type { WebpackHook } from '../../src/config/AppManifest';
import { runFixtureBuild, runServerFixtureBuild } from './runFixtureBuild';

// The fixture's main.ts holds this value in a string literal (LeakGuardPlugin.test.ts); a secret when .env says so.
const LITERAL = 'sk_literal_fixture_value_0001';
const HARD_CODED = 'hard-coded-payment-key-after-hook-7Qw2';

/** What a careless hook does: every plugin and minimizer gone, and the build told to write even when it failed. */
const emptyEverything: WebpackHook = (config) => {
  config.plugins = [];
  config.optimization = { ...config.optimization, minimizer: [], emitOnErrors: true };
  return config;
};

describe("the proofs and guards after an app's webpack hook", () => {
  it('still fail a browser build that holds a secret, when the hook emptied the plugins and the minimizers; the value is never printed and nothing is written', async () => {
    const build = await runFixtureBuild({ envFiles: { '.env': `STRIPE_SECRET=${LITERAL}\n` }, appHook: emptyEverything });
    expect(build.errors.join('\n')).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of STRIPE_SECRET/);
    expect(build.printed).not.toContain(LITERAL);
    expect(build.files).toEqual([]);
  });

  it('still prove the legacy bundle ES5 when the hook let ES2015 through (no Babel rule, no minifier)', async () => {
    const build = await runFixtureBuild({
      entry: './src/modern.js',
      files: { 'src/modern.js': 'export const add = (a, b) => a + b;\nconsole.log(add(1, 2));\n' },
      appHook: (config, context) => {
        config.module = { rules: [] };
        return emptyEverything(config, context);
      },
    });
    expect(build.errors.join('\n')).toMatch(/ES5 guard: main\.[0-9a-f]{8}\.js:\d+:\d+ is not ES5/);
    expect(build.files).toEqual([]);
  });

  it("still guard the server bundle when the hook emptied its plugins", async () => {
    const manifest = `import { defineApp } from 'twelvepack/app';

const paymentKey = '${HARD_CODED}';

export default defineApp({
  variables: [],
  pages: [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }],
  routes: [{ path: '/api/pay', methods: ['POST'], handler: () => ({ status: 200, body: paymentKey }) }],
});
`;
    const build = await runServerFixtureBuild({ files: { 'src/app.ts': manifest }, env: { PAYMENT_API_KEY: HARD_CODED }, appHook: emptyEverything });
    expect(build.errors.join('\n')).toMatch(/Leak guard: the server bundle's main\.js contains the value of PAYMENT_API_KEY/);
    expect(build.printed).not.toContain(HARD_CODED);
    expect(build.files).toEqual([]);
  });
});
