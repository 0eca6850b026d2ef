import { STORE_LIMITS, StoreArgumentError, type KeyValueStore, type ScanPage } from '../../../src/server/store/KeyValueStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { scanAll } from '../../../src/server/store/scanAll';
import { storeHarnesses } from '../../support/storeHarnesses';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const TTL_MS = 100;
const PAST_TTL_MS = 250;

/** Every page of one scan, cursor by cursor until '0'. */
async function pagesOf(store: KeyValueStore, prefix: string, count: number): Promise<ScanPage[]> {
  const pages: ScanPage[] = [];
  let cursor = '0';
  do {
    const page = await store.scan(prefix, { cursor, count });
    pages.push(page);
    cursor = page.cursor;
  } while (cursor !== '0');
  return pages;
}

const setAll = async (store: KeyValueStore, keys: readonly string[]) => {
  for (const key of keys) await store.set(key, `value of ${key}`);
};
const sorted = (keys: Iterable<string>) => [...keys].sort();
const numbered = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe.each(storeHarnesses())('the $kind store', (harness) => {
  harness.describe('scans and mgets as Redis does', () => {
    let store: KeyValueStore;
    beforeAll(() => harness.setUpFile());
    afterAll(() => harness.tearDownFile());
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(() => store.close());

    it('a full scan of "acc:" yields exactly the keys that start with "acc:"', async () => {
      await setAll(store, ['acc:1', 'acc:2', 'acc:10:name', 'acc', 'accx:1', 'ac:1', 'other:acc:1', 'ACC:1']);
      expect(sorted(await scanAll(store, 'acc:'))).toEqual(['acc:1', 'acc:10:name', 'acc:2']);
    });

    it('a scan of "" yields every key', async () => {
      await setAll(store, ['a', 'b:1', 'c:2:3']);
      expect(sorted(await scanAll(store, ''))).toEqual(['a', 'b:1', 'c:2:3']);
    });

    it('a scan of a prefix no key has yields nothing, and ends', async () => {
      await setAll(store, ['a:1']);
      expect(await scanAll(store, 'b:')).toEqual([]);
    });

    const globKeys = ['a*1', 'ab1', 'a?1', 'a1', '[ab]1', 'b1', 'a\\1', 'a\\*', 'a*', 'x]1', 'x1', 'a[1', 'a^1'];
    it.each(['a*', 'a?', '[ab]', 'a\\', 'a\\*', 'x]', 'a[', '*', '?', '\\'])('the prefix %j is matched literally, glob characters and all', async (prefix) => {
      await setAll(store, globKeys);
      expect(sorted(await scanAll(store, prefix))).toEqual(sorted(globKeys.filter((key) => key.startsWith(prefix))));
    });

    it('keys with unicode, spaces, newlines and NUL are listed as they were set', async () => {
      const keys = ['u:ключ', 'u:🔑 key', 'u:line\nbreak', 'u:nul\u0000after', 'u:\uFFFD', 'u:'];
      await setAll(store, keys);
      expect(sorted(await scanAll(store, 'u:', { count: 1 }))).toEqual(sorted(keys));
    });

    it('expired keys are not listed', async () => {
      await store.set('session:old', 'x', TTL_MS);
      await store.set('session:kept', 'y');
      await store.set('session:later', 'z', 60_000);
      await sleep(PAST_TTL_MS);
      expect(sorted(await scanAll(store, 'session:'))).toEqual(['session:kept', 'session:later']);
    });

    it(`paging with count 7 until the cursor is "0" sees every one of 250 keys ${harness.kind === 'sqlite' ? 'exactly once' : 'at least once'}, and no other key`, async () => {
      const keys = numbered('page:', 250);
      await setAll(store, [...keys, ...numbered('pagf:', 20), 'pag', 'page']);
      const seen = (await pagesOf(store, 'page:', 7)).flatMap((page) => page.keys);
      expect(sorted(new Set(seen))).toEqual(keys);
      if (harness.kind === 'sqlite') expect(seen).toHaveLength(keys.length);
    });

    it('a key present for the whole scan is seen even when others are deleted and added between pages', async () => {
      const keys = numbered('live:', 120);
      await setAll(store, keys);
      const first = await store.scan('live:', { count: 10 });
      const stays = keys.filter((key) => !key.endsWith('7'));
      for (const key of keys.filter((key) => key.endsWith('7'))) await store.delete(key);
      await setAll(store, numbered('live:new:', 50));
      const seen = new Set(first.keys);
      for (let cursor = first.cursor; cursor !== '0'; ) {
        const page = await store.scan('live:', { cursor, count: 10 });
        page.keys.forEach((key) => seen.add(key));
        cursor = page.cursor;
      }
      expect(stays.filter((key) => !seen.has(key))).toEqual([]);
    });

    it.each([0, -1, 1.5, STORE_LIMITS.scanMaxCount + 1, Number.NaN])('a count of %p is refused with StoreArgumentError, which gives the range', async (count) => {
      await expect(store.scan('', { count })).rejects.toThrow(new StoreArgumentError(`A scan's count is a page-size hint from 1 to 1000 (got ${count}): ask for 1000 at most and follow the cursor for the rest.`));
    });

    it(`a count of ${STORE_LIMITS.scanMaxCount} is taken, and without one a page holds at most about ${STORE_LIMITS.scanDefaultCount}`, async () => {
      await setAll(store, numbered('k:', 150));
      expect((await store.scan('k:', { count: STORE_LIMITS.scanMaxCount })).keys.length).toBeGreaterThan(0);
      // Redis's COUNT is a hint it may exceed by a little; SQLite's is a bound.
      expect((await store.scan('k:')).keys.length).toBeLessThanOrEqual(STORE_LIMITS.scanDefaultCount + 10);
    });

    it.each(['not-a-cursor', 'k!', ' 1'])('a cursor the store did not hand out (%j) is refused with StoreArgumentError, which says to start from "0"', async (cursor) => {
      await expect(store.scan('', { cursor })).rejects.toThrow(/is not a cursor of this (SQLite|Redis) store: start a scan with cursor "0"/);
      await expect(store.scan('', { cursor })).rejects.toBeInstanceOf(StoreArgumentError);
    });

    it('mget gives the values in the order asked, null for an absent key, repeats included', async () => {
      await setAll(store, ['a', 'b']);
      expect(await store.mget(['b', 'absent', 'a', 'b'])).toEqual(['value of b', null, 'value of a', 'value of b']);
    });

    it('mget gives null for an expired key', async () => {
      await store.set('gone', 'x', TTL_MS);
      await store.set('here', 'y');
      await sleep(PAST_TTL_MS);
      expect(await store.mget(['gone', 'here'])).toEqual([null, 'y']);
    });

    it('mget of no keys is []', async () => {
      expect(await store.mget([])).toEqual([]);
    });

    it(`mget takes ${STORE_LIMITS.mgetMaxKeys} keys, and refuses one more with StoreArgumentError`, async () => {
      await store.set('k:999', 'last');
      const keys = Array.from({ length: STORE_LIMITS.mgetMaxKeys }, (_, i) => `k:${i}`);
      expect((await store.mget(keys))[999]).toBe('last');
      await expect(store.mget([...keys, 'one-more'])).rejects.toThrow(
        new StoreArgumentError('mget takes at most 1000 keys (got 1001): split the list into calls of 1000 or fewer.'),
      );
    });
  });
});

describe("the sqlite store's scan pages", () => {
  let store: KeyValueStore;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('are in key order (UTF-8 bytes), hold at most count keys, never repeat one, and the last page ends the scan', async () => {
    const keys = [...numbered('p:', 30), 'p:\uFFFD', 'p:😀', 'p:é'];
    await setAll(store, keys);
    const pages = await pagesOf(store, 'p:', 11);
    expect(pages.map((page) => page.keys.length)).toEqual([11, 11, 11]);
    const byBytes = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(pages.flatMap((page) => page.keys)).toEqual(byBytes);
  });

  it("go on from where a cursor's key sorts, even one from a scan of another prefix: one before the prefix starts at its first key", async () => {
    await setAll(store, ['a:1', 'a:2', 'b:1', 'b:2', 'c:1', 'c:2']);
    const { cursor: fromA } = await store.scan('a:', { count: 1 });
    const { cursor: fromC } = await store.scan('c:', { count: 1 });
    expect(await store.scan('b:', { cursor: fromA })).toEqual({ cursor: '0', keys: ['b:1', 'b:2'] });
    expect(await store.scan('b:', { cursor: fromC })).toEqual({ cursor: '0', keys: [] });
  });

  it('hand out cursors that are not "0" until the last page, and opaque (not a key)', async () => {
    await setAll(store, numbered('c:', 5));
    const first = await store.scan('c:', { count: 2 });
    expect(first.cursor).not.toBe('0');
    expect(first.cursor).not.toContain('c:');
  });
});
