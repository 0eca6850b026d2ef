import { findTokenShapes, TOKEN_SHAPES } from '../../src/webpack/plugins/findTokenShapes';
import { AWS_EXAMPLE_KEY, FAKE_TOKENS, PEM_HEADER_ONLY } from './fakeTokens';

describe('findTokenShapes', () => {
  it.each([
    ['stripeLive', 'Stripe live secret key'],
    ['stripeRestricted', 'Stripe live secret key'],
    ['stripeTest', 'Stripe test secret key'],
    ['github', 'GitHub token'],
    ['githubFineGrained', 'GitHub fine-grained token'],
    ['slack', 'Slack token'],
    ['aws', 'AWS access key id'],
    ['npm', 'npm token'],
    ['openai', 'OpenAI API key'],
    ['anthropic', 'Anthropic API key'],
    ['pemInJs', 'PEM private key block'],
    ['pemInFile', 'PEM private key block'],
  ] as const)('recognises the %s fake in code, named or not, as a %s', (token, format) => {
    const found = findTokenShapes(`var a=1,config={k:"${FAKE_TOKENS[token]}"};`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${format} `));
  });

  it('recognises a PEM block in a source map, where its line breaks are escaped twice', () => {
    const inMap = JSON.stringify({ sourcesContent: [`const key = "${FAKE_TOKENS.pemInJs}";`] });
    expect(findTokenShapes(inMap)).toEqual([expect.stringMatching(/^PEM private key block/)]);
  });

  it('raises no alarm on a PEM header alone, as PEM libraries hold it', () => {
    const forge = `var header='${PEM_HEADER_ONLY}\\r\\n'+encode(msg.body)+'\\r\\n-----END '+msg.type+'-----\\r\\n';`;
    expect(findTokenShapes(forge)).toEqual([]);
  });

  it.each([
    ['a prefix alone', 'if (key.startsWith("sk_live_") || key.startsWith("ghp_") || key.startsWith("xoxb-")) warn();'],
    ["AWS's documented example key", `// e.g. ${AWS_EXAMPLE_KEY}`],
    ['a longer run of capitals and digits', 'var id="XAKIAQ3EGRIZ5B7XN2WJDZ";'],
    ['a token glued to a word', `var x="mask_live_${'a'.repeat(30)}";`],
    ['a publishable key', `var pk="pk_live_${'a1B2'.repeat(8)}";`],
  ])('raises no alarm on %s', (_case, text) => {
    expect(findTokenShapes(text)).toEqual([]);
  });

  it('names each format once, with its prefix, never the token', () => {
    const text = `${FAKE_TOKENS.github} ${FAKE_TOKENS.github} ${FAKE_TOKENS.aws}`;
    const found = findTokenShapes(text);
    expect(found).toEqual(['GitHub token (ghp_/gho_/ghu_/ghs_/ghr_)', 'AWS access key id (AKIA/ASIA)']);
    for (const name of TOKEN_SHAPES.map((shape) => shape.name)) expect(findTokenShapes(name)).toEqual([]);
  });
});
