// A webpack loader in front of babel-loader, in every build: with `workers` above 0 its
// pitch hands the rest of the chain to thread-loader's pool of worker processes;
// with 0 it steps aside and Babel runs in the build's own process. It stays in the
// chain either way because webpack's deterministic module ids hash each module's
// loader chain: with thread-loader there only when workers run, the same sources
// would get other ids, so other content hashes, on a machine with another CPU count.
'use strict';

const threadLoader = require('thread-loader');

/**
 * @typedef {import('./babelWorkers').BabelWorkerOptions} TranspileOptions
 * @typedef {import('webpack').LoaderContext<TranspileOptions>} LoaderContext
 */

/**
 * The pitch: in a worker (thread-loader: one pool per options, shared by every rule and both bundles), or not at all.
 * @this {LoaderContext}
 * @returns {void}
 */
function pitch() {
  if (this.getOptions().workers <= 0) return undefined;
  const context = this;
  // thread-loader's errors open their stack with `Thread Loader (Worker 0)` instead of Babel's `SyntaxError: …`:
  // it runs on a view of this context whose `async` callback puts Babel's first.
  /** @type {LoaderContext} */
  const reporting = Object.create(context, {
    async: {
      value: () => {
        const callback = context.async();
        return /** @type {typeof callback} */ ((error, ...results) => callback(error ? asBabelReported(error) : error, ...results));
      },
    },
  });
  return threadLoader.pitch.call(reporting);
}

// A pitch and no normal phase: when no worker ran the chain, webpack passes Babel's output (and map) on as it is.
module.exports = { pitch };

/**
 * A worker's error as the build prints it without workers: its stack opening with the message (Babel's, code frame
 * included), then the frames. The name (`SyntaxError`) stays behind in the worker: thread-loader sends the message,
 * the stack and the details only.
 * @param {Error} error
 * @returns {Error}
 */
function asBabelReported(error) {
  if (typeof error.stack === 'string' && error.stack.startsWith('Thread Loader (Worker ')) {
    const frames = error.stack.split('\n').filter((line) => line.trim().startsWith('at '));
    error.stack = [error.name ? `${error.name}: ${error.message}` : error.message, ...frames].join('\n');
  }
  return error;
}
