import * as babel from '@babel/core';
import { transformSync, type PluginItem } from '@babel/core';

// Babel's File class, which @babel/core exports without declaring it.
const { File } = babel as unknown as { File: { prototype: { availableHelper(name: string, versionRange?: string): boolean } } };

// Babel's helpers from @babel/runtime, as the toolkit's browser builds import them (babelConfig.js).
const RUNTIME = ['@babel/plugin-transform-runtime', { corejs: false, helpers: true, regenerator: true, version: require('@babel/runtime/package.json').version }];
const REMEMBER = require.resolve('../../src/webpack/rememberHelperChecks');
const CODE = 'export class Shape { area = 0; async grow(by) { for (const side of by) this.area += await side; return { ...this }; } }\n';

const compile = (plugins: PluginItem[], filename: string) =>
  transformSync(CODE, { filename, babelrc: false, configFile: false, presets: [['@babel/preset-env', { targets: 'ie 11' }]], plugins })!.code;

describe('rememberHelperChecks', () => {
  afterEach(() => jest.restoreAllMocks());

  it("compiles exactly as transform-runtime alone: Babel's own answers, remembered", () => {
    expect(compile([RUNTIME, REMEMBER], '/app/src/a.js')).toBe(compile([RUNTIME], '/app/src/a.js'));
  });

  it('asks Babel once per helper and version in a process, not once per file', () => {
    // A fresh copy of the plugin, with nothing remembered yet.
    let remember: PluginItem = REMEMBER;
    jest.isolateModules(() => {
      remember = require(REMEMBER);
    });
    const asked = jest.spyOn(File.prototype, 'availableHelper');
    compile([RUNTIME, remember], '/app/src/first.js');
    const first = asked.mock.calls.length;
    expect(first).toBeGreaterThan(0);
    compile([RUNTIME, remember], '/app/src/second.js');
    expect(asked.mock.calls.length).toBe(first);

    asked.mockClear();
    compile([RUNTIME], '/app/src/third.js');
    // Without it, each file asks again: the spec above would not hold.
    expect(asked.mock.calls.length).toBeGreaterThan(0);
  });
});
