import { mergeParts } from '../../src/webpack/parts/mergeParts';

class Plugin {
  constructor(readonly name: string) {}
  apply(): void {}
}

/** A minimizer as the parts give one (its own apply). */
const minimizer = (name: string) => new Plugin(name);

describe('mergeParts (the parts of a browser compilation made one configuration)', () => {
  it('joins plugins, rules and minimizers in the order of the parts', () => {
    const [a, b, c] = [new Plugin('a'), new Plugin('b'), new Plugin('c')];
    const merged = mergeParts([
      { plugins: [a], module: { rules: [{ test: /\.ts$/ }] }, optimization: { minimizer: [minimizer('js')] } },
      { plugins: [b, c], module: { rules: [{ test: /\.css$/ }] }, optimization: { minimizer: [minimizer('css')] } },
    ]);
    expect(merged.plugins).toEqual([a, b, c]);
    expect(merged.module?.rules).toEqual([{ test: /\.ts$/ }, { test: /\.css$/ }]);
    expect(merged.optimization?.minimizer).toEqual([minimizer('js'), minimizer('css')]);
  });

  it('merges plain objects key by key, and a later value replaces an earlier one', () => {
    expect(mergeParts([{ output: { path: '/a', publicPath: '/' }, devtool: 'source-map' }, { output: { path: '/b' }, devtool: false }])).toEqual({
      output: { path: '/b', publicPath: '/' },
      devtool: false,
    });
  });

  it('never merges into an instance: a later part sets the value whole', () => {
    const merged = mergeParts([{ resolve: { alias: new Plugin('a') as never } }, { resolve: { alias: { x: 'y' } } }]);
    expect(merged.resolve?.alias).toEqual({ x: 'y' });
    expect(merged.resolve?.alias).not.toHaveProperty('name');
  });

  it('leaves the parts it was given unchanged', () => {
    const first = { output: { path: '/a' }, plugins: [new Plugin('a')] };
    mergeParts([first, { output: { filename: 'x.js' }, plugins: [new Plugin('b')] }]);
    expect(first).toEqual({ output: { path: '/a' }, plugins: [new Plugin('a')] });
  });
});
