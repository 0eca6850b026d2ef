import { parseConfig } from '../../src/config/parseConfig';
import { assertPublicSchema, pickPublicEnv, publicNames } from '../../src/config/pickPublicEnv';
import { schema as toolkitSchema, type Config, type VarSpec } from '../../src/config/schema';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

/** The toolkit's variables and an app's, as the loader validates them. */
const realSchema: readonly VarSpec[] = [...toolkitSchema, ...FIXTURE_VARIABLES];

const spec = (name: string, exposure: VarSpec['exposure'], type: VarSpec['type'] = 'string'): VarSpec => ({ name, type, exposure, doc: '' });

const schema: readonly VarSpec[] = [
  spec('NODE_ENV', 'public'),
  spec('PUBLIC_TITLE', 'public'),
  spec('PUBLIC_RETRIES', 'public', 'integer'),
  spec('PUBLIC_BETA', 'public', 'boolean'),
  spec('PUBLIC_OPTIONAL', 'public'),
  spec('SOURCE_MAPS', 'server'),
  spec('ADMIN_TOKEN', 'secret'),
];

/** The real schema's names that the naming rule makes public, in schema order. */
const namedPublic = realSchema.map((s) => s.name).filter((name) => name === 'NODE_ENV' || name.startsWith('PUBLIC_'));

function realConfig(): Config {
  const result = parseConfig({ env: { ADMIN_TOKEN: 'admin-token-value-mFFhaGn6onuiL9DITY6VXtHk' }, mode: 'production', schema: realSchema });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

describe('pickPublicEnv', () => {
  it('returns exactly the public variables of the real schema: NODE_ENV and PUBLIC_*, as strings', () => {
    const publicEnv = pickPublicEnv(realConfig(), realSchema);
    expect(Object.keys(publicEnv)).toEqual(namedPublic);
    expect(Object.values(publicEnv).every((value) => typeof value === 'string')).toBe(true);
    expect(publicEnv).toMatchObject({ NODE_ENV: 'production', PUBLIC_APP_NAME: 'twelvepack' });
  });

  it('leaves out everything else the config holds', () => {
    const config = { ...realConfig(), GITHUB_TOKEN: 'ghp_not-in-schema', PUBLIC_UNDECLARED: 'x' } as Config;
    const publicEnv = pickPublicEnv(config, realSchema);
    expect(Object.keys(publicEnv)).toEqual(namedPublic);
    expect(JSON.stringify(publicEnv)).not.toContain('admin-token-value-mFFhaGn6onuiL9DITY6VXtHk');
  });

  it('turns every value into a string, and a missing one into the empty string', () => {
    const config = { NODE_ENV: 'test', PUBLIC_TITLE: 'Shop', PUBLIC_RETRIES: 3, PUBLIC_BETA: false, SOURCE_MAPS: 'none' } as unknown as Config;
    expect(pickPublicEnv(config, schema)).toEqual({
      NODE_ENV: 'test',
      PUBLIC_TITLE: 'Shop',
      PUBLIC_RETRIES: '3',
      PUBLIC_BETA: 'false',
      PUBLIC_OPTIONAL: '',
    });
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(pickPublicEnv(realConfig(), realSchema))).toBe(true);
  });

  it('refuses a schema that breaks the public naming rule', () => {
    const config = { API_URL: 'https://api.example' } as unknown as Config;
    expect(() => pickPublicEnv(config, [spec('API_URL', 'public')])).toThrow(/API_URL \(public\)/);
  });
});

describe('assertPublicSchema', () => {
  it('accepts the real schema', () => {
    expect(() => assertPublicSchema(realSchema)).not.toThrow();
  });

  it.each([[''], ['   ']])('refuses the empty prefix %j, saying why and what to use', (prefix) => {
    expect(() => assertPublicSchema(realSchema, prefix)).toThrow(
      /must not be empty: an empty prefix would expose every environment variable, secrets included, to the browser\. Use a prefix such as "PUBLIC_"/,
    );
  });

  it('names a public variable that lacks the PUBLIC_ prefix', () => {
    expect(() => assertPublicSchema([spec('PUBLIC_OK', 'public'), spec('API_URL', 'public')])).toThrow(
      /these break that rule: API_URL \(public\)\. Rename the variable or change its exposure/,
    );
  });

  it.each([['server'], ['secret']] as const)('names a PUBLIC_ variable whose exposure is %s', (exposure) => {
    expect(() => assertPublicSchema([spec('PUBLIC_KEY', exposure)])).toThrow(`PUBLIC_KEY (${exposure})`);
  });

  it('names every variable that breaks the rule', () => {
    expect(() => assertPublicSchema([spec('API_URL', 'public'), spec('PUBLIC_KEY', 'secret')])).toThrow(
      'API_URL (public), PUBLIC_KEY (secret)',
    );
  });

  it('allows NODE_ENV to be public without the prefix', () => {
    expect(() => assertPublicSchema([spec('NODE_ENV', 'public')])).not.toThrow();
  });

  it('checks names against a custom prefix', () => {
    expect(() => assertPublicSchema([spec('VITE_TITLE', 'public')], 'VITE_')).not.toThrow();
    expect(() => assertPublicSchema([spec('PUBLIC_TITLE', 'public')], 'VITE_')).toThrow('PUBLIC_TITLE (public)');
  });
});

describe('publicNames', () => {
  it('lists the public variables in schema order', () => {
    expect(publicNames(schema)).toEqual(['NODE_ENV', 'PUBLIC_TITLE', 'PUBLIC_RETRIES', 'PUBLIC_BETA', 'PUBLIC_OPTIONAL']);
  });

  it('lists NODE_ENV and the PUBLIC_ variables of the real schema', () => {
    expect(publicNames(realSchema)).toEqual(namedPublic);
    expect(namedPublic).toEqual(expect.arrayContaining(['NODE_ENV', 'PUBLIC_APP_NAME', 'PUBLIC_TAGLINE']));
  });

  it('refuses a schema that breaks the public naming rule', () => {
    expect(() => publicNames([spec('PUBLIC_KEY', 'secret')])).toThrow('PUBLIC_KEY (secret)');
  });
});
