// Make it yours: "Add a route outside /api" (an OAuth callback, a webhook). The
// one file edited: src/app.ts (a row in its routes table). The dev server
// proxies exactly the table's paths, so the route answers the same under
// `npm start` and `npm run dev`, and every other path stays the client's.
import { rmSync } from 'node:fs';
import { spawnServer, startDevServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { editFile } from '../support/editFile';
import { buildProject } from '../support/runTwelvepack';

/** What the browser sends when a person follows a link (a redirect back from a sign-in page, say). */
const NAVIGATION = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };

/** A server to ask, and how to stop it. */
interface Running {
  readonly url: string;
  stop(): Promise<void>;
}

let project: string;

beforeAll(() => {
  project = copyProject();
  editFile(project, 'src/app.ts', "import { adminKvRoute } from 'twelvepack/server';", "import { adminKvRoute, json } from 'twelvepack/server';");
  editFile(project, 'src/app.ts', '  routes: [\n', "  routes: [\n    { path: '/auth/callback', methods: ['GET'], handler: () => json(200, { signedIn: true }) },\n");
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

const servers: [string, () => Promise<Running>][] = [
  [
    'npm start (the production build)',
    async () => {
      await buildProject(project);
      const server = spawnServer({ dir: project });
      return { url: await server.ready(), stop: async () => server.kill() };
    },
  ],
  ['npm run dev', () => startDevServer(project)],
];

describe.each(servers)('Make it yours: a route outside /api (edit src/app.ts), under %s', (_name, start) => {
  let running: Running | undefined;

  beforeAll(async () => {
    running = await start();
  });

  afterAll(() => running?.stop());

  it('answers a fetch with its JSON', async () => {
    const response = await fetch(`${running!.url}/auth/callback?code=abc`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ signedIn: true });
  });

  it("answers a browser navigation with its JSON, not the client's index.html", async () => {
    const response = await fetch(`${running!.url}/auth/callback?code=abc`, { headers: NAVIGATION });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ signedIn: true });
  });

  it("still answers a client route's navigation with the app's index.html", async () => {
    const response = await fetch(`${running!.url}/some/client/route`, { headers: NAVIGATION });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/<main id="app">/);
  });
});
