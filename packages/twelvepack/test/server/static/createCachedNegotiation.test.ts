import { createCachedNegotiation } from '../../../src/server/static/createCachedNegotiation';
import { negotiateEncoding, type Encoding } from '../../../src/server/static/negotiateEncoding';

describe('createCachedNegotiation', () => {
  const headers = [undefined, '', 'br, gzip', 'gzip', 'br;q=0, gzip', 'identity;q=0', '*;q=0', 'gzip;q=0.5, br;q=0.9', 'x-gzip', 'identity;q=0, *;q=0', `${'a;q=0.1, '.repeat(40)}br`];
  const sets: Encoding[][] = [['identity', 'br', 'gzip'], ['identity'], ['identity', 'gzip'], ['gzip', 'identity']];

  it('answers exactly as negotiateEncoding, first time and from the cache, for every header and set of encodings', () => {
    const negotiate = createCachedNegotiation();
    for (let round = 0; round < 3; round += 1) {
      for (const available of sets) {
        // A fresh array each round too: entries with equal sets must share answers, never mix them up.
        const list = round === 2 ? [...available] : available;
        for (const header of headers) expect([header, list, negotiate(header, list)]).toEqual([header, list, negotiateEncoding(header, list)]);
      }
    }
  });

  it('stays correct past its size bound (many distinct values)', () => {
    const negotiate = createCachedNegotiation();
    const available: Encoding[] = ['identity', 'br', 'gzip'];
    for (let i = 0; i < 600; i += 1) {
      const header = i % 2 === 0 ? `gzip, x-${i}` : `br;q=0.${(i % 9) + 1}, gzip;q=0.5, x-${i}`;
      expect(negotiate(header, available)).toBe(negotiateEncoding(header, available));
    }
  });
});
