import { ConfigError } from '../../src/config/ConfigError';
import { loadConfig } from '../../src/config/loadConfig';
import { pickPublicEnv } from '../../src/config/pickPublicEnv';
import { schema } from '../../src/config/schema';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';
import { useTempDir } from '../support/useTempDir';

const temp = useTempDir('twelvepack-config-');
const write = temp.write;

function configErrorFrom(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

describe('loadConfig', () => {
  it('returns the config, the public env and the secrets', () => {
    write({ '.env': 'PUBLIC_APP_NAME=Demo shop\nSOURCE_MAPS=linked\nDB_HOST=db-7.internal.example\n' });
    const { config, publicEnv, secrets } = loadConfig({ mode: 'production', dir: temp.path(), env: { ADMIN_TOKEN: 'adm-k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0' }, variables: FIXTURE_VARIABLES });
    expect(config).toMatchObject({ NODE_ENV: 'production', PUBLIC_APP_NAME: 'Demo shop', SOURCE_MAPS: 'linked', ADMIN_TOKEN: 'adm-k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0' });
    expect(publicEnv).toEqual(pickPublicEnv(config, [...schema, ...FIXTURE_VARIABLES]));
    expect(publicEnv).toMatchObject({ NODE_ENV: 'production', PUBLIC_APP_NAME: 'Demo shop' });
    expect(publicEnv).not.toHaveProperty('ADMIN_TOKEN');
    expect(secrets).toEqual(
      expect.arrayContaining([
        // Declared secret: a credential (hunted in the server bundle too); from a .env file only: not one.
        { name: 'ADMIN_TOKEN', value: 'adm-k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0', credential: true },
        { name: 'DB_HOST', value: 'db-7.internal.example', credential: false },
      ]),
    );
    expect(secrets).toHaveLength(2);
  });

  it('lets the given env win over the .env files', () => {
    write({ '.env': 'PUBLIC_APP_NAME=from-file\n' });
    const { config } = loadConfig({ mode: 'development', dir: temp.path(), env: { PUBLIC_APP_NAME: 'from-env' }, variables: FIXTURE_VARIABLES });
    expect(config.PUBLIC_APP_NAME).toBe('from-env');
  });

  it('throws a ConfigError listing every problem, one line each', () => {
    write({ '.env': 'SOURCE_MAPS=inline\nTWELVEPACK_SKIP_BUILD=maybe\n' });
    const error = configErrorFrom(() => loadConfig({ mode: 'production', dir: temp.path(), env: { NODE_ENV: 'staging' }, variables: FIXTURE_VARIABLES }));
    expect(error.problems.map((p) => p.name)).toEqual(['NODE_ENV', 'SOURCE_MAPS', 'TWELVEPACK_SKIP_BUILD']);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('twelvepack: the configuration has 3 problems:');
    expect(lines.slice(1)).toEqual(error.problems.map((p) => `  - ${p.message}`));
  });

  it('refuses a public variable that expands a secret in a .env file', () => {
    write({ '.env': 'PUBLIC_TAGLINE=Token: ${ADMIN_TOKEN}\n' });
    const error = configErrorFrom(() => loadConfig({ mode: 'production', dir: temp.path(), env: { ADMIN_TOKEN: 'adm-k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0' }, variables: FIXTURE_VARIABLES }));
    expect(error.problems.map((p) => p.name)).toEqual(['PUBLIC_TAGLINE']);
    expect(error.message).not.toContain('adm-k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0');
  });

  it('never reads the real process.env when an env is passed', () => {
    const planted = 'TWELVEPACK_PROBE_7F3A_TOKEN';
    process.env[planted] = 'planted-in-process-env';
    try {
      const { loaded, secrets } = loadConfig({ mode: 'production', dir: temp.path(), env: { ADMIN_TOKEN: 'adm-k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0' }, variables: FIXTURE_VARIABLES });
      expect(Object.keys(loaded.values)).toEqual(['ADMIN_TOKEN']);
      expect(secrets.map((s) => s.name)).not.toContain(planted);
    } finally {
      delete process.env[planted];
    }
  });
});
