import type { Logger } from '../logger';
import type { RestartEffect } from './stepRestarts';

/** The warning of a cycle whose workers loaded different builds: why, and what follows. */
export const MIXED_BUILDS =
  'rolling restart replaced every worker, but they loaded different builds (dist/ changed during the cycle); replacing them again';

/** The error line of a cycle that could not bring every worker onto one build. */
export const MIXED_BUILDS_GIVING_UP =
  'rolling restart gave up: the workers still load different builds, as dist/ kept changing during the cycle. ' +
  'Send SIGHUP again once the deploy has written dist/';

/** Writes the one log line of a rolling restart's step (stepRestarts); a cycle's start is rollingRestart's line. */
export function reportRestart(logger: Logger, effect: Exclude<RestartEffect, { kind: 'start cycle' }>): void {
  switch (effect.kind) {
    case 'queued':
      return logger.info({ reason: effect.reason, running: effect.running }, 'rolling restart queued: it starts once the running cycle ends');
    case 'already queued':
      return logger.info({ reason: effect.reason, queued: effect.queued }, 'rolling restart already queued: this request joins it');
    case 'done':
      return logger.info({ reason: effect.reason, replaced: effect.replaced, buildId: effect.buildId, rounds: effect.rounds }, 'rolling restart done');
    case 'mixed builds':
      return logger.warn({ reason: effect.reason, buildIds: effect.buildIds, rounds: effect.rounds }, MIXED_BUILDS);
    case 'mixed builds, giving up':
      return logger.error({ reason: effect.reason, buildIds: effect.buildIds, rounds: effect.rounds }, MIXED_BUILDS_GIVING_UP);
  }
}
