import { decideWorkerExit, NO_DEATHS, type DeathRecord, type WorkerExit } from '../../../src/server/lifecycle/decideWorkerExit';

const exit = (overrides: Partial<WorkerExit>): WorkerExit => ({ phase: 'booting', code: 1, serving: 0, stopping: false, ...overrides });
const after = (deaths: number, unservedBootFailures: number): DeathRecord => ({ deaths, unservedBootFailures });

describe('decideWorkerExit: what a worker exit means to the primary', () => {
  it.each<[string, DeathRecord, WorkerExit, ReturnType<typeof decideWorkerExit>]>([
    ['any exit once stopping counts down to the exit', after(3, 2), exit({ stopping: true, phase: 'serving', code: 0 }), { record: after(3, 2), decision: { kind: 'stopped', clean: true } }],
    ['a failed exit once stopping makes the exit code 1', NO_DEATHS, exit({ stopping: true }), { record: NO_DEATHS, decision: { kind: 'stopped', clean: false } }],
    ['a retiring worker leaves as planned', after(1, 1), exit({ phase: 'retiring', code: null }), { record: after(1, 1), decision: { kind: 'retired' } }],
    ['a failed replacement counts against nothing', after(4, 4), exit({ phase: 'replacement', serving: 0 }), { record: after(4, 4), decision: { kind: 'replacement failed' } }],
    ['a serving worker stopped gracefully is replaced at once', after(2, 0), exit({ phase: 'serving', code: 0, serving: 1 }), { record: after(2, 0), decision: { kind: 'stopped on its own' } }],
    ['a serving worker that crashed is respawned after the delay', NO_DEATHS, exit({ phase: 'serving', code: null, serving: 0 }), { record: after(1, 0), decision: { kind: 'crashed', delayMs: 100 } }],
    ['a failed boot while another serves backs off, never counting towards giving up', after(9, 4), exit({ serving: 1 }), { record: after(10, 4), decision: { kind: 'backing off', delayMs: 10_000 } }],
    ['a failed boot while none serves counts', after(1, 0), exit({}), { record: after(2, 1), decision: { kind: 'boot failed', delayMs: 200, bootFailures: 1 } }],
    ['the fifth failed boot in a row with none serving gives up', after(4, 4), exit({}), { record: after(5, 5), decision: { kind: 'give up', bootFailures: 5 } }],
  ])('%s', (_name, record, workerExit, expected) => {
    expect(decideWorkerExit(record, workerExit, 5)).toEqual(expected);
  });
});
