import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildJob, BuildMeasurement } from './buildOnce';
import { median } from '../median';
import { generateApp, moduleSource } from '../../packages/twelvepack/test/support/generateApp';

// Plain JavaScript module shared with npm run build; typed through JSDoc.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_BUILD_HEAP_MB } = require('../../packages/twelvepack/src/cli/spawnProductionBuild') as typeof import('../../packages/twelvepack/src/cli/spawnProductionBuild');

/** One build measurement, as the report shows it. */
export interface BuildRow {
  readonly name: string;
  readonly ms: number;
  readonly maxRssMb: number;
  readonly workersRssMb: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly editMs?: readonly number[];
}

const ROOT = join(__dirname, '..', '..');

/**
 * Runs one build in a fresh Node process and reads its measurement. twelvepack's
 * production builds get the heap cap `npm run build` gives them; the baseline
 * and the dev server run as their users would, uncapped.
 */
export function runChild(job: BuildJob): Promise<BuildMeasurement> {
  const heap = job.kind === 'twelvepack' || job.kind === 'bundles' ? [`--max-old-space-size=${DEFAULT_BUILD_HEAP_MB}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...heap, join(__dirname, 'child.js'), JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || line === undefined) reject(new Error(`${job.kind} build failed (exit ${code})`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as BuildMeasurement);
    });
  });
}

/**
 * The generated app built by twelvepack (cold, warm with no change, after one
 * edited module) and by the baseline (babel-loader + terser, no cache), plus
 * the dev edit-to-rebuilt latency. The app lives in .cache/bench (gitignored)
 * so it resolves this project's node_modules and Babel config.
 */
export async function benchBuild({ modules, edits, log }: { modules: number; edits: number; log: (line: string) => void }): Promise<BuildRow[]> {
  const base = join(ROOT, '.cache', 'bench');
  const app = join(base, 'app');
  const cacheDirectory = join(base, 'cache');
  generateApp(app, modules);
  rmSync(cacheDirectory, { recursive: true, force: true });
  const job = (kind: BuildJob['kind'], out: string): BuildJob => ({ kind, app, outDir: join(base, out), cacheDirectory, edits });
  const rows: BuildRow[] = [];
  const measure = async (name: string, run: () => Promise<BuildMeasurement>) => {
    const result = await run();
    rows.push({ name, ...result });
    // A dev row times edits, not a build: its figure is their median.
    const figure = result.editMs ? `median ${Math.round(median(result.editMs))} ms` : `${(result.ms / 1000).toFixed(1)} s`;
    const workers = result.workersRssMb > 0 ? ` + ${Math.round(result.workersRssMb)} MB in workers` : '';
    log(`  ${name.padEnd(34)} ${figure}, peak ${Math.round(result.maxRssMb)} MB${workers}${result.editMs ? `, edits ${result.editMs.map(Math.round).join('/')} ms` : ''}`);
  };

  await measure('baseline: babel-loader + terser', () => runChild(job('baseline', 'out-baseline')));
  await measure('twelvepack: cold (no cache)', () => runChild(job('twelvepack', 'out-twelvepack')));
  await measure('twelvepack: warm (no change)', () => runChild(job('twelvepack', 'out-twelvepack')));
  const edited = Math.floor(modules / 2);
  writeFileSync(join(app, 'src', `module${edited}.ts`), moduleSource(edited, 999));
  await measure('twelvepack: after one edited module', () => runChild(job('twelvepack', 'out-twelvepack')));
  await measure('twelvepack: dev edit-to-rebuilt', () => runChild(job('dev-edits', 'out-dev')));
  // The cold build again with Babel in the build's own process, into a cache of its own: what the worker buys and costs.
  const inProcessCache = join(base, 'cache-no-workers');
  rmSync(inProcessCache, { recursive: true, force: true });
  await measure('twelvepack: cold, Babel in-process (TWELVEPACK_BUILD_WORKERS=0)', () =>
    runChild({ ...job('twelvepack', 'out-no-workers'), cacheDirectory: inProcessCache, env: { TWELVEPACK_BUILD_WORKERS: '0' } }),
  );
  return rows;
}
