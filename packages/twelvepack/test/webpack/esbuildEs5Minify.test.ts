import { ESBUILD_OPTIONS } from '../../src/webpack/createMinimizer';
import { esbuildEs5Minify } from '../../src/webpack/esbuildEs5Minify';
import { findEs5Problem } from '../../src/webpack/plugins/Es5GuardPlugin';

/** With the options createMinimizer hands it. */
const minify = async (code: string) => {
  const { code: minified = '' } = await esbuildEs5Minify({ 'chunk.js': code }, undefined, ESBUILD_OPTIONS);
  return minified;
};

describe('esbuildEs5Minify: esbuild as the production minifier, kept to ES5', () => {
  it('minifies ES5 into ES5: no syntax newer than its input, even where newer syntax would be shorter', async () => {
    // With a newer target esbuild writes `a ?? b` and `a?.b` for these, and keeps the text as \u escapes with ascii.
    const code = 'var f = function (a, b) { var x = a !== null && a !== undefined ? a : b; return x === null || x === undefined ? void 0 : x.name; };\nvar s = "héllo";\n';
    const result = await minify(code);
    expect(findEs5Problem(result)).toBeUndefined();
    expect(result.length).toBeLessThan(code.length);
    expect(result).not.toMatch(/\?\?|\?\./);
    expect(result).toContain('héllo');
  });

  it('passes input that is not ES5 on as it is (the ES5 guard reports it, naming the module), instead of failing the chunk', async () => {
    const code = 'class A { m() { const [x] = [1]; return x; } }\n';
    const result = await minify(code);
    expect(result).toBe(code);
    expect(findEs5Problem(result)).toBeDefined();
  });

  it('still fails on input esbuild cannot parse at all', async () => {
    await expect(minify('var = ;')).rejects.toThrow(/Expected identifier|Unexpected/);
  });
});
