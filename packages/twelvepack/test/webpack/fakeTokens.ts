// Made-up credentials in each well-known format, assembled at run time so that no file of the repository
// holds one whole (secret scanners, GitHub's push protection included, read the repository, not the tests).

const join = (...parts: string[]): string => parts.join('');
const run = (pattern: string, length: number): string => pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);

const PEM_BODY = [run('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 64), run('c2VjcmV0IGtleSBtYXRlcmlhbCBmb3Ig', 64), run('dGVzdHMgb25seQ', 40)];

/** One fake token per format the leak guard knows, by format. */
export const FAKE_TOKENS = {
  stripeLive: join('sk', '_live_', run('4eC39HqLyjWDarjt', 24)),
  stripeRestricted: join('rk', '_live_', run('T1zdp7dcQx9', 24)),
  stripeTest: join('sk', '_test_', run('51H8aB2cD3eF4gH5', 24)),
  github: join('gh', 'p_', run('16C7e42F292c6912E7710c838347Ae178B4a', 36)),
  githubFineGrained: join('github', '_pat_', run('11ABCDEFG0', 22), '_', run('abcdefghij0123456789', 59)),
  slack: join('xo', 'xb-', '1234567890-1234567890123-', run('AbCdEfGhIjKlMnOpQrStUvWx', 24)),
  aws: join('AK', 'IA', 'Q3EGRIZ5B7XN2WJD'),
  npm: join('np', 'm_', run('aBcDeFgHiJkLmNoPqRsTuVwXyZ0123', 36)),
  openai: join('sk', '-proj-', run('abcDEF123', 24), 'T3Blbk', 'FJ', run('xyzXYZ789', 24)),
  anthropic: join('sk', '-ant-', 'api03-', run('AbC-dEf_123', 93)),
  /** A PEM private key block as a JS string writes it: the line breaks escaped. */
  pemInJs: join('-----BEGIN ', 'PRIVATE KEY-----\\n', PEM_BODY.join('\\n'), '\\n-----END ', 'PRIVATE KEY-----'),
  /** The same as a file holds it. */
  pemInFile: join('-----BEGIN ', 'RSA PRIVATE KEY-----\n', PEM_BODY.join('\n'), '\n-----END ', 'RSA PRIVATE KEY-----\n'),
} as const;

/** What PEM libraries (node-forge...) hold as literals: a header with no key after it. */
export const PEM_HEADER_ONLY = join('-----BEGIN ', 'RSA PRIVATE KEY-----');

/** AWS's documented example key id, which SDK comments (and so source maps) carry. */
export const AWS_EXAMPLE_KEY = join('AKIA', 'IOSFODNN7EXAMPLE');
