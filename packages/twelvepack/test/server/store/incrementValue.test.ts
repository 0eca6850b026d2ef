import { IncrementOverflowError, NotAnIntegerError } from '../../../src/server/store/KeyValueStore';
import { incrementValue } from '../../../src/server/store/incrementValue';

// Each row is what redis-server 7 answers to `SET k <value>` then `INCR k`.
describe('incrementValue: INCR on a stored text, exactly as Redis', () => {
  it.each<[string, string | undefined, bigint]>([
    ['an absent key counts as 0', undefined, 1n],
    ['"0"', '0', 1n],
    ['"-1"', '-1', 0n],
    ['"41"', '41', 42n],
    ['2^53 - 1, past what a double holds exactly', '9007199254740991', 9007199254740992n],
    ['2^53', '9007199254740992', 9007199254740993n],
    ['-2^53 - 1', '-9007199254740993', -9007199254740992n],
    ['2^63 - 2 gives 2^63 - 1', '9223372036854775806', 9223372036854775807n],
    ['-2^63, the smallest 64-bit integer', '-9223372036854775808', -9223372036854775807n],
  ])('%s', (_name, current, next) => {
    expect(incrementValue('k', current)).toBe(next);
  });

  it.each([
    ['an empty string', ''],
    ['"-0"', '-0'],
    ['leading zeros', '007'],
    ['"00"', '00'],
    ['a negative with a leading zero', '-01'],
    ['a plus sign', '+1'],
    ['a leading space', ' 1'],
    ['a trailing space', '1 '],
    ['a trailing newline', '1\n'],
    ['a lone minus', '-'],
    ['a decimal point', '1.0'],
    ['an exponent', '1e3'],
    ['hex', '0x10'],
    ['non-ASCII digits', '٣'],
    ['2^63, one past the largest', '9223372036854775808'],
    ['-2^63 - 1, one below the smallest', '-9223372036854775809'],
    ['2^64', '18446744073709551616'],
    ['a 1 padded to 22 digits', '0000000000000000000001'],
    ['a number of 400 digits', '9'.repeat(400)],
  ])('%s is NotAnIntegerError ("ERR value is not an integer or out of range")', (_name, current) => {
    expect(() => incrementValue('k', current)).toThrow(NotAnIntegerError);
  });

  it('2^63 - 1 is IncrementOverflowError ("ERR increment or decrement would overflow")', () => {
    expect(() => incrementValue('k', '9223372036854775807')).toThrow(IncrementOverflowError);
  });

  it.each([
    ['NotAnIntegerError', () => incrementValue('count', 'abc'), /^The value of "count" is not an integer \(or is out of range\).* Set it to a whole number from -9223372036854775808 to 9223372036854775807/],
    ['IncrementOverflowError', () => incrementValue('count', '9223372036854775807'), /^Incrementing "count" would overflow: .* Set it to a smaller value, or delete it to count from 0\.$/],
  ])('%s names the key, says why, says what to do, and is a 409', (_name, run, message) => {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { publicMessage: string }).publicMessage).toMatch(message);
    expect((thrown as { status: number }).status).toBe(409);
  });
});
