// The one server entry: it reads the configuration, opens the app's services,
// listens, and handles signals. Everything else is a factory that it wires
// together. The app comes in through one door: its manifest, src/app.ts, which
// the server build resolves for `twelvepack-app`.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import app from 'twelvepack-app';
import type { Services } from '../config/AppManifest';
import { buildIdOf } from '../config/AssetManifest';
import { loadAppConfigOrExit, type LoadedConfig } from '../config/loadAppConfig';
import { localUrl } from '../config/reachableHost';
import { redactConfig } from '../config/redactConfig';
import { workerCount } from '../config/workerCount';
import { createServer } from './createServer';
import { createGracefulShutdown } from './lifecycle/createGracefulShutdown';
import { createProcessState } from './lifecycle/createProcessState';
import { superviseWorkers } from './lifecycle/superviseWorkers';
import type { WorkerMessage } from './lifecycle/workerMessages';
import { isWorkerMessage } from './lifecycle/workerMessages';
import { createLogger, type Logger } from './logger';
import { loadStaticTable, type LoadedStatic } from './static/loadStaticTable';

/** The client build, beside this bundle (dist/server/main.js → dist/client). */
const CLIENT_DIR = join(__dirname, '..', 'client');

const notifyPrimary = (message: WorkerMessage) => process.send?.(message);

/** Signals that ask the cluster primary for a rolling restart. */
const RESTART_SIGNALS = ['SIGHUP', 'SIGUSR2'] as const;

function main(): void {
  const loaded = loadAppConfigOrExit(app, {});
  // A cluster's processes share stdout: their writes must stay atomic (logger.ts).
  const sharedStdout = cluster.isWorker || workerCount(loaded.config).workers > 1;
  const logger = createLogger({ level: loaded.config.LOG_LEVEL, sharedStdout });
  if (cluster.isPrimary && workerCount(loaded.config).workers > 1) startPrimary(loaded, logger);
  else void startWorker(loaded, logger);
}

function startPrimary({ config, schema }: LoadedConfig, logger: Logger): void {
  logger.info({ ...workerCount(config), config: redactConfig(config, schema) }, 'starting cluster primary');
  const supervisor = superviseWorkers({
    count: workerCount(config).workers,
    logger,
    fork: () => cluster.fork(),
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    exit: (code) => process.exit(code),
  });
  onSignals(logger, (signal) => supervisor.shutdown(signal));
  // SIGHUP (and SIGUSR2, which process managers such as nodemon send for a restart): a rolling restart.
  for (const signal of RESTART_SIGNALS) process.on(signal, () => void supervisor.restart(signal));
}

async function startWorker({ config, publicEnv, schema }: LoadedConfig, logger: Logger): Promise<void> {
  const die = (error: unknown, message: string) => {
    logger.fatal({ err: error }, message);
    notifyPrimary({ type: 'twelvepack:fatal', message: `${message}: ${(error as Error)?.message ?? String(error)}` });
    logger.flush(() => process.exit(1));
  };
  process.on('uncaughtException', (error) => die(error, 'uncaught exception'));
  process.on('unhandledRejection', (error) => die(error, 'unhandled promise rejection'));

  const state = createProcessState();
  let staticFiles: LoadedStatic | undefined;
  try {
    if (config.SERVE_CLIENT) staticFiles = loadStaticTable({ dir: CLIENT_DIR, publicEnv, serveSourceMaps: config.SERVE_SOURCE_MAPS });
  } catch (error) {
    die(error, 'could not load the client build');
    return;
  }
  // The backing services are attached once per process, here, and shared by every request.
  let services: Services | undefined;
  try {
    services = await app.services?.(config, { logger });
  } catch (error) {
    die(error, 'could not open the services declared in src/app.ts');
    return;
  }

  for (const problem of staticFiles?.unreadableKeptBuilds ?? []) {
    logger.warn({ problem }, 'a previous build kept in dist/client/.previous cannot be read: its hashed files are not served (the next build drops it)');
  }
  // Without a client build to name it, the server bundle itself does.
  const buildId = staticFiles?.buildId ?? buildIdOf(readFileSync(__filename));
  const server = createServer({ logger, staticFiles, readiness: state, trustProxy: config.TRUST_PROXY, routes: app.routes, config, services });
  const shutdown = createGracefulShutdown({
    server,
    logger,
    state,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    closers: services === undefined ? [] : [() => services.close()],
    exit: (code) => process.exit(code),
  });

  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint =
      error.code === 'EADDRINUSE'
        ? `Port ${config.PORT} is already in use: stop the other process or set PORT to a free port.`
        : `Cannot listen on ${config.HOST}:${config.PORT}: check HOST and PORT.`;
    die(error, hint);
  });
  server.listen(config.PORT, config.HOST, () => {
    state.markReady();
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
    logger.info({ url: localUrl(config.HOST, port), port, buildId, keptBuilds: staticFiles?.keptBuilds, ...workerCount(config), config: redactConfig(config, schema) }, 'listening');
    notifyPrimary({ type: 'twelvepack:ready', buildId });
  });

  onSignals(logger, shutdown);
  process.on('message', (message: unknown) => {
    if (isWorkerMessage(message) && message.type === 'twelvepack:shutdown') shutdown(message.reason);
  });
  // Started with an IPC channel (a cluster worker, or the dev server's API process): when the parent dies, even by
  // SIGKILL, the channel closes, and this process must not stay behind, listening; it stops gracefully, so the
  // requests it holds are answered and its log lines written. (Node would exit a cluster worker at once.)
  if (cluster.worker !== undefined) cluster.worker.exitedAfterDisconnect = true;
  if (process.send !== undefined) process.once('disconnect', () => shutdown(cluster.isWorker ? 'primary process gone' : 'parent process gone'));
  for (const signal of RESTART_SIGNALS) {
    process.on(signal, () => {
      if (cluster.isWorker) logger.info({ signal }, 'restart signal ignored by a worker: send it to the primary');
      else shutdown(signal);
    });
  }
}

/** First SIGTERM or SIGINT: graceful shutdown. A second signal: exit at once. */
function onSignals(logger: Logger, shutdown: (reason: string) => void): void {
  let received = 0;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      received += 1;
      if (received === 1) return shutdown(signal);
      logger.warn({ signal }, 'second signal: exiting now');
      logger.flush(() => process.exit(1));
    });
  }
}

main();
