import { chooseKeptBuilds } from '../../src/cli/chooseKeptBuilds';
import { KEEP_BUILDS, KEEP_DAYS } from '../../src/config/keptBuilds';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
const kept = (id: string, days: number) => ({ id, retiredAt: daysAgo(days) });

describe('chooseKeptBuilds: which previous builds keep their hashed files', () => {
  it('keeps the last 3 builds for 7 days after each was replaced, by default', () => {
    expect([KEEP_BUILDS, KEEP_DAYS]).toEqual([3, 7]);
  });

  it.each<[string, Parameters<typeof chooseKeptBuilds>[0], ReturnType<typeof chooseKeptBuilds>]>([
    ['a first build keeps nothing', { kept: [], current: 'new', now: NOW }, []],
    ['the build replaced now comes first, retired now', { replaced: 'b1', kept: [], current: 'new', now: NOW }, [kept('b1', 0)]],
    [
      'what it kept follows, newest first, up to 3 builds: the oldest beyond is pruned',
      { replaced: 'b4', kept: [kept('b3', 1), kept('b2', 2), kept('b1', 3)], current: 'new', now: NOW },
      [kept('b4', 0), kept('b3', 1), kept('b2', 2)],
    ],
    [
      'a build replaced more than 7 days ago is pruned, however few are kept',
      { replaced: 'b3', kept: [kept('b2', 6.9), kept('b1', 7.1)], current: 'new', now: NOW },
      [kept('b3', 0), kept('b2', 6.9)],
    ],
    [
      'the build just replaced is kept however long it was current',
      { replaced: 'b2', kept: [kept('b1', 40)], current: 'new', now: NOW },
      [kept('b2', 0)],
    ],
    [
      'a rebuild of a kept build keeps it as current, never twice',
      { replaced: 'b2', kept: [kept('b1', 1)], current: 'b1', now: NOW },
      [kept('b2', 0)],
    ],
    ['a rebuild with the same output keeps the older ones only', { replaced: 'same', kept: [kept('b1', 1)], current: 'same', now: NOW }, [kept('b1', 1)]],
    ['an id listed twice is kept once, at its newest', { replaced: 'b1', kept: [kept('b1', 2)], current: 'new', now: NOW }, [kept('b1', 0)]],
    ['an unreadable date is pruned', { kept: [{ id: 'b1', retiredAt: 'yesterday' }], current: 'new', now: NOW }, []],
    ['the bounds can be given', { replaced: 'b3', kept: [kept('b2', 1), kept('b1', 2)], current: 'new', now: NOW, builds: 1 }, [kept('b3', 0)]],
  ])('%s', (_name, choice, expected) => {
    expect(chooseKeptBuilds(choice)).toEqual(expected);
  });
});
