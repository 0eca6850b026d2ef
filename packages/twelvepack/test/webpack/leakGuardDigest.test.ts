import { needlesOf } from '../../src/webpack/plugins/findLeaks';
import { TOKEN_SHAPES } from '../../src/webpack/plugins/findTokenShapes';
import { leakGuardDigest } from '../../src/webpack/plugins/leakGuardDigest';

const secrets = [{ name: 'API_KEY', value: 'planted-value-0123', credential: true }];

describe("the leak guard's cache key", () => {
  const digest = leakGuardDigest('guard', needlesOf(secrets));

  it('is the same for the same values and formats, in any order', () => {
    const twice = [...secrets, { name: 'OTHER_KEY', value: 'another-value-4567', credential: true }];
    expect(leakGuardDigest('guard', needlesOf(twice))).toBe(leakGuardDigest('guard', needlesOf([...twice].reverse())));
    expect(leakGuardDigest('guard', needlesOf(secrets))).toBe(digest);
  });

  it('changes when a value changes, and when a format is added or changed', () => {
    expect(leakGuardDigest('guard', needlesOf([{ ...secrets[0]!, value: 'planted-value-0124' }]))).not.toBe(digest);
    expect(leakGuardDigest('guard', needlesOf(secrets), TOKEN_SHAPES.slice(1))).not.toBe(digest);
    const changed = TOKEN_SHAPES.map((shape, i) => (i === 0 ? { ...shape, pattern: /sk_live_[0-9a-z]{30,}/g } : shape));
    expect(leakGuardDigest('guard', needlesOf(secrets), changed)).not.toBe(digest);
  });

  it('never holds a value in the clear', () => {
    expect(digest).not.toContain('planted-value');
    expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
