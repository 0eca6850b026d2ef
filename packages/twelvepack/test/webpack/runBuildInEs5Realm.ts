import { runInEs5Realm, type FetchedScript, type RealmError } from '../../src/testing/runInEs5Realm';
import type { FixtureOutput } from './runFixtureBuild';
import { serveBuild } from './serveBuild';

/** What a build's page wrote into `document.body.dataset.out` in the ES5 realm, and what went wrong meanwhile. */
export interface Es5PageRun {
  readonly out: string | undefined;
  readonly errors: readonly RealmError[];
  readonly scripts: readonly FetchedScript[];
}

/**
 * Serves a fixture build's files on 127.0.0.1 (and `answers` as JSON at their paths, as an API would: serveBuild.ts)
 * and runs its page in the ES5 realm (jsdom with ES5 built-ins only, nomodule scripts only, as IE 11 would) until the
 * page sets `document.body.dataset.out`.
 */
export async function runBuildInEs5Realm(build: FixtureOutput, answers: Readonly<Record<string, unknown>> = {}): Promise<Es5PageRun> {
  const served = await serveBuild(build, answers);
  try {
    const realm = await runInEs5Realm<{ document: { body: { dataset: Record<string, string | undefined> } } }>({
      url: served.url,
      until: ({ document }) => document.body.dataset.out !== undefined,
      timeoutMs: 20_000,
    });
    const out = realm.window.document.body.dataset.out;
    realm.close();
    return { out, errors: realm.errors, scripts: realm.scripts };
  } finally {
    await served.close();
  }
}
