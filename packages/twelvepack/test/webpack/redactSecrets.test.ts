import { findSyntaxProblem } from '../../src/webpack/plugins/EsVersionGuardPlugin';
import { redactError } from '../../src/webpack/plugins/redactError';
import { createRedactor } from '../../src/webpack/plugins/redactSecrets';
import { FAKE_TOKENS } from './fakeTokens';

const secret = (name: string, value: string) => ({ name, value, credential: true });

describe('createRedactor', () => {
  const redact = createRedactor([secret('API_KEY', 'k3y-with "quotes" \\ and/slashes'), secret('SHORTER', 'k3y-with')]);

  it('replaces a value, and each of its escaped forms, with [secret NAME]', () => {
    const value = 'k3y-with "quotes" \\ and/slashes';
    const texts = [value, JSON.stringify(value), JSON.stringify(JSON.stringify(value)), encodeURIComponent(value), Buffer.from(`x${value}`).toString('base64')];
    for (const text of texts) {
      expect(redact(`before ${text} after`)).toContain('[secret API_KEY]');
      expect(redact(`before ${text} after`)).not.toContain(text);
    }
  });

  it('replaces the longest value first, so a value that contains another is replaced whole', () => {
    expect(redact('k3y-with "quotes" \\ and/slashes, then k3y-with alone')).toBe('[secret API_KEY], then [secret SHORTER] alone');
  });

  it('replaces a token of a well-known format with its format, whatever its variable', () => {
    expect(createRedactor([])(`token=${FAKE_TOKENS.github};`)).toBe('token=[secret GitHub token (ghp_/gho_/ghu_/ghs_/ghr_)];');
  });

  it('leaves text without secrets as it is', () => {
    expect(redact('Unexpected token (1:12)')).toBe('Unexpected token (1:12)');
  });
});

describe('redactError', () => {
  const redact = createRedactor([secret('API_KEY', 'planted-value-0123')]);

  it('redacts message, stack, details and the errors it wraps, in place', () => {
    const inner = new SyntaxError('Unexpected token: string (planted-value-0123)');
    const cause = new Error('cause: planted-value-0123');
    const outer = Object.assign(new Error(`Module build failed: ${inner.message}`, { cause }), { details: 'at planted-value-0123', error: inner, errors: [cause, 'planted-value-0123'] });
    expect(redactError(outer, redact)).toBe(outer);
    expect(JSON.stringify({ ...outer, message: outer.message, stack: outer.stack, inner: inner.stack, cause: cause.stack })).not.toContain('planted-value-0123');
    expect(outer.message).toBe('Module build failed: Unexpected token: string ([secret API_KEY])');
    expect(outer.errors[1]).toBe('[secret API_KEY]');
  });

  it('returns a string problem redacted, and survives an error that refers to itself', () => {
    expect(redactError('planted-value-0123', redact)).toBe('[secret API_KEY]');
    const loop = Object.assign(new Error('planted-value-0123'), { self: undefined as unknown });
    loop.self = loop;
    expect(redactError(loop, redact).message).toBe('[secret API_KEY]');
  });
});

describe("the ES5 guard's snippet", () => {
  it('never shows part of a secret that the 80-character window would cut', () => {
    const value = 'planted-value-0123456789';
    const redact = createRedactor([secret('API_KEY', value)]);
    // acorn stops at the arrow function; the window ends 50 characters later, in the middle of the value.
    const code = `var a=1;var f=()=>1;${'x'.repeat(34)}+"${value}";`;
    const problem = findSyntaxProblem(code, {}, redact);
    expect(problem?.snippet).not.toMatch(/planted|0123456789/);
    expect(findSyntaxProblem(code)?.snippet).toMatch(/"planted-v…$/);
  });
});
