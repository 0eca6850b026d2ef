import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { RUNTIME_ENV_GLOBAL } from '../../../src/config/schema';
import { renderIndexHtml } from '../../../src/server/static/renderIndexHtml';

const TEMPLATE =
  '<!doctype html><html><head><title>t</title><script defer src="/runtime.1a2b.js"></script>' +
  '<script defer src="/main.3c4d.js"></script></head><body><main id="app"></main></body></html>';

/** The text of the inline script that renderIndexHtml adds: the first `<script>` with no attributes. */
function inlineScriptOf(html: string): string {
  const match = /<script>([\s\S]*?)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error(`No inline script in ${html}`);
  return match[1];
}

/** Runs the inline script as a browser would, and returns what it set on window. */
function runtimeEnvOf(html: string): unknown {
  const window: Record<string, unknown> = {};
  runInNewContext(inlineScriptOf(html), { window });
  return window[RUNTIME_ENV_GLOBAL];
}

describe('renderIndexHtml', () => {
  it('sets the runtime global to the public env', () => {
    const env = { NODE_ENV: 'production', PUBLIC_APP_NAME: 'Shop', PUBLIC_TAGLINE: 'Buy things' };
    expect(runtimeEnvOf(renderIndexHtml(TEMPLATE, env).html)).toEqual(env);
  });

  it.each([
    ['</script>', '</script><script>alert(1)</script>', /<\/script/i],
    ['</SCRIPT> in upper case', '</SCRIPT><script>alert(1)</script>', /<\/script/i],
    ['an HTML comment opener', '<!-- x', /<!--/],
    ['U+2028 LINE SEPARATOR', 'a\u2028b', /\u2028/],
    ['U+2029 PARAGRAPH SEPARATOR', 'a\u2029b', /\u2029/],
    ['an ampersand', 'Tom &amp; Jerry', /&/],
  ])('escapes %s: the raw text never appears in the script, and the value survives exactly', (_spec, value, raw) => {
    const { html } = renderIndexHtml(TEMPLATE, { PUBLIC_APP_NAME: value });
    expect(inlineScriptOf(html)).not.toMatch(raw);
    expect(runtimeEnvOf(html)).toEqual({ PUBLIC_APP_NAME: value });
  });

  it('lets no value open a second script element', () => {
    const { html } = renderIndexHtml(TEMPLATE, { PUBLIC_APP_NAME: '</script><script>alert(1)</script>' });
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script\b/g)).toHaveLength(3);
  });

  it('keeps replacement patterns such as $& and $\' in values literal', () => {
    const value = "$& $' $` $$";
    const { html } = renderIndexHtml(TEMPLATE, { PUBLIC_APP_NAME: value });
    expect(runtimeEnvOf(html)).toEqual({ PUBLIC_APP_NAME: value });
    expect(html.replace(`<script>${inlineScriptOf(html)}</script>`, '')).toBe(TEMPLATE);
  });

  it("fills the page's placeholders from the given public env, HTML-escaped", () => {
    const page = '<html><head><title>%PUBLIC_APP_NAME%</title><meta name="description" content="%PUBLIC_TAGLINE%"></head><body></body></html>';
    const { html } = renderIndexHtml(page, { PUBLIC_APP_NAME: 'Tom & Jerry <3', PUBLIC_TAGLINE: 'say "hi"' });
    expect(html).toContain('<title>Tom &amp; Jerry &lt;3</title>');
    expect(html).toContain('<meta name="description" content="say &quot;hi&quot;">');
    expect(html).not.toContain('%PUBLIC_');
  });

  it('puts the inline script before the first <script> of the template', () => {
    const { html } = renderIndexHtml(TEMPLATE, { PUBLIC_APP_NAME: 'x' });
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<script defer'));
    expect(html.indexOf('<title>')).toBeLessThan(html.indexOf('<script>'));
  });

  it('puts the inline script before </head> when the template has no script', () => {
    const { html } = renderIndexHtml('<html><head><title>t</title></head><body></body></html>', { PUBLIC_APP_NAME: 'x' });
    expect(html).toMatch(/<title>t<\/title><script>[^<]*<\/script><\/head>/);
  });

  it('changes nothing else in the template', () => {
    const { html } = renderIndexHtml(TEMPLATE, { PUBLIC_APP_NAME: 'x' });
    expect(html.replace(`<script>${inlineScriptOf(html)}</script>`, '')).toBe(TEMPLATE);
  });

  it.each([
    ['a plain value', { PUBLIC_APP_NAME: 'Shop' }],
    ['escaped values', { PUBLIC_APP_NAME: '</script>&<!--\u2028\u2029' }],
    ['no values', {}],
  ])('returns the CSP hash of the inline script exactly as it appears in the HTML (%s)', (_spec, env) => {
    const { html, scriptHash } = renderIndexHtml(TEMPLATE, env);
    const expected = createHash('sha256').update(inlineScriptOf(html), 'utf8').digest('base64');
    expect(scriptHash).toBe(`'sha256-${expected}'`);
  });
});
