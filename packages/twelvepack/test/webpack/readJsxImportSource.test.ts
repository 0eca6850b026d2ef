import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readJsxImportSource } from '../../src/webpack/readJsxImportSource';

let root = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'twelvepack-jsx-source-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes files under the app's folder, creating their folders. */
function write(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

const importSource = () => readJsxImportSource(root).importSource;
const errorOf = (): string => {
  try {
    readJsxImportSource(root);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('readJsxImportSource did not throw');
};

describe('the JSX import source an app sets in tsconfig.json', () => {
  it('is react when the app has no tsconfig.json, and the missing file is still listed (creating it changes the answer)', () => {
    expect(readJsxImportSource(root)).toEqual({ importSource: 'react', files: [join(root, 'tsconfig.json')] });
  });

  it('is react when tsconfig.json does not set it', () => {
    write({ 'tsconfig.json': '{ "compilerOptions": { "jsx": "react-jsx", "strict": true } }' });
    expect(importSource()).toBe('react');
  });

  it('is what compilerOptions.jsxImportSource says', () => {
    write({ 'tsconfig.json': '{ "compilerOptions": { "jsx": "react-jsx", "jsxImportSource": "preact" } }' });
    expect(importSource()).toBe('preact');
  });

  it('is read through comments and trailing commas, and comment markers inside strings stay strings', () => {
    write({
      'tsconfig.json': [
        '\uFEFF// The app type-checks its own way.',
        '{',
        '  /* compilerOptions,',
        '     with a block comment */',
        '  "compilerOptions": {',
        '    "paths": { "@/*": ["./src/*"], }, // "/*" in a string opens no comment',
        '    "description": "a \\"quoted\\" // not a comment, }",',
        '    "jsxImportSource": "@emotion/react", /* the setting */',
        '  },',
        '  "include": ["src",],',
        '}',
      ].join('\n'),
    });
    expect(importSource()).toBe('@emotion/react');
  });

  it('comes from a relative "extends" chain when the file itself does not set it, and every file read is listed', () => {
    write({
      'tsconfig.json': '{ "extends": "./configs/base.json", "compilerOptions": { "strict": true } }',
      // TypeScript accepts an extends path without its .json.
      'configs/base.json': '{ "extends": "./shared" }',
      'configs/shared.json': '{ "compilerOptions": { "jsxImportSource": "preact" } }',
    });
    expect(readJsxImportSource(root)).toEqual({
      importSource: 'preact',
      files: [join(root, 'tsconfig.json'), join(root, 'configs', 'base.json'), join(root, 'configs', 'shared.json')],
    });
  });

  it("is the file's own setting when it also extends one that sets another", () => {
    write({
      'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "jsxImportSource": "preact" } }',
      'base.json': '{ "compilerOptions": { "jsxImportSource": "solid-js" } }',
    });
    expect(importSource()).toBe('preact');
  });

  it('comes from a package path in "extends", a file in the package or the package tsconfig.json, resolved from the app folder', () => {
    write({
      // Its main script is not a tsconfig, so the bare name must lead to its tsconfig.json.
      'node_modules/@acme/tsconfig/package.json': '{ "name": "@acme/tsconfig", "version": "1.0.0", "main": "index.js" }',
      'node_modules/@acme/tsconfig/index.js': 'module.exports = {};',
      'node_modules/@acme/tsconfig/tsconfig.json': '{ "compilerOptions": { "jsxImportSource": "preact" } }',
      'node_modules/@acme/tsconfig/solid.json': '{ "compilerOptions": { "jsxImportSource": "solid-js" } }',
      'tsconfig.json': '{ "extends": "@acme/tsconfig" }',
    });
    expect(importSource()).toBe('preact');

    write({ 'tsconfig.json': '{ "extends": "@acme/tsconfig/solid.json" }' });
    expect(importSource()).toBe('solid-js');
  });

  it('comes from the last entry of an "extends" list that sets it, as in TypeScript', () => {
    write({
      'tsconfig.json': '{ "extends": ["./a.json", "./b.json", "./c.json"] }',
      'a.json': '{ "compilerOptions": { "jsxImportSource": "solid-js" } }',
      'b.json': '{ "compilerOptions": { "jsxImportSource": "preact" } }',
      'c.json': '{ "compilerOptions": { "strict": true } }',
    });
    expect(importSource()).toBe('preact');
  });
});

describe('a tsconfig.json the reader cannot use', () => {
  it('is reported with the file, the line and column, and what to fix, not as a bare JSON.parse error', () => {
    write({ 'tsconfig.json': '{\n  "compilerOptions": { "jsx": "react-jsx" }\n  "include": ["src"]\n}\n' });
    const message = errorOf();
    expect(message).toContain(`${join(root, 'tsconfig.json')} is not valid JSON at line 3, column 3`);
    expect(message).toContain('names and strings need double quotes and entries need commas between them');
  });

  it('names the file an "extends" leads to when that one is malformed', () => {
    write({ 'tsconfig.json': '{ "extends": "./base.json" }', 'base.json': "{ compilerOptions: { jsxImportSource: 'preact' } }" });
    expect(errorOf()).toContain(`${join(root, 'base.json')} is not valid JSON at line 1, column 3`);
  });

  it('names an unclosed comment', () => {
    write({ 'tsconfig.json': '{\n  /* compilerOptions\n  "compilerOptions": {}\n}' });
    expect(errorOf()).toBe(`${join(root, 'tsconfig.json')}: a comment opened at line 2, column 3 is never closed. Close it with */.`);
  });

  it('names a jsxImportSource that is not a package name', () => {
    write({ 'tsconfig.json': '{ "compilerOptions": { "jsxImportSource": 42 } }' });
    expect(errorOf()).toBe(`${join(root, 'tsconfig.json')}: compilerOptions.jsxImportSource must be a package name such as "react" or "preact" (got 42).`);
  });

  it('names an "extends" that leads nowhere', () => {
    write({ 'tsconfig.json': '{ "extends": "./missing.json" }' });
    expect(errorOf()).toBe(`${join(root, 'tsconfig.json')} extends "./missing.json", but ${join(root, 'missing.json')} does not exist. Fix the path in "extends".`);

    write({ 'tsconfig.json': '{ "extends": "@acme/not-installed" }' });
    expect(errorOf()).toContain(`${join(root, 'tsconfig.json')} extends "@acme/not-installed", which cannot be found from ${root}.`);
  });

  it('names files that extend each other in a loop', () => {
    write({ 'tsconfig.json': '{ "extends": "./a.json" }', 'a.json': '{ "extends": "./tsconfig.json" }' });
    expect(errorOf()).toContain('the tsconfig files extend each other in a loop');
  });
});
