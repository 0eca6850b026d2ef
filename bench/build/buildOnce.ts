// Runs in a child process (bench/build/child.js) so each build's time and peak memory are its own.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';
import { createWebpackConfig } from 'twelvepack/webpack';
import { loadConfig } from 'twelvepack/webpack';
import { baselineConfig } from './baselineConfig';
import { moduleSource } from '../../packages/twelvepack/test/support/generateApp';

/** What the parent asks for. */
export interface BuildJob {
  readonly kind: 'twelvepack' | 'baseline' | 'dev-edits';
  readonly app: string;
  readonly outDir: string;
  readonly cacheDirectory: string;
  /** For dev-edits: how many edits to time. */
  readonly edits?: number;
}

/** What the child reports. */
export interface BuildMeasurement {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly editMs?: readonly number[];
}

/** As on a real build machine, the leak guard has secrets to hunt for in every build. */
const BUILD_ENV = {
  ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  REDIS_URL: 'redis://:bench-redis-password@cache.internal:6379/0',
};

function configFor(job: BuildJob, mode: 'production' | 'development'): Configuration {
  if (job.kind === 'baseline') return baselineConfig({ app: job.app, outDir: job.outDir });
  const loaded = loadConfig({ mode, dir: job.app, env: BUILD_ENV });
  if (loaded.secrets.length === 0) throw new Error('The bench environment must give the leak guard secrets to hunt for.');
  return createWebpackConfig({ root: job.app, loaded, mode, outDir: job.outDir, cacheDirectory: job.cacheDirectory, pages: [{ name: 'main', entry: 'src/main.ts', template: 'public/index.html' }] });
}

const run = (compiler: webpack.Compiler) =>
  new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, stats) => compiler.close(() => (error || !stats ? reject(error ?? new Error('no stats')) : resolve(stats)))),
  );

async function main(job: BuildJob): Promise<BuildMeasurement> {
  if (job.kind === 'dev-edits') return devEdits(job);
  const started = performance.now();
  const stats = await run(webpack(configFor(job, 'production')));
  const ms = performance.now() - started;
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const scripts = readdirSync(job.outDir).filter((file) => file.endsWith('.js'));
  const bytes = scripts.map((file) => readFileSync(join(job.outDir, file)));
  return {
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rawBytes: bytes.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
  };
}

/**
 * webpack in watch mode (development, as npm run dev): time from writing a module
 * to the end of the first rebuild whose output holds the edit (a rebuild started
 * by an earlier event does not count).
 */
async function devEdits(job: BuildJob): Promise<BuildMeasurement> {
  const compiler = webpack(configFor(job, 'development'));
  const edits = job.edits ?? 10;
  const times: number[] = [];
  let onBuilt: (builtAt: number) => void = () => undefined;
  const watching = compiler.watch({ aggregateTimeout: 0 }, () => onBuilt(performance.now()));
  await new Promise<void>((resolve) => (onBuilt = () => resolve()));
  const target = Math.floor(edits / 2);
  for (let i = 1; i <= edits; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const edited = new RegExp(`\\] v${i}(?!\\d)`);
    const rebuilt = new Promise<number>((resolve) => (onBuilt = (builtAt) => (outputMatches(job.outDir, edited) ? resolve(builtAt) : undefined)));
    const savedAt = performance.now();
    writeFileSync(join(job.app, 'src', `module${target}.ts`), moduleSource(target, i));
    times.push((await rebuilt) - savedAt);
  }
  await new Promise<void>((resolve) => (watching ? watching.close(() => resolve()) : resolve()));
  return { ms: 0, maxRssMb: process.resourceUsage().maxRSS / 1024, rawBytes: 0, gzipBytes: 0, editMs: times };
}

/** True when an emitted script holds the pattern. */
function outputMatches(outDir: string, pattern: RegExp): boolean {
  return readdirSync(outDir).some((file) => file.endsWith('.js') && pattern.test(readFileSync(join(outDir, file), 'utf8')));
}

main(JSON.parse(process.argv[2] ?? '{}') as BuildJob).then(
  (result) => process.stdout.write(`RESULT ${JSON.stringify(result)}\n`),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
