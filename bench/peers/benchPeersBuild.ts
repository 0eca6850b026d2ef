import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchTool, BuildKind, ToolName } from './BenchTool';
import { BENCH_TOOLS } from './benchTools';
import { installPeers } from './installPeers';
import { checkEs5, scriptSizes } from './measureScripts';
import { spawnTool } from './spawnTool';
import { summarizeTimes } from './summarizeTimes';
import { writePeerApp } from './writePeerApp';

/** One production-build figure of one tool on the generated app. */
export interface PeerBuildRow {
  readonly tool: ToolName;
  readonly app: 'plain';
  readonly build: BuildKind;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The build's whole process tree at its highest over the runs, in MB. */
  readonly peakRssMb: number;
  /** Every .js file the build emitted for the browser (both bundles in a pair build), raw and gzipped at level 9. */
  readonly jsRawBytes: number;
  readonly jsGzipBytes: number;
  /** Whether the legacy scripts of a pair build parse as ES5; null for the modern bundle alone. */
  readonly es5: boolean | null;
  /** The first legacy script that does not parse as ES5, and why. */
  readonly es5Problem?: string;
  readonly runs: number;
}

/** The order a round runs the builds in: warm and one-edit follow the cold pair build whose cache they use. */
const ROUND: readonly BuildKind[] = ['cold-pair', 'warm', 'one-edit', 'cold-modern'];

const BASE = join(__dirname, '..', '..', '.cache', 'bench', 'peers');

interface Measured {
  readonly ms: number;
  readonly rssMb: number;
  readonly jsRawBytes: number;
  readonly jsGzipBytes: number;
  readonly es5: boolean | null;
  readonly es5Problem?: string;
}

/** One build with the tool's CLI in a fresh process, as `npm run build` runs it; its time, memory and scripts. */
async function buildOnce(tool: BenchTool, dir: string, kind: BuildKind): Promise<Measured> {
  const modernOnly = kind === 'cold-modern';
  const started = performance.now();
  const running = spawnTool(dir, tool.build(modernOnly));
  const code = await running.exited;
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`${tool.name} ${kind} build failed (exit ${code}):\n${running.output()}`);
  const legacy = modernOnly ? undefined : checkEs5(tool.legacyScripts(dir), dir);
  return { ms, rssMb: running.peakRssMb(), ...scriptSizes(join(dir, tool.outDir)), es5: legacy?.es5 ?? null, es5Problem: legacy?.problem };
}

/**
 * `twelvepack build`, `vite build` (with @vitejs/plugin-legacy) and `rsbuild build` (a modern and an ES5
 * environment) on the same generated app: a cold pair build (caches and output removed), a warm one with
 * no change, one after an edited module, and a cold build of the modern bundle alone. Rounds interleave
 * the tools; each row is the median and range of its rounds.
 */
export async function benchPeersBuild({ modules, rounds, log }: { modules: number; rounds: number; log: (line: string) => void }): Promise<PeerBuildRow[]> {
  installPeers(log);
  const apps = BENCH_TOOLS.map((tool) => ({ tool, app: writePeerApp(tool, 'plain', modules, join(BASE, `${tool.name}-plain-build`)) }));
  const runs = new Map<string, Measured[]>();
  let version = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const kind of ROUND) {
      for (const { tool, app } of apps) {
        if (kind === 'cold-pair' || kind === 'cold-modern') for (const path of tool.coldPaths) rmSync(join(app.dir, path), { recursive: true, force: true });
        if (kind === 'one-edit') app.edit((version += 1));
        const measured = await buildOnce(tool, app.dir, kind);
        const key = `${tool.name}/${kind}`;
        runs.set(key, [...(runs.get(key) ?? []), measured]);
        const es5 = measured.es5 === null ? '' : measured.es5 ? ', legacy ES5' : `, legacy NOT ES5 (${measured.es5Problem})`;
        log(`  ${tool.name.padEnd(10)} ${kind.padEnd(11)} ${(measured.ms / 1000).toFixed(1)} s, ${Math.round(measured.rssMb)} MB, JS ${kb(measured.jsRawBytes)} / ${kb(measured.jsGzipBytes)} gzip${es5}`);
      }
    }
  }
  return BENCH_TOOLS.flatMap((tool) => ROUND.map((kind) => buildRow(tool.name, kind, runs.get(`${tool.name}/${kind}`) ?? [])));
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function buildRow(tool: ToolName, build: BuildKind, measured: readonly Measured[]): PeerBuildRow {
  const last = measured[measured.length - 1]!;
  const failed = measured.find((run) => run.es5 === false);
  return {
    tool,
    app: 'plain',
    build,
    ...summarizeTimes(measured.map((run) => run.ms)),
    peakRssMb: Math.round(Math.max(...measured.map((run) => run.rssMb))),
    jsRawBytes: last.jsRawBytes,
    jsGzipBytes: last.jsGzipBytes,
    es5: failed?.es5 ?? last.es5,
    ...(failed?.es5Problem === undefined ? {} : { es5Problem: failed.es5Problem }),
    runs: measured.length,
  };
}
