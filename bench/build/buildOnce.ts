// Runs in a child process (bench/build/child.js) so each build's time and peak memory are its own.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration } from 'webpack';
import { createClientWebpackConfigs, createWebpackConfig, loadAppConfig, loadConfig } from 'twelvepack/webpack';
import type { AnyApp } from '../../packages/twelvepack/src/config/AppManifest';
import { baselineConfig } from './baselineConfig';
import { moduleSource } from '../../packages/twelvepack/test/support/generateApp';

/** What the parent asks for. */
export interface BuildJob {
  /** `bundles`: an app's browser builds as `npm run build` makes them (issue 14), `legacy` alone or the `pair`. */
  readonly kind: 'twelvepack' | 'baseline' | 'dev-edits' | 'bundles';
  readonly app: string;
  readonly outDir: string;
  readonly cacheDirectory: string;
  /** For dev-edits: how many edits to time. */
  readonly edits?: number;
  /** For bundles: the legacy bundle alone (today's single ES5 build) or both. */
  readonly bundles?: 'legacy' | 'pair';
  /** For bundles: the app's src/app.ts, whose pages and variables the build takes (the generated app's default page otherwise). */
  readonly manifest?: string;
  /** Variables the build sees besides the bench's secrets (`TWELVEPACK_BUILD_WORKERS`). */
  readonly env?: Readonly<Record<string, string>>;
}

/** What the child reports. */
export interface BuildMeasurement {
  readonly ms: number;
  readonly maxRssMb: number;
  /** The build's child processes (Babel's workers) at their highest, their RSS summed at each sample. */
  readonly workersRssMb: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly editMs?: readonly number[];
  /** For bundles: the scripts a modern browser downloads (the page's `type="module"` ones; all of them for the legacy bundle alone). */
  readonly modernRawBytes?: number;
  readonly modernGzipBytes?: number;
}

/** As on a real build machine, the leak guard has secrets to hunt for in every build. */
const BUILD_ENV = {
  ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
  REDIS_URL: 'redis://:bench-redis-password@cache.internal:6379/0',
};

function configFor(job: BuildJob, mode: 'production' | 'development'): Configuration | Configuration[] {
  if (job.kind === 'baseline') return baselineConfig({ app: job.app, outDir: job.outDir });
  if (job.kind === 'bundles') return bundlesConfigs(job);
  const loaded = loadConfig({ mode, dir: job.app, env: { ...BUILD_ENV, ...job.env } });
  if (loaded.secrets.length === 0) throw new Error('The bench environment must give the leak guard secrets to hunt for.');
  // Production rows: the legacy bundle alone, ES5 as the baseline's output. Dev: the modern bundle, as `twelvepack dev` builds it.
  const bundle = mode === 'development' ? 'modern' : 'legacy';
  return createWebpackConfig({ root: job.app, loaded, mode, bundle, outDir: job.outDir, cacheDirectory: job.cacheDirectory, pages: [{ name: 'main', entry: 'src/main.ts', template: 'public/index.html' }] });
}

/** An app's browser builds, cold (no cache): the legacy bundle alone, or both bundles as `npm run build` makes them. */
function bundlesConfigs(job: BuildJob): Configuration[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const app = job.manifest === undefined ? undefined : ((require(job.manifest) as { default: AnyApp }).default);
  const env = { ...BUILD_ENV, ...job.env, TWELVEPACK_LEGACY_BUNDLE: String(job.bundles === 'pair') };
  const loaded = app === undefined ? loadConfig({ mode: 'production', dir: job.app, env }) : loadAppConfig(app, { mode: 'production', dir: job.app, env });
  const options = { root: job.app, loaded, outDir: job.outDir, cache: false, pages: app?.pages ?? [{ name: 'main', entry: 'src/main.ts', template: 'public/index.html' }], publicDir: app?.publicDir };
  return job.bundles === 'pair' ? createClientWebpackConfigs(options) : [createWebpackConfig({ ...options, bundle: 'legacy' })];
}

const run = (compiler: webpack.Compiler | webpack.MultiCompiler) =>
  new Promise<webpack.Stats | webpack.MultiStats>((resolve, reject) =>
    compiler.run((error, stats) => compiler.close(() => (error || !stats ? reject(error ?? new Error('no stats')) : resolve(stats)))),
  );

async function main(job: BuildJob): Promise<BuildMeasurement> {
  const workers = watchChildMemory();
  try {
    return { ...(await measure(job)), workersRssMb: workers.peakMb() };
  } finally {
    workers.stop();
  }
}

/**
 * The highest summed RSS of this process's children (thread-loader's Babel workers), sampled from /proc
 * every 50 ms: process.resourceUsage() counts this process alone, and a build machine holds both.
 */
function watchChildMemory(): { peakMb(): number; stop(): void } {
  let peakKb = 0;
  const sample = () => {
    let kb = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const status = readFileSync(`/proc/${entry}/status`, 'utf8');
        if (Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) === process.pid) kb += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      } catch {
        // The process ended between the listing and the read.
      }
    }
    peakKb = Math.max(peakKb, kb);
  };
  const timer = setInterval(sample, 50);
  return { peakMb: () => peakKb / 1024, stop: () => clearInterval(timer) };
}

async function measure(job: BuildJob): Promise<Omit<BuildMeasurement, 'workersRssMb'>> {
  if (job.kind === 'dev-edits') return devEdits(job);
  const started = performance.now();
  const config = configFor(job, 'production');
  const stats = await run(Array.isArray(config) ? webpack(config) : webpack(config));
  const ms = performance.now() - started;
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  const scripts = readdirSync(job.outDir).filter((file) => file.endsWith('.js'));
  const sizes = (files: readonly string[]) => {
    const bytes = files.map((file) => readFileSync(join(job.outDir, file)));
    return { raw: bytes.reduce((sum, b) => sum + b.length, 0), gzip: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) };
  };
  const all = sizes(scripts);
  const measurement = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rawBytes: all.raw, gzipBytes: all.gzip };
  if (job.kind !== 'bundles') return measurement;
  // What a modern browser downloads: the page's module scripts, or, from the legacy bundle alone, its scripts.
  const page = readFileSync(join(job.outDir, 'index.html'), 'utf8');
  const modules = [...page.matchAll(/<script type="module" src="\/([^"]+)"/g)].map(([, file]) => file!);
  const modern = sizes(job.bundles === 'pair' ? modules : scripts);
  return { ...measurement, modernRawBytes: modern.raw, modernGzipBytes: modern.gzip };
}

/**
 * webpack in watch mode (development, as npm run dev): time from writing a module
 * to the end of the first rebuild whose output holds the edit (a rebuild started
 * by an earlier event does not count).
 */
async function devEdits(job: BuildJob): Promise<Omit<BuildMeasurement, 'workersRssMb'>> {
  const compiler = webpack(configFor(job, 'development') as Configuration);
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
