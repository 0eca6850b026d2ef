import { FAKE_TOKENS } from './fakeTokens';
import { runServerFixtureBuild, type FixtureOutput } from './runFixtureBuild';

// A manifest whose route holds a credential's value, hard-coded, and a token with no variable behind it; and the
// default of a setting that a .env file also holds, which server code may hold (it is no credential).
const HARD_CODED = 'hard-coded-payment-key-3Jm8';
const SETTING = 'reports/daily-export.csv';
// And a module Babel cannot parse, whose code frame quotes another credential.
const IN_BROKEN_CODE = 'broken-code-signing-secret-5Pq1';

const MANIFEST = `import { defineApp } from 'twelvepack/app';
import { signature } from './broken';

const paymentKey = '${HARD_CODED}';
const webhook = '${FAKE_TOKENS.slack}';
const exportPath = process.env.EXPORT_PATH ?? '${SETTING}';

export default defineApp({
  variables: [],
  pages: [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }],
  routes: [{ path: '/api/pay', methods: ['POST'], handler: () => ({ status: 200, body: [paymentKey, webhook, exportPath, signature].join() }) }],
});
`;

describe('the leak guard on the server bundle', () => {
  let build: FixtureOutput;
  let messages: string;
  beforeAll(async () => {
    build = await runServerFixtureBuild({
      files: { 'src/app.ts': MANIFEST, 'src/broken.ts': `export const signature = '${IN_BROKEN_CODE}' +;\n` },
      env: { PAYMENT_API_KEY: HARD_CODED, WEBHOOK_SIGNING_SECRET: IN_BROKEN_CODE },
      envFiles: { '.env': `EXPORT_PATH=${SETTING}\n` },
    });
    messages = build.errors.join('\n');
  });

  it('fails when a credential is in server code or its map, saying it is a secret in the repository to move and rotate', () => {
    expect(messages).toMatch(/Leak guard: the server bundle's main\.js contains the value of PAYMENT_API_KEY \(raw\)\. A secret in server code is a secret in the repository/);
    expect(messages).toMatch(/the server bundle's main\.js\.map contains the value of PAYMENT_API_KEY/);
    expect(messages).toContain('Remove it from the code, keep it in the environment only, and rotate it');
  });

  it('recognises a token of a well-known format in server code, with no variable behind it', () => {
    expect(messages).toMatch(/the server bundle's main\.js contains a credential of a well-known format, Slack token \([^)]*\), hard-coded in a source file/);
  });

  it("raises no alarm on a setting's value that server code holds as a default", () => {
    expect(messages).not.toContain('EXPORT_PATH');
  });

  it('redacts what the server build prints, as the browser build does', () => {
    expect(build.printed).toMatch(/broken\.ts: Unexpected token[\s\S]*'\[secret WEBHOOK_SIGNING_SECRET\]' \+;/);
  });

  it('prints no value and writes nothing', () => {
    for (const value of [HARD_CODED, IN_BROKEN_CODE, FAKE_TOKENS.slack]) expect(build.printed).not.toContain(value);
    expect(build.files).toEqual([]);
  });
});
