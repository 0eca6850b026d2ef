import { createRateLimiter } from '../../../src/server/api/createRateLimiter';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

const allowCount = (allow: () => boolean, times: number) => Array.from({ length: times }, allow).filter(Boolean).length;

describe('createRateLimiter', () => {
  it('allows `limit` requests per window for a key', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: clock.now });
    expect([limiter.allow('a'), limiter.allow('a'), limiter.allow('a')]).toEqual([true, true, true]);
  });

  it('refuses the request after the limit, and every one after it in the same window', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: clock.now });
    allowCount(() => limiter.allow('a'), 3);
    expect(limiter.allow('a')).toBe(false);
    clock.advance(59_999);
    expect(limiter.allow('a')).toBe(false);
  });

  it('counts each key separately', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now });
    expect(allowCount(() => limiter.allow('10.0.0.1'), 5)).toBe(2);
    expect(allowCount(() => limiter.allow('10.0.0.2'), 5)).toBe(2);
  });

  it('allows `limit` again once the window has passed', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now });
    expect(allowCount(() => limiter.allow('a'), 5)).toBe(2);
    clock.advance(60_000);
    expect(allowCount(() => limiter.allow('a'), 5)).toBe(2);
  });

  it('starts a key’s window at its first request, not at a global tick', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: clock.now });
    limiter.allow('early');
    clock.advance(30_000);
    expect(limiter.allow('late')).toBe(true);
    clock.advance(30_000);
    expect(limiter.allow('early')).toBe(true);
    expect(limiter.allow('late')).toBe(false);
  });

  it('remembers at most maxKeys keys, forgetting the oldest first', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 3, now: clock.now });
    for (const key of ['a', 'b', 'c', 'd']) expect(limiter.allow(key)).toBe(true);
    // The three newest are still counted; checking them does not evict anything.
    expect([limiter.allow('b'), limiter.allow('c'), limiter.allow('d')]).toEqual([false, false, false]);
    // 'a' was forgotten when 'd' arrived, so it starts afresh.
    expect(limiter.allow('a')).toBe(true);
  });

  it('retryAfterMs is 0 for a key under its limit, and counts nothing', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now });
    expect(limiter.retryAfterMs('a')).toBe(0);
    limiter.allow('a');
    for (let i = 0; i < 5; i += 1) expect(limiter.retryAfterMs('a')).toBe(0);
    expect(limiter.allow('a')).toBe(true);
  });

  it('retryAfterMs is the time left in the window of a key at its limit, then 0 once the window has passed', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: clock.now });
    limiter.allow('a');
    clock.advance(10_000);
    limiter.allow('a');
    expect(limiter.retryAfterMs('a')).toBe(50_000);
    clock.advance(49_999);
    expect(limiter.retryAfterMs('a')).toBe(1);
    clock.advance(1);
    expect(limiter.retryAfterMs('a')).toBe(0);
    expect(limiter.allow('a')).toBe(true);
  });

  it('keeps only the newest maxKeys keys under a flood of distinct ones, so memory stays bounded', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100, now: clock.now });
    for (let i = 0; i < 100_000; i += 1) limiter.allow(`flood-${i}`);
    expect(limiter.allow('flood-99999')).toBe(false);
    expect(limiter.allow('flood-99900')).toBe(false);
    expect(limiter.allow('flood-0')).toBe(true);
  });
});
