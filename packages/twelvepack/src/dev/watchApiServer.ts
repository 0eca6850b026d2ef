import { join } from 'node:path';
import type { LoadedConfig } from '../config/loadConfig';
import { createApiProcess, type ApiProcess } from './createApiProcess';
import { forkServerBuild } from './forkServerBuild';

/** Options for {@link watchApiServer}. */
export interface ApiWatchOptions {
  readonly root: string;
  readonly loaded: LoadedConfig;
  /** The environment the API child gets. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly write: (text: string) => void;
  /** The app has a webpack hook (src/app.ts): the server build's process loads the manifest to apply it. */
  readonly appHook?: boolean;
}

/** The API side of a dev session: its process, the first build and start, and how to stop watching. */
export interface ApiWatch {
  readonly api: ApiProcess;
  /** Resolves once the first server build is done and its child listens (or either failed, reported). */
  readonly firstStart: Promise<void>;
  close(): Promise<void>;
}

/**
 * The app's server, built in development mode on every change of its code (in a process of its own,
 * forkServerBuild, beside the client's compile) and run in a child process
 * (createApiProcess) on a port of its own, with SERVE_CLIENT=false: the dev server serves the client.
 * A build that fails is reported and the last good child keeps answering.
 */
export function watchApiServer({ root, loaded, env, write, appHook = false }: ApiWatchOptions): ApiWatch {
  const serverOut = join(root, '.cache', 'twelvepack', 'dev-server');
  const api = createApiProcess({
    entry: join(serverOut, 'main.js'),
    env: { ...definedOnly(env), NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', SERVE_CLIENT: 'false', WEB_CONCURRENCY: '1' },
    write,
  });
  let started: () => void = () => undefined;
  const firstStart = new Promise<void>((resolve) => (started = resolve));
  const build = forkServerBuild({
    root,
    outDir: serverOut,
    manifest: join(root, 'src', 'app'),
    secrets: loaded.secrets,
    appHook,
    onBuild: (failure) => {
      if (failure !== undefined) {
        write(`\n  Server build failed; the API keeps running the last good build:\n${failure}\n\n`);
        started();
        return;
      }
      void api.restart().then(started);
    },
    onExit: (how) => {
      write(`\n  The server build stopped (${how}): server edits are not rebuilt. Stop the dev server (Ctrl-C) and run npm run dev again.\n\n`);
      started();
    },
  });
  return {
    api,
    firstStart,
    close: async () => {
      // The build process writes webpack's disk cache as it closes, so the next start is warm.
      await build.close();
      await api.stop();
    },
  };
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
