import { watch } from 'node:fs';
import { join } from 'node:path';
import type { AnyApp } from '../config/AppManifest';
import { AppHookError } from '../config/AppHookError';
import { AppLoadError } from '../config/AppLoadError';
import { ConfigError } from '../config/ConfigError';
import { AppDeclarationError, loadAppConfig } from '../config/loadAppConfig';
import { refreshGeneratedFiles } from '../config/writeGeneratedFiles';
import { PortInUseError } from './checkPortFree';
import { startDevSession, type DevSession } from './startDevSession';

/**
 * `npm run dev`: starts a development session, restarts it when a `.env` file
 * or the app's manifest (src/app.ts: variables, pages, routes) changes (a bad
 * value is reported and the last good session keeps running), and stops
 * everything it started on Ctrl-C.
 *
 * @param loadApp reads src/app.ts afresh (its new routes, variables and pages)
 */
export async function runDev(root: string, loadApp: () => AnyApp): Promise<void> {
  const write = (text: string) => void process.stdout.write(text);
  let session: DevSession | undefined;
  let queue = Promise.resolve();

  const start = async (): Promise<void> => {
    let app;
    let loaded;
    try {
      app = loadApp();
      loaded = loadAppConfig(app, { mode: 'development', dir: root });
    } catch (error) {
      // A bad value, a bad declaration, or an app that does not load (a syntax error): reported, the last good session kept.
      write(`\n${reportedLoadProblem(error)}\n\n`);
      return;
    }
    // The declarations changed what .env.example and the browser types say: keep them current, as `env:example` would.
    const refreshed = refreshGeneratedFiles(app, root);
    if (refreshed.length > 0) write(`\n  Updated ${refreshed.join(' and ')} from the variables in src/app.ts.\n`);
    if (session !== undefined) {
      await session.close();
      session = undefined;
    }
    try {
      session = await startDevSession({ root, app, loaded, env: loaded.loaded.values, write });
    } catch (error) {
      // The app's webpack hook refused the client's configuration: reported, and the next save of src/app.ts starts again.
      write(`\n${reportedLoadProblem(error)}\n\n`);
      return;
    }
    write(`\n  twelvepack dev server ready at ${session.url}\n\n`);
  };

  let debounce: NodeJS.Timeout | undefined;
  const restartOn = (name: string) => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      write(`\n  ${name} changed: restarting.\n`);
      queue = queue.then(start).catch(fail);
    }, 200);
  };
  const envWatcher = watch(root, (_event, file) => {
    if (file === null || !String(file).startsWith('.env') || String(file) === '.env.example') return;
    restartOn(String(file));
  });
  const appWatcher = watch(join(root, 'src'), (_event, file) => {
    if (file !== null && /^app\.(ts|tsx|js)$/.test(String(file))) restartOn(`src/${String(file)}`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    write(`\n  ${signal}: stopping the dev server.\n`);
    envWatcher.close();
    appWatcher.close();
    void queue
      .then(() => session?.close())
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const fail = (error: unknown) => {
    write(error instanceof PortInUseError ? `\n  ${error.message}\n` : `\n  The dev server failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
    envWatcher.close();
    appWatcher.close();
    void session?.close();
  };
  queue = queue.then(start).catch(fail);
  await queue;
}

/** A problem loading the app or its configuration, with the one thing to do next; any other error is rethrown. */
function reportedLoadProblem(error: unknown): string {
  if (error instanceof AppLoadError) return `${error.message}\n  Fix it and save: the dev server restarts.`;
  if (error instanceof AppHookError) return `${error.message}\n  Fix it in src/app.ts and save: the dev server restarts.`;
  if (error instanceof ConfigError || error instanceof AppDeclarationError) return `${error.message}\n  Fix it in .env (or .env.development) or src/app.ts and save: the dev server restarts.`;
  throw error;
}
