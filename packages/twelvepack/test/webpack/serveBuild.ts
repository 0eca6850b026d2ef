import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureOutput } from './runFixtureBuild';

/** A fixture build served on 127.0.0.1. */
export interface ServedBuild {
  /** The page's URL: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a fixture build's files on 127.0.0.1 (a free port), index.html at `/`, and `answers` as JSON at their
 * paths (`{ '/api/answer': { answer: 42 } }`), as an app's API would; anything else is a 404.
 */
export async function serveBuild(build: FixtureOutput, answers: Readonly<Record<string, unknown>> = {}): Promise<ServedBuild> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (Object.hasOwn(answers, path)) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answers[path]));
    const file = path.slice(1) || 'index.html';
    if (!build.files.includes(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(build.read(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
