/** Where the primary's rolling restarts are: none running, or one running with at most one more queued. */
export type RestartState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'cycling';
      /** Why the running cycle was asked for (the signal). */
      readonly reason: string;
      /** 1 for a cycle asked for, 2 and up for the repeats that bring every worker onto one build. */
      readonly round: number;
      /** The reason of the one cycle asked for while this one runs; later requests join it. */
      readonly queued?: string;
    };

/** No rolling restart running or queued. */
export const NO_RESTART: RestartState = { kind: 'idle' };

/** How a cycle ended, as rollingRestart reports it. */
export type CycleResult =
  /** Every worker serving when it began was replaced; `buildIds` are what the serving workers report now. */
  | { readonly kind: 'replaced'; readonly replaced: number; readonly buildIds: readonly string[] }
  /** A replacement was not ready (rollingRestart logged why); the old workers keep serving. */
  | { readonly kind: 'stopped' }
  /** Shutdown began during the cycle. */
  | { readonly kind: 'interrupted' };

/** What happens to the primary's rolling restarts. */
export type RestartEvent = { readonly kind: 'requested'; readonly reason: string } | { readonly kind: 'cycle ended'; readonly result: CycleResult };

/** What the primary does next; each kind but `start cycle` is one log line (reportRestart). */
export type RestartEffect =
  /** Run a cycle now: one asked for (`queued` when it waited for the previous one), or a repeat (round > 1). */
  | { readonly kind: 'start cycle'; readonly reason: string; readonly round: number; readonly queued: boolean }
  /** A request during a cycle: it runs once this one ends. */
  | { readonly kind: 'queued'; readonly reason: string; readonly running: string }
  /** A request while one is already queued: it joins that one (one cycle loads the newest build for both). */
  | { readonly kind: 'already queued'; readonly reason: string; readonly queued: string }
  /** Every worker replaced and on one build (undefined only if none serves at that moment). */
  | { readonly kind: 'done'; readonly reason: string; readonly replaced: number; readonly buildId: string | undefined; readonly rounds: number }
  /** Replaced, but the workers loaded different builds (dist/ changed during the cycle): another cycle follows, a repeat or the queued one. */
  | { readonly kind: 'mixed builds'; readonly reason: string; readonly buildIds: readonly string[]; readonly rounds: number }
  /** Still mixed after the last round allowed: the cluster serves as it is until the next request. */
  | { readonly kind: 'mixed builds, giving up'; readonly reason: string; readonly buildIds: readonly string[]; readonly rounds: number };

/** How many rounds a cycle may take to bring every worker onto one build (dist/ replaced again and again mid-cycle). */
export const MAX_ROUNDS = 3;

/**
 * The primary's rolling restarts as a reducer. Pure. A request during a
 * cycle is queued, never dropped, and any number of them collapse into one
 * cycle: it starts after the running one, whose workers may predate the last
 * deploy. A cycle whose workers report different builds repeats, up to
 * `maxRounds`, so a cluster is never left split between two builds while
 * the log says it is done.
 */
export function stepRestarts(state: RestartState, event: RestartEvent, maxRounds: number = MAX_ROUNDS): { state: RestartState; effects: RestartEffect[] } {
  if (event.kind === 'requested') {
    if (state.kind === 'idle') return startCycle(event.reason, 1, false);
    if (state.queued === undefined) return { state: { ...state, queued: event.reason }, effects: [{ kind: 'queued', reason: event.reason, running: state.reason }] };
    return { state, effects: [{ kind: 'already queued', reason: event.reason, queued: state.queued }] };
  }
  if (state.kind === 'idle' || event.result.kind === 'interrupted') return { state: NO_RESTART, effects: [] };
  const { reason, round, queued } = state;
  const result = event.result;
  const buildIds = result.kind === 'replaced' ? [...new Set(result.buildIds)] : [];
  let effects: RestartEffect[] = [];
  if (result.kind === 'replaced' && buildIds.length <= 1) effects = [{ kind: 'done', reason, replaced: result.replaced, buildId: buildIds[0], rounds: round }];
  else if (result.kind === 'replaced' && (queued !== undefined || round < maxRounds)) effects = [{ kind: 'mixed builds', reason, buildIds, rounds: round }];
  else if (result.kind === 'replaced') effects = [{ kind: 'mixed builds, giving up', reason, buildIds, rounds: round }];
  // A queued cycle replaces every worker anyway, with the newest build: it goes before any repeat.
  if (queued !== undefined) return withEffects(startCycle(queued, 1, true), effects);
  if (effects[0]?.kind === 'mixed builds') return withEffects(startCycle(reason, round + 1, false), effects);
  return { state: NO_RESTART, effects };
}

function startCycle(reason: string, round: number, queued: boolean): { state: RestartState; effects: RestartEffect[] } {
  return { state: { kind: 'cycling', reason, round }, effects: [{ kind: 'start cycle', reason, round, queued }] };
}

function withEffects(next: { state: RestartState; effects: RestartEffect[] }, before: RestartEffect[]): { state: RestartState; effects: RestartEffect[] } {
  return { state: next.state, effects: [...before, ...next.effects] };
}
