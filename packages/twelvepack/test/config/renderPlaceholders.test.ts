import { findPlaceholders, renderPlaceholders } from '../../src/config/renderPlaceholders';

describe('findPlaceholders', () => {
  it.each<[string, string, string[]]>([
    ['a page with none', '<title>Shop</title>', []],
    ['a public variable', '<title>%PUBLIC_APP_NAME%</title>', ['PUBLIC_APP_NAME']],
    ['NODE_ENV', '<body data-mode="%NODE_ENV%">', ['NODE_ENV']],
    ['several, in order of first appearance, once each', '%PUBLIC_B% %NODE_ENV% %PUBLIC_A% %PUBLIC_B%', ['PUBLIC_B', 'NODE_ENV', 'PUBLIC_A']],
    ['digits and underscores in a name', '%PUBLIC_API_V2%', ['PUBLIC_API_V2']],
    ['no other variable', '%HOME% %DATABASE_URL% %PUBLICKEY%', []],
    ['no lower-case name', '%public_app_name% %PUBLIC_app%', []],
    ['no bare prefix', '%PUBLIC_%', []],
    ['no name without both percent signs', 'PUBLIC_APP_NAME% %PUBLIC_APP_NAME', []],
  ])('finds %s', (_spec, html, expected) => {
    expect(findPlaceholders(html)).toEqual(expected);
  });
});

describe('renderPlaceholders', () => {
  const env = { NODE_ENV: 'production', PUBLIC_APP_NAME: 'Shop', PUBLIC_TAGLINE: 'Buy things' };

  it.each<[string, string, string]>([
    ['a public variable', '<title>%PUBLIC_APP_NAME%</title>', '<title>Shop</title>'],
    ['NODE_ENV', '<body data-mode="%NODE_ENV%">', '<body data-mode="production">'],
    ['every occurrence', '%PUBLIC_APP_NAME%: %PUBLIC_TAGLINE%, %PUBLIC_APP_NAME%', 'Shop: Buy things, Shop'],
    ['nothing else in the page', '<p>100% %PUBLIC_APP_NAME% </p>', '<p>100% Shop </p>'],
  ])('fills %s', (_spec, html, expected) => {
    expect(renderPlaceholders(html, env)).toBe(expected);
  });

  it.each<[string, string]>([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
  ])('escapes %s in a value as %s', (raw, escaped) => {
    expect(renderPlaceholders('<b>%PUBLIC_APP_NAME%</b>', { PUBLIC_APP_NAME: `a${raw}b` })).toBe(`<b>a${escaped}b</b>`);
  });

  it('lets no value leave a quoted attribute', () => {
    const html = renderPlaceholders('<meta content="%PUBLIC_TAGLINE%">', { PUBLIC_TAGLINE: '" onload="alert(1)' });
    expect(html).toBe('<meta content="&quot; onload=&quot;alert(1)">');
  });

  it('leaves a placeholder with no value as written', () => {
    expect(renderPlaceholders('<title>%PUBLIC_MISSING%</title>', env)).toBe('<title>%PUBLIC_MISSING%</title>');
  });

  it('fills an empty value with nothing, not the placeholder', () => {
    expect(renderPlaceholders('<title>%PUBLIC_APP_NAME%</title>', { PUBLIC_APP_NAME: '' })).toBe('<title></title>');
  });

  it('fills only PUBLIC_* and NODE_ENV, whatever else the values hold', () => {
    const html = '%HOME% %DATABASE_URL% %public_app_name%';
    expect(renderPlaceholders(html, { HOME: '/root', DATABASE_URL: 'postgres://u:p@h/db', public_app_name: 'x' })).toBe(html);
  });

  it('does not expand a placeholder that a value contains', () => {
    const html = renderPlaceholders('%PUBLIC_APP_NAME%|%PUBLIC_TAGLINE%', { PUBLIC_APP_NAME: '%PUBLIC_TAGLINE%', PUBLIC_TAGLINE: 'Buy things' });
    expect(html).toBe('%PUBLIC_TAGLINE%|Buy things');
  });

  it("keeps replacement patterns such as $& and $' in values literal", () => {
    expect(renderPlaceholders('<b>%PUBLIC_APP_NAME%</b>', { PUBLIC_APP_NAME: "$& $' $` $$ $1" })).toBe("<b>$&amp; $&#39; $` $$ $1</b>");
  });
});
