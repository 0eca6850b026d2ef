import { parseConfig, type ParseResult } from '../../src/config/parseConfig';
import { schema as toolkitSchema, type VarSpec } from '../../src/config/schema';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

/** The toolkit's variables and an app's, as the loader validates them. */
const realSchema: readonly VarSpec[] = [...toolkitSchema, ...FIXTURE_VARIABLES];

const schema: readonly VarSpec[] = [
  { name: 'GREETING', type: 'string', exposure: 'server', doc: 'Optional, no default.' },
  { name: 'PORT', type: 'integer', min: 1, max: 65535, default: '3000', exposure: 'server', doc: 'Port.' },
  { name: 'VERBOSE', type: 'boolean', default: 'false', exposure: 'server', doc: 'Chatty logs.' },
  { name: 'LEVEL', type: 'enum', values: ['debug', 'info', 'warn'], default: 'info', exposure: 'server', doc: 'Log level.' },
  { name: 'REDIS_URL', type: 'url', exposure: 'server', doc: 'Cache.' },
  { name: 'DATABASE_URL', type: 'url', exposure: 'secret', doc: 'Database, with its password.' },
  { name: 'PUBLIC_API_ORIGIN', type: 'string', exposure: 'public', doc: 'Where the browser calls.' },
  { name: 'PUBLIC_APP_NAME', type: 'string', exposure: 'public', doc: 'Shown in the header.' },
  { name: 'INTERNAL_HOST', type: 'string', exposure: 'server', doc: 'Private host.' },
];

const FIX = 'Set it in .env or the environment';

function configOf(result: ParseResult): Readonly<Record<string, unknown>> {
  if (!result.ok) throw new Error(`expected a config, got problems: ${JSON.stringify(result.problems)}`);
  return result.config;
}

function problemsOf(result: ParseResult) {
  if (result.ok) throw new Error(`expected problems, got a config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

function parse(env: Record<string, string | undefined>, references?: ReadonlyMap<string, readonly string[]>) {
  return parseConfig({ env, mode: 'development', schema, references });
}

describe('parseConfig', () => {
  it.each<[string, string, unknown]>([
    ['GREETING', 'hello world', 'hello world'],
    ['PORT', '1', 1],
    ['PORT', '65535', 65535],
    ['PORT', ' 8080 ', 8080],
    ['VERBOSE', 'true', true],
    ['VERBOSE', '1', true],
    ['VERBOSE', 'yes', true],
    ['VERBOSE', 'TRUE', true],
    ['VERBOSE', 'false', false],
    ['VERBOSE', '0', false],
    ['VERBOSE', 'no', false],
    ['LEVEL', 'warn', 'warn'],
    ['REDIS_URL', 'redis://cache.internal:6379', 'redis://cache.internal:6379'],
  ])('parses %s=%j to %j', (name, raw, expected) => {
    expect(configOf(parse({ [name]: raw }))[name]).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['PORT', '0', 'must be a whole number from 1 to 65535'],
    ['PORT', '65536', 'must be a whole number from 1 to 65535'],
    ['PORT', 'abc', 'must be a whole number from 1 to 65535'],
    ['PORT', '3.5', 'must be a whole number from 1 to 65535'],
    ['PORT', '80 80', 'must be a whole number from 1 to 65535'],
    ['VERBOSE', 'maybe', 'must be true or false'],
    ['VERBOSE', '2', 'must be true or false'],
    ['LEVEL', 'loud', 'must be one of debug, info, warn'],
    ['REDIS_URL', 'cache.internal/6379', 'must be an absolute URL such as redis://host:6379'],
    ['REDIS_URL', 'localhost:6379', 'must be an absolute URL such as redis://host:6379'],
    ['REDIS_URL', 'redis:', 'must be an absolute URL such as redis://host:6379'],
  ])('rejects %s=%j: it %s', (name, raw, expected) => {
    const problems = problemsOf(parse({ [name]: raw }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.name).toBe(name);
    expect(problems[0]?.message).toContain(`${name} ${expected} (got ${JSON.stringify(raw)}).`);
  });

  it('says what was expected, what was given and what to do, in one sentence', () => {
    const problems = problemsOf(parse({ PORT: 'abc' }));
    expect(problems[0]?.message).toBe(
      'PORT must be a whole number from 1 to 65535 (got "abc"). Set it in .env or the environment (see .env.example).',
    );
  });

  it.each<[string, string | undefined]>([
    ['unset', undefined],
    ['empty', ''],
  ])('applies the default when a variable is %s', (_label, raw) => {
    const config = configOf(parse({ PORT: raw, VERBOSE: raw, LEVEL: raw }));
    expect(config).toMatchObject({ PORT: 3000, VERBOSE: false, LEVEL: 'info' });
  });

  it('leaves an optional variable without a default undefined, without a problem', () => {
    const config = configOf(parse({}));
    expect(config.GREETING).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('gives every variable of the real schema its declared default', () => {
    const config = configOf(parseConfig({ env: {}, mode: 'production', schema: realSchema }));
    for (const spec of realSchema) {
      if ('default' in spec) expect([spec.name, String(config[spec.name])]).toEqual([spec.name, spec.default]);
    }
  });

  it('types the real schema defaults, not just copies their text', () => {
    const config = configOf(parseConfig({ env: {}, mode: 'production', schema: realSchema }));
    expect(config).toMatchObject({ PUBLIC_APP_NAME: 'twelvepack', SOURCE_MAPS: 'hidden', TWELVEPACK_SKIP_BUILD: false });
  });

  it('leaves a real schema variable without a default undefined', () => {
    const config = configOf(parseConfig({ env: {}, mode: 'production', schema: realSchema }));
    expect(config.ADMIN_TOKEN).toBeUndefined();
  });

  it.each(['development', 'production', 'test'] as const)('defaults NODE_ENV to the mode (%s)', (mode) => {
    expect(configOf(parseConfig({ env: {}, mode })).NODE_ENV).toBe(mode);
  });

  it('keeps an explicit NODE_ENV over the mode', () => {
    expect(configOf(parseConfig({ env: { NODE_ENV: 'development' }, mode: 'production' })).NODE_ENV).toBe('development');
  });

  it('rejects a NODE_ENV outside the allowed modes', () => {
    const problems = problemsOf(parseConfig({ env: { NODE_ENV: 'staging' }, mode: 'production' }));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('NODE_ENV must be one of development, production, test (got "staging")')]);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf(parse({ PORT: 'abc', VERBOSE: 'maybe', LEVEL: 'loud', REDIS_URL: 'nope' }));
    expect(problems.map((p) => p.name)).toEqual(['PORT', 'VERBOSE', 'LEVEL', 'REDIS_URL']);
    const given = ['"abc"', '"maybe"', '"loud"', '"nope"'];
    const expected = ['whole number', 'true or false', 'one of debug, info, warn', 'absolute URL'];
    problems.forEach((problem, i) => {
      expect(problem.message).toMatch(new RegExp(`^${problem.name} `));
      expect(problem.message).toContain(expected[i]);
      expect(problem.message).toContain(`(got ${given[i]})`);
      expect(problem.message).toContain(FIX);
    });
  });

  it('never echoes a secret value, only its length', () => {
    const value = 'db.internal/app?password=hunter2hunter2';
    const problems = problemsOf(parse({ DATABASE_URL: value }));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('DATABASE_URL must be an absolute URL');
    expect(problems[0]?.message).toContain(`a secret value of ${value.length} characters, not shown`);
    expect(problems[0]?.message).not.toContain('hunter2');
    expect(problems[0]?.message).not.toContain('db.internal');
  });

  it.each([
    ['a secret', 'DATABASE_URL'],
    ['a server-only variable', 'INTERNAL_HOST'],
    ['a variable the schema does not declare', 'GITHUB_TOKEN'],
  ])('rejects a public variable whose value expands %s', (_label, referred) => {
    const problems = problemsOf(parse({ PUBLIC_API_ORIGIN: 'expanded' }, new Map([['PUBLIC_API_ORIGIN', [referred]]])));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.name).toBe('PUBLIC_API_ORIGIN');
    expect(problems[0]?.message).toContain(`PUBLIC_API_ORIGIN is public but its value expands \${${referred}}, which is not public`);
  });

  it('names only the non-public references of a public variable', () => {
    const references = new Map([['PUBLIC_API_ORIGIN', ['PUBLIC_APP_NAME', 'DATABASE_URL', 'INTERNAL_HOST']]]);
    const problems = problemsOf(parse({}, references));
    expect(problems[0]?.message).toContain('${DATABASE_URL}, ${INTERNAL_HOST}, which is not public');
    expect(problems[0]?.message).not.toContain('${PUBLIC_APP_NAME}');
  });

  it('accepts a public variable that expands another public variable', () => {
    const result = parse({ PUBLIC_API_ORIGIN: 'https://demo.example' }, new Map([['PUBLIC_API_ORIGIN', ['PUBLIC_APP_NAME']]]));
    expect(configOf(result).PUBLIC_API_ORIGIN).toBe('https://demo.example');
  });

  it('accepts a server variable that expands a secret', () => {
    const result = parse({ INTERNAL_HOST: 'expanded' }, new Map([['INTERNAL_HOST', ['DATABASE_URL']]]));
    expect(result.ok).toBe(true);
  });

  it('reports a leaking reference together with bad values', () => {
    const problems = problemsOf(parse({ PORT: 'abc' }, new Map([['PUBLIC_API_ORIGIN', ['DATABASE_URL']]])));
    expect(problems.map((p) => p.name)).toEqual(['PORT', 'PUBLIC_API_ORIGIN']);
  });

  it('returns a frozen config', () => {
    const config = configOf(parse({ PORT: '8080' }));
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as Record<string, unknown>).PORT = 1;
    }).toThrow(TypeError);
  });
});
