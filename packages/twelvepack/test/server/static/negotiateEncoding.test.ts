import { negotiateEncoding, type Encoding } from '../../../src/server/static/negotiateEncoding';

const ALL: readonly Encoding[] = ['br', 'gzip', 'identity'];

describe('negotiateEncoding', () => {
  it.each<[string, string | undefined, Encoding | undefined]>([
    ['no header means identity', undefined, 'identity'],
    ['an empty header means identity', '', 'identity'],
    ['br and gzip at q=1 picks br', 'br, gzip', 'br'],
    ['a tie goes to br whatever the order', 'gzip, br', 'br'],
    ['gzip alone picks gzip', 'gzip', 'gzip'],
    ['br alone picks br', 'br', 'br'],
    ['q=0 refuses br', 'br;q=0, gzip', 'gzip'],
    ['the higher q wins (br 0.9 over gzip 0.5)', 'gzip;q=0.5, br;q=0.9', 'br'],
    ['the higher q wins (gzip 0.9 over br 0.5)', 'br;q=0.5, gzip;q=0.9', 'gzip'],
    ['identity named at q=1 beats a low-q br', 'br;q=0.2, identity', 'identity'],
    ['refusing every coding named leaves identity', 'br;q=0, gzip;q=0', 'identity'],
    ['* covers br', '*', 'br'],
    ['a named coding beats a lower-q *', '*;q=0.5, gzip', 'gzip'],
    ['*;q=0 refuses everything not named, identity included', '*;q=0', undefined],
    ['*;q=0 still allows identity when it is named', '*;q=0, identity', 'identity'],
    ['identity;q=0 with nothing else refuses every available coding', 'identity;q=0', undefined],
    ['identity;q=0 with gzip picks gzip', 'identity;q=0, gzip', 'gzip'],
    ['codings we do not have leave identity', 'deflate, zstd', 'identity'],
    ['x-gzip means gzip', 'x-gzip', 'gzip'],
    ['coding names are case-insensitive', 'GZIP', 'gzip'],
    ['q is case-insensitive and spaces are allowed', ' br ; Q=0.8 , gzip;q=0.7', 'br'],
  ])('%s (%j)', (_spec, header, expected) => {
    expect(negotiateEncoding(header, ALL)).toBe(expected);
  });

  it.each<[string, string, readonly Encoding[], Encoding | undefined]>([
    ['br is not offered for a file that has no br sibling', 'br', ['identity', 'gzip'], 'identity'],
    ['a file with no compressed siblings is sent as identity', 'br, gzip', ['identity'], 'identity'],
    ['refusing identity for an uncompressed file leaves nothing', 'identity;q=0', ['identity'], undefined],
  ])('%s', (_spec, header, available, expected) => {
    expect(negotiateEncoding(header, available)).toBe(expected);
  });
});
