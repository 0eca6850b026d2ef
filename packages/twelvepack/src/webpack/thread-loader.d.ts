// thread-loader ships no types: what transpileLoader.js calls of it.
declare module 'thread-loader' {
  import type { LoaderContext } from 'webpack';

  /** Runs the loaders after the calling one in the worker pool its options describe, and calls back with their result. */
  export function pitch(this: LoaderContext<unknown>): void;
}
