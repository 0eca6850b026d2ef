import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInEs5Realm, spawnServer, type Es5Realm, type SpawnedServer } from 'twelvepack/testing';
import { builtDemoDir } from '../support/builtDemo';

const APP_NAME = 'Legacy Shop';

/** The page's script tags as the server sent them: where each points and whether it is a module. */
function scriptTags(html: string, base: string): { url: string; module: boolean }[] {
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map(([, attributes = '']) => ({ src: /\bsrc="([^"]+)"/.exec(attributes)?.[1], module: /\btype="?module\b/.test(attributes) }))
    .filter((tag): tag is { src: string; module: boolean } => tag.src !== undefined)
    .map(({ src, module }) => ({ url: new URL(src, base).href, module }));
}

/**
 * The production build run with ES5 built-ins only (IE 11's: twelvepack/testing's MISSING_IN_ES5 is gone from
 * the window before any script runs), so a missing polyfill fails here instead of in an old browser. Like
 * IE 11, the page runs its classic and nomodule scripts and never a `<script type="module">`.
 */
describe('the production app in an ES5 browser (no ES2015+ built-ins)', () => {
  let server: SpawnedServer;
  let url: string;
  let realm: Es5Realm<Window>;

  beforeAll(async () => {
    const sqlite = join(mkdtempSync(join(tmpdir(), 'twelvepack-es5-')), 'kv.sqlite');
    server = spawnServer({ dir: builtDemoDir(), env: { PUBLIC_APP_NAME: APP_NAME, SQLITE_PATH: sqlite } });
    url = await server.ready();
    realm = await runInEs5Realm<Window>({
      url,
      until: ({ document }) =>
        document.querySelector('#app[data-ready="true"]') !== null &&
        document.querySelector('.greeting')?.textContent?.startsWith('Hello') === true &&
        document.querySelector('.visits')?.textContent?.startsWith('Visit number') === true,
      // The legacy bundle, polyfills and all, is parsed by jsdom on a shared 2-core machine.
      timeoutMs: 20_000,
    });
  });
  afterAll(() => {
    realm?.close();
    server?.kill();
  });

  it("renders the demo: the header from the server's PUBLIC_APP_NAME, the greeting from /api/greeting", () => {
    const { document } = realm.window;
    expect(document.querySelector('h1')?.textContent).toBe(APP_NAME);
    expect(document.querySelector('.greeting')?.textContent).toBe(`Hello from the ${APP_NAME} server`);
    expect(document.querySelectorAll('ol.factors li')).toHaveLength(12);
  });

  it('raises no error: every built-in the legacy bundle uses is polyfilled or avoided', () => {
    expect(realm.errors).toEqual([]);
  });

  it('runs only the legacy scripts: every classic or nomodule one the page names, none whose tag is type="module"', async () => {
    const tags = scriptTags(await (await fetch(url)).text(), url);
    const fetched = realm.scripts.map((script) => script.url);
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched).toEqual(tags.filter((tag) => !tag.module).map((tag) => tag.url));
    for (const tag of tags.filter((tag) => tag.module)) expect(fetched).not.toContain(tag.url);
    expect(realm.scripts.filter((script) => script.type === 'module')).toEqual([]);
  });
});
