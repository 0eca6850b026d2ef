import TerserPlugin from 'terser-webpack-plugin';

type MinifyFunction = typeof TerserPlugin.esbuildMinify;

/** esbuild's refusal to lower syntax newer than the target: the input is not ES5. */
const NOT_ES5_INPUT = /to the configured target environment \("es5"\) is not supported yet/;

/**
 * terser-webpack-plugin's esbuild minifier, except for input that is not ES5
 * (a dependency left untranspiled): esbuild refuses to lower it, and the chunk
 * is passed on as it is, so the ES5 guard reports it once, naming the module
 * through the source map, instead of a minifier error per chunk beside it.
 */
export const esbuildEs5Minify: MinifyFunction = Object.assign(
  async (...args: Parameters<MinifyFunction>) => {
    const [input, sourceMap] = args;
    try {
      return await TerserPlugin.esbuildMinify(...args);
    } catch (error) {
      const errors = (error as { errors?: { text: string }[] }).errors ?? [];
      if (errors.length === 0 || !errors.every((problem) => NOT_ES5_INPUT.test(problem.text))) throw error;
      const [code] = Object.values(input);
      return { code: code ?? '', map: sourceMap };
    }
  },
  {
    getMinimizerVersion: TerserPlugin.esbuildMinify.getMinimizerVersion,
    filter: TerserPlugin.esbuildMinify.filter,
    // In this process: esbuild's own service (one native process, every core) does the work, so worker
    // processes would only add their Node heaps (and could not run a closure like this one).
    supportsWorker: () => false,
    supportsWorkerThreads: () => false,
  },
);
