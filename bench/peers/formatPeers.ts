import type { PeerBuildRow } from './benchPeersBuild';
import type { PeerDevRow } from './benchPeersDev';

const ratio = (value: number, best: number) => (best > 0 ? `${(value / best).toFixed(2)}×` : 'n/a');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const range = (row: { minMs: number; maxMs: number }, unit: (ms: number) => string) => `${unit(row.minMs)} – ${unit(row.maxMs)}`;
const least = (values: readonly number[]) => Math.min(...values.filter((value) => value > 0));

const BUILD_NOTES = [
  'Each build runs the tool\'s CLI in a fresh process from the app\'s folder, as `npm run build` does: `twelvepack build` (its browser bundles and its server build, since that is the one command), `vite build` with @vitejs/plugin-legacy, `rsbuild build` with a modern and an ES5 environment. All three get twelvepack\'s two sets of browsers (src/webpack/browserTargets.js) and core-js polyfills by usage.',
  '**cold-pair**: caches and output removed, both bundles. **warm**: the same again with no change. **one-edit**: after one module is rewritten. **cold-modern**: caches removed, the modern bundle alone (`TWELVEPACK_LEGACY_BUNDLE=false`, which the peers\' generated configs read too).',
  'Vite keeps no build cache, so its warm and one-edit rows are full builds; Rsbuild\'s use performance.buildCache, twelvepack\'s its webpack disk cache. Rsbuild\'s two environments are two separate pages: it has no module/nomodule pairing in one page as twelvepack and plugin-legacy have.',
  'Peak memory is the whole process tree of the command (its own process group, sampled from /proc every 50 ms), the highest over the rounds. JS is every .js file emitted for the browser, both bundles in a pair build, gzip at level 9. ES5: every legacy script parsed by acorn with ecmaVersion 5; n/a for the modern bundle alone. Rounds interleave the tools; × best is to the fastest (smallest) tool in the same row group.',
];

const DEV_NOTES = [
  'Measured in Debian\'s Chromium (playwright-core, headless, a fresh profile each start, launched before the tool). **dev-start-cold**: the tool\'s caches removed, from spawning its dev command (`twelvepack dev`, `vite`, `rsbuild dev`) to the page, loaded once the server answers, showing the app\'s rendered text (its scripts ran). **dev-start-warm**: the same with the caches of the cold start. **dev-edit**: in the warm session, from writing one module (plain) or one component (React) to the page showing the edit; every edit of every round is a sample.',
  'The React variant has React views with state over the same modules: @vitejs/plugin-react and @rsbuild/plugin-react for the peers, twelvepack\'s own Fast Refresh (the app depends on react-dom). "state kept": a counter clicked before the edits still showed its count after every one of them. Peak memory is the dev server\'s whole process tree (twelvepack dev: with its API process) at its highest.',
];

/** The peers' production-build table, grouped by build, with ratios to the best tool of each group. Pure. */
export function formatPeerBuilds(rows: readonly PeerBuildRow[], modules: number): string[] {
  if (rows.length === 0) return [];
  const out = [`## Peers: production builds (the generated app, ${modules} modules)`, '', '| build | tool | median | range | × best | peak memory | × best | JS raw | JS gzip | gzip × best | legacy ES5 |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];
  const problems: string[] = [];
  for (const build of [...new Set(rows.map((row) => row.build))]) {
    const group = rows.filter((row) => row.build === build);
    const best = { ms: least(group.map((r) => r.medianMs)), rss: least(group.map((r) => r.peakRssMb)), gzip: least(group.map((r) => r.jsGzipBytes)) };
    for (const row of group) {
      let es5 = row.es5 === null ? 'n/a' : row.es5 ? 'yes' : 'no';
      if (row.es5 === false && row.es5Problem !== undefined) {
        problems.push(`${row.tool} ${row.build}: ${row.es5Problem}`);
        es5 += ` (${problems.length})`;
      }
      out.push(
        `| ${build} | ${row.tool} | ${seconds(row.medianMs)} | ${range(row, seconds)} | ${ratio(row.medianMs, best.ms)} | ${row.peakRssMb} MB | ${ratio(row.peakRssMb, best.rss)} | ${kb(row.jsRawBytes)} | ${kb(row.jsGzipBytes)} | ${ratio(row.jsGzipBytes, best.gzip)} | ${es5} |`,
      );
    }
  }
  out.push('', ...problems.map((problem, i) => `(${i + 1}) not ES5: ${problem.replace(/\|/g, '\\|')}`), ...(problems.length > 0 ? [''] : []));
  for (const note of BUILD_NOTES) out.push(note, '');
  return out;
}

/** The peers' dev-server table, by app variant and figure, with ratios to the best tool of each group. Pure. */
export function formatPeerDev(rows: readonly PeerDevRow[], modules: number): string[] {
  if (rows.length === 0) return [];
  const ms = (value: number) => `${value} ms`;
  const out = [`## Peers: dev server (the generated app, ${modules} modules, and its React variant)`, '', '| app | figure | tool | median | range | × best | peak memory | × best | samples | state kept |', '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];
  for (const app of [...new Set(rows.map((row) => row.app))]) {
    for (const build of [...new Set(rows.map((row) => row.build))]) {
      const group = rows.filter((row) => row.app === app && row.build === build);
      if (group.length === 0) continue;
      const best = { ms: least(group.map((r) => r.medianMs)), rss: least(group.map((r) => r.peakRssMb)) };
      for (const row of group) {
        const kept = row.stateKept === null ? '' : row.stateKept ? 'yes' : 'NO (the page reloaded)';
        out.push(`| ${app} | ${build} | ${row.tool} | ${ms(row.medianMs)} | ${range(row, ms)} | ${ratio(row.medianMs, best.ms)} | ${row.peakRssMb} MB | ${ratio(row.peakRssMb, best.rss)} | ${row.runs} | ${kept} |`);
      }
    }
  }
  out.push('');
  for (const note of DEV_NOTES) out.push(note, '');
  return out;
}
