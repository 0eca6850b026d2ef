// The tarball is the product: `npm pack` gives what an app needs and nothing else.
import { execFileSync } from 'node:child_process';
import { packedTarball } from '../support/packedToolkit';

/** The files in the tarball, without npm's leading `package/`. */
function tarballFiles(): string[] {
  return execFileSync('tar', ['-tzf', packedTarball()], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''));
}

/** The tarball's own package.json. */
function packedManifest(): { bin: Record<string, string>; exports: Record<string, string | Record<string, string>>; dependencies: Record<string, string>; workspaces?: unknown } {
  return JSON.parse(execFileSync('tar', ['-xzOf', packedTarball(), 'package/package.json'], { encoding: 'utf8' })) as ReturnType<typeof packedManifest>;
}

describe('the packed toolkit (npm pack)', () => {
  it('holds every file its bin and exports name, each .js with its .d.ts types', () => {
    const files = new Set(tarballFiles());
    const { bin, exports } = packedManifest();
    // A conditional export ({ types }) names each of its files.
    const targets = [...Object.values(bin), ...Object.values(exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))].map((target) => target.replace(/^\.\//, ''));
    expect(targets.filter((target) => !files.has(target))).toEqual([]);
    const typesMissing = targets.filter((target) => target.endsWith('.js') && !files.has(target.replace(/\.js$/, '.d.ts')));
    expect(typesMissing).toEqual([]);
  });

  it('is compiled JavaScript: no TypeScript sources, specs, fixtures, caches or build scripts', () => {
    const unwanted = tarballFiles().filter(
      (file) =>
        /^(src|test|scripts|node_modules|test-output)\//.test(file) ||
        /(^|\/)(\.cache|fixtures)\//.test(file) ||
        /\.tsbuildinfo$/.test(file) ||
        (/\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts') && !file.startsWith('templates/')),
    );
    expect(unwanted).toEqual([]);
  });

  it('ships both templates, the reference and the changelog', () => {
    const files = tarballFiles();
    for (const template of ['vanilla', 'react']) expect(files.filter((file) => file.startsWith(`templates/${template}/src/app.ts`))).toHaveLength(1);
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'package.json', 'tsconfig.base.json']));
  });

  it('depends on its build tools (a platform that prunes devDependencies still builds), not on a workspace', () => {
    const { dependencies, workspaces } = packedManifest();
    expect({ workspaces }).toEqual({ workspaces: undefined });
    expect(Object.keys(dependencies)).toEqual(expect.arrayContaining(['webpack', 'webpack-cli', 'babel-loader', '@babel/core', '@babel/register', 'pino']));
  });
});
