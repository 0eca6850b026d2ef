import type { PeerBuildRow } from './peers/benchPeersBuild';
import type { PeerDevRow } from './peers/benchPeersDev';
import type { ServingRow } from './serving/benchServing';

/** What bench/RESULTS.json holds: the rows of the suites that compare tools, for scripts to read. */
export interface ResultsJson {
  readonly command: string;
  readonly machine: string;
  readonly build: { readonly modules: number; readonly rows: readonly PeerBuildRow[] };
  readonly dev: { readonly modules: number; readonly rows: readonly PeerDevRow[] };
  readonly serving: { readonly rows: readonly ServingRow[] };
}

/** The JSON text of a run's results, stable key order, newline-terminated. Pure. */
export function resultsJson(results: ResultsJson): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
