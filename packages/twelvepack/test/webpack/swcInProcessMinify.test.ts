import { SWC_OPTIONS } from '../../src/webpack/createMinimizer';
import { findSyntaxProblem } from '../../src/webpack/plugins/EsVersionGuardPlugin';
import { swcInProcessMinify } from '../../src/webpack/swcInProcessMinify';

/** With the options createMinimizer hands it. */
const minify = async (code: string) => {
  const { code: minified = '' } = await swcInProcessMinify({ 'chunk.js': code }, undefined, SWC_OPTIONS as never);
  return minified;
};

describe('swcInProcessMinify: swc as the production minifier, kept to ES5', () => {
  it('minifies ES5 into ES5: no syntax newer than its input, even where newer syntax would be shorter', async () => {
    // At a newer ecma swc writes arrows, `a ?? b` and `a?.b` for these.
    const code =
      'var f = function (a, b) { var x = a !== null && a !== undefined ? a : b; return x === null || x === undefined ? void 0 : x.name; };\n' +
      'var g = [1, 2].map(function (n) { return n * 2; });\nvar s = "héllo";\nwindow.out = [f, g, s];\n';
    const result = await minify(code);
    expect(findSyntaxProblem(result)).toBeUndefined();
    expect(result.length).toBeLessThan(code.length * 0.7);
    expect(result).not.toMatch(/\?\?|\?\.|=>/);
    // swc writes non-ASCII text as escapes at ecma 5 (terser keeps UTF-8): the same string.
    expect(result).toMatch(/"h(é|\\xe9)llo"/);
  });

  it('drops an unused variable inside a function, as terser does (esbuild keeps it)', async () => {
    const result = await minify('window.f = function (r) { var unused = /*#__PURE__*/ r.n(r(1)); return r(2); };\n');
    expect(result).not.toContain('r(1)');
    expect(result).toContain('(2)');
  });

  it('leaves input that is not ES5 not ES5: the ES5 guard reports it, naming the module', async () => {
    expect(findSyntaxProblem(await minify('class A { m() { const [x] = [1]; return x; } }\nwindow.A = A;\n'))).toBeDefined();
  });

  it('fails on input it cannot parse with swc’s code frame, without its native backtrace', async () => {
    const failure = minify('var planted = 1 "x";\n').then(
      () => 'minified',
      (error: { message: string; stack?: string }) => `${error.message}\n${error.stack ?? ''}`,
    );
    const text = await failure;
    expect(text).toContain('Expected a semicolon');
    expect(text).toContain('var planted = 1 "x";');
    expect(text).not.toContain('Stack backtrace');
  });
});
