import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildJob } from './buildOnce';
import { runChild } from './benchBuild';
import { median } from '../median';
import { generateApp } from '../../packages/twelvepack/test/support/generateApp';

/** One app's two ways of building its browser code (issue 14): the legacy bundle alone, and the pair. */
export interface BundlesRow {
  readonly app: string;
  /** The legacy bundle alone (the single ES5 build the toolkit made before the pair): cold build time, its scripts. */
  readonly legacy: { readonly ms: number; readonly rawBytes: number; readonly gzipBytes: number };
  /** Both bundles, as `npm run build` makes them: cold build time, and the scripts a modern browser downloads. */
  readonly pair: { readonly ms: number; readonly modernRawBytes: number; readonly modernGzipBytes: number; readonly maxRssMb: number; readonly workersRssMb: number };
}

const ROOT = join(__dirname, '..', '..');

/**
 * The demo and the generated bench app, each built cold (no cache) as the legacy bundle alone and as
 * the pair, alternately, `repeats` times; the medians. Each build runs in its own process with the
 * heap cap `npm run build` gives it.
 */
export async function benchBundles({ modules, repeats, log }: { modules: number; repeats: number; log: (line: string) => void }): Promise<BundlesRow[]> {
  const base = join(ROOT, '.cache', 'bench');
  const benchApp = join(base, 'app');
  generateApp(benchApp, modules);
  const apps = [
    { name: 'demo', app: ROOT, manifest: join(ROOT, 'src', 'app.ts') },
    { name: `bench app (${modules} modules)`, app: benchApp, manifest: undefined },
  ];
  const rows: BundlesRow[] = [];
  for (const { name, app, manifest } of apps) {
    const runs = { legacy: [] as Awaited<ReturnType<typeof runChild>>[], pair: [] as Awaited<ReturnType<typeof runChild>>[] };
    for (let i = 0; i < repeats; i += 1) {
      for (const bundles of ['legacy', 'pair'] as const) {
        const outDir = join(base, `out-bundles-${bundles}`);
        rmSync(outDir, { recursive: true, force: true });
        const job: BuildJob = { kind: 'bundles', app, outDir, cacheDirectory: join(base, 'cache-unused'), bundles, manifest };
        runs[bundles].push(await runChild(job));
      }
    }
    const mid = (values: readonly number[]) => median(values);
    const legacy = { ms: mid(runs.legacy.map((r) => r.ms)), rawBytes: runs.legacy[0]!.rawBytes, gzipBytes: runs.legacy[0]!.gzipBytes };
    const pair = {
      ms: mid(runs.pair.map((r) => r.ms)),
      modernRawBytes: runs.pair[0]!.modernRawBytes ?? 0,
      modernGzipBytes: runs.pair[0]!.modernGzipBytes ?? 0,
      maxRssMb: Math.max(...runs.pair.map((r) => r.maxRssMb)),
      workersRssMb: Math.max(...runs.pair.map((r) => r.workersRssMb)),
    };
    rows.push({ app: name, legacy, pair });
    log(
      `  ${name.padEnd(26)} legacy alone ${(legacy.ms / 1000).toFixed(1)} s, pair ${(pair.ms / 1000).toFixed(1)} s (${(pair.ms / legacy.ms).toFixed(2)}×); ` +
        `modern browser downloads ${(pair.modernGzipBytes / 1000).toFixed(1)} kB gzip vs ${(legacy.gzipBytes / 1000).toFixed(1)} kB (${(pair.modernGzipBytes / legacy.gzipBytes).toFixed(2)}×)`,
    );
  }
  return rows;
}
