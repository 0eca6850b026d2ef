import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInEs5Realm, type FetchedScript, type RealmError } from '../../src/testing/runInEs5Realm';
import type { FixtureOutput } from './runFixtureBuild';

/** What a build's page wrote into `document.body.dataset.out` in the ES5 realm, and what went wrong meanwhile. */
export interface Es5PageRun {
  readonly out: string | undefined;
  readonly errors: readonly RealmError[];
  readonly scripts: readonly FetchedScript[];
}

/**
 * Serves a fixture build's files on 127.0.0.1 and runs its page in the ES5 realm (jsdom with ES5 built-ins only,
 * nomodule scripts only, as IE 11 would) until the page sets `document.body.dataset.out`.
 */
export async function runBuildInEs5Realm(build: FixtureOutput): Promise<Es5PageRun> {
  const server = createServer((req, res) => {
    const file = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1) || 'index.html';
    if (!build.files.includes(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(build.read(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const realm = await runInEs5Realm<{ document: { body: { dataset: Record<string, string | undefined> } } }>({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      until: ({ document }) => document.body.dataset.out !== undefined,
      timeoutMs: 20_000,
    });
    const out = realm.window.document.body.dataset.out;
    realm.close();
    return { out, errors: realm.errors, scripts: realm.scripts };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
