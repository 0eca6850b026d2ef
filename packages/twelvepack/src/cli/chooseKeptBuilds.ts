import { KEEP_BUILDS, KEEP_DAYS, type KeptBuild } from '../config/keptBuilds';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What {@link chooseKeptBuilds} chooses from. */
export interface KeptBuildChoice {
  /** The id of the build being replaced now (dist/client's), if there is one. */
  readonly replaced?: string;
  /** What the build being replaced kept, newest first. */
  readonly kept: readonly KeptBuild[];
  /** The new build's id: its files are current, never kept. */
  readonly current: string;
  readonly now: Date;
  readonly builds?: number;
  readonly days?: number;
}

/**
 * Which previous builds the new one keeps, newest first. Pure. The build being
 * replaced comes first (retired now), then what it kept; a build replaced more
 * than `days` ago is dropped, and only the first `builds` stay. The new build's
 * own id is never kept, and each id once.
 */
export function chooseKeptBuilds({ replaced, kept, current, now, builds = KEEP_BUILDS, days = KEEP_DAYS }: KeptBuildChoice): KeptBuild[] {
  const candidates = replaced === undefined ? kept : [{ id: replaced, retiredAt: now.toISOString() }, ...kept];
  const chosen: KeptBuild[] = [];
  for (const build of candidates) {
    const age = now.getTime() - Date.parse(build.retiredAt);
    if (!(age <= days * DAY_MS) || build.id === current || chosen.some((other) => other.id === build.id)) continue;
    if (chosen.length < builds) chosen.push(build);
  }
  return chosen;
}
