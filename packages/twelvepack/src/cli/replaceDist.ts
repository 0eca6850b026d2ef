import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The folders a build leaves beside dist/ while it runs: `.dist-<pid>` (the new build), `.dist-old-<pid>` (the one it replaces). */
const STAGING = /^\.dist-(old-)?(\d+)$/;

/** Where this process builds before the result replaces dist/: beside it, so the swap is a rename on one file system. */
export function stagingDir(root: string, pid: number = process.pid): string {
  return join(root, `.dist-${pid}`);
}

/**
 * Puts a finished build in place of `dist/`, whole: the previous build is
 * renamed aside, the new one renamed in, and the previous one removed. A reader
 * of dist/ sees the old build or the new one, never a mix; the moment between
 * the two renames is all there is without dist/ (and {@link removeStaleStaging}
 * puts the old one back if a crash lands there).
 */
export function replaceDist(root: string, staging: string): void {
  const dist = join(root, 'dist');
  const previous = join(root, `.dist-old-${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, previous);
  renameSync(staging, dist);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Clears what a build that died (killed, out of memory, power cut) left
 * beside dist/. A dist/ lost between the two renames of {@link replaceDist}
 * comes back from the previous build it was renaming aside.
 */
export function removeStaleStaging(root: string): void {
  const stale = readdirSync(root)
    .map((name) => ({ name, match: STAGING.exec(name) }))
    .filter(({ match }) => match !== null && !isRunning(Number(match[2])));
  const dist = join(root, 'dist');
  for (const { name, match } of stale) {
    if (match?.[1] !== undefined && !existsSync(dist)) renameSync(join(root, name), dist);
    else rmSync(join(root, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
