import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import webpack, { type Configuration } from 'webpack';
import { LEGACY_BROWSERS, MODERN_BROWSERS } from '../../src/webpack/browserTargets';
import { createCssMinimizer } from '../../src/webpack/createCssMinimizer';
import { createModuleRules } from '../../src/webpack/createModuleRules';

// Real production builds of a stylesheet through the toolkit's CSS rule (autoprefixer) and CSS minimizer, in a
// config of the spec's own until createWebpackConfig carries them. Each build sits in its own temp folder.

/** A stylesheet that needs prefixes, for IE 11 and old Safari, Firefox and Chrome among them. */
const STYLES = `/* Unprefixed, as an app writes it. */
.box {
  user-select: none;
  hyphens: auto;
}

input::placeholder {
  color: gray;
}

::selection {
  color: white;
}

.fade {
  mask-image: linear-gradient(black, transparent);
}

.fit {
  width: fit-content;
}
`;

/** How to build: the browsers, the devtool, and files planted beside `src/main.js` and `src/styles.css`. */
interface CssBuild {
  readonly browsers: readonly string[];
  readonly devtool?: Configuration['devtool'];
  readonly files?: Readonly<Record<string, string>>;
}

/** What a build left: its error messages (file and message) and its files. */
interface CssOutput {
  readonly root: string;
  readonly errors: readonly string[];
  has(file: string): boolean;
  read(file: string): string;
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function build({ browsers, devtool = 'source-map', files = {} }: CssBuild): Promise<CssOutput> {
  const root = mkdtempSync(join(tmpdir(), 'twelvepack-css-'));
  roots.push(root);
  const planted = { 'src/main.js': "import './styles.css';\n", 'src/styles.css': STYLES, ...files };
  for (const [path, content] of Object.entries(planted)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const outDir = join(root, 'dist');
  const config: Configuration = {
    mode: 'production',
    context: root,
    entry: './src/main.js',
    devtool,
    output: { path: outDir },
    module: { rules: createModuleRules({ root, cssBrowsers: browsers }) },
    plugins: [new MiniCssExtractPlugin()],
    optimization: { minimize: true, minimizer: [createCssMinimizer(browsers)] },
  };
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error ?? new Error('no stats')) : resolve(result))));
  });
  const errors = (stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => [e.moduleName, e.message].filter(Boolean).join(' '));
  return { root, errors, has: (file) => existsSync(join(outDir, file)), read: (file) => readFileSync(join(outDir, file), 'utf8') };
}

/** The stylesheet without the comment that links its map. */
function rulesOf(css: string): string {
  return css.replace(/\n?\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
}

describe('a stylesheet built for the legacy browsers (defaults and IE 11)', () => {
  let output: CssOutput;
  beforeAll(async () => {
    output = await build({ browsers: LEGACY_BROWSERS });
  });

  it('builds without errors', () => {
    expect(output.errors).toEqual([]);
  });

  it('carries the prefixes autoprefixer adds for those browsers, through the minifier', () => {
    const css = output.read('main.css');
    for (const prefixed of [
      '-webkit-user-select:none',
      '-moz-user-select:none',
      '-ms-user-select:none',
      '-ms-hyphens:auto',
      'input::-moz-placeholder{',
      // IE 11's own pseudo-class, which a minifier that knows it as `:-ms-placeholder-shown` would break.
      'input:-ms-input-placeholder{',
      '::-moz-selection{',
      '-webkit-mask-image:linear-gradient(',
      'width:-moz-fit-content;width:fit-content',
    ]) {
      expect({ prefixed, found: css.includes(prefixed) }).toEqual({ prefixed, found: true });
    }
  });

  it('is minified: no comments, no line breaks, no spaces around punctuation, no last semicolons', () => {
    const rules = rulesOf(output.read('main.css'));
    expect(rules).toContain('.box{');
    expect(rules).not.toMatch(/\/\*|\n/);
    expect(rules).not.toMatch(/\s[{}:;,]|[{}:;,]\s|;}/);
  });

  it('links a source map that leads each prefixed declaration back to the line of the source file it came from', () => {
    const css = output.read('main.css');
    expect(css).toMatch(/\/\*# sourceMappingURL=main\.css\.map\s*\*\/\s*$/);
    const map = JSON.parse(output.read('main.css.map')) as RawSourceMap;
    expect(map.sources).toEqual(['webpack:///./src/styles.css']);
    const consumer = new SourceMapConsumer(map);
    const sourceLine = (text: string) => STYLES.split('\n').findIndex((line) => line.includes(text)) + 1;
    for (const [generated, original] of [
      ['-ms-user-select', 'user-select'],
      ['-webkit-mask-image', 'mask-image'],
    ] as const) {
      const at = consumer.originalPositionFor({ line: 1, column: css.indexOf(generated) });
      expect({ generated, source: at.source, line: at.line }).toEqual({ generated, source: expect.stringMatching(/\/src\/styles\.css$/), line: sourceLine(original) });
    }
  });
});

describe('a stylesheet built for the modern browsers', () => {
  it('carries no prefix that only IE needs: the browsers given decide the prefixes', async () => {
    const output = await build({ browsers: MODERN_BROWSERS });
    expect(output.errors).toEqual([]);
    const css = output.read('main.css');
    expect(css).toContain('-webkit-user-select:none');
    expect(css).not.toContain('input:-ms-input-placeholder');
  });
});

describe('a stylesheet built with hidden source maps (SOURCE_MAPS=hidden)', () => {
  it('still has its map written, and names it nowhere in the stylesheet', async () => {
    const output = await build({ browsers: LEGACY_BROWSERS, devtool: 'hidden-source-map' });
    expect(output.errors).toEqual([]);
    expect(output.read('main.css')).not.toContain('sourceMappingURL');
    expect((JSON.parse(output.read('main.css.map')) as RawSourceMap).sources).toEqual(['webpack:///./src/styles.css']);
  });
});

describe('a stylesheet with a syntax error', () => {
  it('fails the build with an error that names the file and what is wrong', async () => {
    const output = await build({
      browsers: LEGACY_BROWSERS,
      files: { 'src/main.js': "import './broken.css';\n", 'src/broken.css': '.ok { color: red; }\n.broken { color: blue;\n' },
    });
    expect(output.has('main.css')).toBe(false);
    expect(output.errors.length).toBeGreaterThan(0);
    const reported = output.errors.find((error) => error.includes(join(output.root, 'src', 'broken.css')));
    expect(reported).toContain('Unclosed block');
  });
});

describe('a stylesheet in an app with its own postcss.config.js and .browserslistrc', () => {
  it('is built exactly as without them: the toolkit owns the CSS targets', async () => {
    const without = await build({ browsers: MODERN_BROWSERS });
    const withAppConfig = await build({
      browsers: MODERN_BROWSERS,
      files: {
        // Either, if read, changes the stylesheet: IE 10's prefixes, a rule of the app's plugin.
        '.browserslistrc': 'ie 10\n',
        'postcss.config.js': "module.exports = { plugins: [{ postcssPlugin: 'app', Once(root) { root.append('.from-app-config{color:red}'); } }] };\n",
      },
    });
    expect(withAppConfig.errors).toEqual([]);
    expect(withAppConfig.read('main.css')).toBe(without.read('main.css'));
  });
});
