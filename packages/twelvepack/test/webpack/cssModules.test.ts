// CSS modules as Vite and create-react-app give them: a `*.module.css` file's default import is its class map,
// named imports work too, the names are short hashes in production and readable in development, and the legacy
// and the modern bundle (one stylesheet for both) agree on them. Real builds of both bundles.
import { runBuildInEs5Realm } from './runBuildInEs5Realm';
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
    const run = await runBuildInEs5Realm(build);
    expect({ out: run.out, errors: run.errors }).toEqual({ out: [title, title, callToAction].join(','), errors: [] });
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
