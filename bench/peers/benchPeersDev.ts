import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AppVariant, BenchTool, DevKind, ToolName } from './BenchTool';
import { BENCH_TOOLS } from './benchTools';
import { startDevSession, waitForText, type DevSession } from './devSession';
import { installPeers } from './installPeers';
import { summarizeTimes } from './summarizeTimes';
import { writePeerApp, type PeerApp } from './writePeerApp';

/** One dev-server figure of one tool on one variant of the generated app. */
export interface PeerDevRow {
  readonly tool: ToolName;
  readonly app: AppVariant;
  readonly build: DevKind;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The dev server's whole process tree at its highest over the runs, in MB. */
  readonly peakRssMb: number;
  readonly runs: number;
  /** dev-edit in the React variant: whether a counter clicked before the edits still showed its count after each (Fast Refresh kept the state); null elsewhere. */
  readonly stateKept: boolean | null;
}

interface Samples {
  readonly ms: number[];
  rssMb: number;
  stateKept: boolean | null;
}

const BASE = join(__dirname, '..', '..', '.cache', 'bench', 'peers');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `twelvepack dev`, `vite` and `rsbuild dev` on the generated app and its React variant, in Chromium:
 * a start with the caches removed, a second start with them, and `edits` edits of one module (one
 * component) in that second session, each timed until the page shows it. Rounds interleave the tools.
 */
export async function benchPeersDev({ modules, rounds, edits, log }: { modules: number; rounds: number; edits: number; log: (line: string) => void }): Promise<PeerDevRow[]> {
  installPeers(log);
  const rows: PeerDevRow[] = [];
  for (const variant of ['plain', 'react'] as const) {
    const apps = BENCH_TOOLS.map((tool) => ({ tool, app: writePeerApp(tool, variant, modules, join(BASE, `${tool.name}-${variant}-dev`)) }));
    const samples = new Map<string, Samples>();
    const add = (tool: ToolName, kind: DevKind) => {
      const key = `${tool}/${kind}`;
      if (!samples.has(key)) samples.set(key, { ms: [], rssMb: 0, stateKept: null });
      return samples.get(key)!;
    };
    let version = 0;
    for (let round = 0; round < rounds; round += 1) {
      for (const kind of ['dev-start-cold', 'dev-start-warm'] as const) {
        for (const { tool, app } of apps) {
          if (kind === 'dev-start-cold') for (const path of tool.coldPaths) rmSync(join(app.dir, path), { recursive: true, force: true });
          const session = await startDevSession(tool, app);
          try {
            const start = add(tool.name, kind);
            start.ms.push(session.startMs);
            start.rssMb = Math.max(start.rssMb, session.startRssMb);
            let line = `  ${variant.padEnd(5)} ${tool.name.padEnd(10)} ${kind.padEnd(14)} ${Math.round(session.startMs)} ms, ${Math.round(session.startRssMb)} MB`;
            if (kind === 'dev-start-warm') {
              const edited = await timeEdits(session, app, edits, () => (version += 1));
              const row = add(tool.name, 'dev-edit');
              row.ms.push(...edited.ms);
              row.rssMb = Math.max(row.rssMb, session.running.peakRssMb());
              if (edited.stateKept !== null) row.stateKept = (row.stateKept ?? true) && edited.stateKept;
              line += `; edits ${edited.ms.map(Math.round).join('/')} ms${edited.stateKept === null ? '' : `, state ${edited.stateKept ? 'kept' : 'LOST'}`}`;
            }
            log(line);
          } finally {
            await session.close();
          }
        }
      }
    }
    for (const { tool } of apps) rows.push(...devRows(tool, variant, samples));
  }
  return rows;
}

function devRows(tool: BenchTool, app: AppVariant, samples: ReadonlyMap<string, Samples>): PeerDevRow[] {
  return (['dev-start-cold', 'dev-start-warm', 'dev-edit'] as const).flatMap((build) => {
    const found = samples.get(`${tool.name}/${build}`);
    if (found === undefined || found.ms.length === 0) return [];
    return [{ tool: tool.name, app, build, ...summarizeTimes(found.ms), peakRssMb: Math.round(found.rssMb), runs: found.ms.length, stateKept: found.stateKept }];
  });
}

/**
 * Edits the app `count` times in a running session, each timed from the write to the page showing it.
 * In the React variant a counter is clicked first; after each edit it must still show its count.
 */
async function timeEdits(session: DevSession, app: PeerApp, count: number, nextVersion: () => number): Promise<{ ms: number[]; stateKept: boolean | null }> {
  const { page, running } = session;
  const counterText = async () => (app.counter === undefined ? null : page.textContent(app.counter.count, { timeout: 5000 }));
  if (app.counter !== undefined) await page.click(app.counter.button);
  const clicked = await counterText();
  let stateKept: boolean | null = app.counter === undefined ? null : clicked === '1';
  const ms: number[] = [];
  // The watchers have settled once the page rendered; a short pause keeps one edit's events from the next.
  await sleep(500);
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const text = app.edit(nextVersion());
    await waitForText(page, text, running);
    ms.push(performance.now() - started);
    if (stateKept !== null) stateKept = stateKept && (await counterText()) === clicked;
    await sleep(300);
  }
  return { ms, stateKept };
}
