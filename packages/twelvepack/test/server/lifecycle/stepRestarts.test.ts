import { NO_RESTART, stepRestarts, type CycleResult, type RestartEffect, type RestartState } from '../../../src/server/lifecycle/stepRestarts';

const cycling = (round = 1, queued?: string): RestartState => ({ kind: 'cycling', reason: 'SIGHUP', round, ...(queued === undefined ? {} : { queued }) });
const requested = (reason: string) => ({ kind: 'requested', reason }) as const;
const ended = (result: CycleResult) => ({ kind: 'cycle ended', result }) as const;
const replaced = (...buildIds: string[]): CycleResult => ({ kind: 'replaced', replaced: 2, buildIds });
const start = (reason: string, round: number, queued: boolean): RestartEffect => ({ kind: 'start cycle', reason, round, queued });

describe('stepRestarts: rolling restarts asked for, queued, repeated', () => {
  it.each<[string, RestartState, Parameters<typeof stepRestarts>[1], RestartState, RestartEffect[]]>([
    ['a request with none running starts a cycle', NO_RESTART, requested('SIGHUP'), cycling(), [start('SIGHUP', 1, false)]],
    ['a request during a cycle is queued, not dropped', cycling(), requested('SIGUSR2'), cycling(1, 'SIGUSR2'), [{ kind: 'queued', reason: 'SIGUSR2', running: 'SIGHUP' }]],
    [
      'a request with one queued joins it: at most one more cycle',
      cycling(1, 'SIGUSR2'),
      requested('SIGHUP'),
      cycling(1, 'SIGUSR2'),
      [{ kind: 'already queued', reason: 'SIGHUP', queued: 'SIGUSR2' }],
    ],
    ['a cycle whose workers report one build is done, naming it', cycling(), ended(replaced('b', 'b')), NO_RESTART, [{ kind: 'done', reason: 'SIGHUP', replaced: 2, buildId: 'b', rounds: 1 }]],
    [
      'a done cycle with one queued starts the queued one',
      cycling(1, 'SIGUSR2'),
      ended(replaced('b', 'b')),
      { kind: 'cycling', reason: 'SIGUSR2', round: 1 },
      [{ kind: 'done', reason: 'SIGHUP', replaced: 2, buildId: 'b', rounds: 1 }, start('SIGUSR2', 1, true)],
    ],
    [
      'a cycle whose workers loaded different builds repeats',
      cycling(),
      ended(replaced('a', 'b')),
      cycling(2),
      [{ kind: 'mixed builds', reason: 'SIGHUP', buildIds: ['a', 'b'], rounds: 1 }, start('SIGHUP', 2, false)],
    ],
    [
      'a repeat that brings them onto one build is done after its rounds',
      cycling(2),
      ended(replaced('b', 'b')),
      NO_RESTART,
      [{ kind: 'done', reason: 'SIGHUP', replaced: 2, buildId: 'b', rounds: 2 }],
    ],
    [
      'a mixed cycle with one queued runs the queued one instead of a repeat',
      cycling(1, 'SIGHUP'),
      ended(replaced('a', 'b')),
      cycling(),
      [{ kind: 'mixed builds', reason: 'SIGHUP', buildIds: ['a', 'b'], rounds: 1 }, start('SIGHUP', 1, true)],
    ],
    [
      'still mixed after the last round: it gives up, bounded',
      cycling(3),
      ended(replaced('a', 'b', 'c')),
      NO_RESTART,
      [{ kind: 'mixed builds, giving up', reason: 'SIGHUP', buildIds: ['a', 'b', 'c'], rounds: 3 }],
    ],
    ['a cycle stopped by a failed replacement ends (rollingRestart logged why)', cycling(), ended({ kind: 'stopped' }), NO_RESTART, []],
    ['a stopped cycle with one queued starts the queued one: the deploy may have fixed dist/', cycling(1, 'SIGHUP'), ended({ kind: 'stopped' }), cycling(), [start('SIGHUP', 1, true)]],
    ['shutdown drops the queued cycle', cycling(1, 'SIGHUP'), ended({ kind: 'interrupted' }), NO_RESTART, []],
  ])('%s', (_name, state, event, nextState, effects) => {
    expect(stepRestarts(state, event, 3)).toEqual({ state: nextState, effects });
  });
});
