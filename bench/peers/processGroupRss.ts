import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KB = 4;

/**
 * The summed resident memory of every process in a process group (a tool and all it spawned: its
 * workers, its build child), from /proc; processes that end between the listing and the read are skipped.
 */
export function groupRssKb(pgid: number): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command name, which may hold spaces and parentheses: state, ppid, pgrp, ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      kb += Number(readFileSync(`/proc/${entry}/statm`, 'utf8').split(' ')[1]) * PAGE_KB;
    } catch {
      // The process ended meanwhile.
    }
  }
  return kb;
}

/** Samples a process group's summed RSS every `everyMs` and keeps the highest; `peakMb()` reads it. */
export function watchGroupRss(pgid: number, everyMs = 50): { peakMb(): number; stop(): void } {
  let peakKb = 0;
  const sample = () => (peakKb = Math.max(peakKb, groupRssKb(pgid)));
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    peakMb: () => {
      sample();
      return peakKb / 1024;
    },
    stop: () => clearInterval(timer),
  };
}
