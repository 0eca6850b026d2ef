import { collectSecrets, MIN_SECRET_LENGTH } from '../../src/config/collectSecrets';
import type { LoadedEnv } from '../../src/config/loadEnvFiles';
import { schema, type VarSpec } from '../../src/config/schema';
import { FIXTURE_VARIABLES } from '../support/fixtureVariables';

/** A loaded environment: `files` came from `.env` files, `env` from the real environment. */
function loaded({ files = {}, env = {} }: { files?: Record<string, string>; env?: Record<string, string> }): LoadedEnv {
  return {
    values: { ...files, ...env },
    fromFiles: new Map(Object.keys(files).map((name) => [name, '.env'])),
    references: new Map(),
    files: Object.keys(files).length > 0 ? ['.env'] : [],
  };
}

/** What `npm run build` on a GitHub Actions runner puts in the environment. */
const busyEnvironment: Record<string, string> = {
  PATH: '/home/runner/.nvm/versions/node/v20.19.0/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/home/runner',
  USER: 'runner',
  SHELL: '/bin/bash',
  PWD: '/home/runner/work/twelvepack/twelvepack',
  OLDPWD: '/home/runner/work/twelvepack',
  SHLVL: '2',
  HOSTNAME: 'fv-az1234-567',
  LANG: 'C.UTF-8',
  LC_ALL: 'en_US.UTF-8',
  TERM: 'xterm-256color',
  TMPDIR: '/tmp',
  EDITOR: 'vi',
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKFLOW: 'CI',
  GITHUB_REPOSITORY: 'example/twelvepack',
  GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_WORKSPACE: '/home/runner/work/twelvepack/twelvepack',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  RUNNER_TEMP: '/home/runner/work/_temp',
  RUNNER_TOOL_CACHE: '/opt/hostedtoolcache',
  ImageOS: 'ubuntu22',
  NODE_OPTIONS: '--max-old-space-size=4096',
  NODE_ENV: 'production',
  SSH_AUTH_SOCK: '/tmp/ssh-xyz/agent.1',
  npm_package_name: 'twelvepack',
  npm_package_version: '0.1.0',
  npm_package_json: '/home/runner/work/twelvepack/twelvepack/package.json',
  npm_lifecycle_event: 'build',
  npm_lifecycle_script: 'webpack --config webpack.config.ts',
  npm_command: 'run-script',
  npm_config_user_agent: 'npm/10.8.2 node/v20.19.0 linux x64 workspaces/false ci/github-actions',
  npm_config_cache: '/home/runner/.npm',
  npm_config_userconfig: '/home/runner/.npmrc',
  npm_config_globalconfig: '/home/runner/.nvm/versions/node/v20.19.0/etc/npmrc',
  npm_config_prefix: '/home/runner/.nvm/versions/node/v20.19.0',
  npm_config_local_prefix: '/home/runner/work/twelvepack/twelvepack',
  npm_config_node_gyp: '/home/runner/.nvm/versions/node/v20.19.0/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_npm_version: '10.8.2',
  npm_config_noproxy: '',
  npm_node_execpath: '/home/runner/.nvm/versions/node/v20.19.0/bin/node',
  npm_execpath: '/home/runner/.nvm/versions/node/v20.19.0/lib/node_modules/npm/bin/npm-cli.js',
  INIT_CWD: '/home/runner/work/twelvepack/twelvepack',
  NODE: '/home/runner/.nvm/versions/node/v20.19.0/bin/node',
  COLOR: '0',
};

describe('collectSecrets', () => {
  it('counts every non-public value from a .env file, whatever its name, as a value the browser must not see (not a credential)', () => {
    const secrets = collectSecrets(loaded({ files: { DATABASE_HOST: 'db-7.internal.example', SOURCE_MAPS_DIR: 'maps-private' } }));
    expect(secrets).toEqual([
      { name: 'DATABASE_HOST', value: 'db-7.internal.example', credential: false },
      { name: 'SOURCE_MAPS_DIR', value: 'maps-private', credential: false },
    ]);
  });

  it('counts a credential-like name from a .env file as a credential', () => {
    expect(collectSecrets(loaded({ files: { STRIPE_SK: 'stripe-secret-from-dotenv' } }))).toEqual([
      { name: 'STRIPE_SK', value: 'stripe-secret-from-dotenv', credential: true },
    ]);
  });

  it("does not count a .env value that is the variable's declared default, as a copied .env.example holds it", () => {
    const secrets = collectSecrets(loaded({ files: { SQLITE_PATH: 'data/twelvepack.sqlite', SHUTDOWN_TIMEOUT_MS: '25000' } }));
    expect(secrets).toEqual([]);
    expect(collectSecrets(loaded({ files: { SQLITE_PATH: 'data/production.sqlite' } }))).toEqual([{ name: 'SQLITE_PATH', value: 'data/production.sqlite', credential: false }]);
  });

  it('does not count the same harmless name when it comes from the environment', () => {
    expect(collectSecrets(loaded({ env: { DATABASE_HOST: 'db-7.internal.example' } }))).toEqual([]);
  });

  it('counts the schema secret ADMIN_TOKEN from the environment', () => {
    expect(collectSecrets(loaded({ env: { ADMIN_TOKEN: 'adm-5f2c9e1b' } }))).toEqual([{ name: 'ADMIN_TOKEN', value: 'adm-5f2c9e1b', credential: true }]);
  });

  it('counts any variable the schema marks secret, even with a harmless name', () => {
    const schema: readonly VarSpec[] = [{ name: 'SESSION_SALT', type: 'string', exposure: 'secret', doc: '' }];
    expect(collectSecrets(loaded({ env: { SESSION_SALT: 'pepper-and-salt' } }), schema)).toEqual([
      { name: 'SESSION_SALT', value: 'pepper-and-salt', credential: true },
    ]);
  });

  it.each([
    ['GITHUB_TOKEN', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['DB_PASSWORD', 'correct-horse-battery'],
    ['STRIPE_API_KEY', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['npm_config_//registry.npmjs.org/:_authToken', 'npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345'],
    ['STRIPE_SK', 'stripe-secret-key-value-01'],
    ['GITHUB_PAT', 'github_pat_11ABCDEFG0123456789_abcdef'],
    ['PAT', 'a-personal-access-token'],
    ['JWT_SIGNING', 'a-jwt-signing-secret'],
    ['SIGNING_KEY_ID', 'signing-key-2024-01'],
    ['WEBHOOK_SIGNING_SECRET', 'whsec_0123456789abcdef'],
    ['GPG_PRIVATE', 'a-private-key-passphrase'],
  ])('counts %s from the environment, since its name looks like a credential', (name, value) => {
    expect(collectSecrets(loaded({ env: { [name]: value } }))).toEqual([{ name, value, credential: true }]);
  });

  it.each([
    ['PATH', '/usr/local/bin:/usr/bin:/bin'],
    ['NODE_PATH', '/usr/lib/node_modules'],
    ['PATTERN', 'src/**/*.test.ts'],
    ['TASK_DISK', 'disk-0001-ssd'],
    ['DESIGNING_MODE', 'wireframes-only'],
    ['SKIP_PREFLIGHT_CHECK', 'preflight-off'],
  ])('does not count %s from the environment: its name only contains a credential word', (name, value) => {
    expect(collectSecrets(loaded({ env: { [name]: value } }))).toEqual([]);
  });

  it('counts a URL carrying a password, and the decoded password on its own', () => {
    const url = 'postgres://app:s3cr3t%40pass@db.example.com:5432/app';
    expect(collectSecrets(loaded({ env: { DATABASE_URL: url } }))).toEqual([
      { name: 'DATABASE_URL', value: url, credential: true },
      { name: 'DATABASE_URL', value: 's3cr3t@pass', credential: true },
    ]);
  });

  it('does not count a URL without a password', () => {
    const env = { CACHE_URL: 'redis://cache.internal:6379/0', HOME_PAGE: 'https://user@example.com/' };
    expect(collectSecrets(loaded({ env }))).toEqual([]);
  });

  it('never counts a public value, from a file or the environment', () => {
    const secrets = collectSecrets(
      loaded({ files: { PUBLIC_APP_NAME: 'My long app name' }, env: { PUBLIC_TAGLINE: 'A tagline that is long enough' } }),
      [...schema, ...FIXTURE_VARIABLES],
    );
    expect(secrets).toEqual([]);
  });

  it('never counts a public variable whose name looks like a credential', () => {
    const schema: readonly VarSpec[] = [{ name: 'PUBLIC_STRIPE_KEY', type: 'string', exposure: 'public', doc: '' }];
    expect(collectSecrets(loaded({ env: { PUBLIC_STRIPE_KEY: 'pk_live_TYooMQauvdEDq54NiTphI7jx' } }), schema)).toEqual([]);
  });

  it(`skips values shorter than MIN_SECRET_LENGTH (${MIN_SECRET_LENGTH})`, () => {
    const short = 'k'.repeat(MIN_SECRET_LENGTH - 1);
    const long = 'k'.repeat(MIN_SECRET_LENGTH);
    expect(collectSecrets(loaded({ files: { SHORT: short, LONG: long, FLAG: 'true' } }))).toEqual([{ name: 'LONG', value: long, credential: false }]);
  });

  it.each(['production', 'development', 'localhost', '127.0.0.1', 'undefined', '1700000000', '10.123.45.67'])(
    'skips the common value %j, even from a file or a secret',
    (value) => {
      expect(value.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
      expect(collectSecrets(loaded({ files: { SOME_SETTING: value }, env: { ADMIN_TOKEN: value } }))).toEqual([]);
    },
  );

  it('lists each name and value once, even when two rules pick it', () => {
    const url = 'postgres://app:correct-horse@db.example.com/app';
    const secrets = collectSecrets(loaded({ files: { DATABASE_URL: url } }));
    expect(secrets).toEqual([
      { name: 'DATABASE_URL', value: url, credential: true },
      { name: 'DATABASE_URL', value: 'correct-horse', credential: true },
    ]);
  });

  it('finds no secrets in a busy npm run and CI environment when nothing came from files', () => {
    expect(collectSecrets(loaded({ env: busyEnvironment }))).toEqual([]);
  });

  it('still finds the one credential hidden in that busy environment', () => {
    const env = { ...busyEnvironment, GITHUB_TOKEN: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' };
    expect(collectSecrets(loaded({ env }))).toEqual([{ name: 'GITHUB_TOKEN', value: env.GITHUB_TOKEN, credential: true }]);
  });

  it('counts a URL whose password holds a bare %, instead of crashing', () => {
    const url = 'postgres://app:100%@db.example.com/app';
    const found = collectSecrets(loaded({ env: { DATABASE_URL: url } }));
    expect(found).toEqual(expect.arrayContaining([{ name: 'DATABASE_URL', value: url, credential: true }]));
  });
});
