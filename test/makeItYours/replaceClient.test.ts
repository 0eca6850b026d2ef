// Make it yours: "Replace the demo client". The one file edited: src/client/main.ts
// (its whole content). The toolkit's own specs build fixture apps, never this
// one, so they do not notice (DESIGN.md); they are not run here.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithBrowser, launchBrowser, spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { buildProject } from '../support/runTwelvepack';

const NEW_CLIENT = `import { installErrorReporter, publicConfig } from 'twelvepack/client';

installErrorReporter();

const root = document.getElementById('app');
if (root !== null) {
  root.textContent = \`Welcome to \${publicConfig.PUBLIC_APP_NAME}\`;
  root.dataset.ready = 'true';
}
`;

describe('Make it yours: replace the demo client (edit src/client/main.ts)', () => {
  let project: string | undefined;
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    project = copyProject();
    writeFileSync(join(project, 'src/client/main.ts'), NEW_CLIENT);
    await buildProject(project);
    server = spawnServer({ dir: project, env: { PUBLIC_APP_NAME: 'My Own App' } });
    url = await server.ready();
  });

  afterAll(() => {
    server?.kill();
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it('builds and serves a page whose script is the new client, with none of the demo left in it', async () => {
    const html = await (await fetch(`${url}/`)).text();
    const main = /<script\b[^>]*\bsrc="(\/main\.[0-9a-f]+\.js)"/.exec(html)?.[1];
    expect(main).toBeDefined();
    const script = await (await fetch(`${url}${main}`)).text();
    expect(script).toContain('Welcome to ');
    expect(script).not.toContain('Filter the factors');
  });

  describeWithBrowser('in a real browser', () => {
    it('shows the new client', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector('#app[data-ready="true"]');
        expect(await page.locator('#app').textContent()).toBe('Welcome to My Own App');
      } finally {
        await browser.close();
      }
    });
  });
});
