import { toPackageName } from '../../src/cli/toPackageName';

describe("toPackageName (the new app's package name, from its folder's name)", () => {
  it.each([
    ['my-app', 'my-app'],
    ['My Shop!', 'my-shop'],
    ['shop_2025', 'shop_2025'],
    ['  spaced   out  ', 'spaced-out'],
    ['.hidden', 'hidden'],
    ['_private', 'private'],
    ['@scope', 'scope'],
    ['Café', 'caf'],
    ['日本', 'app'],
    ['...', 'app'],
    ['http', 'http-app'],
    ['node_modules', 'node_modules-app'],
    ['a'.repeat(300), 'a'.repeat(214)],
  ])('%j gives %j', (folder, name) => {
    expect(toPackageName(folder)).toBe(name);
  });

  it.each(['My Shop!', '.x', 'A B C', 'x'.repeat(300), '-dash-', 'fs'])('always gives a name npm accepts for a new package (%j)', (folder) => {
    const name = toPackageName(folder);
    expect(name).toMatch(/^[a-z0-9~-][a-z0-9._~-]*$/);
    expect(name.length).toBeLessThanOrEqual(214);
  });
});
