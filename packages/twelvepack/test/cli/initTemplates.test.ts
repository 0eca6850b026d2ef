import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AnyApp } from '../../src/config/AppManifest';
import { generatedFiles, staleGeneratedFiles } from '../../src/config/generatedFiles';
import { INIT_TEMPLATES } from '../../src/cli/initTemplates';
import { COMMON_TEMPLATE, readTemplate, templateFilePath } from '../../src/cli/readTemplate';

const TEMPLATES = join(__dirname, '..', '..', 'templates');

/** Where each template is laid out whole (common files and its own), inside the workspace so `twelvepack/...` resolves. */
const LAID_OUT = join(__dirname, '..', '..', '.cache', 'test-templates');

beforeAll(() => {
  rmSync(LAID_OUT, { recursive: true, force: true });
  for (const template of Object.keys(INIT_TEMPLATES)) {
    for (const [path, content] of readTemplate(TEMPLATES, template)) {
      mkdirSync(dirname(join(LAID_OUT, template, path)), { recursive: true });
      writeFileSync(join(LAID_OUT, template, path), content);
    }
  }
});
afterAll(() => rmSync(LAID_OUT, { recursive: true, force: true }));

/**
 * A template's src/app.ts, loaded as an app's specs load it: it imports its
 * route and twelvepack/app and twelvepack/server, which resolve through the
 * workspace. Required by path, so the toolkit's type-check does not take in
 * the templates.
 */
function loadTemplateApp(template: string): AnyApp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(LAID_OUT, template, 'src', 'app.ts')) as { default: AnyApp }).default;
}

/** A file of the template as init writes it (its own, else the common one). */
const read = (template: string, file: string) => readFileSync(templateFilePath(TEMPLATES, template, file), 'utf8');

describe('the templates folder', () => {
  it('holds exactly the templates twelvepack init knows, and the files they share', () => {
    expect(readdirSync(TEMPLATES).sort()).toEqual([COMMON_TEMPLATE, ...Object.keys(INIT_TEMPLATES)].sort());
  });
});

describe.each(Object.keys(INIT_TEMPLATES))('the %s template', (template) => {
  it('has current generated files: .env.example and src/client/public-env.d.ts, shared in templates/common', () => {
    // Every template declares the same variables, so one pair of generated files serves them all.
    const current = generatedFiles(loadTemplateApp(template));
    for (const [file, content] of current) expect({ file, content: read(template, file) }).toEqual({ file, content });
    expect(staleGeneratedFiles(loadTemplateApp(template), join(TEMPLATES, COMMON_TEMPLATE))).toEqual([]);
  });

  it('holds no package.json (a package to npm and jest), and no .gitignore or .npmrc (npm pack would drop them)', () => {
    const names = [...readTemplate(TEMPLATES, template).keys()].map((path) => path.split('/').pop());
    expect(names).not.toContain('package.json');
    expect(names).not.toContain('.gitignore');
    expect(names).not.toContain('.npmrc');
  });

  it('declares one public variable, one page whose template shows it, and GET /api/hello', () => {
    const app = loadTemplateApp(template);
    expect(app.variables.map(({ name, exposure }) => ({ name, exposure }))).toEqual([{ name: 'PUBLIC_APP_NAME', exposure: 'public' }]);
    expect(app.pages).toHaveLength(1);
    expect(app.pages[0]?.template).toBe('public/index.html');
    expect(existsSync(templateFilePath(TEMPLATES, template, app.pages[0]!.entry))).toBe(true);
    expect(read(template, 'public/index.html')).toContain('<title>%PUBLIC_APP_NAME%</title>');
    expect(app.routes).toEqual([{ path: '/api/hello', methods: ['GET'], handler: expect.any(Function) }]);
  });

  it('answers GET /api/hello with JSON naming the app, through the toolkit answer helpers', async () => {
    const route = loadTemplateApp(template).routes[0]!;
    const answer = await route.handler({} as never, { config: { PUBLIC_APP_NAME: 'Shop' } } as never);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'Content-Type': 'application/json; charset=utf-8' });
    expect(JSON.parse(String(answer.body))).toEqual({ message: 'Hello from the Shop server' });
  });

  it('says near the top of its README: npm install, then npm start, and npm test', () => {
    const top = read(template, 'README.md').split('\n').slice(0, 15).join('\n');
    expect(top.indexOf('npm install')).toBeGreaterThan(-1);
    expect(top.indexOf('npm start')).toBeGreaterThan(top.indexOf('npm install'));
    expect(top).toContain('npm test');
  });

  it("hands the app to the toolkit through its doors: tsconfig, webpack.config.ts, babel.config.js", () => {
    expect(JSON.parse(read(template, 'tsconfig.json'))).toMatchObject({ extends: 'twelvepack/tsconfig.base.json' });
    expect(JSON.parse(read(template, 'src/client/tsconfig.json'))).toMatchObject({ extends: '../../tsconfig.json', compilerOptions: { types: [] } });
    expect(read(template, 'webpack.config.ts')).toContain("import { createAppWebpackConfig } from 'twelvepack/webpack';");
    expect(read(template, 'webpack.config.ts')).toContain('export default createAppWebpackConfig(app, __dirname);');
    expect(read(template, 'babel.config.js')).toContain("module.exports = require('twelvepack/babel');");
  });

  it('tests the built server with spawnServer, on the install\'s build when it is fresh (findFreshBuild), else on a new one', () => {
    const spec = read(template, 'test/server.test.ts');
    expect(spec).toContain("from 'twelvepack/testing'");
    expect(spec).toContain('findFreshBuild({ root: ROOT, app }) ?? (await buildApp({ root: ROOT, app }))');
  });
});

describe('the react template', () => {
  it('sets the JSX runtime in tsconfig.json, the one setting the toolkit reads', () => {
    expect(JSON.parse(read('react', 'tsconfig.json'))).toMatchObject({ compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } });
  });

  it('renders with createRoot from src/client/main.tsx, a component with state and an effect calling /api/hello', () => {
    expect(loadTemplateApp('react').pages[0]?.entry).toBe('src/client/main.tsx');
    expect(read('react', 'src/client/main.tsx')).toContain("import { createRoot } from 'react-dom/client';");
    const greeting = read('react', 'src/client/Greeting.tsx');
    expect(greeting).toMatch(/useState\(/);
    expect(greeting).toMatch(/useEffect\(/);
    expect(greeting).toContain("'/api/hello'");
  });
});
