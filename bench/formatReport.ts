import type { BuildRow } from './build/benchBuild';
import type { BundlesRow } from './build/benchBundles';
import type { MemoryRow } from './serving/benchMemory';
import { BREAKDOWN_TARGETS, type ServingRow } from './serving/benchServing';
import { median } from './median';
import type { PeerBuildRow } from './peers/benchPeersBuild';
import type { PeerDevRow } from './peers/benchPeersDev';
import { formatPeerBuilds, formatPeerDev } from './peers/formatPeers';

const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

/** The markdown report: machine, command, and one table per suite with ratios. Pure. */
export function formatReport({
  machine,
  serving,
  memory,
  build,
  bundles = [],
  peerBuilds = [],
  peerDev = [],
  peerModules = 0,
  command,
}: {
  machine: string;
  serving: readonly ServingRow[];
  memory: readonly MemoryRow[];
  build: readonly BuildRow[];
  bundles?: readonly BundlesRow[];
  peerBuilds?: readonly PeerBuildRow[];
  peerDev?: readonly PeerDevRow[];
  peerModules?: number;
  command: string;
}): string {
  const out = ['# twelvepack benchmark results', '', `Command: \`${command}\` (after \`npm install\`, which builds dist/).`, '', machine, ''];
  if (serving.length > 0) {
    out.push(
      '## Serving',
      '',
      'Median of the runs; ratios are to the bare-buffer Node server with the same process count, in the same run (issue 16 aims at ≥ 0.80× its req/s, ≤ 1.25× its CPU per request and ≤ 1.3× its p99, with the request log on).',
      '',
    );
    out.push(
      '| processes | URL | target | req/s | p99 ms | × bare | p99 × bare | twelvepack × this | server CPU µs/request | CPU × bare |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const row of serving.filter((r) => !(BREAKDOWN_TARGETS as readonly string[]).includes(r.target))) {
      const bare = serving.find((r) => r.target === 'bare' && r.workers === row.workers && r.url === row.url);
      const ours = serving.find((r) => r.target === 'twelvepack' && r.workers === row.workers && r.url === row.url);
      out.push(
        `| ${row.workers} | ${row.url} | ${row.target} | ${Math.round(row.requestsPerSecond)} | ${row.p99Ms.toFixed(2)} | ${ratio(row.requestsPerSecond, bare?.requestsPerSecond ?? 0)} | ${ratio(row.p99Ms, bare?.p99Ms ?? 0)} | ${row.target === 'twelvepack' ? '' : ratio(ours?.requestsPerSecond ?? 0, row.requestsPerSecond)} | ${row.cpuUsPerRequest.toFixed(1)} | ${ratio(row.cpuUsPerRequest, bare?.cpuUsPerRequest ?? 0)} |`,
      );
    }
    out.push('', ...formatBreakdown(serving));
    const nginx = serving.some((row) => row.target === 'nginx');
    out.push('', nginx ? "nginx: Debian's nginx with gzip_static (no brotli_static module, so main.js goes out as gzip), access log to /dev/null." : 'nginx: not installed on this machine, so not compared.', '');
  }
  if (memory.length > 0) {
    out.push('## Memory (twelvepack workers, main.js under load)', '', 'Highest RSS seen over the runs; req/s is their median.', '', '| processes | V8 flags | idle RSS / worker | peak RSS / worker | workers total | req/s |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const row of memory) {
      out.push(`| ${row.workers} | \`${row.flags}\` | ${row.idleRssMb.toFixed(0)} MB | ${row.loadedRssMb.toFixed(0)} MB | ${row.workersLoadedRssMb.toFixed(0)} MB | ${Math.round(row.requestsPerSecond)} |`);
    }
    out.push('');
  }
  if (build.length > 0) {
    const baseline = build.find((row) => row.name.startsWith('baseline'));
    const cold = build.find((row) => row.name.includes('cold'));
    out.push('## Build (generated app)', '', '| build | time | × baseline | × cold | peak memory | JS raw | JS gzip | raw × baseline | gzip × baseline |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of build) {
      if (row.editMs !== undefined) {
        out.push(`| ${row.name} (median of ${row.editMs.length}) | ${median(row.editMs).toFixed(0)} ms | | | ${peakMemory(row)} | | | | |`);
        continue;
      }
      out.push(
        `| ${row.name} | ${(row.ms / 1000).toFixed(1)} s | ${ratio(row.ms, baseline?.ms ?? 0)} | ${ratio(row.ms, cold?.ms ?? 0)} | ${peakMemory(row)} | ${kb(row.rawBytes)} | ${kb(row.gzipBytes)} | ${ratio(row.rawBytes, baseline?.rawBytes ?? 0)} | ${ratio(row.gzipBytes, baseline?.gzipBytes ?? 0)} |`,
      );
    }
    out.push(
      '',
      "Peak memory is the build process's maximum RSS (terser's worker threads included), plus, where they ran, the highest summed RSS of its child processes (Babel's worker: `TWELVEPACK_BUILD_WORKERS`, one by default on this machine). twelvepack's production builds run with the heap cap `npm run build` gives them (`TWELVEPACK_BUILD_HEAP_MB`, 384 MB by default); the baseline and the dev server run uncapped, as their users would run them. The leak guard has two secrets to hunt for in every build. These rows build the legacy bundle alone (`createWebpackConfig`'s default), the one bundle they have measured since issue 6; what the pair costs is in the next table.",
      '',
    );
  }
  if (bundles.length > 0) {
    out.push(
      '## Two bundles (modern and legacy)',
      '',
      '| app | legacy alone: cold build | pair: cold build | pair × legacy alone | pair peak memory | legacy JS raw / gzip | modern JS raw / gzip (what a modern browser downloads) | modern × legacy, raw | modern × legacy, gzip |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const { app, legacy, pair } of bundles) {
      out.push(
        `| ${app} | ${(legacy.ms / 1000).toFixed(1)} s | ${(pair.ms / 1000).toFixed(1)} s | ${ratio(pair.ms, legacy.ms)} | ${peakMemory(pair)} | ${kb1(legacy.rawBytes)} / ${kb1(legacy.gzipBytes)} | ${kb1(pair.modernRawBytes)} / ${kb1(pair.modernGzipBytes)} | ${ratio(pair.modernRawBytes, legacy.rawBytes)} | ${ratio(pair.modernGzipBytes, legacy.gzipBytes)} |`,
      );
    }
    out.push(
      '',
      "Browser builds only (no server build), cold (no cache), each in its own process with the production heap cap; the median of the runs, legacy alone and pair alternating. \"Legacy alone\" is the single ES5 build every browser got before the pair (`TWELVEPACK_LEGACY_BUNDLE` aside, what `createWebpackConfig` builds by default); a modern browser downloads the page's `type=\"module\"` scripts. Gzip at level 9.",
      '',
    );
  }
  out.push(...formatPeerBuilds(peerBuilds, peerModules), ...formatPeerDev(peerDev, peerModules));
  return out.join('\n');
}

const kb1 = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Where twelvepack's CPU per request goes, one process: bare → same headers → twelvepack without its log line → twelvepack. */
function formatBreakdown(serving: readonly ServingRow[]): string[] {
  const steps: [string, string][] = [
    ['bare', 'bare server, 3 headers'],
    ['bare-headers', "bare server sending twelvepack's exact headers"],
    ['twelvepack-nolog', 'twelvepack, request log off (LOG_LEVEL=warn)'],
    ['twelvepack', 'twelvepack as in production'],
  ];
  const urls = [...new Set(serving.filter((row) => row.workers === 1 && row.target === 'bare-headers').map((row) => row.url))];
  if (urls.length === 0) return [];
  const out = [
    '### Where the time goes (1 process, server CPU per request)',
    '',
    'The same run; each step adds one thing to the one above it. req/s is bounded by whichever of the server and wrk runs out of its core first, so CPU per request is the steadier measure.',
    '',
    '| URL | server | req/s | CPU µs/request | added by this step |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const url of urls) {
    let previous: number | undefined;
    for (const [target, label] of steps) {
      const row = serving.find((r) => r.workers === 1 && r.url === url && r.target === target);
      if (row === undefined) continue;
      const added = previous === undefined ? '' : `${row.cpuUsPerRequest - previous >= 0 ? '+' : ''}${(row.cpuUsPerRequest - previous).toFixed(1)} µs`;
      out.push(`| ${url} | ${label} | ${Math.round(row.requestsPerSecond)} | ${row.cpuUsPerRequest.toFixed(1)} | ${added} |`);
      previous = row.cpuUsPerRequest;
    }
  }
  out.push('');
  return out;
}

/** A build's peak memory: its own process, and its Babel workers' when it had any. */
function peakMemory(row: { readonly maxRssMb: number; readonly workersRssMb?: number }): string {
  const workers = row.workersRssMb ?? 0;
  return workers > 0 ? `${row.maxRssMb.toFixed(0)} MB + ${workers.toFixed(0)} MB workers` : `${row.maxRssMb.toFixed(0)} MB`;
}
