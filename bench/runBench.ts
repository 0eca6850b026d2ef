import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchBuild, type BuildRow } from './build/benchBuild';
import { benchBundles, type BundlesRow } from './build/benchBundles';
import { benchMemory, type MemoryRow } from './serving/benchMemory';
import { benchServing, type ServingRow } from './serving/benchServing';
import { LOAD_TOOL } from './serving/loadTest';
import { NGINX } from './serving/nginxConfig';
import { formatReport } from './formatReport';
import { benchPeersBuild, type PeerBuildRow } from './peers/benchPeersBuild';
import { benchPeersDev, type PeerDevRow } from './peers/benchPeersDev';
import { resultsJson } from './resultsJson';

const ROOT = join(__dirname, '..');

/**
 * `npm run bench [-- --quick] [-- --only=serving,memory,build,bundles,peers-build,peers-dev]`: measures
 * twelvepack against the alternatives in one run on this machine, prints the
 * tables and writes bench/RESULTS.md and bench/RESULTS.json (a full run only).
 * The peers (Vite, Rsbuild) are installed on the first run into bench/.peers, never by `npm ci`.
 */
export async function runBench(args: readonly string[]): Promise<void> {
  const quick = args.includes('--quick');
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const wanted = (suite: string) => only === undefined || only.includes(suite);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (!existsSync(join(ROOT, 'dist', 'client', 'asset-manifest.json')) || !existsSync(join(ROOT, 'dist', 'server', 'main.js'))) {
    throw new Error('No build in dist/: run `npm run build` (npm install does) before `npm run bench`.');
  }
  log(`twelvepack bench (${quick ? 'quick' : 'full'}), load tool: ${LOAD_TOOL}`);
  log(existsSync(NGINX) ? `nginx: compared (${NGINX}, gzip_static)` : `nginx: skipped, ${NGINX} is not installed (apt-get install nginx to compare it)`);

  let serving: ServingRow[] = [];
  let memory: MemoryRow[] = [];
  let build: BuildRow[] = [];
  let bundles: BundlesRow[] = [];
  let peerBuilds: PeerBuildRow[] = [];
  let peerDev: PeerDevRow[] = [];
  const peerModules = quick ? 60 : 300;
  if (wanted('serving')) {
    log('\nServing (median requests/s and p99, keep-alive):');
    serving = await benchServing({ root: ROOT, seconds: quick ? 2 : 5, repeats: quick ? 1 : 3, connections: 32, log });
  }
  if (wanted('memory')) {
    log('\nMemory (twelvepack workers):');
    memory = await benchMemory({ root: ROOT, seconds: quick ? 2 : 5, connections: 32, repeats: quick ? 1 : 3 });
  }
  if (wanted('build')) {
    log('\nBuild (generated app):');
    build = await benchBuild({ modules: quick ? 60 : 300, edits: quick ? 3 : 10, log });
  }
  if (wanted('bundles')) {
    log('\nTwo bundles (the demo and the generated app):');
    bundles = await benchBundles({ modules: quick ? 60 : 300, repeats: quick ? 1 : 3, log });
  }

  if (wanted('peers-build')) {
    log('\nPeers, production builds (interleaved rounds):');
    peerBuilds = await benchPeersBuild({ modules: peerModules, rounds: quick ? 1 : 5, log });
  }
  if (wanted('peers-dev')) {
    log('\nPeers, dev server (interleaved rounds, in Chromium):');
    peerDev = await benchPeersDev({ modules: peerModules, rounds: quick ? 1 : 3, edits: quick ? 2 : 5, log });
  }

  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const machine = describeMachine();
  const report = formatReport({ machine, serving, memory, build, bundles, peerBuilds, peerDev, peerModules, command });
  log(`\n${report}`);
  if (only === undefined && !quick) {
    writeFileSync(join(__dirname, 'RESULTS.md'), report);
    writeFileSync(
      join(__dirname, 'RESULTS.json'),
      resultsJson({ command, machine, build: { modules: peerModules, rows: peerBuilds }, dev: { modules: peerModules, rows: peerDev }, serving: { rows: serving } }),
    );
  }
}

function describeMachine(): string {
  const version = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  let wrk = 'not installed';
  try {
    wrk = execFileSync('wrk', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? wrk;
  } catch (error) {
    wrk = String((error as { stdout?: string }).stdout ?? '').split('\n')[0] || wrk;
  }
  return [
    `- CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- Node ${process.version}; webpack ${version('webpack')}; @babel/core ${version('@babel/core')}; terser ${version('terser')}`,
    `- sirv ${version('sirv')}; express ${version('express')}; load: ${LOAD_TOOL === 'wrk' ? wrk.trim() : `autocannon ${version('autocannon')}`}`,
  ].join('\n');
}
