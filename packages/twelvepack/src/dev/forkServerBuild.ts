import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SecretValue } from '../config/collectSecrets';
import type { FromServerBuild, ToServerBuild } from './serverBuildMessages';

/** Options for {@link forkServerBuild}. */
export interface ServerBuildOptions {
  readonly root: string;
  readonly outDir: string;
  /** The app's manifest module (src/app). */
  readonly manifest: string;
  readonly secrets: readonly SecretValue[];
  /** The manifest declares a webpack hook, which the build's process then loads the manifest to apply. */
  readonly appHook?: boolean;
  /** Called after every build: its errors, or undefined when it built. */
  readonly onBuild: (failure: string | undefined) => void;
  /** Called if the build process stops on its own (a crash), with how it stopped. */
  readonly onExit: (how: string) => void;
}

/** The server build of a dev session, running in its own process. */
export interface ServerBuild {
  /** Stops watching; resolves once the process has written webpack's cache and exited. */
  close(): Promise<void>;
}

const CHILD = join(__dirname, 'serverBuildChild.js');

/**
 * Starts the dev session's server build in a child Node (serverBuildChild.js → runServerBuild.ts), so it compiles
 * on another core while the dev server compiles the client, and reports each build through IPC.
 */
export function forkServerBuild({ root, outDir, manifest, secrets, appHook = false, onBuild, onExit }: ServerBuildOptions): ServerBuild {
  const child = fork(CHILD, [], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let closing = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!closing) onExit(signal ?? `exit code ${code}`);
      resolve();
    }),
  );
  child.on('message', (message: FromServerBuild) => onBuild(message.kind === 'built' ? undefined : message.message));
  const send = (message: ToServerBuild) => {
    if (child.connected) child.send(message);
  };
  send({ kind: 'watch', root, outDir, manifest, secrets, appHook });
  return {
    close: async () => {
      closing = true;
      send({ kind: 'close' });
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}
