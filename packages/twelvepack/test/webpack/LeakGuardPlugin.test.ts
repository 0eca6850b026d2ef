import { runFixtureBuild } from './runFixtureBuild';

// The fixture app holds these values in a string literal, a JSON file and a
// comment (which survives only in the source map). They are secrets only when
// the environment says so.
const LITERAL = 'sk_literal_fixture_value_0001';
const IN_JSON = 'pk_json_fixture_value_0002';
// Long and random enough for ADMIN_TOKEN's production strength (32 characters, ~128 bits).
const IN_COMMENT = 'comment-only-fixture-value-0003-Tz4Kw8Ry';

describe('the leak guard', () => {
  it('fails the build when secrets from .env and the environment reach any emitted file, naming variable and file but never the value', async () => {
    const build = await runFixtureBuild({
      envFiles: { '.env': `STRIPE_SECRET=${LITERAL}\n` },
      env: { PAYMENT_API_KEY: IN_JSON, ADMIN_TOKEN: IN_COMMENT },
    });
    const messages = build.errors.join('\n');

    // A .env value pasted as a string literal: in the script, its map and its .br/.gz siblings.
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of STRIPE_SECRET/);
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js\.gz contains the value of STRIPE_SECRET/);
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js\.br contains the value of STRIPE_SECRET/);
    // An environment credential that sits in an imported JSON file.
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of PAYMENT_API_KEY/);
    // A schema secret that only the source map carries (terser dropped the comment).
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js\.map contains the value of ADMIN_TOKEN/);
    expect(messages).not.toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of ADMIN_TOKEN/);

    for (const value of [LITERAL, IN_JSON, IN_COMMENT]) expect(messages).not.toContain(value);
    expect(build.files).toEqual([]);
  });

  it("guards both bundles of an app's build: the modern and the legacy scripts and their compressed siblings; neither writes a file", async () => {
    const build = await runFixtureBuild({ bundle: 'app', envFiles: { '.env': `STRIPE_SECRET=${LITERAL}\n` } });
    const messages = build.errors.join('\n');
    for (const file of ['main', 'main-legacy']) {
      for (const suffix of ['', '\\.gz', '\\.br']) expect(messages).toMatch(new RegExp(`Leak guard: ${file}\\.[0-9a-f]{8}\\.js${suffix} contains the value of STRIPE_SECRET`));
    }
    expect(messages).not.toContain(LITERAL);
    expect(build.files).toEqual([]);
  });

  it('catches a secret that needed escaping, as webpack inlines JSON', async () => {
    // data.json holds it's "quoted" \ value-0004: escaped once in JSON, twice once inlined as JSON.parse('…').
    const build = await runFixtureBuild({ env: { QUOTED_TOKEN: 'it\'s "quoted" \\ value-0004' } });
    const messages = build.errors.join('\n');
    expect(messages).toMatch(/main\.[0-9a-f]{8}\.js contains the value of QUOTED_TOKEN \(inlined JSON\)/);
    expect(messages).not.toContain('value-0004');
  });

  it('raises no false alarm on a normal build in a busy environment', async () => {
    const busy: Record<string, string> = {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: '/home/runner',
      PWD: '/home/runner/work/app',
      OLDPWD: '/home/runner',
      SSH_AUTH_SOCK: '/tmp/ssh-agent/agent.1',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_TOKEN: 'ghs_0123456789abcdefABCDEF0123456789abcd',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      DATABASE_URL: 'postgres://app:s3cr3t-passw0rd@db.internal:5432/app',
      NODE_OPTIONS: '--max-old-space-size=4096',
      npm_package_name: 'twelvepack',
      npm_package_version: '0.1.0',
      npm_lifecycle_event: 'test',
      npm_lifecycle_script: 'jest',
      npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
      npm_node_execpath: '/usr/local/bin/node',
      PUBLIC_APP_NAME: 'twelvepack',
    };
    const build = await runFixtureBuild({
      env: busy,
      envFiles: { '.env': 'SOURCE_MAPS=hidden\nHOST=localhost\nSESSION_SECRET=a-long-local-session-secret\n' },
    });
    expect(build.errors).toEqual([]);
    expect(build.files.length).toBeGreaterThan(5);
  });
});
