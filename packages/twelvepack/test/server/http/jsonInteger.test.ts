import { jsonInteger } from '../../../src/server/http/jsonInteger';

describe('jsonInteger: an integer as JSON carries it exactly', () => {
  it.each<[string, bigint, number | string]>([
    ['0 is a number', 0n, 0],
    ['a small negative is a number', -4n, -4],
    ['2^53 - 1, the largest a double holds exactly, is a number', 9007199254740991n, 9007199254740991],
    ['-(2^53 - 1) is a number', -9007199254740991n, -9007199254740991],
    ['2^53 is a decimal string (as a number it would equal 2^53 + 1)', 9007199254740992n, '9007199254740992'],
    ['-2^53 is a decimal string', -9007199254740992n, '-9007199254740992'],
    ['2^63 - 1 is a decimal string, every digit kept', 9223372036854775807n, '9223372036854775807'],
    ['-2^63 is a decimal string', -9223372036854775808n, '-9223372036854775808'],
  ])('%s', (_name, value, expected) => {
    expect(jsonInteger(value)).toBe(expected);
  });

  it('BigInt() of what JSON.parse gives back is the value, on both sides of 2^53', () => {
    for (const value of [9007199254740991n, 9007199254740992n, 9007199254740993n, -9223372036854775808n]) {
      const { value: parsed } = JSON.parse(JSON.stringify({ value: jsonInteger(value) })) as { value: number | string };
      expect(BigInt(parsed)).toBe(value);
    }
  });
});
