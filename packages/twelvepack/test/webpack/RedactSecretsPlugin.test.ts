import { runFixtureBuild } from './runFixtureBuild';

// .env values, each planted in code that fails a different step, whose message quotes that code.
const BABEL_VALUE = 'babel-planted-value-7Qx2';
const ES5_VALUE = 'es5-planted-value-3Kd9';
const MINIFIER_VALUE = 'minifier-planted-value-8Hv4';
const TEMPLATE_VALUE = 'template-planted-value-5Rt1-0123456789abcdef';
const ENV_FILE = [`BABEL_VALUE=${BABEL_VALUE}`, `ES5_VALUE=${ES5_VALUE}`, `MINIFIER_VALUE=${MINIFIER_VALUE}`, `TEMPLATE_VALUE=${TEMPLATE_VALUE}`, ''].join('\n');

const FAILING_CODE = {
  // A Babel syntax error: babel-loader's code frame prints the line.
  './src/fails.ts': `import { planted } from './syntaxError';\n\ndocument.title = planted;\n`,
  'src/syntaxError.ts': `export const planted = '${BABEL_VALUE}' +;\n`,
  // Copied from public/ and minified like every script (both minifiers keep `const`), and the ES5 proof quotes it.
  'public/modern.js': `const planted = "${ES5_VALUE}";\nwindow.planted = function () { return planted; };\n`,
  // The minifier cannot parse it and quotes the token it stopped at.
  'public/broken.js': `var planted = 1 "${MINIFIER_VALUE}";\n`,
  // The page's template requires a script with a syntax error: html-webpack-plugin's child compilation fails, and the
  // plugin quotes that error again, wrapped at 80 columns (here, in the middle of the value).
  'templates/page.html': `<!doctype html><html><head><title><%= require('./title.js') %></title></head><body></body></html>\n`,
  'templates/title.js': `module.exports = 'some words to reach the wrap ' + '${TEMPLATE_VALUE}' +;\n`,
};

/** Neither half of the value: a message cut in the middle of it must not show the rest. */
function expectNoPartOf(value: string, text: string): void {
  const half = Math.ceil(value.length / 2);
  expect({ head: text.includes(value.slice(0, half)), tail: text.includes(value.slice(-half)) }).toEqual({ head: false, tail: false });
}

describe('one redaction for every message the build prints', () => {
  it.each([
    ['terser', /broken\.js from Terser plugin\nUnexpected token: string \(\[secret MINIFIER_VALUE\]\)/],
    ['swc', /broken\.js from Terser plugin\n\s*x Expected a semicolon\n[\s\S]*var planted = 1 "\[secret MINIFIER_VALUE\]";/],
  ])('prints [secret NAME] where a Babel code frame, the ES5 proof, %s and a child compilation quote a value, in the stats text and JSON', async (minifier, minifierError) => {
    const build = await runFixtureBuild({
      envFiles: { '.env': ENV_FILE },
      env: { TWELVEPACK_MINIFIER: minifier },
      files: FAILING_CODE,
      entry: './src/fails.ts',
      template: './templates/page.html',
    });

    expect(build.printed).toMatch(/Module build failed \(from [^)]*(?:babel-loader|transpileLoader)[^)]*\):\n(?:SyntaxError: )?[^\n]*syntaxError\.ts: Unexpected token[\s\S]*'\[secret BABEL_VALUE\]' \+;/);
    expect(build.printed).toMatch(/ES5 guard: modern\.js:1:1 is not ES5 [^\n]*\n {2}code: const planted ?= ?"\[secret ES5_VALUE\]"/);
    expect(build.printed).toMatch(minifierError);
    // swc's native backtrace (addresses, <unknown> frames) is no help to an app's author.
    expect(build.printed).not.toContain('Stack backtrace');
    expect(build.printed).toMatch(/Child compilation failed:[\s\S]*title\.js: Unexpected token/);
    expect(build.printed).toContain("'[secret TEMPLATE_VALUE]' +;");
    for (const value of [BABEL_VALUE, ES5_VALUE, MINIFIER_VALUE, TEMPLATE_VALUE]) expectNoPartOf(value, build.printed);
    expect(build.files).toEqual([]);
  });

  it('redacts a development build too (the dev server and watch mode print the same errors)', async () => {
    const build = await runFixtureBuild({ mode: 'development', envFiles: { '.env': ENV_FILE }, files: FAILING_CODE, entry: './src/fails.ts' });
    expect(build.printed).toMatch(/SyntaxError: [^\n]*syntaxError\.ts: Unexpected token[\s\S]*'\[secret BABEL_VALUE\]' \+;/);
    expectNoPartOf(BABEL_VALUE, build.printed);
  });
});
