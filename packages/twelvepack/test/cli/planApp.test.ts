import type { ToolkitPackage } from '../../src/cli/appPackageJson';
import { planApp } from '../../src/cli/planApp';

/** A toolkit's package.json that pins everything a react app needs. */
const TOOLKIT: ToolkitPackage = {
  name: 'twelvepack',
  version: '1.2.3',
  engines: { node: '^20.19 || ^24 || ^26' },
  dependencies: { webpack: '5.0.0', react: '19.0.0' },
  devDependencies: {
    '@testing-library/dom': '10.0.0',
    '@testing-library/react': '16.0.0',
    '@types/jest': '29.0.0',
    '@types/node': '20.0.0',
    '@types/react': '19.0.1',
    '@types/react-dom': '19.0.2',
    'babel-jest': '29.7.0',
    jest: '29.7.0',
    'jest-environment-jsdom': '29.7.1',
    'react-dom': '19.0.0',
    typescript: '5.9.3',
  },
};

const WEB = 'node --enable-source-maps dist/server/main.js';

const templateFiles = (extra: Record<string, string> = {}) =>
  new Map(Object.entries({ Procfile: `web: ${WEB}\n`, gitignore: '/dist/\n', npmrc: 'save-exact=true\n', 'src/app.ts': 'app', ...extra }).map(([path, text]) => [path, Buffer.from(text)]));

const plan = (overrides: Partial<Parameters<typeof planApp>[0]> = {}) =>
  planApp({ template: 'vanilla', files: templateFiles(), folderName: 'My Shop', toolkit: TOOLKIT, nodeVersion: 'v24.22.3', ...overrides });

const packageOf = (files: ReturnType<typeof planApp>) =>
  JSON.parse(String(files.find((file) => file.path === 'package.json')?.content)) as Record<string, Record<string, string>>;

describe('planApp (the files of a new app, from a template)', () => {
  it("is the template's files, with gitignore and npmrc renamed to their dotfiles, plus package.json, sorted", () => {
    expect(plan().map((file) => file.path)).toEqual(['.gitignore', '.npmrc', 'Procfile', 'package.json', 'src/app.ts']);
  });

  it("keeps every template file's content as it is", () => {
    const files = plan();
    expect(String(files.find((file) => file.path === '.gitignore')?.content)).toBe('/dist/\n');
    expect(String(files.find((file) => file.path === 'src/app.ts')?.content)).toBe('app');
  });

  it('names the package after the folder, made a valid npm name, private, at 0.1.0', () => {
    expect(packageOf(plan())).toMatchObject({ name: 'my-shop', version: '0.1.0', private: true });
  });

  it.each([
    ['v24.22.3', '^24'],
    ['v20.20.2', '^20.19'],
    ['v26.0.0', '^26'],
    // Not a tested major: the newest tested one.
    ['v22.12.0', '^26'],
    ['v28.1.0', '^26'],
  ])('declares one tested major in engines.node: the running one, else the newest (init on %s: %s)', (nodeVersion, engines) => {
    expect(packageOf(plan({ nodeVersion })).engines).toEqual({ node: engines });
  });

  it.each(['>=20.19', '^20 || >=24', '20.x', '^24 || ^24.2'])('fails on toolkit engines that are not one caret clause per major (%s), saying how to write them', (node) => {
    expect(() => plan({ toolkit: { ...TOOLKIT, engines: { node } } })).toThrow('not one caret clause per tested major (such as "^20.19 || ^24 || ^26")');
  });

  it("runs npm start exactly as the Procfile's web line does", () => {
    expect(packageOf(plan()).scripts?.start).toBe(WEB);
  });

  it("pins twelvepack to the toolkit's own version and every other package to the version the toolkit pins", () => {
    const pkg = packageOf(plan({ template: 'react' }));
    expect(pkg.dependencies).toEqual({ react: '19.0.0', 'react-dom': '19.0.0', twelvepack: '1.2.3' });
    expect(pkg.devDependencies).toEqual({
      '@testing-library/dom': '10.0.0',
      '@testing-library/react': '16.0.0',
      '@types/jest': '29.0.0',
      '@types/node': '20.0.0',
      '@types/react': '19.0.1',
      '@types/react-dom': '19.0.2',
      'babel-jest': '29.7.0',
      jest: '29.7.0',
      'jest-environment-jsdom': '29.7.1',
      typescript: '5.9.3',
    });
  });

  it("allows the install scripts of the toolkit's dependencies that need them (better-sqlite3's native build), by name", () => {
    expect(packageOf(plan()).allowScripts).toEqual({ '@swc/core': false, 'better-sqlite3': true, 'core-js': false, 'core-js-pure': false });
  });

  it("allows twelvepack's own prepare from a folder, which it compiles, and denies it for a tarball, compiled already", () => {
    const folder = { toolkitSpec: 'file:../twelvepack', toolkitScriptsKey: 'file:../../twelvepack' };
    expect(packageOf(plan(folder)).allowScripts).toMatchObject({ 'file:../../twelvepack': true });
    const tarball = { toolkitSpec: 'file:../twelvepack-0.1.0.tgz', toolkitScriptsKey: 'file:/work/twelvepack-0.1.0.tgz' };
    expect(packageOf(plan(tarball)).allowScripts).toMatchObject({ 'file:/work/twelvepack-0.1.0.tgz': false });
    expect(packageOf(plan()).allowScripts).not.toHaveProperty('twelvepack');
  });

  it('adds no framework to a vanilla app', () => {
    const pkg = packageOf(plan());
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['twelvepack']);
    expect(Object.keys(pkg.devDependencies ?? {})).toEqual(['@types/jest', '@types/node', 'babel-jest', 'jest', 'typescript']);
  });

  it('fails, naming the package, when the toolkit pins no version of one the app needs', () => {
    const { jest: _jest, ...devDependencies } = TOOLKIT.devDependencies!;
    expect(() => plan({ toolkit: { ...TOOLKIT, devDependencies } })).toThrow("twelvepack's package.json pins no exact version of jest (none)");
  });

  it('fails when the toolkit gives a range instead of an exact version', () => {
    expect(() => plan({ toolkit: { ...TOOLKIT, devDependencies: { ...TOOLKIT.devDependencies, typescript: '^5.9.3' } } })).toThrow(
      'pins no exact version of typescript (got "^5.9.3")',
    );
  });

  it('fails when the toolkit has no version or no engines.node', () => {
    expect(() => plan({ toolkit: { ...TOOLKIT, version: undefined } })).toThrow('pins no exact version of twelvepack');
    expect(() => plan({ toolkit: { ...TOOLKIT, engines: {} } })).toThrow('has no engines.node');
  });

  it("refuses a template that holds a package.json (the app's is made by code)", () => {
    expect(() => plan({ files: templateFiles({ 'package.json': '{}' }) })).toThrow('the vanilla template holds a package.json');
  });

  it('refuses a template whose Procfile has no web line', () => {
    expect(() => plan({ files: templateFiles({ Procfile: 'worker: node worker.js\n' }) })).toThrow('Procfile has no "web:" line');
  });
});
