import TerserPlugin from 'terser-webpack-plugin';

type MinifyFunction = typeof TerserPlugin.swcMinify;

/** Where swc's error message ends and its native backtrace (addresses, `<unknown>` frames) begins. */
const BACKTRACE = /\n+Stack backtrace:[\s\S]*$/;

/**
 * terser-webpack-plugin's swc minifier, run in this process: `swc.minify` is
 * asynchronous native code on libuv's thread pool, so the chunks are minified
 * side by side on every core already, and worker processes (the plugin's
 * default for a minifier without worker-thread support) would only add a Node
 * heap each, and the time to start them. A parse error keeps swc's code frame
 * and loses its native backtrace, which says nothing to an app's author.
 */
export const swcInProcessMinify: MinifyFunction = Object.assign(
  async (...args: Parameters<MinifyFunction>) => {
    try {
      return await TerserPlugin.swcMinify(...args);
    } catch (error) {
      // swc's errors come from another realm than this one's Error: shaped like one, not instances.
      const problem = error as { message?: unknown; stack?: unknown };
      if (typeof problem.message === 'string') problem.message = problem.message.replace(BACKTRACE, '');
      if (typeof problem.stack === 'string') problem.stack = problem.stack.replace(BACKTRACE, '');
      throw error;
    }
  },
  {
    getMinimizerVersion: TerserPlugin.swcMinify.getMinimizerVersion,
    filter: TerserPlugin.swcMinify.filter,
    supportsWorker: () => false,
    supportsWorkerThreads: () => false,
  },
);
