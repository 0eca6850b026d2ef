import { parseConfig, type ParseResult } from '../../src/config/parseConfig';
import { schema as toolkitSchema, type VarSpec } from '../../src/config/schema';

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

const parseToolkit = (env: Record<string, string>) => parseConfig({ env, mode: 'production', schema: toolkitSchema });

describe('a variable declared atMost another', () => {
  it('HEADERS_TIMEOUT_MS above REQUEST_TIMEOUT_MS is one problem naming both, their values and the fix', () => {
    expect(problemsOf(parseToolkit({ HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' }))).toEqual([
      {
        name: 'HEADERS_TIMEOUT_MS',
        message:
          'HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS (got HEADERS_TIMEOUT_MS=40000, REQUEST_TIMEOUT_MS=30000). ' +
          'Lower HEADERS_TIMEOUT_MS or raise REQUEST_TIMEOUT_MS. Set it in .env or the environment (see .env.example).',
      },
    ]);
  });

  it('a header limit lowered under the request default, or equal to the request limit, is accepted', () => {
    expect(parseToolkit({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '5000' })).toMatchObject({ ok: true, config: { HEADERS_TIMEOUT_MS: 5000, REQUEST_TIMEOUT_MS: 5000 } });
    expect(parseToolkit({ HEADERS_TIMEOUT_MS: '2000' })).toMatchObject({ ok: true, config: { HEADERS_TIMEOUT_MS: 2000, REQUEST_TIMEOUT_MS: 30000 } });
  });

  it('the defaults are in order: headers 10 s under the whole request 30 s', () => {
    expect(parseToolkit({})).toMatchObject({ ok: true, config: { HEADERS_TIMEOUT_MS: 10000, REQUEST_TIMEOUT_MS: 30000 } });
  });

  it('a request limit lowered under the header default is a problem too, reported with every other one', () => {
    const problems = problemsOf(parseToolkit({ REQUEST_TIMEOUT_MS: '5000', PORT: 'abc' }));
    expect(problems.map((problem) => problem.name)).toEqual(['PORT', 'HEADERS_TIMEOUT_MS']);
  });

  it('is not checked when either value is invalid on its own (that problem is reported instead)', () => {
    expect(problemsOf(parseToolkit({ HEADERS_TIMEOUT_MS: 'soon' })).map((problem) => problem.name)).toEqual(['HEADERS_TIMEOUT_MS']);
  });

  it('naming a variable that is not a declared integer is a declaration problem', () => {
    const schema: VarSpec[] = [{ name: 'A', type: 'integer', atMost: 'B', exposure: 'server', doc: 'A.' }];
    expect(problemsOf(parseConfig({ env: { A: '1' }, mode: 'production', schema }))).toEqual([
      { name: 'A', message: "A declares atMost: 'B', but both must be declared integer variables: fix the declaration." },
    ]);
  });
});
