import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTemplate, templateFilePath } from '../../src/cli/readTemplate';
import { useTempDir } from '../support/useTempDir';
import { appNodeEngine } from '../../src/cli/appNodeEngine';

const TOOLKIT = join(__dirname, '..', '..');
const CLI = join(TOOLKIT, 'src', 'cli', 'twelvepack.js');
const TEMPLATES = join(TOOLKIT, 'templates');
const toolkitPackage = JSON.parse(readFileSync(join(TOOLKIT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** What every new app holds, whatever its template. */
const EVERY_APP = [
  '.env.example',
  '.gitignore',
  '.npmrc',
  'Procfile',
  'README.md',
  'babel.config.js',
  'jest.config.js',
  'package.json',
  'public/favicon.svg',
  'public/index.html',
  'src/app.ts',
  'src/client/env.d.ts',
  'src/client/getJson.ts',
  'src/client/public-env.d.ts',
  'src/client/tsconfig.json',
  'src/server/hello.ts',
  'test/generatedFiles.test.ts',
  'test/hello.test.ts',
  'test/server.test.ts',
  'tsconfig.json',
  'webpack.config.ts',
];

const EXPECTED = {
  vanilla: { files: [...EVERY_APP, 'src/client/main.ts'].sort(), dependencies: ['twelvepack'], devDependencies: ['@types/jest', '@types/node', 'babel-jest', 'jest', 'typescript'] },
  react: {
    files: [...EVERY_APP, 'src/client/App.module.css', 'src/client/App.test.tsx', 'src/client/App.tsx', 'src/client/Greeting.tsx', 'src/client/logo.svg', 'src/client/main.tsx'].sort(),
    dependencies: ['react', 'react-dom', 'twelvepack'],
    devDependencies: ['@testing-library/dom', '@testing-library/react', '@types/jest', '@types/node', '@types/react', '@types/react-dom', 'babel-jest', 'jest', 'jest-environment-jsdom', 'typescript'],
  },
} as const;

/** `twelvepack init ...` as a person runs it, from `cwd`. */
function init(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'init', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder, by path with `/`, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      return entry.isDirectory() ? listFiles(dir, path) : [path];
    })
    .sort();
}

/** The file a written path came from in the template (dotfiles are stored without their dot). */
const storedAs = (path: string) => (path === '.gitignore' || path === '.npmrc' ? path.slice(1) : path);

describe.each(['vanilla', 'react'] as const)('twelvepack init DIR --template %s', (template) => {
  const temp = useTempDir(`twelvepack-init-${template}-`);
  const expected = EXPECTED[template];

  it("writes exactly the app's files into the new folder, each as the template holds it, and nothing else", () => {
    const run = init(temp.path(), 'shop', '--template', template);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(listFiles(temp.path())).toEqual(expected.files.map((file) => `shop/${file}`));
    for (const file of expected.files.filter((path) => path !== 'package.json')) {
      expect({ file, content: readFileSync(join(temp.path(), 'shop', file), 'utf8') }).toEqual({
        file,
        content: readFileSync(templateFilePath(TEMPLATES, template, storedAs(file)), 'utf8'),
      });
    }
  });

  it('names every file it wrote, then the next three commands', () => {
    const run = init(temp.path(), 'shop', '--template', template);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`twelvepack: wrote a ${template} app into ${join(temp.path(), 'shop')}:`);
    const next = lines.indexOf('Next:');
    expect(lines.slice(1, next)).toEqual(expected.files.map((file) => `  ${file}`));
    expect(lines.slice(next + 1, next + 4)).toEqual(['  cd shop', '  npm install', '  npm start']);
  });

  it("pins twelvepack to the toolkit's version and every other package to the version the toolkit pins", () => {
    expect(init(temp.path(), 'My Shop', '--template', template).status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(temp.path(), 'My Shop', 'package.json'), 'utf8')) as typeof toolkitPackage & Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'my-shop', version: '0.1.0', private: true, engines: { node: appNodeEngine(toolkitPackage.engines.node, process.version) } });
    // One major, and one of those the toolkit is tested on (a platform resolving a range could pick an untested one).
    expect(toolkitPackage.engines.node.split('||').map((clause) => clause.trim())).toContain((pkg.engines as { node: string }).node);
    expect(Object.keys(pkg.dependencies)).toEqual(expected.dependencies);
    expect(Object.keys(pkg.devDependencies)).toEqual(expected.devDependencies);
    expect(pkg.dependencies.twelvepack).toBe(toolkitPackage.version);
    const pinned = { ...toolkitPackage.dependencies, ...toolkitPackage.devDependencies };
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      if (name !== 'twelvepack') expect({ name, version }).toEqual({ name, version: pinned[name] });
    }
  });

  it("has the scripts of an app, npm start the Procfile's web command", () => {
    expect(init(temp.path(), 'shop', '--template', template).status).toBe(0);
    const scripts = (JSON.parse(readFileSync(join(temp.path(), 'shop', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const web = /^web: (.+)$/m.exec(readFileSync(join(temp.path(), 'shop', 'Procfile'), 'utf8'))?.[1];
    expect(scripts).toEqual({
      postinstall: 'twelvepack postinstall',
      'heroku-build': 'twelvepack postinstall',
      'heroku-postbuild': 'twelvepack postinstall',
      build: 'twelvepack build',
      prestart: 'twelvepack start-check',
      start: web,
      dev: 'twelvepack dev',
      'env:example': 'twelvepack env:example',
      test: 'jest',
      typecheck: 'tsc -p tsconfig.json && tsc -p src/client/tsconfig.json',
    });
    expect(web).toMatch(/^node .*dist\/server\/main\.js$/);
  });

  it('writes .gitignore and .npmrc, which the template stores without their dot (npm pack would drop them)', () => {
    expect(init(temp.path(), 'shop', '--template', template).status).toBe(0);
    const stored = [...readTemplate(TEMPLATES, template).keys()];
    expect(stored).toEqual(expect.arrayContaining(['gitignore', 'npmrc']));
    expect(stored).not.toEqual(expect.arrayContaining(['.gitignore']));
    expect(stored).not.toEqual(expect.arrayContaining(['.npmrc']));
    const gitignore = readFileSync(join(temp.path(), 'shop', '.gitignore'), 'utf8').split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['/node_modules/', '/dist/', '.env', '.env.*', '!.env.example']));
    expect(readFileSync(join(temp.path(), 'shop', '.npmrc'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['save-exact=true', 'engine-strict=true']));
  });
});

describe('twelvepack init', () => {
  const temp = useTempDir('twelvepack-init-');

  it('uses the vanilla template without --template', () => {
    expect(init(temp.path(), 'app').status).toBe(0);
    expect(listFiles(join(temp.path(), 'app'))).toEqual(EXPECTED.vanilla.files);
  });

  it('takes DIR relative to the folder it runs in, and writes into an existing empty folder', () => {
    mkdirSync(join(temp.path(), 'apps', 'shop'), { recursive: true });
    const run = init(join(temp.path(), 'apps'), 'shop');
    expect(run.status).toBe(0);
    expect(listFiles(join(temp.path(), 'apps', 'shop'))).toEqual(EXPECTED.vanilla.files);
  });

  it('refuses a folder that is not empty, says why, and writes nothing', () => {
    mkdirSync(join(temp.path(), 'shop'));
    writeFileSync(join(temp.path(), 'shop', 'notes.txt'), 'mine');
    const run = init(temp.path(), 'shop');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`twelvepack init: ${join(temp.path(), 'shop')} is not empty (it holds notes.txt)`);
    expect(run.stdout).toBe('');
    expect(listFiles(temp.path())).toEqual(['shop/notes.txt']);
    expect(readFileSync(join(temp.path(), 'shop', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file where the folder would be, and writes nothing', () => {
    writeFileSync(join(temp.path(), 'shop'), 'a file');
    const run = init(temp.path(), 'shop');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('exists and is not a folder');
    expect(listFiles(temp.path())).toEqual(['shop']);
  });

  it('refuses an unknown template, naming the known ones, with exit 2 and nothing written', () => {
    const run = init(temp.path(), 'shop', '--template', 'vue');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown template "vue"; the templates are vanilla, react');
    expect(run.stderr).toContain('usage: twelvepack init DIR [--template vanilla|react] [--toolkit SPEC]');
    expect(listFiles(temp.path())).toEqual([]);
  });

  it('prints the usage line without DIR, with exit 2 and nothing written', () => {
    const run = init(temp.path());
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('twelvepack init: name the folder to create the app in.\nusage: twelvepack init DIR [--template vanilla|react] [--toolkit SPEC]\n');
    expect(listFiles(temp.path())).toEqual([]);
  });

  it('points the app at another toolkit with --toolkit, a file: path written relative to the app', () => {
    mkdirSync(join(temp.path(), 'packs'));
    const run = init(join(temp.path(), 'packs'), '../apps/shop', '--toolkit', 'file:twelvepack-0.1.0.tgz');
    expect(run.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(temp.path(), 'apps', 'shop', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.twelvepack).toBe('file:../../packs/twelvepack-0.1.0.tgz');
    // Told only without --toolkit: how to install a toolkit that runs from a source checkout.
    expect(run.stdout).not.toContain('source checkout');
  });

  it('says, when it runs from a source checkout, how to point the app at a tarball', () => {
    const run = init(temp.path(), 'shop');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('this twelvepack runs from a source checkout');
    expect(run.stdout).toContain('--toolkit file:PATH.tgz');
  });

  it("is listed among the CLI's commands", () => {
    const run = spawnSync(process.execPath, [CLI], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ {2}twelvepack init +a new app in a new folder/m);
  });
});
