// Make it yours: "Add a loader". The one file edited: src/app.ts (a webpack hook whose rule imports `.md` files as
// their text, webpack's own asset/source type). The markdown file, its type declaration and the client that shows
// it are new files, written below.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithBrowser, launchBrowser, spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { editFile } from '../support/editFile';
import { buildProject } from '../support/runTwelvepack';

const HOOK = `  webpack(config) {
    config.module?.rules?.push({ test: /\\.md$/, type: 'asset/source' });
    return config;
  },
  routes: [`;

const NOTES = '# Release notes\n\nThis text came from a markdown file, imported as it is.\n';

const TYPES = `// What a .md import gives: the file's text (the rule in src/app.ts's webpack hook).
declare module '*.md' {
  const source: string;
  export default source;
}
`;

const CLIENT = `import notes from './notes.md';

const root = document.getElementById('app');
if (root !== null) {
  const text = document.createElement('pre');
  text.className = 'notes';
  text.textContent = notes;
  root.innerHTML = '';
  root.appendChild(text);
}
`;

/** The script addresses a page loads, in order. */
const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!);

describe('Make it yours: add a loader (edit src/app.ts: its webpack hook)', () => {
  let project: string | undefined;
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    project = copyProject();
    writeFileSync(join(project, 'src/client/notes.md'), NOTES);
    writeFileSync(join(project, 'src/client/markdown.d.ts'), TYPES);
    writeFileSync(join(project, 'src/client/main.ts'), CLIENT);
    editFile(project, 'src/app.ts', '  routes: [', HOOK);
    await buildProject(project);
    server = spawnServer({ dir: project });
    url = await server.ready();
  });

  afterAll(() => {
    server?.kill();
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it("puts the markdown's text into both bundles' scripts, the modern and the legacy one", async () => {
    const scripts = scriptsOf(await (await fetch(`${url}/`)).text()).filter((src) => /^\/main(-legacy)?\.[0-9a-f]+\.js$/.test(src));
    expect(scripts).toHaveLength(2);
    for (const src of scripts) expect(await (await fetch(`${url}${src}`)).text()).toContain('This text came from a markdown file, imported as it is.');
  });

  describeWithBrowser('in a real browser', () => {
    it('shows the markdown text on the page', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForSelector('#app .notes');
        expect(await page.locator('#app .notes').textContent()).toBe(NOTES);
      } finally {
        await browser.close();
      }
    });
  });
});
