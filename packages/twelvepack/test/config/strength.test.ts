import { parseConfig, type Mode, type ParseResult } from '../../src/config/parseConfig';
import { schema as toolkitSchema, type VarSpec } from '../../src/config/schema';

/** 32 random bytes as base64url, as `openssl rand -base64 32` or the README's node one-liner make. */
const STRONG = '3D3Ci73nZPkMAmSZhUjMZ5fGjszqj5TmcxRNG5oTJRk';
const HOW_TO_MAKE =
  "Make one with `openssl rand -base64 32` or `node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"` " +
  'and set it in the environment (development and test accept any value).';

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

const parseToolkit = (env: Record<string, string>, mode: Mode = 'production') => parseConfig({ env, mode, schema: toolkitSchema });

describe('ADMIN_TOKEN in production', () => {
  it('shorter than 32 characters is a problem that says how long it is, never what it is, and how to make one', () => {
    const problems = problemsOf(parseToolkit({ ADMIN_TOKEN: 'hunter2-hunter2' }));
    expect(problems).toEqual([
      {
        name: 'ADMIN_TOKEN',
        message:
          'ADMIN_TOKEN is too weak for production: it must be at least 32 characters with about 128 bits of entropy ' +
          `(got 15 characters, about 48 bits by the toolkit's estimate). ${HOW_TO_MAKE}`,
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('hunter2');
  });

  it.each([
    ['one character 40 times', 'a'.repeat(40)],
    ['an alternation (abab…)', 'ab'.repeat(20)],
    ['a short random block pasted five times', 'Xk9#pQ2m'.repeat(5)],
    ['32 hex digits of a sequence', '0123456789abcdef0123456789abcdef'],
  ])('long enough but with too little entropy (%s) is a problem', (_name, token) => {
    const problems = problemsOf(parseToolkit({ ADMIN_TOKEN: token }));
    expect(problems.map((problem) => problem.name)).toEqual(['ADMIN_TOKEN']);
    expect(problems[0]!.message).toMatch(/^ADMIN_TOKEN is too weak for production: .*\(got \d+ characters, about \d+ bits by the toolkit's estimate\)\. Make one with/);
    expect(problems[0]!.message).not.toContain(token);
  });

  it('made as the message says (32 random bytes in base64url or base64) is accepted', () => {
    expect(parseToolkit({ ADMIN_TOKEN: STRONG })).toMatchObject({ ok: true, config: { ADMIN_TOKEN: STRONG } });
    expect(parseToolkit({ ADMIN_TOKEN: 'mFFhaGn6onuiL9DITY6VXtHkNDoeSAsMGRdCNM9rvyA=' })).toMatchObject({ ok: true });
  });

  it('empty or unset is no problem: the admin API is disabled', () => {
    expect(parseToolkit({ ADMIN_TOKEN: '' })).toMatchObject({ ok: true, config: { ADMIN_TOKEN: undefined } });
    expect(parseToolkit({})).toMatchObject({ ok: true, config: { ADMIN_TOKEN: undefined } });
  });

  it('is reported with every other problem at once', () => {
    expect(problemsOf(parseToolkit({ PORT: 'abc', ADMIN_TOKEN: 'short' })).map((problem) => problem.name)).toEqual(['PORT', 'ADMIN_TOKEN']);
  });
});

describe('ADMIN_TOKEN outside production', () => {
  it.each(['development', 'test'] as const)('in %s, a short token is accepted', (mode) => {
    expect(parseToolkit({ ADMIN_TOKEN: 'a' }, mode)).toMatchObject({ ok: true, config: { ADMIN_TOKEN: 'a' } });
  });
});

describe('a strength declared on an app’s own variable', () => {
  const schema: VarSpec[] = [{ name: 'SIGNING_KEY', type: 'string', exposure: 'secret', strength: { minLength: 16, minBits: 64 }, doc: 'Signs sessions.' }];

  it('holds it to that strength in production', () => {
    expect(problemsOf(parseConfig({ env: { SIGNING_KEY: 'x'.repeat(16) }, mode: 'production', schema }))).toEqual([
      { name: 'SIGNING_KEY', message: expect.stringMatching(/^SIGNING_KEY is too weak for production: it must be at least 16 characters with about 64 bits/) },
    ]);
    expect(parseConfig({ env: { SIGNING_KEY: STRONG.slice(0, 24) }, mode: 'production', schema })).toMatchObject({ ok: true });
  });

  it('on a variable that is not a string is a declaration problem', () => {
    const integer: VarSpec[] = [{ name: 'N', type: 'integer', exposure: 'server', strength: { minLength: 1, minBits: 1 }, doc: 'N.' }];
    expect(problemsOf(parseConfig({ env: { N: '1' }, mode: 'development', schema: integer }))).toEqual([
      { name: 'N', message: 'N declares a strength, but only a string variable may: fix the declaration.' },
    ]);
  });
});
