// CSS modules as Vite and create-react-app give them: a `*.module.css` file's default import is its class map,
// named imports work too, the names are short hashes in production and readable in development, and the legacy
// and the modern bundle (one stylesheet for both) agree on them. Real builds of both bundles.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInEs5Realm } from '../../src/testing/runInEs5Realm';
import { runFixtureBuild, type FixtureOutput } from './runFixtureBuild';

const FILES = {
  'src/card.module.css': '.title { color: rebeccapurple; }\n.call-to-action { font-weight: bold; }\n',
  'src/global.css': '.plain { margin: 0; }\n',
  'src/card.ts': [
    "import styles, { title } from './card.module.css';",
    "import './global.css';",
    "document.body.dataset.out = [styles.title, title, styles['call-to-action']].join(',');",
    '',
  ].join('\n'),
};

/** The class selectors of a stylesheet, in order. */
const classesOf = (css: string) => [...css.matchAll(/\.([\w-]+)\s*\{/g)].map((match) => match[1]!);
const stylesheet = (build: FixtureOutput) => build.read(build.files.find((file) => file.endsWith('.css'))!);

/** Runs the pair's page in the ES5 realm (the legacy bundle alone, as IE 11 would) and reads what it wrote. */
async function legacyOutput(build: FixtureOutput): Promise<{ out: string | undefined; errors: readonly unknown[] }> {
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
    return { out, errors: realm.errors };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('CSS modules', () => {
  let build: FixtureOutput;
  beforeAll(async () => {
    build = await runFixtureBuild({ bundle: 'app', entry: './src/card.ts', files: FILES });
  });

  it('hash the classes of a *.module.css file in production and leave every other stylesheet global', () => {
    expect(build.errors).toEqual([]);
    expect(build.warnings).toEqual([]);
    const classes = classesOf(stylesheet(build));
    expect(classes).toHaveLength(3);
    expect(classes).toContain('plain');
    expect(classes).not.toContain('title');
    expect(classes).not.toContain('call-to-action');
  });

  it('give the class map as the default import and as named imports, the same in the legacy bundle as in the stylesheet', async () => {
    const [title, callToAction] = classesOf(stylesheet(build)).filter((name) => name !== 'plain');
    expect(await legacyOutput(build)).toEqual({ out: [title, title, callToAction].join(','), errors: [] });
  });

  it('give the modern bundle the same names', () => {
    const modern = build.files.filter((file) => /^main\.\w+\.js$/.test(file)).map((file) => build.read(file)).join('\n');
    for (const name of classesOf(stylesheet(build)).filter((n) => n !== 'plain')) expect(modern).toContain(`"${name}"`);
  });

  it('keep the names readable in development: the file, the class, a short hash', async () => {
    const dev = await runFixtureBuild({ bundle: 'modern', mode: 'development', entry: './src/card.ts', files: FILES });
    expect(dev.errors).toEqual([]);
    expect(classesOf(stylesheet(dev))).toEqual([expect.stringMatching(/^card-module__title--[\w-]{5}$/), expect.stringMatching(/^card-module__call-to-action--[\w-]{5}$/), 'plain']);
  });
});
