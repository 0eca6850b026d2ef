import type { KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openRedisStore } from '../../../src/server/store/openRedisStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { KV_EXIT, KV_USAGE, runKvCommand } from '../../../src/server/store/runKvCommand';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('npm run kv (runKvCommand)', () => {
  let store: KeyValueStore;
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  it('exit codes are the documented ones, which scripts rely on', () => {
    expect(KV_EXIT).toEqual({ ok: 0, notDone: 1, usage: 2, unavailable: 3, notAnInteger: 4, overflow: 5 });
  });

  describe('commands', () => {
    it.each<[string, Record<string, string>, string[], { code: number; output?: string; error?: RegExp }]>([
      ['set stores a value and prints OK', {}, ['set', 'k', 'v'], { code: KV_EXIT.ok, output: 'OK' }],
      ['set overwrites', { k: 'old' }, ['set', 'k', 'new'], { code: KV_EXIT.ok, output: 'OK' }],
      ['get prints the value', { k: 'hello world' }, ['get', 'k'], { code: KV_EXIT.ok, output: 'hello world' }],
      ['get of an absent key exits 1', {}, ['get', 'k'], { code: KV_EXIT.notDone, error: /^no key "k"$/ }],
      ['setnx of an absent key stores it', {}, ['setnx', 'k', 'v'], { code: KV_EXIT.ok, output: 'OK' }],
      ['setnx of an existing key exits 1', { k: 'first' }, ['setnx', 'k', 'second'], { code: KV_EXIT.notDone, error: /"k" already exists/ }],
      ['del of an existing key prints deleted', { k: 'v' }, ['del', 'k'], { code: KV_EXIT.ok, output: 'deleted' }],
      ['del of an absent key exits 1', {}, ['del', 'k'], { code: KV_EXIT.notDone, error: /^no key "k"$/ }],
      ['incr of an absent key prints 1', {}, ['incr', 'k'], { code: KV_EXIT.ok, output: '1' }],
      ['incr prints the new value', { k: '41' }, ['incr', 'k'], { code: KV_EXIT.ok, output: '42' }],
      ['incr of a non-integer exits 4', { k: 'abc' }, ['incr', 'k'], { code: KV_EXIT.notAnInteger, error: /"k" is not an integer/ }],
      ['incr of one below -2^63 exits 4', { k: '-9223372036854775809' }, ['incr', 'k'], { code: KV_EXIT.notAnInteger, error: /"k" is not an integer \(or is out of range\)/ }],
      ['incr of 2^63 - 1 exits 5 with the overflow', { k: '9223372036854775807' }, ['incr', 'k'], { code: KV_EXIT.overflow, error: /^Incrementing "k" would overflow/ }],
    ])('%s', async (_name, before, args, expected) => {
      for (const [key, value] of Object.entries(before)) await store.set(key, value);
      const result = await runKvCommand(store, args);
      expect(result.code).toBe(expected.code);
      expect(result.output).toBe(expected.output);
      if (expected.error === undefined) expect(result.error).toBeUndefined();
      else expect(result.error).toMatch(expected.error);
    });

    it.each<[string, Record<string, string>, string[], Record<string, string | null>]>([
      ['set writes the value', {}, ['set', 'k', 'v'], { k: 'v' }],
      ['setnx of an existing key keeps the first value', { k: 'first' }, ['setnx', 'k', 'second'], { k: 'first' }],
      ['del removes the key', { k: 'v' }, ['del', 'k'], { k: null }],
      ['incr of "-5" stores "-4"', { k: '-5' }, ['incr', 'k'], { k: '-4' }],
      ['incr of a non-integer leaves the value unchanged', { k: 'abc' }, ['incr', 'k'], { k: 'abc' }],
    ])('%s', async (_name, before, args, after) => {
      for (const [key, value] of Object.entries(before)) await store.set(key, value);
      await runKvCommand(store, args);
      for (const [key, value] of Object.entries(after)) expect(await store.get(key)).toBe(value);
    });

    it.each([['set'], ['setnx']])('%s with a ttl in seconds stores a value that expires', async (command) => {
      expect((await runKvCommand(store, [command, 'k', 'v', '1'])).code).toBe(KV_EXIT.ok);
      expect(await store.get('k')).toBe('v');
      await sleep(1_300);
      expect(await store.get('k')).toBeNull();
    });
  });

  describe('usage errors print the usage and exit 2, writing nothing', () => {
    it.each<[string, string[], RegExp]>([
      ['no command', [], /^no command given\n/],
      ['no key', ['get'], /^"get" needs a key\n/],
      ['an empty key', ['set', '', 'v'], /^"set" needs a key\n/],
      ['an unknown command', ['frobnicate', 'k'], /^unknown command "frobnicate"\n/],
      ['set without a value', ['set', 'k'], /^set needs a value\n/],
      ['setnx without a value', ['setnx', 'k'], /^setnx needs a value\n/],
      ['a ttl of 0', ['set', 'k', 'v', '0'], /^ttl must be a whole number of seconds \(got "0"\)\n/],
      ['a negative ttl', ['set', 'k', 'v', '-1'], /^ttl must be a whole number of seconds \(got "-1"\)\n/],
      ['a fractional ttl', ['set', 'k', 'v', '1.5'], /^ttl must be a whole number of seconds \(got "1.5"\)\n/],
      ['a ttl that is not a number', ['setnx', 'k', 'v', 'soon'], /^ttl must be a whole number of seconds \(got "soon"\)\n/],
      ['scan with two prefixes', ['scan', 'k', 'j'], /^scan takes one prefix \(got 2 arguments; quote a prefix with spaces\)\n/],
      ['mget without keys', ['mget'], /^"mget" needs one or more keys, none of them empty\n/],
      ['mget with an empty key', ['mget', 'k', ''], /^"mget" needs one or more keys, none of them empty\n/],
      ['mget of 1001 keys', ['mget', ...Array.from({ length: 1001 }, (_, i) => `k${i}`)], /^mget takes at most 1000 keys \(got 1001\): split the list/],
    ])('%s', async (_name, args, problem) => {
      const result = await runKvCommand(store, args);
      expect(result).toEqual({ code: KV_EXIT.usage, error: expect.stringMatching(problem) });
      expect(result.error!.endsWith(`\n${KV_USAGE}`)).toBe(true);
      expect(await store.get('k')).toBeNull();
    });
  });
});

/** scan and mget, on each store: what a script reads from stdout. */
function listsKeysAndValues(open: () => Promise<KeyValueStore>): void {
  let store: KeyValueStore;
  beforeEach(async () => {
    store = await open();
    for (const key of ['acc:2', 'acc:10', 'acc:1', 'acc', 'accx:1', 'other:acc:1']) await store.set(key, `value of ${key}`);
  });
  afterEach(() => store.close());

  it('scan acc: prints exactly the keys under acc:, one a line, sorted', async () => {
    expect(await runKvCommand(store, ['scan', 'acc:'])).toEqual({ code: KV_EXIT.ok, output: 'acc:1\nacc:10\nacc:2' });
  });

  it('scan without a prefix prints every key, sorted', async () => {
    expect(await runKvCommand(store, ['scan'])).toEqual({ code: KV_EXIT.ok, output: 'acc\nacc:1\nacc:10\nacc:2\naccx:1\nother:acc:1' });
  });

  it('scan of a prefix no key has prints nothing and exits 0', async () => {
    expect(await runKvCommand(store, ['scan', 'none:'])).toEqual({ code: KV_EXIT.ok });
  });

  it('scan lists every one of 2500 keys once, across pages', async () => {
    for (let i = 0; i < 2500; i += 1) await store.set(`many:${i}`, 'x');
    const lines = (await runKvCommand(store, ['scan', 'many:'])).output!.split('\n');
    expect(lines).toHaveLength(2500);
    expect(new Set(lines).size).toBe(2500);
  });

  it('mget prints each value as JSON, one a line in the order given, null for an absent key', async () => {
    await store.set('multi', 'two\nlines');
    expect(await runKvCommand(store, ['mget', 'acc:2', 'absent', 'multi', 'acc:2'])).toEqual({
      code: KV_EXIT.ok,
      output: '"value of acc:2"\nnull\n"two\\nlines"\n"value of acc:2"',
    });
  });
}

describe('npm run kv scan and mget on SQLite', () => {
  listsKeysAndValues(async () => openSqliteStore(':memory:'));
});

describeWithRedis('npm run kv scan and mget on Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());
  listsKeysAndValues(async () => {
    await redis.command('FLUSHALL');
    return openRedisStore({ url: redis.url });
  });
});

/** A session on each store: exact past 2^53, then the overflow. */
function printsExactValues(open: () => Promise<KeyValueStore>): void {
  let store: KeyValueStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  it('set b 9223372036854775806; incr b prints 9223372036854775807; incr b again prints the overflow and exits 5', async () => {
    expect(await runKvCommand(store, ['set', 'b', '9223372036854775806'])).toEqual({ code: KV_EXIT.ok, output: 'OK' });
    expect(await runKvCommand(store, ['incr', 'b'])).toEqual({ code: KV_EXIT.ok, output: '9223372036854775807' });
    expect(await runKvCommand(store, ['incr', 'b'])).toEqual({
      code: KV_EXIT.overflow,
      error: 'Incrementing "b" would overflow: its value is already 9223372036854775807, the largest signed 64-bit integer. Set it to a smaller value, or delete it to count from 0.',
    });
    expect(await runKvCommand(store, ['get', 'b'])).toEqual({ code: KV_EXIT.ok, output: '9223372036854775807' });
  });

  it('incr past 2^53 prints every digit: 9007199254740992, then 9007199254740993', async () => {
    await runKvCommand(store, ['set', 'b', '9007199254740991']);
    expect((await runKvCommand(store, ['incr', 'b'])).output).toBe('9007199254740992');
    expect((await runKvCommand(store, ['incr', 'b'])).output).toBe('9007199254740993');
  });

  it('incr of -9223372036854775808 prints -9223372036854775807', async () => {
    await runKvCommand(store, ['set', 'b', '-9223372036854775808']);
    expect((await runKvCommand(store, ['incr', 'b'])).output).toBe('-9223372036854775807');
  });
}

describe('npm run kv on SQLite prints exact 64-bit values', () => {
  printsExactValues(async () => openSqliteStore(':memory:'));
});

describeWithRedis('npm run kv on Redis prints exact 64-bit values', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());
  printsExactValues(async () => {
    await redis.command('FLUSHALL');
    return openRedisStore({ url: redis.url });
  });
});
