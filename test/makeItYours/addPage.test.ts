// Make it yours: "Add a page". The one file edited: src/app.ts (a row in its
// pages table). The page's entry and template are new files, written below.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { editFile } from '../support/editFile';
import { buildProject } from '../support/runTwelvepack';

const ENTRY = `import { publicConfig } from 'twelvepack/client';

const root = document.getElementById('admin');
if (root !== null) root.textContent = \`\${publicConfig.PUBLIC_APP_NAME} administration\`;
`;

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>%PUBLIC_APP_NAME% admin</title>
  </head>
  <body>
    <main id="admin">%PUBLIC_APP_NAME% admin</main>
  </body>
</html>
`;

/** The script addresses a page loads, in order. */
const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);

describe('Make it yours: add a page (edit src/app.ts)', () => {
  let project: string | undefined;
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    project = copyProject();
    writeFileSync(join(project, 'src/client/admin.ts'), ENTRY);
    writeFileSync(join(project, 'public/admin.html'), TEMPLATE);
    editFile(
      project,
      'src/app.ts',
      "  pages: [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }],",
      "  pages: [\n    { name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' },\n    { name: 'admin', entry: 'src/client/admin.ts', template: 'public/admin.html' },\n  ],",
    );
    await buildProject(project);
    server = spawnServer({ dir: project, env: { PUBLIC_APP_NAME: 'Back Office' } });
    url = await server.ready();
  });

  afterAll(() => {
    server?.kill();
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it("emits admin.html loading its own script, and the main page does not load it", () => {
    const admin = scriptsOf(readFileSync(join(project!, 'dist/client/admin.html'), 'utf8'));
    const main = scriptsOf(readFileSync(join(project!, 'dist/client/index.html'), 'utf8'));
    expect(admin).toContainEqual(expect.stringMatching(/^\/admin\.[0-9a-f]+\.js$/));
    expect(admin).not.toContainEqual(expect.stringMatching(/\/main\./));
    expect(main).not.toContainEqual(expect.stringMatching(/\/admin\./));
  });

  it("serves /admin.html with its placeholders filled from the server's environment", async () => {
    const response = await fetch(`${url}/admin.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe('Back Office admin');
    expect(html).toContain('<main id="admin">Back Office admin</main>');
  });

  it("serves the page's own script", async () => {
    const html = await (await fetch(`${url}/admin.html`)).text();
    const own = scriptsOf(html).find((src) => /^\/admin\./.test(src));
    const response = await fetch(`${url}${own}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('administration');
  });
});
