import { gzipSync } from 'node:zlib';
import { FAKE_TOKENS } from './fakeTokens';
import { runFixtureBuild, type FixtureOutput } from './runFixtureBuild';

// One build, many planted cases: each value is a secret because a .env file or a credential-like name says so,
// and each sits in a different output or form. Tokens of well-known formats are planted with no variable at all.
const VALUES = {
  IN_CSS: 'css-planted-value-41xQ',
  IN_PUBLIC_FILE: 'public-file-planted-value-52yR',
  IN_GZIP: 'gzip-planted-value-63zS',
  IN_FAKE_GZIP: 'fake-gzip-planted-value-74aT',
  IN_BASE64: 'base64-planted-value-85bU',
  SPLIT_BY_PLUS: 'plus-split-planted-value-96cV',
} as const;
const CREDENTIALS = { STRIPE_SK: 'stripe-sk-planted-value-07dW', GITHUB_PAT: 'github-pat-planted-value-18eX', JWT_SIGNING: 'jwt-signing-planted-value-29fY' } as const;

// The value inside a larger base64 blob, 1 byte off the 3-byte grid (a JSON document, as a Basic auth header or a data: URL carries it).
const BLOB = Buffer.from(`{"id":"${VALUES.IN_BASE64}","n":1}`).toString('base64');

const PLANTED = {
  './src/planted.ts': [
    `import './planted.css';`,
    `const blob = '${BLOB}';`,
    // terser folds the constant concatenation, so the whole value reaches the bundle.
    `const folded = '${VALUES.SPLIT_BY_PLUS.slice(0, 10)}' + '${VALUES.SPLIT_BY_PLUS.slice(10)}';`,
    `const named = ['${CREDENTIALS.STRIPE_SK}', '${CREDENTIALS.GITHUB_PAT}', '${CREDENTIALS.JWT_SIGNING}'];`,
    `const tokens = ['${FAKE_TOKENS.stripeLive}', '${FAKE_TOKENS.github}', '${FAKE_TOKENS.aws}', '${FAKE_TOKENS.pemInJs}'];`,
    `document.body.dataset.out = [blob, folded, named.join(), tokens.join()].join(' ');`,
    '',
  ].join('\n'),
  'src/planted.css': `.planted::after { content: "${VALUES.IN_CSS}"; }\n`,
  'public/notes.txt': `support line: ${VALUES.IN_PUBLIC_FILE}\n`,
  'public/data.json.gz': gzipSync(`{"v":"${VALUES.IN_GZIP}"}`),
  // Named like compressed files, but plain text and junk: they must be scanned as they are.
  'public/fake.gz': `not gzip at all: ${VALUES.IN_FAKE_GZIP}\n`,
  'public/fake.br': Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x01]),
  'public/deploy-key.pem': FAKE_TOKENS.pemInFile,
};

const envFile = Object.entries(VALUES).map(([name, value]) => `${name}=${value}\n`).join('');

describe('the leak guard on every output', () => {
  let build: FixtureOutput;
  let messages: string;
  beforeAll(async () => {
    build = await runFixtureBuild({ envFiles: { '.env': envFile }, env: CREDENTIALS, files: PLANTED, entry: './src/planted.ts' });
    messages = build.errors.join('\n');
  });

  it('finds values in CSS, in a copied public/ file and inside a public/ .gz', () => {
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.css contains the value of IN_CSS \(raw\)/);
    expect(messages).toMatch(/Leak guard: notes\.txt contains the value of IN_PUBLIC_FILE/);
    expect(messages).toMatch(/Leak guard: data\.json\.gz contains the value of IN_GZIP/);
  });

  it('finds a value base64-encoded inside a larger blob', () => {
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of IN_BASE64 \(base64\)/);
  });

  it('finds a value split by + into constant pieces, since the minifier joins them', () => {
    expect(messages).toMatch(/Leak guard: main\.[0-9a-f]{8}\.js contains the value of SPLIT_BY_PLUS \(raw\)/);
  });

  it('counts STRIPE_SK, GITHUB_PAT and JWT_SIGNING from the environment as credentials, by their names', () => {
    for (const name of Object.keys(CREDENTIALS)) expect(messages).toMatch(new RegExp(`main\\.[0-9a-f]{8}\\.js contains the value of ${name} \\(raw\\)`));
  });

  it('recognises tokens of well-known formats with no variable behind them, naming the format and the file', () => {
    for (const format of ['Stripe live secret key', 'GitHub token', 'AWS access key id', 'PEM private key block']) {
      expect(messages).toMatch(new RegExp(`Leak guard: main\\.[0-9a-f]{8}\\.js contains a credential of a well-known format, ${format} \\(`));
    }
    expect(messages).toMatch(/Leak guard: deploy-key\.pem contains a credential of a well-known format, PEM private key block/);
    expect(messages).toContain('rotate it');
  });

  it('scans a .gz or .br that does not decompress as it is, and warns naming it', () => {
    expect(messages).toMatch(/Leak guard: fake\.gz contains the value of IN_FAKE_GZIP/);
    const warnings = build.warnings.join('\n');
    expect(warnings).toMatch(/Leak guard: fake\.gz does not decompress as gzip \([^)]+\), so it was scanned as it is/);
    expect(warnings).toMatch(/Leak guard: fake\.br does not decompress as Brotli \([^)]+\), so it was scanned as it is/);
    expect(warnings).not.toMatch(/data\.json\.gz/);
  });

  it('prints no value and no token, and writes nothing', () => {
    for (const value of [...Object.values(VALUES), ...Object.values(CREDENTIALS), ...Object.values(FAKE_TOKENS)]) expect(build.printed).not.toContain(value);
    expect(build.files).toEqual([]);
  });
});
