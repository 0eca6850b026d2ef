import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { IncrementOverflowError, NotAnIntegerError, type KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { storeHarnesses } from '../../support/storeHarnesses';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Short enough to keep the suite quick; the waits are 2.5 times longer, so the tests assert expiry, not speed. */
const TTL_MS = 100;
const PAST_TTL_MS = 250;

describe.each(storeHarnesses())('the $kind store', (harness) => {
  harness.describe('keeps the KeyValueStore contract', () => {
    let store: KeyValueStore;
    const spec = (name: string, body: () => Promise<void>) => it(name, body);

    beforeAll(() => harness.setUpFile());
    afterAll(() => harness.tearDownFile());
    beforeEach(async () => {
      store = await harness.open();
    });
    afterEach(() => store.close());

    it(`reports its kind as "${harness.kind}"`, async () => {
      expect(store.kind).toBe(harness.kind);
    });

    it('get of an absent key is null', async () => {
      expect(await store.get('absent')).toBeNull();
    });

    it('get returns what set stored', async () => {
      await store.set('greeting', 'hello');
      expect(await store.get('greeting')).toBe('hello');
    });

    it('set overwrites an earlier value', async () => {
      await store.set('greeting', 'hello');
      await store.set('greeting', 'goodbye');
      expect(await store.get('greeting')).toBe('goodbye');
    });

    it('set with ttlMs keeps the value until it expires, then it is gone', async () => {
      await store.set('session', 'abc', TTL_MS);
      expect(await store.get('session')).toBe('abc');
      await sleep(PAST_TTL_MS);
      expect(await store.get('session')).toBeNull();
    });

    it('set without a TTL clears an earlier TTL', async () => {
      await store.set('session', 'short-lived', TTL_MS);
      await store.set('session', 'forever');
      await sleep(PAST_TTL_MS);
      expect(await store.get('session')).toBe('forever');
    });

    it('setIfAbsent sets an absent key (true), then refuses (false) and keeps the first value', async () => {
      expect(await store.setIfAbsent('lock', 'first')).toBe(true);
      expect(await store.setIfAbsent('lock', 'second')).toBe(false);
      expect(await store.get('lock')).toBe('first');
    });

    it('setIfAbsent with ttlMs sets a value that expires', async () => {
      expect(await store.setIfAbsent('lock', 'held', TTL_MS)).toBe(true);
      await sleep(PAST_TTL_MS);
      expect(await store.get('lock')).toBeNull();
    });

    it('setIfAbsent succeeds again once the earlier value expired', async () => {
      await store.set('lock', 'stale', TTL_MS);
      await sleep(PAST_TTL_MS);
      expect(await store.setIfAbsent('lock', 'fresh')).toBe(true);
      expect(await store.get('lock')).toBe('fresh');
    });

    it('delete removes a key (true), then finds nothing to delete (false)', async () => {
      await store.set('doomed', 'x');
      expect(await store.delete('doomed')).toBe(true);
      expect(await store.get('doomed')).toBeNull();
      expect(await store.delete('doomed')).toBe(false);
    });

    it('delete of an expired key is false', async () => {
      await store.set('doomed', 'x', TTL_MS);
      await sleep(PAST_TTL_MS);
      expect(await store.delete('doomed')).toBe(false);
    });

    it('increment counts a missing key as 0: 1, then 2 (bigints), stored as text', async () => {
      expect(await store.increment('counter')).toBe(1n);
      expect(await store.increment('counter')).toBe(2n);
      expect(await store.get('counter')).toBe('2');
    });

    it('increment of "-5" gives -4', async () => {
      await store.set('counter', '-5');
      expect(await store.increment('counter')).toBe(-4n);
    });

    it.each(['abc', '1.5', ' 5', '5 ', '+5', '', '1e3', '12345678901234567890', '9223372036854775808', '-9223372036854775809'])(
      'increment of %j throws NotAnIntegerError and leaves the value unchanged',
      async (value) => {
        await store.set('counter', value);
        await expect(store.increment('counter')).rejects.toBeInstanceOf(NotAnIntegerError);
        expect(await store.get('counter')).toBe(value);
      },
    );

    spec('increment refuses "007" (leading zeros), as Redis does', async () => {
      await store.set('counter', '007');
      await expect(store.increment('counter')).rejects.toBeInstanceOf(NotAnIntegerError);
      expect(await store.get('counter')).toBe('007');
    });

    spec('increment refuses "-0", as Redis does', async () => {
      await store.set('counter', '-0');
      await expect(store.increment('counter')).rejects.toBeInstanceOf(NotAnIntegerError);
      expect(await store.get('counter')).toBe('-0');
    });

    spec('increment of 2^63 - 1 throws IncrementOverflowError (Redis: "would overflow") and leaves the value', async () => {
      await store.set('counter', '9223372036854775807');
      await expect(store.increment('counter')).rejects.toBeInstanceOf(IncrementOverflowError);
      expect(await store.get('counter')).toBe('9223372036854775807');
    });

    spec('increment is exact past 2^53: 2^53 - 1 gives 2^53, then 2^53 + 1, stored digit for digit', async () => {
      await store.set('counter', '9007199254740991');
      expect(await store.increment('counter')).toBe(9007199254740992n);
      expect(await store.increment('counter')).toBe(9007199254740993n);
      expect(await store.get('counter')).toBe('9007199254740993');
    });

    spec('increment of 2^63 - 2 gives 2^63 - 1 exactly, the last value before the overflow', async () => {
      await store.set('counter', '9223372036854775806');
      expect(await store.increment('counter')).toBe(9223372036854775807n);
      expect(await store.get('counter')).toBe('9223372036854775807');
      await expect(store.increment('counter')).rejects.toBeInstanceOf(IncrementOverflowError);
    });

    spec('increment of -2^63, the smallest 64-bit integer, gives -2^63 + 1 exactly', async () => {
      await store.set('counter', '-9223372036854775808');
      expect(await store.increment('counter')).toBe(-9223372036854775807n);
      expect(await store.get('counter')).toBe('-9223372036854775807');
    });

    spec('increment is exact below -2^53: -2^53 - 2 gives -2^53 - 1', async () => {
      await store.set('counter', '-9007199254740994');
      expect(await store.increment('counter')).toBe(-9007199254740993n);
    });

    it('increment keeps an existing TTL', async () => {
      await store.set('counter', '5', TTL_MS);
      expect(await store.increment('counter')).toBe(6n);
      await sleep(PAST_TTL_MS);
      expect(await store.get('counter')).toBeNull();
    });

    it('increment of an expired key starts again from 1', async () => {
      await store.set('counter', '41', TTL_MS);
      await sleep(PAST_TTL_MS);
      expect(await store.increment('counter')).toBe(1n);
    });

    it('keys and values with unicode, newlines, tabs and NUL round-trip exactly', async () => {
      const key = 'ключ:🔑 with space\n';
      const value = 'héllo 🌍\nsecond line\r\n\ttabbed\u0000after NUL';
      await store.set(key, value);
      expect(await store.get(key)).toBe(value);
    });

    it('a 64 KiB value round-trips exactly', async () => {
      const value = 'é'.repeat(32 * 1024);
      await store.set('big', value);
      expect(await store.get('big')).toBe(value);
    });
  });
});

describe('the sqlite store on a shared file', () => {
  let dir: string;
  let path: string;
  const open: KeyValueStore[] = [];
  const openHandle = () => {
    const store = openSqliteStore(path);
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twelvepack-store-shared-'));
    path = join(dir, 'nested', 'kv.sqlite');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the missing folders and puts the file in WAL mode, so readers never block the writer', () => {
    openHandle();
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('two handles on one file (as two workers would) see each other’s writes', async () => {
    const a = openHandle();
    const b = openHandle();
    await a.set('shared', 'from a');
    expect(await b.get('shared')).toBe('from a');
    expect(await b.delete('shared')).toBe(true);
    expect(await a.get('shared')).toBeNull();
  });

  it('increments stay exact when two handles interleave: 200 alternating increments give 200', async () => {
    const handles = [openHandle(), openHandle()] as const;
    for (let i = 0; i < 200; i += 1) await handles[i % 2]!.increment('hits');
    expect(await handles[0].get('hits')).toBe('200');
  });

  it('increments stay exact across processes: 4 processes incrementing at once, 250 each, give 1000', async () => {
    openHandle();
    const worker = [
      "require('@babel/register')({ extensions: ['.ts', '.js'], cwd: process.env.ROOT });",
      "const { openSqliteStore } = require(process.env.ROOT + '/src/server/store/openSqliteStore.ts');",
      '(async () => {',
      '  const store = openSqliteStore(process.env.DB);',
      '  for (let i = 0; i < 250; i += 1) await store.increment("hits");',
      '  await store.close();',
      '})().catch((error) => { console.error(error); process.exit(1); });',
    ].join('\n');
    const root = join(__dirname, '..', '..', '..');
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['-e', worker], { env: { ...process.env, ROOT: root, DB: path }, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run(), run(), run()]);
    expect(results).toEqual(Array(4).fill({ code: 0, stderr: '' }));
    expect(await open[0]!.get('hits')).toBe('1000');
  });
});
