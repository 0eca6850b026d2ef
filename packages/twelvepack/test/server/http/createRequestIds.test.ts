import { createRequestIds } from '../../../src/server/http/createRequestIds';

/** RFC 9562: version 8 in the third group, variant 10 topping the fourth. */
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRequestIds', () => {
  it('makes UUIDs of version 8', () => {
    const next = createRequestIds();
    for (let i = 0; i < 100; i += 1) expect(next()).toMatch(UUID_V8);
  });

  it('never repeats an id within one source', () => {
    const next = createRequestIds();
    const ids = Array.from({ length: 10_000 }, next);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts in the last group, under one prefix', () => {
    const next = createRequestIds();
    const [first, second] = [next(), next()];
    expect(first!.slice(0, 24)).toBe(second!.slice(0, 24));
    expect(parseInt(second!.slice(24), 16)).toBe(parseInt(first!.slice(24), 16) + 1);
  });

  // Each process (each worker, each restart) makes its own source: they must not share a prefix.
  it('draws a prefix of its own for each source', () => {
    const prefixes = Array.from({ length: 1000 }, () => createRequestIds()().slice(0, 24));
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('spreads the random bits over every position of the prefix, version and variant aside', () => {
    const prefixes = Array.from({ length: 1000 }, () => createRequestIds()().slice(0, 23));
    for (const position of [0, 7, 9, 12, 15, 16, 20, 22]) {
      expect(new Set(prefixes.map((prefix) => prefix[position])).size).toBeGreaterThan(8);
    }
    expect(new Set(prefixes.map((prefix) => prefix[19])).size).toBe(4);
  });
});
