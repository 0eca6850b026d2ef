import webpack, { type Compiler, type Watching } from 'webpack';
import type { AnyApp, WebpackHook } from '../config/AppManifest';
import type { LoadedConfig } from '../config/loadConfig';
import { createServerWebpackConfig } from '../webpack/createServerWebpackConfig';
import { createRedactor } from '../webpack/plugins/redactSecrets';
import type { FromServerBuild, ToServerBuild } from './serverBuildMessages';

/** The channel to the dev server: this process's IPC, or a stand-in in a spec. */
export interface ServerBuildChannel {
  on(event: 'message', listener: (message: ToServerBuild) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  send?(message: FromServerBuild): unknown;
  exit(code: number): never;
}

/**
 * The server build of a dev session, watched: it waits for the dev server's `watch` message, builds on every
 * change and reports each result. On `close`, or when the dev server is gone (the channel closes, even after
 * a SIGKILL), it stops watching, closes the compiler (which writes webpack's disk cache) and exits.
 */
export function runServerBuild(channel: ServerBuildChannel): void {
  let watching: Watching | undefined;
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    if (watching === undefined) return channel.exit(0);
    const compiler = watching.compiler;
    watching.close(() => compiler.close(() => channel.exit(0)));
  };
  channel.on('disconnect', close);
  channel.on('message', (message) => {
    if (message.kind === 'close') return close();
    if (watching !== undefined || closing) return;
    const compiler = serverCompilerOf(message);
    if (typeof compiler === 'string') return void channel.send?.({ kind: 'failed', message: compiler });
    watching = compiler.watch({ aggregateTimeout: 100 }, (error, stats) => {
      const failed = error ?? (stats?.hasErrors() ? stats.toString('errors-only') : undefined);
      channel.send?.(failed === undefined ? { kind: 'built' } : { kind: 'failed', message: typeof failed === 'string' ? failed : failed.message });
    });
  });
}

/**
 * The dev server's server build, through the app's webpack hook when the manifest declares one (loaded here, in this
 * process, only then); or why it cannot be made (the hook's result was refused, by the toolkit or by webpack), redacted.
 */
function serverCompilerOf(message: Extract<ToServerBuild, { kind: 'watch' }>): Compiler | string {
  // Only the secrets are read: the leak guard and the redaction of what the build prints.
  const loaded = { secrets: message.secrets } as unknown as LoadedConfig;
  try {
    const appHook = message.appHook ? loadHook(message.manifest) : undefined;
    return webpack(createServerWebpackConfig({ root: message.root, loaded, outDir: message.outDir, mode: 'development', manifest: message.manifest, appHook }));
  } catch (error) {
    return createRedactor(message.secrets)(error instanceof Error ? error.message : String(error));
  }
}

function loadHook(manifest: string): WebpackHook | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(manifest) as { default?: AnyApp }).default?.webpack;
}
