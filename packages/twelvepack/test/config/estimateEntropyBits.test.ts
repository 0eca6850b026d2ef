import { estimateEntropyBits } from '../../src/config/estimateEntropyBits';

/** 32 random bytes as base64url (what the README tells people to make), fixed so the spec is repeatable. */
const RANDOM_TOKEN = '9cfmwQ1C0huMZN2LcEYnu-LcYUMjTRmAaqUcr0UysWQ';

describe('estimateEntropyBits', () => {
  it('gives an empty value 0 bits', () => {
    expect(estimateEntropyBits('')).toBe(0);
  });

  it('gives one character repeated 40 times 0 bits, however long', () => {
    expect(estimateEntropyBits('a'.repeat(40))).toBe(0);
    expect(estimateEntropyBits('Z'.repeat(400))).toBe(0);
  });

  it('gives an alternation (abab…) one short block’s worth, whatever its length', () => {
    expect(estimateEntropyBits('ab'.repeat(20))).toBeLessThan(10);
    expect(estimateEntropyBits('ab'.repeat(200))).toBeLessThan(10);
  });

  it('counts a random block pasted several times once', () => {
    const block = RANDOM_TOKEN.slice(0, 8);
    expect(estimateEntropyBits(block.repeat(5))).toBeCloseTo(8 * Math.log2(26 + 26 + 10), 5);
  });

  it('counts the block of a value that repeats it only in part (abcabca…)', () => {
    expect(estimateEntropyBits('abc'.repeat(13) + 'a')).toBeCloseTo(3 * Math.log2(26), 5);
  });

  it('gives 32 random bytes in base64url well over 128 bits', () => {
    expect(estimateEntropyBits(RANDOM_TOKEN)).toBeGreaterThan(180);
  });

  it('gives 32 random hex digits (openssl rand -hex 16, 128 random bits) at least 128 bits (their pool counts as letters and digits)', () => {
    expect(estimateEntropyBits('3f9a0c47e1b82d65a7f0c3e9b14d8a26')).toBeCloseTo(32 * Math.log2(26 + 10), 5);
  });

  it('is the Shannon estimate for a value whose characters are spread unevenly: one odd character in a run is almost nothing', () => {
    const value = `${'a'.repeat(31)}b`;
    const p = 1 / 32;
    expect(estimateEntropyBits(value)).toBeCloseTo(32 * -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)), 5);
    expect(estimateEntropyBits(value)).toBeLessThan(10);
  });

  it('counts characters, not UTF-16 units: a repeated emoji is still 0 bits', () => {
    expect(estimateEntropyBits('🔑'.repeat(40))).toBe(0);
  });
});
