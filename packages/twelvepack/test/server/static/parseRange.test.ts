import { parseRange, type ByteRange } from '../../../src/server/static/parseRange';

const SIZE = 100;

describe('parseRange', () => {
  it.each<[string, string, ByteRange]>([
    ['a closed range', 'bytes=0-9', { start: 0, end: 9 }],
    ['an open range runs to the end', 'bytes=10-', { start: 10, end: 99 }],
    ['a suffix range takes the last bytes', 'bytes=-5', { start: 95, end: 99 }],
    ['an end beyond the resource clamps to the last byte', 'bytes=90-200', { start: 90, end: 99 }],
    ['a suffix longer than the resource takes all of it', 'bytes=-500', { start: 0, end: 99 }],
    ['the last byte alone', 'bytes=99-99', { start: 99, end: 99 }],
    ['the unit is case-insensitive', 'BYTES=0-9', { start: 0, end: 9 }],
    ['spaces around the parts are allowed', 'bytes = 0 - 9', { start: 0, end: 9 }],
  ])('%s: %s of 100 bytes', (_spec, header, expected) => {
    expect(parseRange(header, SIZE)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['a start at the size', 'bytes=100-', SIZE],
    ['a start past the size', 'bytes=150-160', SIZE],
    ['a zero-length suffix', 'bytes=-0', SIZE],
    ['any range of an empty resource', 'bytes=0-', 0],
    ['a suffix of an empty resource', 'bytes=-5', 0],
  ])('%s is unsatisfiable (%s of %i bytes)', (_spec, header, size) => {
    expect(parseRange(header, size)).toBe('unsatisfiable');
  });

  it.each<[string, string | undefined]>([
    ['no header', undefined],
    ['an empty header', ''],
    ['several ranges', 'bytes=0-1,5-6'],
    ['several ranges with a space', 'bytes=0-1, 5-6'],
    ['an end before the start', 'bytes=5-1'],
    ['neither start nor end', 'bytes=-'],
    ['no numbers', 'bytes=abc'],
    ['trailing junk', 'bytes=0-9x'],
    ['another unit', 'items=0-9'],
    ['a negative start', 'bytes=--5'],
  ])('%s is ignored, so the whole resource is sent (%j)', (_spec, header) => {
    expect(parseRange(header, SIZE)).toBeUndefined();
  });
});
