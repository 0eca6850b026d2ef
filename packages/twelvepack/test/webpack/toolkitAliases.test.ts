import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exports as packageExports } from '../../package.json';
import { toolkitAliases } from '../../src/webpack/toolkitAliases';

describe('toolkitAliases (an app\'s twelvepack/... imports, in the builds)', () => {
  it('sends every exported module to this copy of the toolkit (here src/), where it exists', () => {
    const aliases = toolkitAliases();
    const modules = Object.entries(packageExports).filter(([, target]) => typeof target === 'string' && /^\.\/dist\/.+\.js$/.test(target));
    expect(Object.keys(aliases).sort()).toEqual(modules.map(([subpath]) => `twelvepack${subpath.slice(1)}$`).sort());
    for (const [alias, target] of Object.entries(aliases)) {
      expect({ alias, target, under: target.startsWith(join(__dirname, '..', '..', 'src')) }).toMatchObject({ under: true });
      expect({ alias, exists: ['.ts', '.js'].some((extension) => existsSync(`${target}${extension}`)) }).toEqual({ alias, exists: true });
    }
    expect(aliases['twelvepack/server$']).toBe(join(__dirname, '..', '..', 'src', 'server', 'index'));
  });
});
