import assetTransform from '../../src/testing/assetTransform';

/** What a module the transform wrote exports, run as CommonJS. */
function load(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}

describe('assetTransform (jest, for what browser code imports besides code)', () => {
  it("gives a CSS module the classes written in it, as its default export and by name, local ones only", () => {
    const css = '.header { display: flex; }\n.logo, .title:hover { width: 48px; }\n:global(.page) .note { color: red; }\n.big { composes: title; }\n';
    const exported = load(assetTransform.process(css, '/app/src/client/App.module.css').code);
    const classes = { header: 'header', logo: 'logo', title: 'title', note: 'note', big: 'big title' };
    expect(exported).toEqual({ ...classes, default: classes });
    expect(exported.__esModule).toBe(true);
    expect(exported).not.toHaveProperty('page');
  });

  it('gives a plain stylesheet nothing', () => {
    expect(load(assetTransform.process('.header { color: red; }', '/app/src/client/global.css').code)).toEqual({});
  });

  it('gives an asset its file name as the default export', () => {
    const exported = load(assetTransform.process('<svg/>', '/app/src/client/logo.svg').code);
    expect({ default: exported.default, esModule: exported.__esModule }).toEqual({ default: 'logo.svg', esModule: true });
  });
});
